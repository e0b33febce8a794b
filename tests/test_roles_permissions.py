"""The permission matrix: each role × each admin action, through Wagtail's own views."""

import pytest
from django.contrib.auth.models import Group
from wagtail.images import get_image_model
from wagtail.models import Page

from hanoi_creative.newsroom.roles import group_name
from tests.newsroom_forms import page_edit_data

pytestmark = pytest.mark.django_db

ROLES = ("reporters", "editors", "translators")


@pytest.fixture
def world(db, django_user_model, make_article, programme_pages, news_index, home):
    def user(name, role):
        account = django_user_model.objects.create_user(name, f"{name}@example.com", "password")
        account.groups.add(Group.objects.get(name=group_name(role)))
        return account

    people = {role: user(f"acting-{role}", role) for role in ROLES}
    colleague = user("colleague", "reporters")
    pages = list(programme_pages.values())
    return {
        "people": people,
        "colleague": colleague,
        "index": news_index,
        "home": home,
        "programme_page": pages[0],
        "other_programme_page": pages[1],
        "make_article": make_article,
    }


def get_ok(client, url):
    return client.get(url).status_code == 200


def own_draft(world, user):
    return world["make_article"]("Bài của tôi", owner=user)


def colleague_draft(world):
    return world["make_article"]("Bài của đồng nghiệp", owner=world["colleague"])


def colleague_live(world):
    return world["make_article"]("Bài đã đăng", "Published story", owner=world["colleague"], live=True)


def enter_admin(client, user, world):
    return get_ok(client, "/admin/")


def create_article(client, user, world):
    return get_ok(client, f"/admin/pages/add/news/articlepage/{world['index'].pk}/")


def edit_own_article(client, user, world):
    return get_ok(client, f"/admin/pages/{own_draft(world, user).pk}/edit/")


def edit_colleagues_article(client, user, world):
    return get_ok(client, f"/admin/pages/{colleague_draft(world).pk}/edit/")


def publish_article(client, user, world):
    article = (
        colleague_draft(world)
        if user.groups.filter(name__contains="Editors").exists()
        else own_draft(world, user)
    )
    if not article.permissions_for_user(user).can_edit():
        return False
    data = page_edit_data(article, user)
    client.post(f"/admin/pages/{article.pk}/edit/", {**data, "action-publish": "1"})
    return Page.objects.get(pk=article.pk).live


def unpublish_article(client, user, world):
    article = colleague_live(world)
    client.post(f"/admin/pages/{article.pk}/unpublish/", {})
    return not Page.objects.get(pk=article.pk).live


def delete_colleagues_draft(client, user, world):
    article = colleague_draft(world)
    client.post(f"/admin/pages/{article.pk}/delete/", {})
    return not Page.objects.filter(pk=article.pk).exists()


def delete_colleagues_live_article(client, user, world):
    article = colleague_live(world)
    client.post(f"/admin/pages/{article.pk}/delete/", {})
    return not Page.objects.filter(pk=article.pk).exists()


def delete_own_draft(client, user, world):
    article = own_draft(world, user)
    client.post(f"/admin/pages/{article.pk}/delete/", {})
    return not Page.objects.filter(pk=article.pk).exists()


def edit_programme_page(client, user, world):
    return get_ok(client, f"/admin/pages/{world['programme_page'].pk}/edit/")


def create_programme_page(client, user, world):
    return get_ok(client, f"/admin/pages/add/core/standardpage/{world['home'].pk}/")


def publish_programme_page(client, user, world):
    page = world["programme_page"]
    if not page.permissions_for_user(user).can_edit():
        return False
    data = page_edit_data(page, user)
    data["title_en"] = "Republished title"
    client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"})
    return Page.objects.get(pk=page.pk).title_en == "Republished title"


def move_programme_page(client, user, world):
    page, destination = world["programme_page"], world["other_programme_page"]
    client.post(f"/admin/pages/{page.pk}/move/{destination.pk}/confirm/", {})
    return Page.objects.get(pk=page.pk).get_parent().pk == destination.pk


def delete_draft_programme_page(client, user, world):
    # A draft is what Wagtail lets "change without publish" (the translators) delete.
    from hanoi_creative.core.models import StandardPage

    draft = StandardPage(title_vi="Trang nháp", slug_vi="trang-nhap", live=False)
    world["home"].add_child(instance=draft)
    client.post(f"/admin/pages/{draft.pk}/delete/", {})
    return not Page.objects.filter(pk=draft.pk).exists()


def upload_image(client, user, world):
    return get_ok(client, "/admin/images/add/")


def edit_image(client, user, world):
    return get_ok(client, f"/admin/images/{get_image_model().objects.first().pk}/")


def delete_image(client, user, world):
    image = get_image_model().objects.first()
    client.post(f"/admin/images/{image.pk}/delete/", {})
    return not get_image_model().objects.filter(pk=image.pk).exists()


def add_category(client, user, world):
    return get_ok(client, "/admin/snippets/news/category/add/")


def edit_category(client, user, world):
    from news.models import Category

    return get_ok(client, f"/admin/snippets/news/category/edit/{Category.objects.first().pk}/")


def delete_category(client, user, world):
    from news.models import Category

    category = Category.objects.create(name_vi="Chuyên mục tạm")
    client.post(f"/admin/snippets/news/category/delete/{category.pk}/", {})
    return not Category.objects.filter(pk=category.pk).exists()


def add_author(client, user, world):
    return get_ok(client, "/admin/snippets/news/author/add/")


def add_tag(client, user, world):
    return get_ok(client, "/admin/snippets/news/tag/add/")


def approve_submission(client, user, world):
    article = colleague_draft(world)
    article.get_workflow().start(article, world["colleague"])
    task_state = article.current_workflow_task_state
    client.post(f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/", {"comment": ""})
    return Page.objects.get(pk=article.pk).live


def manage_users(client, user, world):
    return get_ok(client, "/admin/users/")


#: action → (reporters, editors, translators)
MATRIX = {
    enter_admin: (True, True, True),
    create_article: (True, True, False),
    edit_own_article: (True, True, True),
    edit_colleagues_article: (False, True, True),
    publish_article: (False, True, False),
    unpublish_article: (False, True, False),
    delete_own_draft: (True, True, False),
    delete_colleagues_draft: (False, True, False),
    delete_colleagues_live_article: (False, True, False),
    edit_programme_page: (False, True, True),
    create_programme_page: (False, True, False),
    publish_programme_page: (False, True, False),
    move_programme_page: (False, True, False),
    delete_draft_programme_page: (False, True, False),
    upload_image: (True, True, False),
    edit_image: (False, True, True),
    delete_image: (False, True, False),
    add_category: (False, True, False),
    edit_category: (False, True, True),
    delete_category: (False, True, False),
    add_author: (False, True, False),
    add_tag: (False, True, False),
    approve_submission: (False, True, False),
    manage_users: (False, False, False),
}

CASES = [
    pytest.param(role, action, expected[i], id=f"{role}-{action.__name__}")
    for action, expected in MATRIX.items()
    for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize("role,action,expected", CASES)
def test_permission_matrix(client, world, role, action, expected):
    user = world["people"][role]
    client.force_login(user)
    assert action(client, user, world) is expected


@pytest.mark.parametrize("role,expected", [("translators", False), ("editors", True)])
def test_bulk_delete_follows_the_same_rule(client, world, role, expected):
    from hanoi_creative.core.models import StandardPage

    draft = StandardPage(title_vi="Trang nháp hàng loạt", slug_vi="trang-nhap-hang-loat", live=False)
    world["home"].add_child(instance=draft)
    client.force_login(world["people"][role])
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}", {})
    assert (not Page.objects.filter(pk=draft.pk).exists()) is expected


@pytest.mark.parametrize("role,expected", [("translators", False), ("editors", True)])
def test_bulk_image_delete_follows_the_same_rule(client, world, role, expected):
    image = get_image_model().objects.first()
    client.force_login(world["people"][role])
    client.post(f"/admin/bulk/core/siteimage/delete/?id={image.pk}", {})
    assert (not get_image_model().objects.filter(pk=image.pk).exists()) is expected


def test_refusal_says_why_in_the_editors_language(client, world):
    from wagtail.users.models import UserProfile

    translator = world["people"]["translators"]
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "vi"
    profile.save()
    image = get_image_model().objects.first()
    client.force_login(translator)
    response = client.post(f"/admin/images/{image.pk}/delete/", {}, follow=True)
    assert "Vai trò của bạn không được xóa ảnh" in response.content.decode()
