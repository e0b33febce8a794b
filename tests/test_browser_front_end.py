"""In a real browser at phone, tablet and desktop widths: no page scrolls sideways, every
category in the menu can be reached, and keyboard focus is visible (3:1 or more)."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = [320, 375, 768, 1280]

# Relative luminance and contrast as WCAG defines them, on the computed colours.
CONTRAST_JS = """
() => {
  const parse = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] > 0.9)) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const element = document.activeElement;
  if (!element || element === document.body) return { element: "body", ratio: 21 };
  const style = getComputedStyle(element);
  const width = parseFloat(style.outlineWidth);
  if (style.outlineStyle === "none" || !width) {
    return { element: element.outerHTML.slice(0, 80), ratio: 0 };
  }
  // An outline drawn inside the element sits on the element's own background, else on its parent's.
  const inside = parseFloat(style.outlineOffset) < 0;
  const behind = background(inside ? element : element.parentElement);
  const ratio = contrast(parse(style.outlineColor).slice(0, 3), behind);
  return { element: element.outerHTML.slice(0, 80), ratio };
}
"""


@pytest.fixture
def pages(db):
    from news.models import ArticlePage, Category

    if not ArticlePage.objects.exists():
        call_command("load_demo", verbosity=0)
    article = ArticlePage.objects.live().exclude(title_en="").order_by("-publication_date").first()
    category = Category.objects.filter(show_in_menus=True).first()
    return {
        "home": "/vi/",
        "listing": "/vi/tin-tuc/",
        "category": f"/vi/tin-tuc/chuyen-muc/{category.slug_vi}/",
        "article": article.url,
        "search": "/vi/tim-kiem/?q=ha+noi",
        "not found": "/vi/khong-co-trang-nay/",
        "english home": "/en/",
        "english article": article.url_in("en"),
    }


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(live_server, browser, pages, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    # The first visit of each page makes its image renditions, slow on a busy machine.
    page.set_default_timeout(120_000)
    wide = []
    for name, path in pages.items():
        page.goto(f"{live_server.url}{path}")
        if not no_sideways_scroll(page):
            wide.append((name, page.evaluate("document.documentElement.scrollWidth")))
        # The round logo stays round.
        box = page.locator(".site-header__mark").bounding_box()
        assert abs(box["width"] - box["height"]) < 1, (name, box)
    context.close()
    assert wide == []


@pytest.mark.parametrize("width", WIDTHS)
def test_every_menu_entry_is_reachable(live_server, browser, pages, width):
    from news.models import Category

    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    # The first visit of each page makes its image renditions, slow on a busy machine.
    page.set_default_timeout(120_000)
    for language, path in (("vi", pages["home"]), ("en", pages["english home"])):
        page.goto(f"{live_server.url}{path}")
        summary = page.locator(".main-menu__summary")
        if summary.is_visible():
            summary.click()
        links = page.locator(".main-menu__link")
        names = [links.nth(i).inner_text().strip() for i in range(links.count())]
        expected = [getattr(c, f"name_{language}") for c in Category.objects.filter(show_in_menus=True)]
        assert set(expected) <= set(names)
        for i in range(links.count()):
            link = links.nth(i)
            assert link.is_visible(), names[i]
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (names[i], box)
        assert no_sideways_scroll(page)
    context.close()


def test_menu_opens_without_javascript_on_a_phone(live_server, browser, pages):
    context = browser.new_context(viewport={"width": 320, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    # The first visit of each page makes its image renditions, slow on a busy machine.
    page.set_default_timeout(120_000)
    page.goto(f"{live_server.url}{pages['home']}")
    first_category = page.locator(".main-menu__link--category").first
    assert not first_category.is_visible()
    page.locator(".main-menu__summary").click()
    assert first_category.is_visible()
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_keyboard_focus_has_at_least_three_to_one_contrast(live_server, browser, pages, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    # The first visit of each page makes its image renditions, slow on a busy machine.
    page.set_default_timeout(120_000)
    weak = []
    for name in ("home", "article", "search", "not found"):
        page.goto(f"{live_server.url}{pages[name]}")
        if width < 768:
            page.locator(".main-menu__summary").click()
            page.locator("body").click(position={"x": 1, "y": 799})
            page.evaluate("document.activeElement.blur()")
        for _ in range(30):
            page.keyboard.press("Tab")
            result = page.evaluate(CONTRAST_JS)
            if result["ratio"] < 3:
                weak.append((name, result))
    context.close()
    assert weak == []


def test_share_button_copies_the_link(live_server, browser, pages):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    # The first visit of each page makes its image renditions, slow on a busy machine.
    page.set_default_timeout(120_000)
    page.goto(f"{live_server.url}{pages['article']}")
    page.get_by_role("link", name="Sao chép liên kết").click()
    page.wait_for_selector("[data-share-status]:has-text('Đã sao chép liên kết')", state="attached")
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}{pages['article']}"
    # On a desktop without a share sheet, the native share button stays hidden.
    assert not page.locator("[data-share-native]").is_visible()
    context.close()
