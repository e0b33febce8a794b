"""news.queries.visible_articles owns the publication rule; routing finds articles cheaply."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from news.queries import visible_articles
from tests.factories import days_ago
from tests.news_helpers import page_url

pytestmark = pytest.mark.django_db


def test_visible_articles_include_a_live_translated_article(article_factory):
    article = article_factory()
    assert visible_articles("vi").filter(pk=article.pk).exists()
    assert visible_articles("en").filter(pk=article.pk).exists()


def test_visible_articles_hide_drafts(article_factory):
    article = article_factory(live=False)
    assert not visible_articles("vi").filter(pk=article.pk).exists()


def test_visible_articles_hide_scheduled_articles(article_factory):
    # Even if something marked it live early, a go-live time in the future keeps it hidden.
    article = article_factory(go_live_at=timezone.now() + datetime.timedelta(hours=1))
    assert not visible_articles("vi").filter(pk=article.pk).exists()


def test_visible_articles_show_articles_whose_go_live_time_has_passed(article_factory):
    article = article_factory(go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert visible_articles("vi").filter(pk=article.pk).exists()


def test_visible_articles_hide_expired_articles(article_factory):
    article = article_factory(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert not visible_articles("vi").filter(pk=article.pk).exists()


def test_visible_articles_hide_private_articles(article_factory):
    article = article_factory()
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert not visible_articles("vi").filter(pk=article.pk).exists()


def test_visible_articles_hide_articles_under_a_private_section(article_factory, news_index):
    article = article_factory()
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert not visible_articles("vi").filter(pk=article.pk).exists()


def test_a_restriction_elsewhere_does_not_hide_articles(article_factory, programme_pages):
    article = article_factory()
    some_page = next(iter(programme_pages.values()))
    PageViewRestriction.objects.create(page=some_page, restriction_type=PageViewRestriction.LOGIN)
    assert visible_articles("vi").filter(pk=article.pk).exists()


def test_untranslated_articles_are_visible_in_vietnamese_only(article_factory):
    article = article_factory(title_en="")
    assert visible_articles("vi").filter(pk=article.pk).exists()
    assert not visible_articles("en").filter(pk=article.pk).exists()


def test_visible_articles_default_to_the_active_language(article_factory):
    article = article_factory(title_en="")
    with translation.override("en"):
        assert not visible_articles().filter(pk=article.pk).exists()
    with translation.override("vi"):
        assert visible_articles().filter(pk=article.pk).exists()


def test_visible_articles_is_one_query(article_factory):
    article_factory()
    with CaptureQueriesContext(connection) as queries:
        list(visible_articles("en"))
    assert len(queries) == 1


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_article_is_routed_with_one_query_on_its_language_slug(client, article_factory, language):
    article = article_factory(publication_date=days_ago(1))
    address = page_url(article, language)
    client.get(address)  # warm the site and rendition caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    slug = getattr(article, f"slug_{language}")
    condition = f'"wagtailcore_page"."slug_{language}" = '
    lookups = [
        q["sql"]
        for q in queries
        if condition in q["sql"].partition(" WHERE ")[2] and slug in q["sql"].partition(" WHERE ")[2]
    ]
    assert len(lookups) == 1
    # The article table itself is asked, so no second query fetches the specific page.
    assert 'FROM "news_articlepage"' in lookups[0]


def test_the_slug_columns_are_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"] or c["unique"]}
    assert ("slug_vi",) in indexed
    assert ("slug_en",) in indexed


def test_english_routing_falls_back_to_the_vietnamese_slug_of_an_untranslated_article(
    client, article_factory
):
    article = article_factory(title_en="", slug_en=None)
    response = client.get(f"/en/news/{article.slug_vi}/")
    assert response.status_code == 200


def test_an_unknown_article_slug_is_a_404(client):
    assert client.get("/vi/tin-tuc/khong-co-bai-nay/").status_code == 404
