"""The sitemap: ``/sitemap.xml`` is an index of sections, each a file of at most 10,000 URLs.

Sections: ``pages`` (every public page that is not a news article) and, from the newsroom, one
section per month of articles (``news.sitemaps``). A section lists each page in every language
it is translated into. Each entry lists its language versions as ``xhtml:link`` hreflang
alternates plus ``x-default`` (the Vietnamese page: the site's default language, which every
page has). Django's own ``x_default`` would point at the URL without its language prefix, which
this site does not serve as a page, so the alternate is added here instead.

A section is built from an index range (one month's articles), so it answers as fast with
100,000 articles as with 100; the index costs one count per month. Nothing is cached here: the
site's page cache keeps copies of public responses.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Page, get_page_models

from hanoi_creative.core.models import language_codes
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


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    limit = URLS_PER_FILE

    def __init__(self, pages, visible=visible_pages):
        # The primary keys of the pages this file may list (a queryset), and the visibility rule
        # to check them with: ``visible(language)`` is a queryset of what the public may see.
        # A section of one page type passes its own (row by row, through primary keys).
        self.pages = pages
        self.visible = visible
        self._languages_by_page = None
        # Each URL appears in its own entry and in every alternate list: work it out once.
        self._paths = {}

    def _visible(self):
        if self._languages_by_page is None:
            languages_by_page = {}
            for code in language_codes():
                for pk in self.visible(code).filter(pk__in=self.pages).values_list("pk", flat=True):
                    languages_by_page.setdefault(pk, []).append(code)
            self._languages_by_page = languages_by_page
        return self._languages_by_page

    def items(self):
        pages = Page.objects.filter(pk__in=list(self._visible())).order_by("path")
        # A page outside every site's tree has no URL to list.
        return [page for page in pages if page.get_url_parts() is not None]

    def get_languages_for_item(self, item):
        return self._visible().get(item.pk, [])

    def location(self, item):
        key = (item.pk, translation.get_language())
        if key not in self._paths:
            self._paths[key] = item.get_url_parts()[2]
        return self._paths[key]

    def lastmod(self, item):
        return item.last_published_at or item.latest_revision_created_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            for alternate in list(info["alternates"]):
                if alternate["lang_code"] == settings.LANGUAGE_CODE:
                    info["alternates"].append({"location": alternate["location"], "lang_code": "x-default"})
        return urls


def _other_pages():
    """Every page that no other section lists (all but the newsroom's articles), by page type,
    so the query reads the few pages of those types through the content-type index."""
    news = _news_sitemaps()
    listed_elsewhere = set(news.SECTION_PAGE_MODELS) if news else set()
    models = [model for model in get_page_models() if model not in listed_elsewhere]
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
        return (_other_pages(), visible_pages) if number == 1 else None
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
    items = []
    for name, files in sections():
        location = request.build_absolute_uri(reverse("sitemap-section", kwargs={"section": name}))
        items.append(SitemapIndexItem(location, None))
        items += [SitemapIndexItem(f"{location}?p={number}", None) for number in range(2, files + 1)]
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml")


@require_safe
def sitemap_section(request, section):
    number = _file_number(request.GET.get("p"))
    found = section_pages(section, number)
    if found is None:
        raise Http404
    urls = PageSitemap(*found).get_urls(page=1, site=get_current_site(request), protocol=request.scheme)
    if not urls and number > 1:
        raise Http404
    return TemplateResponse(request, "sitemap.xml", {"urlset": urls}, content_type="application/xml")
