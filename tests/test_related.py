"""The "You may be interested" ranking: shared tags, then category, then recency."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.queries import related_articles
from tests.factories import CategoryFactory, TagFactory, days_ago
from tests.news_helpers import page_url, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(empty_news, article_factory):
    """An article with two tags in category A, and candidates built to test each rule."""
    a, b = CategoryFactory(), CategoryFactory()
    t1, t2, t3 = TagFactory(), TagFactory(), TagFactory()
    make = article_factory
    articles = {
        "self": make(title_vi="Bài gốc", category=a, tags=[t1, t2], publication_date=days_ago(5)),
        "two_tags_old": make(title_vi="Hai thẻ cũ", category=b, tags=[t1, t2], publication_date=days_ago(40)),
        "one_tag_same_cat": make(
            title_vi="Một thẻ cùng mục", category=a, tags=[t1], publication_date=days_ago(30)
        ),
        "one_tag_other_cat_new": make(
            title_vi="Một thẻ khác mục", category=b, tags=[t2], publication_date=days_ago(1)
        ),
        "same_cat_no_tag": make(title_vi="Cùng mục", category=a, tags=[t3], publication_date=days_ago(20)),
        "unrelated_newest": make(title_vi="Không liên quan mới", category=b, publication_date=days_ago(0)),
        "unrelated_older": make(title_vi="Không liên quan cũ", category=b, publication_date=days_ago(10)),
    }
    return articles


def keys(cast, ranked):
    names = {article.pk: key for key, article in cast.items()}
    return [names[article.pk] for article in ranked]


def test_ranking_orders_by_shared_tags_then_category_then_recency(cast):
    ranked = related_articles(cast["self"], "vi", limit=10)
    assert keys(cast, ranked) == [
        "two_tags_old",
        "one_tag_same_cat",
        "one_tag_other_cat_new",
        "same_cat_no_tag",
        "unrelated_newest",
        "unrelated_older",
    ]


def test_ranking_never_includes_the_article_itself(cast):
    assert cast["self"].pk not in [a.pk for a in related_articles(cast["self"], "vi", limit=50)]


def test_ranking_respects_the_limit(cast):
    assert keys(cast, related_articles(cast["self"], "vi", limit=2)) == ["two_tags_old", "one_tag_same_cat"]


def test_ranking_leaves_out_hidden_and_untranslated_articles(cast):
    cast["two_tags_old"].title_en = ""
    cast["two_tags_old"].save()
    cast["one_tag_same_cat"].live = False
    cast["one_tag_same_cat"].save()
    assert keys(cast, related_articles(cast["self"], "en", limit=2)) == [
        "one_tag_other_cat_new",
        "same_cat_no_tag",
    ]
    assert keys(cast, related_articles(cast["self"], "vi", limit=1)) == ["two_tags_old"]


def test_an_article_without_tags_ranks_its_category_first(empty_news, article_factory):
    a = CategoryFactory()
    lonely = article_factory(category=a, publication_date=days_ago(3))
    same = article_factory(category=a, publication_date=days_ago(9))
    newer = article_factory(publication_date=days_ago(1))
    assert [x.pk for x in related_articles(lonely, "vi")] == [same.pk, newer.pk]


def test_ranking_runs_in_a_fixed_number_of_queries(cast, article_factory):
    with CaptureQueriesContext(connection) as few:
        list(related_articles(cast["self"], "vi"))
    for _ in range(15):
        article_factory(tags=[TagFactory()])
    with CaptureQueriesContext(connection) as more:
        list(related_articles(cast["self"], "vi"))
    # The ranked articles, plus their photos' renditions when they have photos.
    assert len(few) == len(more) <= 2


def test_the_article_page_shows_the_ranking_in_a_related_container(client, cast):
    html = client.get(page_url(cast["self"])).content.decode()
    section = html.split('class="news-section related-articles"')[1].split("</section>")[0]
    assert section.index("Hai thẻ cũ") < section.index("Một thẻ cùng mục") < section.index("Cùng mục")
    assert "Bài gốc" not in section


def test_the_json_endpoint_returns_the_same_ranking(client, cast):
    response = client.get(url("news:related-json", "vi", slug=cast["self"].slug_vi))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    expected = [a.pk for a in related_articles(cast["self"], "vi")]
    assert [item["id"] for item in data["related"]] == expected
    assert data["language"] == "vi"
    assert data["related"][0]["title"] == "Hai thẻ cũ"
    assert data["related"][0]["url"].startswith("http://testserver/vi/tin-tuc/")


def test_the_json_endpoint_speaks_english(client, cast):
    data = client.get(url("news:related-json", "en", slug=cast["self"].slug_en)).json()
    assert data["language"] == "en"
    assert data["related"][0]["title"] == cast["two_tags_old"].title_en
    assert data["related"][0]["url"].startswith("http://testserver/en/news/")


def test_the_json_endpoint_is_a_404_for_hidden_or_unknown_articles(client, cast):
    cast["self"].live = False
    cast["self"].save()
    assert client.get(url("news:related-json", "vi", slug=cast["self"].slug_vi)).status_code == 404
    assert client.get(url("news:related-json", "vi", slug="khong-co")).status_code == 404
