"""Editorial review: a reporter submits, editors approve (publish or schedule) or reject."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from news.models import ArticlePage
from tests.newsroom_forms import page_create_data

pytestmark = pytest.mark.django_db


def submit_new_article(client, reporter, index, category, title="Phố sách Hà Nội mở cửa trở lại", **values):
    client.force_login(reporter)
    data = page_create_data(
        ArticlePage,
        index,
        reporter,
        title_vi=title,
        slug_vi="pho-sach-ha-noi-mo-cua-tro-lai",
        lead_vi="Phố sách 19/12 đón bạn đọc sau thời gian sửa chữa.",
        category=category.pk,
        **values,
    )
    response = client.post(f"/admin/pages/add/news/articlepage/{index.pk}/", {**data, "action-submit": "1"})
    assert response.status_code == 302, response.context["form"].errors
    return ArticlePage.objects.get(slug_vi="pho-sach-ha-noi-mo-cua-tro-lai")


def act(client, editor, article, action, comment=""):
    client.force_login(editor)
    task_state = article.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{article.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )


def listing(client):
    client.logout()
    return client.get("/vi/tin-tuc/").content.decode()


def test_reporter_submission_waits_for_the_editors(client, reporter, editor, news_index, newsroom_category):
    article = submit_new_article(client, reporter, news_index, newsroom_category)
    assert not article.live
    assert article.owner == reporter
    state = WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Duyệt bài / Editorial review"
    assert TaskState.objects.reviewable_by(editor).filter(workflow_state=state).exists()
    assert not TaskState.objects.reviewable_by(reporter).exists()
    assert "Phố sách Hà Nội" not in listing(client)


def test_editor_approval_publishes_to_the_listing(client, reporter, editor, news_index, newsroom_category):
    article = submit_new_article(client, reporter, news_index, newsroom_category)
    response = act(client, editor, article, "approve", "Tốt, đăng luôn.")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == WorkflowState.STATUS_APPROVED
    assert "Phố sách Hà Nội mở cửa trở lại" in listing(client)
    assert client.get(article.url_in("vi")).status_code == 200


def test_approval_with_a_go_live_time_schedules(client, reporter, editor, news_index, newsroom_category):
    go_live = timezone.localtime() + timedelta(days=2)
    article = submit_new_article(
        client, reporter, news_index, newsroom_category, go_live_at=go_live.strftime("%d/%m/%Y %H:%M")
    )
    act(client, editor, article, "approve")
    article.refresh_from_db()
    assert not article.live
    revision = article.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert abs(revision.approved_go_live_at - go_live) < timedelta(minutes=1)
    assert "Phố sách Hà Nội" not in listing(client)


def test_editor_rejects_with_a_comment(client, reporter, editor, news_index, newsroom_category):
    article = submit_new_article(client, reporter, news_index, newsroom_category)
    act(client, editor, article, "reject", "Thiếu nguồn ảnh, bổ sung giúp.")
    article.refresh_from_db()
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(workflow_state=state).comment == "Thiếu nguồn ảnh, bổ sung giúp."
    # The reporter sees the request on the article and may submit again.
    client.force_login(reporter)
    page = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Thiếu nguồn ảnh, bổ sung giúp." in page
    assert Page.objects.get(pk=article.pk).permissions_for_user(reporter).can_edit()


def test_reporter_cannot_approve_their_own_submission(client, reporter, news_index, newsroom_category):
    article = submit_new_article(client, reporter, news_index, newsroom_category)
    response = act(client, reporter, article, "approve")
    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert not article.live


def test_reporter_cannot_publish_directly(client, reporter, news_index, newsroom_category):
    client.force_login(reporter)
    data = page_create_data(
        ArticlePage,
        news_index,
        reporter,
        title_vi="Tin tự đăng",
        slug_vi="tin-tu-dang",
        lead_vi="Sapo.",
        category=newsroom_category.pk,
    )
    client.post(f"/admin/pages/add/news/articlepage/{news_index.pk}/", {**data, "action-publish": "1"})
    article = ArticlePage.objects.filter(slug_vi="tin-tu-dang").first()
    assert article is None or not article.live
    assert "Tin tự đăng" not in listing(client)


def test_translator_submission_of_a_programme_page_reaches_editors(
    client, translator, editor, programme_pages
):
    from tests.newsroom_forms import page_edit_data

    page = next(iter(programme_pages.values()))
    client.force_login(translator)
    data = page_edit_data(page, translator)
    data["title_en"] = "Better English title"
    client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
    page.refresh_from_db()
    assert page.current_workflow_task_state is not None
    act(client, editor, page, "approve")
    page.refresh_from_db()
    assert page.title_en == "Better English title"
