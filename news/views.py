"""Public newsroom views: the news listing, category, tag and month archives, related JSON.

Every list starts from ``news.queries`` (which owns the visibility rule) and runs a fixed
number of queries: one count, one page of articles, and the card prefetches.
"""

import datetime

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from hanoi_creative.core.models import language_codes
from hanoi_creative.core.paging import page_number
from hanoi_creative.core.slugs import get_by_slug_or_404

from .models import Category, NewsIndexPage, Tag
from .queries import archive_months, latest_articles, related_articles, visible_articles

PAGE_SIZE = 12


def urls_in_languages(view_name, **kwargs_per_language):
    """{language: path} of a news URL whose arguments may differ per language (slugs)."""
    urls = {}
    for code in language_codes():
        with translation.override(code):
            kwargs = {
                key: value(code) if callable(value) else value for key, value in kwargs_per_language.items()
            }
            urls[code] = reverse(view_name, kwargs=kwargs)
    return urls


class ArticleListView(ListView):
    """Base for every article listing: paginated with a clamped ``?page=``, newest first.

    ``?partial=1`` returns only the cards and the next "See more" link, which
    ``static/js/see-more.js`` appends in place; without JavaScript the link loads the next
    page as usual.
    """

    template_name = "news/article_list.html"
    partial_template_name = "news/includes/article_list_partial.html"
    paginate_by = PAGE_SIZE
    context_object_name = "articles"
    # An archive with nothing visible in it does not exist (a 404, not an empty page).
    allow_empty = True
    feed_view_name = None

    def get(self, request, *args, **kwargs):
        self.language = translation.get_language()
        self.index_page = kwargs.get("index_page") or NewsIndexPage.objects.live().first()
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        if self.request.GET.get("partial"):
            return [self.partial_template_name]
        return [self.template_name]

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size)
        if not self.allow_empty and paginator.count == 0:
            raise Http404(_("There are no articles here."))
        page = paginator.page(page_number(self.request.GET.get(self.page_kwarg), paginator.num_pages))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_heading(self):
        return self.index_page.title if self.index_page else _("News")

    def get_alternate_urls(self):
        return urls_in_languages("news:index")

    def get_feed_kwargs(self):
        return {}

    def get_feeds(self):
        kwargs = self.get_feed_kwargs()
        return [
            {
                "type": "application/rss+xml",
                "title": _("%(heading)s (RSS)") % {"heading": self.get_heading()},
                "url": reverse(self.feed_view_name, kwargs={**kwargs, "format": "rss"}),
            },
            {
                "type": "application/atom+xml",
                "title": _("%(heading)s (Atom)") % {"heading": self.get_heading()},
                "url": reverse(self.feed_view_name, kwargs={**kwargs, "format": "atom"}),
            },
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context.update(
            {
                "page": self.index_page,
                "news_index": self.index_page,
                "heading": self.get_heading(),
                "alternate_urls": self.get_alternate_urls(),
                "feeds": self.get_feeds(),
                "next_page_url": f"?page={page.next_page_number()}" if page.has_next() else "",
                "previous_page_url": f"?page={page.previous_page_number()}" if page.has_previous() else "",
            }
        )
        return context


class NewsIndexView(ArticleListView):
    """All news: /vi/tin-tuc/, /en/news/."""

    feed_view_name = "news:feed"

    def get_queryset(self):
        return latest_articles(self.language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["intro"] = self.index_page.intro if self.index_page else ""
        context["archive_months"] = [
            {
                "label": date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT"),
                "url": reverse("news:month", kwargs={"year": year, "month": f"{month:02d}"}),
            }
            for year, month in archive_months(self.language)
        ]
        return context


class CategoryView(ArticleListView):
    """One category: /vi/tin-tuc/chuyen-muc/<slug>/, /en/news/category/<slug>/."""

    feed_view_name = "news:category-feed"

    def get(self, request, *args, **kwargs):
        self.category = get_by_slug_or_404(Category, kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return latest_articles(self.language, category=self.category)

    def get_heading(self):
        return self.category.name

    def get_alternate_urls(self):
        return urls_in_languages("news:category", slug=lambda code: getattr(self.category, f"slug_{code}"))

    def get_feed_kwargs(self):
        return {"slug": self.category.slug}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["intro"] = self.category.description
        return context


class TagView(ArticleListView):
    """Articles with one tag: /vi/tin-tuc/the/<slug>/, /en/news/tag/<slug>/."""

    feed_view_name = "news:tag-feed"
    allow_empty = False

    def get(self, request, *args, **kwargs):
        self.tag = get_by_slug_or_404(Tag, kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return latest_articles(self.language, tag=self.tag)

    def get_heading(self):
        return _("Tag: %(tag)s") % {"tag": self.tag.name}

    def get_alternate_urls(self):
        return urls_in_languages("news:tag", slug=lambda code: getattr(self.tag, f"slug_{code}"))

    def get_feed_kwargs(self):
        return {"slug": self.tag.slug}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tag"] = self.tag
        return context


class MonthArchiveView(ArticleListView):
    """One month's articles in local time: /vi/tin-tuc/luu-tru/2024/12/."""

    feed_view_name = "news:feed"
    allow_empty = False

    def get(self, request, *args, **kwargs):
        year, month = int(kwargs["year"]), int(kwargs["month"])
        # Beyond these years there is no news, and datetime arithmetic would overflow.
        if not (1000 <= year <= 9000 and 1 <= month <= 12):
            raise Http404(_("There is no such month."))
        zone = timezone.get_current_timezone()
        self.start = datetime.datetime(year, month, 1, tzinfo=zone)
        self.end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return latest_articles(self.language).filter(
            publication_date__gte=self.start, publication_date__lt=self.end
        )

    def get_heading(self):
        return _("Archive: %(month)s") % {"month": date_format(self.start.date(), "YEAR_MONTH_FORMAT")}

    def get_alternate_urls(self):
        return urls_in_languages("news:month", year=self.start.year, month=f"{self.start.month:02d}")

    def get_feeds(self):
        # A month does not change once it is over; its readers subscribe to all news.
        return []


class RelatedArticlesJSONView(View):
    """The "You may be interested" list of one article, as JSON, in the URL's language."""

    def get(self, request, slug):
        language = translation.get_language()
        article = get_by_slug_or_404(visible_articles(language), slug, language)
        related = related_articles(article, language)
        return JsonResponse(
            {
                "language": language,
                "article": request.build_absolute_uri(article.get_url(request)),
                "related": [
                    {
                        "id": item.pk,
                        "title": item.title,
                        "url": request.build_absolute_uri(item.get_url(request)),
                        "lead": item.lead,
                        "category": item.category.name,
                        "publication_date": item.publication_date.isoformat(),
                    }
                    for item in related
                ],
            },
            json_dumps_params={"ensure_ascii": False},
        )
