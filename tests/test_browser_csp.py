"""In a real browser, with the Content-Security-Policy on: the public pages and Wagtail's admin
(sign-in, the page editor, the image chooser and an upload through it) work and the browser
reports no policy violation."""

import os

import pytest
from PIL import Image as PILImage

from tests.browser import launch
from tests.test_browser_newsroom import PASSWORD, _upload_photo, log_in, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


@pytest.fixture
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def watched_page(browser):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.set_default_navigation_timeout(90_000)
    console = []
    page.on("console", lambda message: console.append(message.text))
    return page, console


def violations(page, console):
    found = [
        text for text in console if "Content Security Policy" in text or "Content-Security-Policy" in text
    ]
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception:  # a frame navigating away has nothing to report
            pass
    return found


def test_public_pages_run_under_the_strict_policy(live_server, browser):
    from news.models import ArticlePage

    page, console = watched_page(browser)
    article = ArticlePage.objects.live().public().first()
    for address in ("/vi/", article.get_url(), "/vi/tin-tuc/", "/en/search/?q=ha+noi"):
        response = page.goto(f"{live_server.url}{address}")
        assert "default-src 'none'" in response.headers["content-security-policy"]
    more = page.goto(f"{live_server.url}/vi/tin-tuc/")
    assert more.ok
    see_more = page.locator("[data-see-more], .see-more a, a[rel=next]").first
    if see_more.count():
        see_more.click()
        page.wait_for_load_state("networkidle")
    assert violations(page, console) == []


def test_admin_editor_and_image_chooser_work_under_the_admin_policy(
    live_server, browser, django_user_model, tmp_path
):
    from news.models import ArticlePage

    make_user(django_user_model, "bientap", "editors", "vi")
    assert PASSWORD
    photo = tmp_path / "ho-guom.jpg"
    PILImage.new("RGB", (800, 600), (40, 120, 90)).save(photo, "JPEG")
    article = ArticlePage.objects.live().first()
    base = live_server.url

    page, console = watched_page(browser)
    log_in(page, base, "bientap")
    response = page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    assert "object-src 'none'" in response.headers["content-security-policy"]

    # The image chooser opens, and an upload through it works (on a new article).
    page.goto(f"{base}/admin/pages/add/news/articlepage/{article.get_parent().pk}/")
    _upload_photo(page, photo)
    assert page.locator("#id_hero_image-chooser .chosen").first.is_visible()

    assert violations(page, console) == []
