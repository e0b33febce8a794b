from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        # core's ready() (earlier in INSTALLED_APPS) gave every translated page model its
        # generic indexed route; the news section has a cheaper one of its own.
        from hanoi_creative.seo.sitemaps import register_sections

        from . import sitemaps
        from .models import NewsIndexPage
        from .routing import article_route

        NewsIndexPage.route = article_route
        # The sitemap index lists the newsroom's month sections (seo never imports news).
        register_sections(sitemaps)
