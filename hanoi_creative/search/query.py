"""Ranked, per-language, visibility-checked site search on PostgreSQL and SQLite.

Both databases answer the same question the same way: documents in the active language that
contain every (folded) query word, restricted to pages the public may see; title matches first,
then each database's relevance score (``ts_rank`` with the title weighted A, body B, keywords C;
FTS5's ``bm25`` with the title weighted 10, body 1, keywords 0.5), then the newest. A word found
only among an article's keywords (its category, tag or author names) therefore ranks below every
title match. Only the newest ``CANDIDATES`` matching documents are ranked and shown, so a word
found in every article costs the same at 100 or 100,000 articles; the count stops one further,
so the results page can say when there are more than it shows.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import BooleanField, Exists, OuterRef, prefetch_related_objects
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from hanoi_creative.core.visibility import visible_pages

from .documents import page_date
from .models import SearchDocument
from .synonyms import with_synonyms
from .text import highlight, query_terms, snippet

TABLE = "site_search_searchdocument"

# Only the newest matching documents are ranked (and counted): a common word such as "ha noi"
# matches nearly every article, and scoring all of them would make a search cost grow with the
# archive. The candidates are found by walking the (language, date) index newest first.
CANDIDATES = 500


@dataclass
class SearchHit:
    page: Page
    title: str
    snippet: str
    date: datetime | None
    category: object | None


def _postgres_sql(terms):
    source = f"FROM {TABLE} d, plainto_tsquery('hc_unaccent'::regconfig, %s) AS query"
    where = "d.search_vector @@ query"
    # The same test on the candidate query, where the table keeps its own name.
    match = f"\"{TABLE}\".search_vector @@ plainto_tsquery('hc_unaccent'::regconfig, %s)"
    match_params = [" ".join(terms)]
    select = (
        "(ts_filter(d.search_vector, '{a}') @@ query) AS title_hit, ts_rank(d.search_vector, query) AS score"
    )
    order = "title_hit DESC, score DESC, d.date DESC NULLS LAST, d.id DESC"
    return source, [" ".join(terms)], where, [], select, [], order, (match, match_params)


def _sqlite_sql(terms):
    phrase = " ".join(f'"{term}"' for term in terms)  # terms are [a-z0-9]+, so always valid
    # CROSS JOIN makes SQLite run the full-text match once, as the outer loop; with a plain
    # JOIN its planner may start from the documents and rerun the match for each of them.
    source = f"FROM site_search_fts CROSS JOIN {TABLE} d ON d.id = site_search_fts.rowid"
    where = "site_search_fts MATCH %s"
    select = (
        "(d.id IN (SELECT rowid FROM site_search_fts WHERE site_search_fts MATCH %s)) AS title_hit, "
        "bm25(site_search_fts, 10.0, 1.0, 0.5) AS score"
    )
    order = "title_hit DESC, score ASC, d.date DESC, d.id DESC"
    match = f'"{TABLE}".id IN (SELECT rowid FROM site_search_fts WHERE site_search_fts MATCH %s)'
    return source, [], where, [phrase], select, [f"title_folded : ({phrase})"], order, (match, [phrase])


class SearchResults:
    """A lazily evaluated result list that Django's Paginator can page through."""

    def __init__(self, query, language, request=None):
        self.terms = with_synonyms(query_terms(query), language)
        self.language = language
        self.request = request
        self._count = None
        self._more = False  # more matches than the CANDIDATES ranked
        if not self.terms:
            self._count = 0
            return
        builder = _postgres_sql if connection.vendor == "postgresql" else _sqlite_sql
        (
            self._source,
            self._source_params,
            where,
            where_params,
            self._select,
            self._select_params,
            self._order,
            (match, match_params),
        ) = builder(self.terms)
        matching = (
            SearchDocument.objects.filter(language=language)
            .filter(RawSQL(match, match_params, output_field=BooleanField()))
            .filter(Exists(visible_pages(language).filter(pk=OuterRef("page_id"))))
            .order_by("-date", "-id")
            .values("id")
        )
        self._where, self._where_params = self._within(where, where_params, matching[:CANDIDATES])
        # Counting one more than are ranked tells "exactly CANDIDATES" from "more than that".
        self._count_where, self._count_params = self._within(where, where_params, matching[: CANDIDATES + 1])

    @staticmethod
    def _within(where, where_params, candidates):
        candidates_sql, candidates_params = candidates.query.sql_with_params()
        return f"WHERE {where} AND d.id IN ({candidates_sql})", [*where_params, *candidates_params]

    def count(self):
        """The number of results shown: the matches, up to the ``CANDIDATES`` ranked."""
        if self._count is None:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT COUNT(*) {self._source} {self._count_where}",
                    [*self._source_params, *self._count_params],
                )
                found = cursor.fetchone()[0]
            self._count = min(found, CANDIDATES)
            self._more = found > CANDIDATES
        return self._count

    def __len__(self):
        return self.count()

    @property
    def capped(self):
        """True when more documents match than the newest ``CANDIDATES``, which alone are ranked
        and shown (the results page says so)."""
        self.count()
        return self._more

    @property
    def ranked(self):
        """How many matches at most are ranked and shown."""
        return CANDIDATES

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("SearchResults supports plain slices only")
        start = key.start or 0
        stop = key.stop if key.stop is not None else self.count()
        if not self.terms or stop <= start:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.page_id, d.title, d.body, {self._select} {self._source} {self._where} "
                f"ORDER BY {self._order} LIMIT %s OFFSET %s",
                [*self._select_params, *self._source_params, *self._where_params, stop - start, start],
            )
            rows = cursor.fetchall()
        return self._hits(rows)

    def _hits(self, rows):
        pages = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[row[0] for row in rows]).defer_streamfields().specific()
        }
        with_category = [page for page in pages.values() if hasattr(type(page), "category")]
        prefetch_related_objects(with_category, "category")
        hits = []
        for page_id, title, body, *_rank in rows:
            page = pages.get(page_id)
            if page is None:  # deleted between the two queries
                continue
            hits.append(
                SearchHit(
                    page=page,
                    title=highlight(title, self.terms),
                    snippet=snippet(body, self.terms),
                    date=page_date(page),
                    category=getattr(page, "category", None),
                )
            )
        return hits


def search_pages(query, language, request=None):
    return SearchResults(query, language, request)
