"""Which fields make a page translated: an article needs its title, lead and body in English.
A partial translation is stored but the English page keeps its notice and noindex and stays
out of every English surface (listings, feeds, search, sitemap)."""

import pytest
from django.db import connection
from django.urls import reverse

from hanoi_creative.core.models import PageTranslation, translated_into
from hanoi_creative.translations import exchange
from hanoi_creative.translations.models import Status, TranslatableItem
from news.models import ArticlePage


def untranslated():
    item = TranslatableItem.objects.filter(status=Status.MISSING, content_type__model="articlepage").first()
    return item, item.get_object()


def import_title_only(item, article):
    unit = exchange.ImportedUnit(
        key=item.key,
        path="title",
        source=article.title_vi,
        target="Only the title",
        confirmed=True,
        where="t",
    )
    return exchange.import_units([unit])


def english_surfaces(client, article):
    return {
        "listing": client.get("/en/news/").content.decode(),
        "feed": client.get("/en/news/feed/rss/").content.decode(),
        "search": client.get("/en/search/", {"q": "Only the title"}).content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
    }


@pytest.mark.django_db
def test_title_alone_does_not_make_an_article_english(client):
    item, article = untranslated()
    import_title_only(item, article)
    article.refresh_from_db()
    assert article.title_en == "Only the title"  # stored...
    assert not article.has_translation("en")  # ...but not a translation yet
    assert not translated_into(ArticlePage.objects.filter(pk=article.pk), "en").exists()
    html = client.get(article.url_in("en")).content.decode()
    assert "This article is not yet available in English." in html
    assert 'content="noindex' in html
    item.refresh_from_db()
    assert item.status == Status.MISSING  # the desk shows it as still to do (lead, body)


@pytest.mark.django_db
def test_partly_translated_article_reaches_no_english_surface(client):
    item, article = untranslated()
    import_title_only(item, article)
    for name, html in english_surfaces(client, article).items():
        assert article.url_in("en") not in html, name
        if name != "search":  # the search page repeats the query
            assert "Only the title" not in html, name


@pytest.mark.django_db
def test_title_lead_and_body_make_it_english(client):
    item, article = untranslated()
    export = exchange.export_item(item)
    units = [
        exchange.ImportedUnit(item.key, unit.path, unit.source, f"EN {unit.path}", True, unit.path)
        for field in export.fields
        for unit in field.units
    ]
    exchange.import_units(units)
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.has_translation("en")
    assert PageTranslation.objects.filter(page_id=article.pk, language="en").exists()
    html = client.get(article.url_in("en")).content.decode()
    assert "not yet available in English" not in html
    assert article.url_in("en") in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_removing_the_english_lead_takes_the_article_out_of_english_lists():
    article = translated_into(ArticlePage.objects.live(), "en").first()
    article.lead_en = ""
    article.save_revision().publish()
    assert not PageTranslation.objects.filter(page_id=article.pk, language="en").exists()
    assert not ArticlePage.objects.get(pk=article.pk).has_translation("en")


@pytest.mark.django_db
def test_the_rule_is_one_indexed_lookup(django_assert_max_num_queries):
    queryset = translated_into(ArticlePage.objects.live().order_by("-publication_date"), "en")[:10]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database is small enough for a sequential scan; ask for the plan the
            # planner takes on a big table.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "core_page_translation_unique" in plan
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            # SQLite names a table's unique constraint sqlite_autoindex_<table>_N.
            assert "INDEX sqlite_autoindex_core_pagetranslation" in plan
    with django_assert_max_num_queries(1):
        list(queryset)


@pytest.mark.django_db
def test_admin_reads_partly_translated_pages_in_the_desk(client, admin_user):
    item, article = untranslated()
    import_title_only(item, article)
    client.force_login(admin_user)
    html = client.get(reverse("translations:item", args=[item.pk])).content.decode()
    assert "Only the title" in html
