"""Drafts, scheduled, expired, private and (in English) untranslated articles reach no surface.

One visible article and one of each hidden kind share its category, tag and month and are
all "Must see", so each would turn up on every surface if any surface skipped the rule.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import CategoryFactory, TagFactory, days_ago
from tests.news_helpers import page_url, url

pytestmark = pytest.mark.django_db

HIDDEN_EVERYWHERE = ["HIDDEN-DRAFT", "HIDDEN-SCHEDULED", "HIDDEN-EXPIRED", "HIDDEN-PRIVATE"]
HIDDEN_IN_ENGLISH = "HIDDEN-UNTRANSLATED"


@pytest.fixture
def world(empty_news, article_factory):
    category = CategoryFactory(name_vi="Mục kiểm tra", name_en="Check category")
    tag = TagFactory(name_vi="Thẻ kiểm tra", name_en="Check tag")
    when = days_ago(1)
    common = {"category": category, "tags": [tag], "must_see": True, "publication_date": when}
    visible = article_factory(title_vi="VISIBLE-ONE vi", title_en="VISIBLE-ONE en", **common)
    article_factory(title_vi="VISIBLE-TWO vi", title_en="VISIBLE-TWO en", **common)
    soon = timezone.now() + datetime.timedelta(days=1)
    article_factory(title_vi="HIDDEN-DRAFT", title_en="HIDDEN-DRAFT", live=False, **common)
    article_factory(title_vi="HIDDEN-SCHEDULED", title_en="HIDDEN-SCHEDULED", go_live_at=soon, **common)
    article_factory(
        title_vi="HIDDEN-EXPIRED",
        title_en="HIDDEN-EXPIRED",
        expire_at=timezone.now() - datetime.timedelta(hours=1),
        **common,
    )
    private = article_factory(title_vi="HIDDEN-PRIVATE", title_en="HIDDEN-PRIVATE", **common)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    article_factory(title_vi=HIDDEN_IN_ENGLISH, title_en="", **common)
    return {"visible": visible, "category": category, "tag": tag, "when": when}


def surfaces(world, language):
    """Every public address that lists articles, in ``language``."""
    category_slug = getattr(world["category"], f"slug_{language}")
    tag_slug = getattr(world["tag"], f"slug_{language}")
    article_slug = getattr(world["visible"], f"slug_{language}")
    when = timezone.localtime(world["when"])
    addresses = [
        url("news:index", language),
        url("news:index", language) + "?partial=1",
        url("news:category", language, slug=category_slug),
        url("news:tag", language, slug=tag_slug),
        url("news:month", language, year=when.year, month=when.month),
        url("news:related-json", language, slug=article_slug),
        page_url(world["visible"], language),
        f"/{language}/",
    ]
    for fmt in ("rss", "atom"):
        addresses += [
            url("news:feed", language, format=fmt),
            url("news:category-feed", language, slug=category_slug, format=fmt),
            url("news:tag-feed", language, slug=tag_slug, format=fmt),
            url("news:related-feed", language, slug=article_slug, format=fmt),
        ]
    return addresses


@pytest.mark.parametrize("language", ["vi", "en"])
def test_hidden_articles_appear_on_no_public_surface(client, world, language):
    hidden = HIDDEN_EVERYWHERE + ([HIDDEN_IN_ENGLISH] if language == "en" else [])
    for address in surfaces(world, language):
        response = client.get(address)
        assert response.status_code == 200, address
        body = response.content.decode()
        assert "VISIBLE-" in body, address  # the surface does list articles
        for title in hidden:
            assert title not in body, f"{title} leaked on {address}"


def test_untranslated_articles_do_appear_in_vietnamese(client, world):
    body = client.get(url("news:category", "vi", slug=world["category"].slug_vi)).content.decode()
    assert HIDDEN_IN_ENGLISH in body


@pytest.mark.parametrize("title", ["HIDDEN-DRAFT", "HIDDEN-SCHEDULED", "HIDDEN-EXPIRED", "HIDDEN-PRIVATE"])
def test_hidden_articles_own_pages_are_not_served(client, world, title):
    from news.models import ArticlePage

    article = ArticlePage.objects.get(title_vi=title)
    response = client.get(f"/vi/tin-tuc/{article.slug_vi}/")
    # A private article asks the visitor to log in instead.
    assert response.status_code in (302, 404)
    assert title not in response.content.decode()
