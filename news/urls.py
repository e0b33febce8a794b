"""Newsroom URLs, mounted in i18n_patterns before Wagtail's catch-all.

Path segments go through the catalogue ("news/" is "tin-tuc/" in Vietnamese, "category/" is
"chuyen-muc/"), so each language has its own addresses. An article itself
(/vi/tin-tuc/<slug>/) is a Wagtail page under the NewsIndexPage and is routed by Wagtail;
no pattern here takes a single segment after the section, so none can shadow an article.
"""

from django.urls import include, path, register_converter
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import feeds, views


class FeedFormatConverter:
    regex = "rss|atom"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class TwoDigitsConverter:
    """A month in the URL is always two digits (``/2024/03/``), so each month has one address."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):02d}"


class YearConverter(TwoDigitsConverter):
    regex = "[0-9]{4}"

    def to_url(self, value):
        return f"{int(value):04d}"


register_converter(FeedFormatConverter, "feedformat")
register_converter(TwoDigitsConverter, "mm")
register_converter(YearConverter, "yyyy")

app_name = "news"


def segment(translated, rest):
    """A route whose first segment is translated and whose parameters are not."""
    return format_lazy("{}{}", translated, rest)


urlpatterns = [
    path(
        _("news/"),
        include(
            [
                path("", views.NewsIndexView.as_view(), name="index"),
                path("feed/<feedformat:format>/", feeds.news_feed, name="feed"),
                path(segment(_("category/"), "<slug:slug>/"), views.CategoryView.as_view(), name="category"),
                path(
                    segment(_("category/"), "<slug:slug>/feed/<feedformat:format>/"),
                    feeds.category_feed,
                    name="category-feed",
                ),
                path(segment(_("tag/"), "<slug:slug>/"), views.TagView.as_view(), name="tag"),
                path(
                    segment(_("tag/"), "<slug:slug>/feed/<feedformat:format>/"),
                    feeds.tag_feed,
                    name="tag-feed",
                ),
                path(
                    segment(_("archive/"), "<yyyy:year>/<mm:month>/"),
                    views.MonthArchiveView.as_view(),
                    name="month",
                ),
                path(
                    "<slug:slug>/related.json", views.RelatedArticlesJSONView.as_view(), name="related-json"
                ),
                path("<slug:slug>/related/<feedformat:format>/", feeds.related_feed, name="related-feed"),
            ]
        ),
    ),
]
