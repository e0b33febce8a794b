"""Public newsroom pages run at most 25 queries, the same number with 20 or 2,000 articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.generate import generate_articles
from news.models import ArticlePage
from tests.news_helpers import page_url, url

pytestmark = pytest.mark.django_db

MAX_QUERIES = 25


def addresses(article):
    """One address of every public page type, in both languages, built around ``article``."""
    tag = article.tags.first()
    when = timezone.localtime(article.publication_date)
    result = {}
    for language in ("vi", "en"):
        category_slug = getattr(article.category, f"slug_{language}")
        tag_slug = getattr(tag, f"slug_{language}")
        result.update(
            {
                f"listing {language}": url("news:index", language),
                f"listing page 2 {language}": url("news:index", language) + "?page=2",
                f"see more fragment {language}": url("news:index", language) + "?page=2&partial=1",
                f"category {language}": url("news:category", language, slug=category_slug),
                f"tag {language}": url("news:tag", language, slug=tag_slug),
                f"month {language}": url("news:month", language, year=when.year, month=when.month),
                f"article {language}": page_url(article, language),
                f"related json {language}": url(
                    "news:related-json", language, slug=getattr(article, f"slug_{language}")
                ),
                f"feed rss {language}": url("news:feed", language, format="rss"),
                f"feed atom {language}": url("news:feed", language, format="atom"),
                f"category feed {language}": url(
                    "news:category-feed", language, slug=category_slug, format="rss"
                ),
                f"tag feed {language}": url("news:tag-feed", language, slug=tag_slug, format="atom"),
                f"home {language}": f"/{language}/",
            }
        )
    return result


def count_queries(client, pages, django_assert_max_num_queries):
    counts = {}
    for name, address in pages.items():
        assert client.get(address).status_code == 200, address  # warms renditions and caches
        with django_assert_max_num_queries(MAX_QUERIES), CaptureQueriesContext(connection) as queries:
            client.get(address)
        counts[name] = len(queries)
    return counts


def test_public_pages_query_counts_do_not_grow_with_the_number_of_articles(
    client, empty_news, django_assert_max_num_queries
):
    few = generate_articles(20, seed=1)
    ArticlePage.objects.filter(pk__in=[a.pk for a in few[:3]]).update(must_see=True)
    article = ArticlePage.objects.get(pk=max(few, key=lambda a: a.publication_date).pk)
    pages = addresses(article)
    at_20 = count_queries(client, pages, django_assert_max_num_queries)

    generate_articles(1980, seed=2)
    assert ArticlePage.objects.live().filter(pk__in=[a.pk for a in few]).count() == 20
    at_2000 = count_queries(client, pages, django_assert_max_num_queries)

    print("\nQueries per page (20 / 2,000 articles):")
    for name in pages:
        print(f"  {name:28} {at_20[name]:3} {at_2000[name]:3}")
    assert at_20 == at_2000
    assert max(at_2000.values()) <= MAX_QUERIES
