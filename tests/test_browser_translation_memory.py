"""In a real browser: the desk's "Insert" puts a translation-memory match into its text area
without leaving the page; saving it submits the English for review."""

import pytest

from tests.test_browser_translation_review import log_in, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def live_article(title_vi, slug, title_en=""):
    from news.models import ArticlePage, Category, NewsIndexPage

    article = ArticlePage(
        title_vi=title_vi,
        title_en=title_en,
        slug_vi=slug,
        lead_vi="Sapo của bài",
        lead_en="The lead" if title_en else "",
        category=Category.objects.first(),
    )
    NewsIndexPage.objects.get().add_child(instance=article)
    article.save_revision().publish()
    return article


def test_insert_fills_the_text_area_in_place(live_server, browser, django_user_model):
    from hanoi_creative.translations.models import TranslatableItem

    title = "Lễ hội thiết kế sáng tạo Hà Nội khai mạc"
    live_article(title, "le-hoi-1", "Hanoi Creative Design Festival opens")
    fresh = live_article(title, "le-hoi-2")
    item = TranslatableItem.objects.get(content_type__model="articlepage", object_id=str(fresh.pk))
    make_user(django_user_model, "translator", "translators")
    base = live_server.url

    page = browser.new_page()
    log_in(page, base, "translator")
    address = f"{base}/admin/translations/item/{item.pk}/"
    page.goto(address)
    area = page.locator("textarea[name='t:title']")
    assert area.input_value() == ""
    page.locator("button[data-insert-for='t-title']").first.click()
    assert area.input_value() == "Hanoi Creative Design Festival opens"
    assert page.url == address  # filled in place, nothing posted
    page.locator("textarea[name='t:lead']").fill("The lead")
    page.get_by_role("button", name="Save translation").click()
    page.wait_for_selector("text=submitted to the editors for review")
    fresh.refresh_from_db()
    assert fresh.get_latest_revision_as_object().title_en == "Hanoi Creative Design Festival opens"
    page.close()
