from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hanoi_creative.caching import routing as cached_routing
from hanoi_creative.core import views as core_views
from hanoi_creative.search import views as search_views
from hanoi_creative.security import views as security_views
from hanoi_creative.seo import views as seo_views
from hanoi_creative.seo.sitemaps import sitemap_index, sitemap_section

handler500 = "hanoi_creative.security.views.server_error"

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", seo_views.robots_txt, name="robots-txt"),
    path("healthz", security_views.healthz, name="healthz"),
    path("readyz", security_views.readyz, name="readyz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    from hanoi_creative.core.views import serve_media

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

urlpatterns += i18n_patterns(
    # Before Wagtail's catch-all: the newsroom's listings, archives and feeds.
    path("", include("news.urls")),
    path(_("search/"), search_views.search, name="search"),
    path(_("comments/"), include("hanoi_creative.comments.urls")),
    # Wagtail's page view with the route kept per content generation (caching/routing.py);
    # Wagtail's own patterns stay behind it for its URL names ("wagtail_serve").
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", cached_routing.serve, name="page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
