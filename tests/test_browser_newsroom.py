"""In a real browser: a reporter writes an article with a photo and submits it for review, an
editor approves it, and it appears in the Vietnamese news listing."""

import pytest
from PIL import Image as PILImage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Hà Nội khai trương không gian sáng tạo ở phố Hàng Bạc"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "hang-bac.jpg"
    PILImage.new("RGB", (1200, 800), (180, 90, 40)).save(path, "JPEG", quality=85)
    return path


def make_user(django_user_model, username, role, language):
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    from hanoi_creative.newsroom.roles import group_name

    user = django_user_model.objects.create_user(username, f"{username}@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(role)))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def open_chooser(page, field_id):
    # The "choose" button of an empty chooser is the one outside the "chosen" dropdown.
    page.locator(f"#{field_id}-chooser .unchosen [data-chooser-action-choose]").click()


def choose_in_modal(page, field_id, choice_text):
    open_chooser(page, field_id)
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=choice_text).first.click()
    page.wait_for_selector(".modal-dialog", state="detached")


def _upload_photo(page, photo):
    """Upload the photo from the article's image chooser, alt text included."""
    open_chooser(page, "id_hero_image")
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    modal.locator("input[type=file]").set_input_files(str(photo))
    modal.locator("input[name$=title]").fill("Phố Hàng Bạc")
    modal.locator("textarea[name$=description_vi], input[name$=description_vi]").fill(
        "Phố Hàng Bạc vào buổi sáng"
    )
    modal.locator("form[enctype] button[type=submit]").click()
    page.wait_for_selector(".modal-dialog", state="detached")


def test_article_goes_from_reporter_to_public_listing(live_server, browser, django_user_model, photo):
    from news.models import ArticlePage, Category, NewsIndexPage

    index = NewsIndexPage.objects.get()
    category = Category.objects.first()
    make_user(django_user_model, "phongvien", "reporters", "vi")
    make_user(django_user_model, "bientap", "editors", "en")
    base = live_server.url

    # The reporter writes the article, uploads its photo with alt text, and submits it.
    reporter = browser.new_context().new_page()
    log_in(reporter, base, "phongvien")
    reporter.goto(f"{base}/admin/pages/add/news/articlepage/{index.pk}/")
    reporter.fill("#id_title_vi", TITLE)
    reporter.locator("#id_title_vi").blur()
    reporter.fill("#id_lead_vi", "Không gian sáng tạo mới mở cửa cho các nghệ nhân bạc trẻ.")
    _upload_photo(reporter, photo)

    choose_in_modal(reporter, "id_category", category.name_vi)

    reporter.click("footer .w-dropdown__toggle")
    reporter.click("button[name=action-submit]")
    reporter.wait_for_url(f"{base}/admin/pages/{index.pk}/")

    article = ArticlePage.objects.get(title_vi=TITLE)
    assert not article.live
    assert article.hero_image.description_vi == "Phố Hàng Bạc vào buổi sáng"

    # The editor finds it on the dashboard and approves it.
    editor = browser.new_context().new_page()
    log_in(editor, base, "bientap")
    editor.click(f"#newsroom-awaiting-review-section a[href='/admin/pages/{article.pk}/edit/']")
    editor.wait_for_url(f"{base}/admin/pages/{article.pk}/edit/")
    editor.click("footer .w-dropdown__toggle")
    editor.locator("button[data-workflow-action-name=approve]").first.click()
    editor.wait_for_url(f"{base}/admin/**")

    article.refresh_from_db()
    assert article.live

    # The public sees it in the Vietnamese news listing.
    visitor = browser.new_context().new_page()
    visitor.goto(f"{base}/vi/tin-tuc/")
    assert visitor.get_by_text(TITLE).first.is_visible()
