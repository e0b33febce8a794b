"""Public newsroom views: the news listing, category, tag and month archives, related JSON.

Every list starts from ``news.queries`` (which owns the visibility rule) and runs a fixed
number of queries: one count, one page of articles, and the card prefetches.
"""

import datetime

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from hanoi_creative.caching import fragments
from hanoi_creative.core.models import language_codes
from hanoi_creative.core.paging import page_number
from hanoi_creative.core.slugs import get_by_slug_or_404

from .models import Category, NewsIndexPage, Tag
from .queries import archive_months, latest_articles, month_range, related_articles, visible_articles

PAGE_SIZE = 12
# Page numbers beyond this are read as this one (and then clamped to the last page).
MAX_PAGE = 100_000


class BoundedPaginator(Paginator):
    """A paginator that counts only as far as it needs to.

    The listings show "See more" and "Newer articles" links, never the number of pages, so
    they need to know whether there is a page after the requested one, not how many articles
    the archive holds. ``count`` stops at ``enough`` rows (``SELECT COUNT(*)`` over a
    ``LIMIT``ed subquery): page 1 costs the same with 100 or 100,000 articles. Below
    ``enough`` the count is exact, so a page number past the end still lands on the last page.
    """

    def __init__(self, object_list, per_page, *, enough, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.enough = enough

    @cached_property
    def count(self):
        return self.object_list[: self.enough].count()


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
        self.index_page = kwargs.get("index_page") or fragments.remembered(
            request, "news-index", (), lambda: NewsIndexPage.objects.live().first()
        )
        # What the page shows is the same for every visitor until the content changes: it is
        # kept for the content generation (caching.fragments), queries and all.
        context = fragments.remembered(request, "article-list", self.list_key(), self.list_context)
        return self.render_to_response({**context, "view": self})

    def list_key(self):
        arguments = sorted((name, value) for name, value in self.kwargs.items() if name != "index_page")
        number = page_number(self.request.GET.get(self.page_kwarg), MAX_PAGE)
        return (type(self).__name__, tuple(arguments), number)

    def list_context(self):
        """The listing's context, its page of articles read now (it may be kept and shown again)."""
        self.object_list = self.get_queryset()
        context = self.get_context_data()
        del context["view"]
        page = context["page_obj"]
        page.object_list = list(page.object_list)
        context["object_list"] = context[self.context_object_name] = page.object_list
        return context

    def get_template_names(self):
        if self.request.GET.get("partial"):
            return [self.partial_template_name]
        return [self.template_name]

    def paginate_queryset(self, queryset, page_size):
        requested = page_number(self.request.GET.get(self.page_kwarg), MAX_PAGE)
        paginator = BoundedPaginator(queryset, page_size, enough=requested * page_size + 1)
        if not self.allow_empty and paginator.count == 0:
            raise Http404(_("There are no articles here."))
        page = paginator.page(min(requested, paginator.num_pages))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_heading(self):
        return self.index_page.title if self.index_page else _("News")

    def get_alternate_urls(self):
        return urls_in_languages("news:index")

    def articles_in(self, language):
        """This listing's articles in ``language`` (unordered use: only ``exists()``)."""
        return latest_articles(language)

    def split_alternates(self):
        """({language: url} where this archive has articles, {language: news index url} elsewhere).

        An archive with no article in a language would be empty there (a tag or month archive
        answers 404), so the language switch goes to that language's news instead and no
        hreflang alternate names it. One ``exists()`` query per other language.
        """
        alternates, fallbacks = {}, {}
        index_urls = urls_in_languages("news:index")
        for code, url in self.get_alternate_urls().items():
            if code == self.language or self.articles_in(code).exists():
                alternates[code] = url
            else:
                fallbacks[code] = index_urls[code]
        return alternates, fallbacks

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
        alternates, fallbacks = self.split_alternates()
        context.update(
            {
                "page": self.index_page,
                "news_index": self.index_page,
                "heading": self.get_heading(),
                "alternate_urls": alternates,
                "alternate_fallback_urls": fallbacks,
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

    def split_alternates(self):
        # The news index exists in every language, even before its first article.
        return self.get_alternate_urls(), {}

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
        self.category = fragments.remembered(
            request, "category", (kwargs["slug"],), lambda: get_by_slug_or_404(Category, kwargs["slug"])
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.articles_in(self.language)

    def articles_in(self, language):
        return latest_articles(language, category=self.category)

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
        self.tag = fragments.remembered(
            request, "tag", (kwargs["slug"],), lambda: get_by_slug_or_404(Tag, kwargs["slug"])
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.articles_in(self.language)

    def articles_in(self, language):
        return latest_articles(language, tag=self.tag)

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
        self.start, self.end = month_range(year, month)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.articles_in(self.language)

    def articles_in(self, language):
        return latest_articles(language).filter(
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
