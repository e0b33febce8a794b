"""The newsroom's roles exist from the migrations, with both-language names and their grants."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from hanoi_creative.newsroom import roles

pytestmark = pytest.mark.django_db


def test_three_roles_exist_with_names_in_both_languages():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Phóng viên / Reporters", "Biên tập viên / Editors", "Biên dịch viên / Translators"} <= names


def test_stock_wagtail_groups_are_retired():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_every_role_may_enter_the_admin():
    for role in roles.GROUP_NAMES:
        group = Group.objects.get(name=roles.group_name(role))
        assert group.permissions.filter(codename="access_admin").exists()


def test_only_editors_may_publish_and_they_do_so_everywhere():
    root = Page.get_first_root_node()
    publishers = GroupPagePermission.objects.filter(permission__codename="publish_page")
    assert {p.group.name for p in publishers} == {roles.group_name(roles.EDITORS)}
    assert publishers.get().page_id == root.pk


def test_reporters_write_in_the_news_section_only(news_index):
    grants = GroupPagePermission.objects.filter(group__name=roles.group_name(roles.REPORTERS))
    assert {(g.page_id, g.permission.codename) for g in grants} == {(news_index.pk, "add_page")}


def test_editorial_workflow_covers_the_news_section(news_index):
    workflow = Workflow.objects.get(name="Duyệt bài / Editorial review")
    assert workflow.active
    assert WorkflowPage.objects.get(page=news_index).workflow == workflow
    assert news_index.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Biên tập viên / Editors"]


def test_programme_pages_go_through_the_same_review(programme_pages):
    workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
    for page in programme_pages.values():
        assert page.get_workflow() == workflow


def test_a_new_news_section_is_set_up_when_created(home, news_index):
    from news.models import NewsIndexPage

    # max_count is 1, so drop the existing one inside this rolled-back test first.
    news_index.delete()
    index = NewsIndexPage(title_vi="Tin mới", slug_vi="tin-moi")
    home.add_child(instance=index)
    assert WorkflowPage.objects.filter(page=index).exists()
    assert GroupPagePermission.objects.filter(
        page=index, group__name=roles.group_name(roles.REPORTERS), permission__codename="add_page"
    ).exists()


def test_setup_is_idempotent(news_index):
    from hanoi_creative.newsroom.setup import ensure_newsroom

    before = (GroupPagePermission.objects.count(), Group.objects.count(), Workflow.objects.count())
    ensure_newsroom()
    ensure_newsroom()
    assert (GroupPagePermission.objects.count(), Group.objects.count(), Workflow.objects.count()) == before


def test_roles_are_recognised_from_group_membership(reporter, editor, translator, admin_user):
    assert roles.may_edit_source_language(reporter)
    assert roles.may_edit_source_language(editor)
    assert roles.may_edit_source_language(admin_user)
    assert not roles.may_edit_source_language(translator)
