"""What the public may see of the newsroom, and the lists built from it.

``visible_articles`` applies core's publication rule to articles. Every news surface
(listings, archives, feeds, the related-article JSON, the article page's side lists, the home
page) starts from it, so a hidden article cannot leak through one of them.
Each function returns a lazy queryset and runs a fixed number of queries whatever the number
of articles.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from wagtail.models import PageLogEntry

from hanoi_creative.comments.queries import with_comment_counts
from hanoi_creative.core.visibility import visible

from .models import ArticlePage, TaggedArticle

NEWEST_FIRST = ("-publication_date", "-pk")

logger = logging.getLogger(__name__)


def visible_articles(language=None):
    """Articles the public may see in ``language`` (default: the active language).

    The news section's entry point to core's publication rule (``core.visibility.visible``):
    live, inside the go-live/expiry window, no view restriction on the article or an
    ancestor, translated into ``language``. The queryset is unordered and unsliced; callers
    add ordering and related data.
    """
    return visible(ArticlePage.objects.all(), language)


# The columns an article in a list is read with: what its card shows and its fragment key
# holds (``news_tags``), what a feed item and the related-articles JSON give, and what its URL
# and photo renditions are worked out from. Each translated field is several columns (base, vi,
# en; modeltranslation's ``only`` adds them), so a full row of page, article, category and
# photo is about 85 columns, most of which no list shows (the body, SEO fields, captions,
# editing state, the category's description, the photo's uploader...).
CARD_FIELDS = (
    *("path", "depth", "content_type", "live", "latest_revision", "last_published_at"),
    *("title", "slug", "url_path", "lead", "publication_date", "must_see", "category", "hero_image"),
    *("category__name", "category__slug"),
    *("hero_image__title", "hero_image__description", "hero_image__file", "hero_image__file_hash"),
    *("hero_image__width", "hero_image__height", "hero_image__focal_point_x", "hero_image__focal_point_y"),
    *("hero_image__focal_point_width", "hero_image__focal_point_height"),
)


def for_cards(queryset, renditions=False):
    """What an article card shows (category, photo, the approved-comment count, and with
    ``renditions`` the photo's renditions) in fixed queries, reading only ``CARD_FIELDS``.

    Renditions are left out by default: the ``article_cards`` template tag loads them only for
    the cards it must render (most come from the fragment cache), and feeds and JSON show none.
    """
    queryset = with_comment_counts(queryset.select_related("category", "hero_image").only(*CARD_FIELDS))
    return queryset.prefetch_related("hero_image__renditions") if renditions else queryset


def _excluding(articles, exclude):
    """``articles`` without ``exclude``: one pk or several (the articles shown higher up)."""
    if exclude is None:
        return articles
    if isinstance(exclude, int):
        return articles.exclude(pk=exclude)
    return articles.exclude(pk__in=list(exclude))


def latest_articles(language=None, *, category=None, tag=None, exclude=None, renditions=False):
    """Visible articles, newest first, optionally in one category or with one tag.

    ``category`` and ``tag`` take an instance or a primary key; ``exclude`` one article's pk
    or several.
    Used by the listings, the archives, the feeds and the article page's "Other news".
    """
    articles = visible_articles(language)
    if category is not None:
        articles = articles.filter(category=category)
    if tag is not None:
        articles = articles.filter(tagged_items__tag=tag)
    return for_cards(_excluding(articles, exclude), renditions).order_by(*NEWEST_FIRST)


def must_see_articles(language=None, *, exclude=None, renditions=False):
    """The editors' "Must see" picks, newest first; ``exclude`` as in ``latest_articles``."""
    articles = visible_articles(language).filter(must_see=True)
    return for_cards(_excluding(articles, exclude), renditions).order_by(*NEWEST_FIRST)


# How many of the newest articles sharing a tag are ranked for "You may be interested". The
# ranking looks at this many candidates, not at the whole archive, so its cost stays the same
# at 100,000 articles; an older article sharing more tags than these newest ones is passed over.
RELATED_CANDIDATES = 60


def related_articles(article, language=None, limit=6, renditions=False):
    """Articles a reader of ``article`` may be interested in, best first.

    Ranking, in order: the number of tags shared with ``article``; being in the same
    category; recency (publication date, then id). ``article`` itself never appears, nor
    anything ``visible_articles`` hides.

    Only a bounded set of candidates is ranked, each found by walking an index newest first:
    the newest ``RELATED_CANDIDATES`` articles sharing a tag, the newest ``limit`` articles of
    the same category sharing none, and the newest ``limit`` of the others. That is enough to
    fill ``limit`` places in the ranking's order. One query (plus the card prefetch).
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    others = visible_articles(language).exclude(pk=article.pk)
    article_tags = TaggedArticle.objects.filter(content_object_id=article.pk).values("tag_id")
    shares_a_tag = Exists(
        TaggedArticle.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=article_tags)
    )
    candidates = [
        others.filter(shares_a_tag).order_by(*NEWEST_FIRST)[:RELATED_CANDIDATES],
        others.filter(~shares_a_tag, category_id=article.category_id).order_by(*NEWEST_FIRST)[:limit],
        others.filter(~shares_a_tag).exclude(category_id=article.category_id).order_by(*NEWEST_FIRST)[:limit],
    ]
    shared_tags = (
        TaggedArticle.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=article_tags)
        .order_by()
        .values("content_object_id")
        .annotate(shared=Count("pk"))
        .values("shared")
    )
    ranked = (
        others.filter(pk__in=_union_of_pks(candidates))
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


def _union_of_pks(querysets):
    """One SQL expression for the primary keys of several sliced querysets.

    Django's ``union()`` cannot combine sliced querysets on SQLite; each slice is wrapped here
    in its own derived table, which both databases accept.
    """
    parts, params = [], []
    for queryset in querysets:
        sql, query_params = queryset.values("pk").query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS candidates_{len(parts)}")
        params.extend(query_params)
    return RawSQL(" UNION ".join(parts), params)


# At most this many months are listed in an archive (the newest); older months keep their
# addresses. Each listed month costs one index probe, so the list's cost grows with the
# archive's span in months, never with its number of articles.
ARCHIVE_MONTHS = 120


# How long a month list or month count may be reused while nothing was published, unpublished,
# moved or added (see ``_archive_version``): an article that merely reaches its expiry time
# leaves its month listed for at most this long.
ARCHIVE_CACHE_SECONDS = 10 * 60


def _archive_version():
    """Changes whenever the set of visible articles may have changed: the newest page log entry
    (every publish, unpublish, move, delete or scheduled publication logs one) and the newest
    article (bulk-created articles log nothing). One query reading the end of two indexes."""
    newest_log = PageLogEntry.objects.order_by("-pk").values("pk")[:1]
    row = (
        ArticlePage.objects.order_by("-pk")
        .annotate(log=Subquery(newest_log))
        .values_list("pk", "log")
        .first()
    )
    return "-".join(str(value) for value in row or ())


def _cached(name, language, compute):
    """``compute()``, kept in the cache until the archive changes; computed anew if the cache is down."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    key = f"news:{name}:{language}:{_archive_version()}"
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable; computing %s", name, exc_info=True)
        return compute(language)
    if value is None:
        value = compute(language)
        try:
            cache.set(key, value, ARCHIVE_CACHE_SECONDS)
        except Exception:
            logger.warning("Cache unavailable; not storing %s", name, exc_info=True)
    return value


def archive_months(language=None, limit=ARCHIVE_MONTHS):
    """(year, month) pairs that have visible articles, newest first, in local time (cached)."""
    return _cached(f"months-{limit}", language, lambda language: _archive_months(language, limit))


def articles_per_month(language=None):
    """[((year, month), number of visible articles)] for every month that has some, newest first,
    (cached): the sitemap's index of monthly sections."""
    return _cached("month-counts", language, _articles_per_month)


def _archive_months(language, limit):
    """(year, month) pairs that have visible articles, newest first, in local time.

    Two queries that never scan the archive: the newest and oldest publication dates (two
    index probes), then one ``EXISTS`` probe per month between them (each stops at the first
    visible article of its month, found through the publication-date index).
    """
    months = months_spanned(language)[:limit]
    found = _per_month(
        language, months, "EXISTS (SELECT 1 FROM ({articles}) AS month_articles WHERE {within})"
    )
    return [pair for pair, present in zip(months, found, strict=True) if present]


def _articles_per_month(language):
    """[((year, month), number of visible articles)] for every month that has some.

    Two queries: the span of dates, then one count per month, each over its own range of the
    publication-date index.
    """
    months = months_spanned(language)
    totals = _per_month(
        language, months, "(SELECT COUNT(*) FROM ({articles}) AS month_articles WHERE {within})"
    )
    return [(pair, total) for pair, total in zip(months, totals, strict=True) if total]


def _per_month(language, months, template):
    """One query answering ``template`` for each of ``months``, over the visible articles.

    The visibility rule is compiled once and repeated as SQL text: building one ORM subquery per
    month would cost more than running them.
    """
    if not months:
        return []
    articles, article_params = (
        visible_articles(language).order_by().values("publication_date").query.sql_with_params()
    )
    within = "month_articles.publication_date >= %s AND month_articles.publication_date < %s"
    adapt = connection.ops.adapt_datetimefield_value
    columns, params = [], []
    for year, month in months:
        start, end = month_range(year, month)
        columns.append(template.format(articles=articles, within=within))
        params += [*article_params, adapt(start), adapt(end)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        return list(cursor.fetchone())


def months_spanned(language=None):
    """Every (year, month) from the newest visible article's back to the oldest's, local time.

    One query: the newest and oldest publication dates, each read from the end of an index.
    """
    oldest = visible_articles(language).order_by("publication_date", "pk").values("publication_date")[:1]
    bounds = (
        visible_articles(language)
        .order_by(*NEWEST_FIRST)
        .annotate(oldest=Subquery(oldest))
        .values_list("publication_date", "oldest")
        .first()
    )
    if bounds is None:
        return []
    newest, oldest = (timezone.localtime(value) for value in bounds)
    months = []
    year, month = newest.year, newest.month
    while (year, month) >= (oldest.year, oldest.month):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def _in_month(language, year, month):
    start, end = month_range(year, month)
    return visible_articles(language).filter(publication_date__gte=start, publication_date__lt=end).order_by()


def month_range(year, month):
    """The start of the month and of the next one, in local time."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=zone)
    end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end
