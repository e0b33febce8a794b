"""In a real browser, with the Content-Security-Policy on: the public pages and Wagtail's admin
(sign-in, the page editor with typing in its rich-text editor and the live preview, the image
chooser and an upload through it) work and the browser reports no policy violation."""

import re

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from tests.test_browser_newsroom import PASSWORD, _upload_photo, log_in, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


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


def test_rich_text_typing_and_live_preview_work_under_the_admin_policy(
    live_server, browser, django_user_model
):
    from news.models import ArticlePage

    make_user(django_user_model, "bientap", "editors", "en")
    article = next(
        a for a in ArticlePage.objects.live() if a.body_vi and a.body_vi[0].block_type == "paragraph"
    )
    base = live_server.url
    typed = "Phố sách Hà Nội mở cửa đến khuya"

    page, console = watched_page(browser)
    log_in(page, base, "bientap")
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")

    # Draftail (the rich-text editor) takes typing at the end of the first Vietnamese paragraph.
    editor = page.locator("[data-contentpath=body_vi] .DraftEditor-root [contenteditable=true]").first
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(f" {typed}")
    assert typed in editor.inner_text()
    # Draftail writes its state into the block's hidden input shortly after the typing stops.
    expect(page.locator("input[name=body_vi-0-value]")).to_have_value(re.compile(typed))

    # The live preview in the side panel renders the unsaved text in its frame, in Vietnamese.
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("main").get_by_text(typed).first.wait_for()
    assert frame.locator("html").get_attribute("lang") == "vi"

    # Saving the draft keeps the typed text.
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert typed in str(saved.body_vi.raw_data)

    assert violations(page, console) == []
