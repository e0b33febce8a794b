"""The sitemap: ``/sitemap.xml`` is an index of sections, each a file of at most 10,000 URLs.

Sections: ``pages`` (every public page that is not a news article) and, from the newsroom, one
section per month of articles (``news.sitemaps``). A section lists each page in every language
it is translated into. Each entry lists its language versions as ``xhtml:link`` hreflang
alternates plus ``x-default`` (the Vietnamese page: the site's default language, which every
page has; Django's own ``x_default`` would point at the URL without its language prefix, which
this site does not serve as a page). The files follow the layout of Django's sitemap template
but are written without it (see ``PageSitemap``).

A section is built from an index range (one month's articles), so it answers as fast with
100,000 articles as with 100; the index costs one count per month. Nothing is cached here: the
site's page cache keeps copies of public responses.
"""

from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.http import require_safe
from wagtail.models import Page, get_page_models

from hanoi_creative.caching import fragments
from hanoi_creative.core.models import language_codes
from hanoi_creative.core.page_urls import PageURLs, url_path_columns
from hanoi_creative.core.visibility import visible_pages

# The protocol allows 50,000 URLs per file; smaller files stay quick to build and to fetch.
URLS_PER_FILE = 10_000


# Another app's sections (the newsroom's months), registered from its AppConfig.ready() so
# imports go one way (news imports seo, never the reverse): a module with SECTION_PAGE_MODELS,
# sections() and the section's sitemap builder.
_extra_sections = None


def register_sections(provider):
    global _extra_sections
    _extra_sections = provider


def _news_sitemaps():
    return _extra_sections


class PageSitemap:
    """One sitemap file: the pages of ``pages`` the public may see, each in every language it
    is visible in, with its alternates.

    Built from rows, not pages: the dates and URL path columns of each page (``values()``, read
    in chunks), turned into paths by ``PageURLs`` (the site roots and language prefix worked
    out once per language), and written out as XML directly. Through page instances,
    ``get_url_parts`` and the template engine, a file of 10,000 URLs took seconds; this way its
    time is the queries plus a string join per URL.
    """

    def __init__(self, pages, visible=visible_pages):
        # The primary keys of the pages this file may list (a queryset), and the visibility rule
        # to check them with: ``visible(language)`` is a queryset of what the public may see.
        # A section of one page type passes its own (row by row, through primary keys).
        self.pages = pages
        self.visible = visible

    def _languages_by_page(self):
        languages_by_page = {}
        for code in language_codes():
            for pk in self.visible(code).filter(pk__in=self.pages).values_list("pk", flat=True):
                languages_by_page.setdefault(pk, []).append(code)
        return languages_by_page

    def entries(self):
        """[(lastmod date or None, {language: path})] in tree order: each page with its path in
        every language it is visible in and some site serves it in."""
        languages_by_page = self._languages_by_page()
        urls = {code: PageURLs(code) for code in language_codes()}
        columns = ["pk", "last_published_at", "latest_revision_created_at", *url_path_columns()]
        rows = Page.objects.filter(pk__in=list(languages_by_page)).order_by("path").values(*columns)
        zone = timezone.get_current_timezone()  # once: looking it up per row costs more than the rest
        entries = []
        for row in rows.iterator(chunk_size=2000):
            paths = {}
            for code in languages_by_page[row["pk"]]:
                parts = urls[code].parts(row)
                if parts is not None and parts[2] is not None:
                    paths[code] = parts[2]
            if paths:
                changed = row["last_published_at"] or row["latest_revision_created_at"]
                entries.append((changed.astimezone(zone).date() if changed else None, paths))
        return entries

    def xml(self, base):
        """The file's XML; ``base`` is the scheme and host each path is joined to. One ``<url>``
        per page and language (at most ``URLS_PER_FILE``), each listing every language version
        and ``x-default`` as ``xhtml:link`` alternates, as Django's sitemap template does."""
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        ]
        count = 0
        for lastmod, paths in self.entries():
            locations = {code: escape(base + path) for code, path in paths.items()}
            if settings.LANGUAGE_CODE in locations:
                locations["x-default"] = locations[settings.LANGUAGE_CODE]
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{code}" href="{location}"/>'
                for code, location in locations.items()
            )
            modified = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
            for code in paths:
                if count == URLS_PER_FILE:
                    break
                parts.append(f"<url><loc>{locations[code]}</loc>{modified}{links}</url>")
                count += 1
        parts.append("\n</urlset>\n")
        return "".join(parts), count


def _other_page_models():
    """Every page type that no other section lists (all but the newsroom's articles)."""
    news = _news_sitemaps()
    listed_elsewhere = set(news.SECTION_PAGE_MODELS) if news else set()
    return [model for model in get_page_models() if model not in listed_elsewhere]


def _other_pages(models):
    """The pages of ``models``, by page type, so the query reads the few pages of those types
    through the content-type index."""
    types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    return Page.objects.filter(content_type__in=list(types)).values("pk")


def sections():
    """[(section name, number of files)] in the order the index lists them."""
    news = _news_sitemaps()
    return [("pages", 1), *(news.sections() if news else [])]


def section_pages(name, number):
    """(primary keys of the pages of file ``number`` of section ``name``, visibility rule), or
    None when there is no such file."""
    if name == "pages":
        if number != 1:
            return None
        # Visibility checked through these types only: the articles' own check would read the
        # whole archive to answer for a handful of pages.
        models = _other_page_models()
        return _other_pages(models), partial(visible_pages, models=models)
    news = _news_sitemaps()
    pages = news.section_pages(name, number) if news else None
    return None if pages is None else (pages, news.visible_articles)


def _file_number(raw):
    """``?p=``: absent is 1; anything but a positive number is no file at all."""
    if raw is None:
        return 1
    if not raw.isdigit() or len(raw) > 6 or int(raw) < 1:
        raise Http404
    return int(raw)


@require_safe
def sitemap_index(request):
    # One entry per section file: its length follows the archive's span in months, so the
    # document is kept for the content generation like the pages' pieces.
    xml = fragments.remembered(request, "sitemap-index", (), lambda: _index(request))
    return HttpResponse(xml, content_type="application/xml")


def _index(request):
    items = []
    for name, files in sections():
        location = request.build_absolute_uri(reverse("sitemap-section", kwargs={"section": name}))
        items.append(SitemapIndexItem(location, None))
        items += [SitemapIndexItem(f"{location}?p={number}", None) for number in range(2, files + 1)]
    return render_to_string("sitemap_index.xml", {"sitemaps": items}, request=request)


@require_safe
def sitemap_section(request, section):
    number = _file_number(request.GET.get("p"))
    found = section_pages(section, number)
    if found is None:
        raise Http404
    base = f"{request.scheme}://{get_current_site(request).domain}"
    xml, count = PageSitemap(*found).xml(base)
    if not count and number > 1:
        raise Http404
    return HttpResponse(xml, content_type="application/xml")
