"""The public pages' key queries read indexes, never a whole table of articles (PostgreSQL).

The test database is small, so a sequential scan would often be the planner's honest choice.
Each query is therefore planned with ``enable_seqscan = off``: a sequential scan that remains is
one no index can replace, which is what would make the query's cost grow with the archive. The
queries that walk the archive newest first must also name the index that serves their order.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hanoi_creative.core.templatetags.core_tags import main_menu
from hanoi_creative.search.query import search_pages
from news.generate import generate_articles
from news.models import ArticlePage
from news.queries import (
    _archive_months,
    _articles_per_month,
    latest_articles,
    month_range,
    must_see_articles,
    related_articles,
    visible_articles,
)
from news.sitemaps import section_pages

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans are PostgreSQL's"),
]

# The tables that grow with the archive.
LARGE_TABLES = {"news_articlepage", "wagtailcore_page", "news_taggedarticle", "site_search_searchdocument"}


def _nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def plan_of(sql):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
            return cursor.fetchone()[0][0]["Plan"]
        finally:
            cursor.execute("RESET enable_seqscan")


def queries_of(run):
    with CaptureQueriesContext(connection) as captured:
        run()
    return [query["sql"] for query in captured.captured_queries]


def assert_indexed(sql, index=None):
    """No sequential scan of a large table; ``index`` (a name, or a prefix ending in ``_``) used."""
    nodes = list(_nodes(plan_of(sql)))
    scanned = {node.get("Relation Name") for node in nodes if node["Node Type"] == "Seq Scan"}
    assert not scanned & LARGE_TABLES, f"sequential scan of {scanned & LARGE_TABLES} in:\n{sql}"
    if index:
        used = {node.get("Index Name") or "" for node in nodes}
        assert any(name == index or (index.endswith("_") and name.startswith(index)) for name in used), (
            f"{index} unused in:\n{sql}"
        )


# A month is a range of publication dates: either index on the date serves it.
DATE_INDEX = "news_article_"


@pytest.fixture
def article(news_index):
    generate_articles(200, seed=3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return ArticlePage.objects.get(pk=visible_articles("en").order_by("-publication_date").first().pk)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_listing_walks_the_newest_first_index(article, language):
    (sql,) = queries_of(lambda: list(latest_articles(language)[:12]))
    assert_indexed(sql, "news_article_newest")


def test_the_listing_counts_no_further_than_the_next_page(article):
    (sql,) = queries_of(lambda: latest_articles("vi")[:25].count())
    assert_indexed(sql, "news_article_newest")
    assert "LIMIT 25" in sql


def test_a_category_walks_its_own_index(article):
    (sql,) = queries_of(lambda: list(latest_articles("vi", category=article.category_id)[:12]))
    assert_indexed(sql, "news_article_category_newest")


def test_must_see_walks_its_partial_index(article):
    (sql,) = queries_of(lambda: list(must_see_articles("vi")[:5]))
    assert_indexed(sql, "news_article_must_see_newest")


def test_a_tag_archive_reads_indexes(article):
    tag = article.tags.first()
    (sql,) = queries_of(lambda: list(latest_articles("vi", tag=tag)[:12]))
    assert_indexed(sql)


def test_a_month_archive_reads_a_range_of_the_date_index(article):
    when = timezone.localtime(article.publication_date)
    start, end = month_range(when.year, when.month)
    articles = latest_articles("vi").filter(publication_date__gte=start, publication_date__lt=end)
    (sql,) = queries_of(lambda: list(articles[:12]))
    assert_indexed(sql, DATE_INDEX)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_related_articles_rank_candidates_found_through_indexes(article, language):
    (sql,) = queries_of(lambda: list(related_articles(article, language)))
    assert_indexed(sql, "news_article_newest")


def test_the_archive_month_list_and_counts_probe_the_date_index(article):
    for run in (lambda: _archive_months("vi", 120), lambda: _articles_per_month("vi")):
        for sql in queries_of(run):
            assert_indexed(sql)


def test_the_main_menu_reads_its_partial_index(article, home):
    client = Client()
    client.get("/vi/")  # the site's root page is looked up and kept on the request there
    request = client.get("/vi/").wsgi_request
    sqls = queries_of(lambda: list(main_menu({"request": request})["menu_items"]))
    menu = [sql for sql in sqls if 'AND "wagtailcore_page"."show_in_menus"' in sql]
    assert menu
    for sql in menu:
        assert_indexed(sql, "core_page_menu_depth_path")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_search_ranks_candidates_found_through_the_newest_index(article, language):
    results = search_pages("ha noi", language)
    sqls = queries_of(lambda: (results.count(), results[0:10]))
    searches = [sql for sql in sqls if "site_search_searchdocument" in sql]
    assert len(searches) == 2
    for sql in searches:
        # At this size the planner may prefer the full-text index to the (language, date) one.
        assert_indexed(sql)


def test_a_sitemap_month_section_reads_a_range_of_the_date_index(article):
    when = timezone.localtime(article.publication_date)
    pages = section_pages(f"news-{when.year:04d}-{when.month:02d}", 1)
    (sql,) = queries_of(lambda: list(pages))
    assert_indexed(sql, DATE_INDEX)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_search_probes_the_visibility_of_its_candidates_alone(article, language):
    # Built as "page IN (visible articles) OR page IN (visible …)", the rule made PostgreSQL read
    # every visible article first: 0.3 s at 100,000 articles for a search that showed 8.
    results = search_pages("UNESCO", language)
    sql = next(sql for sql in queries_of(results.count) if "site_search_searchdocument" in sql)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0][0]["Plan"]
    read = sum(
        node["Actual Rows"] * node["Actual Loops"]
        for node in _nodes(plan)
        if node.get("Relation Name") == "news_articlepage"
    )
    assert 0 < results.count() < 20
    assert read <= results.count() * 2, f"{read} article rows read for {results.count()} results"
