from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page

from hanoi_creative.core import sites
from hanoi_creative.core.languages import language_name
from hanoi_creative.core.visibility import visible

register = template.Library()


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: the URL of *this* page in that language.

    Views that know better (a category whose slug differs per language) pass
    ``alternate_urls`` = {language: path}, and ``alternate_fallback_urls`` = {language: path}
    for languages where that content does not exist (the switch goes there instead, and no
    hreflang names it); Wagtail pages use their translated URL; other Django views translate
    their own path. ``translated`` says whether the content really exists in that language,
    which decides the hreflang links.
    """
    request = context.get("request")
    current = translation.get_language()
    page = _current_page(context)
    overrides = context.get("alternate_urls") or {}
    fallbacks = context.get("alternate_fallback_urls") or {}
    links = []
    for code, _name in settings.LANGUAGES:
        if code in overrides:
            url, translated = overrides[code], True
        elif code in fallbacks:
            url, translated = fallbacks[code], False
        elif page is not None:
            url = page.url_in(code, request) if hasattr(page, "url_in") else page.get_url(request)
            translated = page.has_translation(code) if hasattr(page, "has_translation") else True
        elif request is not None:
            url, translated = translate_url(request.path, code), True
        else:
            url, translated = f"/{code}/", True
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": language_name(code),
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "is_current": code == current,
                "translated": translated,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def site_root(context):
    """The site's home page (specific), cached on the request."""
    return sites.site_root(context.get("request"))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    home = site_root(context)
    items = []
    if home is not None:
        # Plain pages with the columns a menu link shows: its URL comes from ``url_path`` (no
        # page type builds its own, see ``core.page_urls``), so the specific rows, bodies and
        # all, would be a second, wide query on every page for nothing.
        items = list(visible(home.get_children().in_menu()).only("path", "depth", "title", "url_path"))
    current = _current_page(context)
    current_path = current.path if current else ""
    return {
        "home": home,
        "menu_items": items,
        "current_path": current_path,
        "request": context.get("request"),
        "extra_menu_items": context.get("extra_menu_items", []),
    }


@register.filter
def startswith(value, prefix):
    return bool(prefix) and str(value).startswith(str(prefix))


@register.simple_tag(takes_context=True)
def missing_translation(context):
    """The language a page is shown in when it has no translation in the active one, else "".

    Only for the page's own URL: a Django view that passes a page for its surroundings (a
    news category passes the news section) is not that page.
    """
    page = _current_page(context)
    request = context.get("request")
    current = translation.get_language()
    if (
        page is None
        or request is None
        or not hasattr(page, "has_translation")
        or page.has_translation(current)
    ):
        return ""
    if request.path != page.url_in(current, request):
        return ""
    return settings.LANGUAGE_CODE


# The renditions of a responsive picture (``includes/picture.html``) per variant, as Wagtail
# filter specs: a list thumbnail, a card, or a wide image up to the page's width.
PICTURE_RENDITIONS = {
    "thumb": {"small": "format-webp|fill-160x90-c50", "medium": "format-webp|fill-320x180-c50"},
    "card": {
        "small": "format-webp|width-320",
        "medium": "format-webp|width-480",
        "large": "format-webp|width-800",
    },
    "wide": {
        "small": "format-webp|width-480",
        "medium": "format-webp|width-960",
        "large": "format-webp|width-1440",
    },
}


@register.simple_tag
def responsive_renditions(image, variant="wide"):
    """{"small", "medium"[, "large"]} renditions of ``image`` for ``variant``, looked up together.

    ``{% image %}`` once per width means one lookup each, and Wagtail writes each to the cache
    even when it came from prefetched renditions (one Redis round trip per photo width).
    ``get_renditions`` finds them at once and writes back only what it had to look up.
    """
    specs = PICTURE_RENDITIONS.get(variant, PICTURE_RENDITIONS["wide"])
    # A missing source file gives Wagtail's "not found" rendition, as {% image %} does.
    renditions = get_renditions_or_not_found(image, specs.values())
    # In the order asked (an SVG's specs are rewritten, so they are not looked up by name).
    return dict(zip(specs, renditions.values(), strict=True))
