"""What the public may see of the newsroom, and the lists built from it.

``visible_articles`` applies core's publication rule to articles. Every news surface
(listings, archives, feeds, the related-article JSON, the article page's side lists, the home
page) starts from it, so a hidden article cannot leak through one of them.
Each function returns a lazy queryset and runs a fixed number of queries whatever the number
of articles.
"""

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from hanoi_creative.core.visibility import visible

from .models import ArticlePage, TaggedArticle

NEWEST_FIRST = ("-publication_date", "-pk")


def visible_articles(language=None):
    """Articles the public may see in ``language`` (default: the active language).

    The news section's entry point to core's publication rule (``core.visibility.visible``):
    live, inside the go-live/expiry window, no view restriction on the article or an
    ancestor, translated into ``language``. The queryset is unordered and unsliced; callers
    add ordering and related data.
    """
    return visible(ArticlePage.objects.all(), language)


def for_cards(queryset, renditions=True):
    """What an article card shows (category, photo and its renditions) in fixed queries.

    ``renditions=False`` leaves the renditions to ``prefetch_card_renditions``, which loads
    them for several lists at once.
    """
    queryset = queryset.select_related("category", "hero_image").defer_streamfields()
    return queryset.prefetch_related("hero_image__renditions") if renditions else queryset


def prefetch_card_renditions(*article_lists):
    """Load the photo renditions of every article in ``article_lists`` in one query."""
    images = [article.hero_image for articles in article_lists for article in articles if article.hero_image]
    prefetch_related_objects(images, "renditions")


def latest_articles(language=None, *, category=None, tag=None, exclude=None, renditions=True):
    """Visible articles, newest first, optionally in one category or with one tag.

    ``category`` and ``tag`` take an instance or a primary key; ``exclude`` an article's pk.
    Used by the listings, the archives, the feeds and the article page's "Other news".
    """
    articles = visible_articles(language)
    if category is not None:
        articles = articles.filter(category=category)
    if tag is not None:
        articles = articles.filter(tagged_items__tag=tag)
    if exclude is not None:
        articles = articles.exclude(pk=exclude)
    return for_cards(articles, renditions).order_by(*NEWEST_FIRST)


def must_see_articles(language=None, *, exclude=None, renditions=True):
    """The editors' "Must see" picks, newest first."""
    articles = visible_articles(language).filter(must_see=True)
    if exclude is not None:
        articles = articles.exclude(pk=exclude)
    return for_cards(articles, renditions).order_by(*NEWEST_FIRST)


def related_articles(article, language=None, limit=6, renditions=True):
    """Articles a reader of ``article`` may be interested in, best first.

    Ranking, in order: the number of tags shared with ``article``; being in the same
    category; recency (publication date, then id). ``article`` itself never appears, nor
    anything ``visible_articles`` hides. One query (plus the card prefetch), because both
    the shared-tag count and the category match are computed in the database.
    """
    article_tags = TaggedArticle.objects.filter(content_object_id=article.pk).values("tag_id")
    shared_tags = (
        TaggedArticle.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=article_tags)
        .order_by()
        .values("content_object_id")
        .annotate(shared=Count("pk"))
        .values("shared")
    )
    ranked = (
        visible_articles(language)
        .exclude(pk=article.pk)
        .annotate(
            shared_tags=Coalesce(Subquery(shared_tags, output_field=IntegerField()), Value(0)),
            same_category=Case(
                When(category_id=article.category_id, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("-shared_tags", "-same_category", *NEWEST_FIRST)
    )
    return for_cards(ranked, renditions)[:limit]


def archive_months(language=None):
    """(year, month) pairs that have visible articles, newest first, in local time."""
    months = visible_articles(language).datetimes(
        "publication_date", "month", order="DESC", tzinfo=timezone.get_current_timezone()
    )
    return [(value.year, value.month) for value in months]
