"""``/sitemap.xml``: every public page in each language it is translated into.

Each entry lists its language versions as ``xhtml:link`` hreflang alternates plus ``x-default``
(the Vietnamese page: the site's default language, which every page has). Django's own
``x_default`` would point at the URL without its language prefix, which this site does not serve
as a page, so the alternate is added here instead.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from django.utils import translation
from wagtail.models import PageLogEntry

from hanoi_creative.core.models import language_codes
from hanoi_creative.core.visibility import visible_pages


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    # The protocol's maximum per file; a site past 50,000 page versions needs a sitemap index.
    limit = 50000

    def __init__(self):
        self._languages_by_page = None
        # Each URL appears in its own entry and in every alternate list: work it out once.
        self._paths = {}

    def _visible(self):
        if self._languages_by_page is None:
            languages_by_page = {}
            for code in language_codes():
                for pk in visible_pages(code).values_list("pk", flat=True):
                    languages_by_page.setdefault(pk, []).append(code)
            self._languages_by_page = languages_by_page
        return self._languages_by_page

    def items(self):
        from wagtail.models import Page

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


# Rendering thousands of entries takes seconds; crawlers get a copy for a quarter of an hour at
# most, and any logged page action (publish, unpublish, move, privacy change...) starts a new one.
CACHE_SECONDS = 15 * 60


def sitemap_view(request):
    version = PageLogEntry.objects.aggregate(latest=Max("pk"))["latest"] or 0
    key = f"seo:sitemap:{request.scheme}:{request.get_host()}:{version}"
    cached = cache.get(key)
    if cached is None:
        response = sitemap_views.sitemap(request, sitemaps={"pages": PageSitemap()})
        response.render()
        cached = {"content": response.content, "headers": dict(response.headers)}
        cache.set(key, cached, CACHE_SECONDS)
    response = HttpResponse(cached["content"])
    for name, value in cached["headers"].items():
        response.headers[name] = value
    return response
