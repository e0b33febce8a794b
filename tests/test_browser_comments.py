"""In a real browser: readers comment with and without JavaScript, the comments stay hidden
until an editor approves them in the admin, then show on the next request."""

import pytest
from playwright.sync_api import expect

from tests.comments_helpers import comment_article
from tests.news_helpers import page_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"
NO_JS_TEXT = "Bình luận gửi khi tắt JavaScript, về không gian sáng tạo."
JS_TEXT = "Bình luận gửi tại chỗ bằng JavaScript, mong có thêm bản đồ."


def fill_form(page, name, text):
    page.fill("#comment-name", name)
    page.fill("#comment-email", "reader@example.com")
    page.fill("#comment-body", text)
    page.click(".comment-form__submit")


def test_readers_comment_and_an_editor_approves_in_the_admin(
    browser, live_server, django_user_model, settings
):
    from django.contrib.auth.models import Group

    from hanoi_creative.newsroom.roles import group_name

    settings.COMMENTS_MIN_SECONDS = 0
    article = comment_article()
    address = live_server.url + page_url(article, "vi")

    # Without JavaScript: an ordinary POST and an answer page in Vietnamese.
    plain = browser.new_context(java_script_enabled=False)
    page = plain.new_page()
    page.goto(address)
    fill_form(page, "Độc giả không JS", NO_JS_TEXT)
    page.wait_for_selector(".comments__message--awaiting")
    assert "chờ duyệt" in page.inner_text(".comments__message--awaiting")

    # With JavaScript: the answer appears in place, the reader stays on the article.
    scripted = browser.new_context()
    page = scripted.new_page()
    page.goto(address)
    fill_form(page, "Độc giả có JS", JS_TEXT)
    # A locator wait, not wait_for_function: the site's CSP refuses the eval that one needs.
    expect(page.locator("[data-status]")).to_contain_text("chờ duyệt")
    assert page.url == address
    assert page.input_value("#comment-body") == ""

    page.reload()
    html = page.content()
    assert NO_JS_TEXT not in html and JS_TEXT not in html

    # An editor approves both in the admin.
    editor = django_user_model.objects.create_user("bientap", "bientap@example.com", PASSWORD)
    editor.groups.add(Group.objects.get(name=group_name("editors")))
    admin = browser.new_context().new_page()
    admin.goto(f"{live_server.url}/admin/login/")
    admin.fill("input[name=username]", "bientap")
    admin.fill("input[name=password]", PASSWORD)
    admin.click("button[type=submit]")
    admin.wait_for_url(f"{live_server.url}/admin/")
    assert admin.locator("[data-comments-pending]").get_attribute("data-comments-pending") == "3"
    admin.goto(f"{live_server.url}/admin/comments/")
    for text in (NO_JS_TEXT, JS_TEXT):
        row = admin.locator("tr[data-comment]", has_text=text)
        row.locator("input[type=checkbox]").check()
    admin.click("button[value=approve]")
    admin.wait_for_selector(".messages")

    page.reload()
    html = page.content()
    assert NO_JS_TEXT in html and JS_TEXT in html
    plain.close()
    scripted.close()
