"""What a rendered page tells search engines and social networks about itself.

``build_metadata(context)`` reads the template context of any page on the site (a Wagtail page,
or a Django view such as the news listings or search) and returns the canonical URL, the
description, the Open Graph / Twitter card values and the JSON-LD objects. Texts come from the
page's own fields in the language shown, never another language's fallback: a description in
the wrong language is worse than the site's general one.
"""

import json

from django.apps import apps
from django.conf import settings
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from hanoi_creative.core.models import language_codes
from hanoi_creative.core.sites import site_root

OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-82"
DESCRIPTION_LENGTH = 160


def _article_model():
    """The news article model when the newsroom is installed (it is optional for this module)."""
    try:
        return apps.get_model("news", "ArticlePage")
    except LookupError:
        return None


def site_name():
    return _("Hanoi – Creative City of Design")


def default_description():
    return _(
        "Hanoi, UNESCO Creative City of Design since 2019: the city's creative programme, "
        "news and events in Vietnamese and English."
    )


def _own(obj, field, language):
    """``field`` of ``obj`` in ``language`` only (no fallback to another language)."""
    value = getattr(obj, build_localized_fieldname(field, language), None)
    if value is None and not hasattr(obj, build_localized_fieldname(field, language)):
        value = getattr(obj, field, None)
    return (value or "").strip() if isinstance(value, str) else value


def _short(text):
    text = " ".join(strip_tags(text or "").split())
    return Truncator(text).chars(DESCRIPTION_LENGTH) if text else ""


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def _home(request):
    return site_root(request)


def _social_image(page, home):
    for candidate in (page, home):
        if candidate is None:
            continue
        getter = getattr(candidate, "get_social_image", None)
        image = getter() if getter else getattr(candidate, "hero_image", None)
        if image is not None:
            return image
    return None


def _image_info(request, image, language):
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    except SourceImageIOError:
        # A missing or unreadable original costs the page its preview picture, not the page.
        return None
    with translation.override(language):
        alt = image.default_alt_text or ""
    return {
        "url": _absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
        "type": "image/jpeg",
    }


def _json_ld(data):
    # JSON inside <script>: "<", ">" and "&" escaped so no text can close the element.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _organization(request, home_url):
    return {
        "@type": "Organization",
        "@id": f"{home_url}#organization",
        "name": site_name(),
        "url": home_url,
        "logo": {
            "@type": "ImageObject",
            "url": _absolute(request, static("seo/logo.png")),
            "width": 512,
            "height": 512,
        },
    }


def _breadcrumbs(request, page, title, canonical):
    """BreadcrumbList from the home page down to ``page`` (or to a view's own title)."""
    trail = []
    if page is not None:
        for ancestor in page.get_ancestors().filter(depth__gt=1).specific(defer=True):
            name = _("Home") if ancestor.depth == 2 else ancestor.title
            trail.append((name, _absolute(request, ancestor.get_url(request))))
    else:
        home = _home(request)
        if home is not None:
            trail.append((_("Home"), _absolute(request, home.get_url(request))))
    trail.append((title, canonical))
    if len(trail) < 2:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def _news_article(request, page, language, canonical, title, description, image, context):
    authors = context.get("byline")
    if authors is None:
        authors = list(page.authors.all()) if hasattr(page, "authors") else []
    home_url = _absolute(request, _home(request).get_url(request)) if _home(request) else ""
    published = getattr(page, "publication_date", None) or page.first_published_at
    modified = page.last_published_at or published
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "headline": Truncator(title).chars(110),
        "description": description,
        "inLanguage": language,
        "datePublished": timezone.localtime(published).isoformat() if published else None,
        "dateModified": timezone.localtime(modified).isoformat() if modified else None,
        "author": [{"@type": "Person", "name": author.name} for author in authors]
        or [{"@type": "Organization", "name": site_name(), "url": home_url}],
        "publisher": _organization(request, home_url),
    }
    if image:
        data["image"] = [image["url"]]
    category = getattr(page, "category", None)
    if category is not None:
        data["articleSection"] = category.name
    return {key: value for key, value in data.items() if value is not None}


def _home_graph(request, home_url, language):
    search_url = _absolute(request, reverse("search"))
    return {
        "@context": "https://schema.org",
        "@graph": [
            _organization(request, home_url),
            {
                "@type": "WebSite",
                "@id": f"{home_url}#website",
                "url": home_url,
                "name": site_name(),
                "inLanguage": language,
                "publisher": {"@id": f"{home_url}#organization"},
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": f"{search_url}?q={{search_term_string}}",
                    },
                    "query-input": "required name=search_term_string",
                },
            },
        ],
    }


def _site_feeds():
    feeds = []
    for kind, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
        try:
            url = reverse("news:feed", kwargs={"format": kind})
        except NoReverseMatch:
            return []
        feeds.append(
            {
                "type": mime,
                "url": url,
                "title": _("News (%(format)s)") % {"format": kind.upper() if kind == "rss" else "Atom"},
            }
        )
    return feeds


def _url_in(page, language, request):
    if hasattr(page, "url_in"):
        return page.url_in(language, request)
    with translation.override(language):
        return page.get_url(request)


def _listing_canonical(request):
    """A Django view's own address, keeping only the page number (other parameters are filters
    or tracking that would make duplicates)."""
    url = request.path
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        url += f"?page={int(number)}"
    return _absolute(request, url)


def _describe_page(request, page, language):
    """What a page's own URL says about it, in the language its content is shown in."""
    translated = page.translated_languages() if hasattr(page, "translated_languages") else [language]
    content_language = language if language in translated else settings.LANGUAGE_CODE
    return {
        "translated": translated,
        "content_language": content_language,
        "canonical": _absolute(request, _url_in(page, content_language, request)),
        "title": _own(page, "seo_title", content_language)
        or _own(page, "title", content_language)
        or page.title,
        "description": _short(
            _own(page, "search_description", content_language)
            or _own(page, "intro", content_language)
            or _own(page, "lead", content_language)
        ),
    }


def _describe_view(request, context, language):
    """What a Django view (a listing, search) says about itself, from its context."""
    return {
        "translated": language_codes(),
        "content_language": language,
        "canonical": _listing_canonical(request),
        "title": str(context.get("seo_title") or context.get("heading") or site_name()),
        "description": _short(context.get("seo_description") or context.get("intro") or ""),
    }


def _structured_data(request, context, *, page, home, is_article, noindex, texts, image):
    """The JSON-LD objects: the home page's graph, or an article and the breadcrumbs."""
    content_language = texts["content_language"]
    if page is not None and home is not None and page.pk == home.pk:
        home_url = _absolute(request, home.get_url(request))
        return [_home_graph(request, home_url, content_language)]
    json_ld = []
    if is_article:
        json_ld.append(
            _news_article(
                request,
                page,
                content_language,
                texts["canonical"],
                texts["title"],
                texts["description"],
                image,
                context,
            )
        )
    if not noindex:
        crumbs = _breadcrumbs(request, page, texts["title"], texts["canonical"])
        if crumbs:
            json_ld.append(crumbs)
    return json_ld


def build_metadata(context):
    request = context.get("request")
    # Error pages (Django's handlers pass ``request_path``) are not documents to describe.
    if request is None or "request_path" in context:
        return None
    language = translation.get_language() or settings.LANGUAGE_CODE
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    home = _home(request)
    noindex = bool(context.get("seo_noindex"))

    # A Django view that passes a page for its surroundings (a news category passes the news
    # section) describes itself, not that page.
    if page is not None and request.path != _url_in(page, language, request):
        page = None
    texts = _describe_page(request, page, language) if page else _describe_view(request, context, language)
    content_language, translated = texts["content_language"], texts["translated"]
    title, canonical = texts["title"], texts["canonical"]
    description = texts["description"] = texts["description"] or default_description()
    image = _image_info(request, _social_image(page, home), content_language)
    article_model = _article_model()
    is_article = page is not None and article_model is not None and isinstance(page, article_model)
    json_ld = _structured_data(
        request,
        context,
        page=page,
        home=home,
        is_article=is_article,
        noindex=noindex,
        texts=texts,
        image=image,
    )

    published = modified = None
    if is_article:
        published = getattr(page, "publication_date", None) or page.first_published_at
        modified = page.last_published_at

    return {
        "title": title,
        "description": description,
        "canonical": canonical,
        "noindex": noindex,
        "site_name": site_name(),
        "og_type": "article" if is_article else "website",
        "og_locale": OG_LOCALES.get(content_language, content_language),
        "og_locale_alternates": [
            OG_LOCALES.get(code, code) for code in translated if code != content_language
        ],
        "image": image,
        "published": published,
        "modified": modified,
        "section": getattr(getattr(page, "category", None), "name", "") if is_article else "",
        "json_ld": [_json_ld(item) for item in json_ld],
        # The listing views name their own feeds; elsewhere the main news feed is announced.
        "feeds": [] if context.get("feeds") else _site_feeds(),
    }
