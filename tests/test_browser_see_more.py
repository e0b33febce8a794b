"""In a real browser, "Xem thêm" loads the next page of articles in place."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_news(db):
    from news.models import ArticlePage

    # serialized_rollback restores the demo; load it only if an earlier flush lost it.
    if not ArticlePage.objects.exists():
        call_command("load_demo", verbosity=0)


def test_see_more_appends_the_next_page_without_a_page_load(live_server, browser, demo_news):
    page = browser.new_page()
    page.goto(f"{live_server.url}/vi/tin-tuc/")
    cards = page.locator("#article-list > li")
    first_count = cards.count()
    assert first_count == 12
    # A marker on the window survives only if the page is not reloaded.
    page.evaluate("window.__notReloaded = true")

    link = page.get_by_role("link", name="Xem thêm")
    link.click()
    # A locator wait, not wait_for_function: the site's CSP refuses the eval that one needs.
    page.locator("#article-list > li").nth(12).wait_for()

    assert cards.count() > first_count
    assert page.evaluate("window.__notReloaded") is True
    assert page.url.endswith("/vi/tin-tuc/?page=2")
    # Focus moves to the first new article's link.
    focused = page.evaluate("document.activeElement.closest('#article-list > li') !== null")
    assert focused
    assert (
        page.evaluate(
            "Array.from(document.querySelectorAll('#article-list > li'))"
            ".indexOf(document.activeElement.closest('li'))"
        )
        == 12
    )
    # The demo has two pages, so there is nothing more to load.
    assert page.locator("a[data-see-more]").count() == 0


def test_see_more_works_without_javascript(live_server, browser, demo_news):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/news/")
    page.get_by_role("link", name="See more").click()
    page.wait_for_url(f"{live_server.url}/en/news/?page=2")
    assert page.locator("#article-list > li").count() >= 1
    context.close()
