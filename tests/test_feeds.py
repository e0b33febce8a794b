"""RSS and Atom feeds: valid, the right entries, in the right language."""

import feedparser
import pytest

from news.queries import latest_articles
from tests.factories import TagFactory, days_ago
from tests.news_helpers import url

pytestmark = pytest.mark.django_db

FEEDS = [
    ("news:feed", {}),
    ("news:category-feed", {"slug": "do-thi"}),
]


def parse(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("fmt, version", [("rss", "rss20"), ("atom", "atom10")])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_all_news_feed_parses_with_the_latest_articles(client, fmt, version, language):
    response, feed = parse(client, url("news:feed", language, format=fmt))
    assert feed.version == version
    expected = [article.title for article in latest_articles(language)[:20]]
    assert [entry.title for entry in feed.entries] == expected
    assert feed.feed.get("language", language).startswith(language)
    assert all(f"/{language}/" in entry.link for entry in feed.entries)


def test_feed_language_and_text_follow_the_url(client):
    _, vi = parse(client, "/vi/tin-tuc/feed/rss/")
    _, en = parse(client, "/en/news/feed/rss/")
    assert vi.feed.language == "vi" and en.feed.language == "en"
    assert vi.feed.title.startswith("Tin tức") and en.feed.title.startswith("News")
    seed_vi = next(e for e in vi.entries if "kinh đô sáng tạo" in e.title)
    seed_en = next(e for e in en.entries if "creative capital" in e.title)
    assert seed_vi.author == "Hoàng My" and "Thành phố sáng tạo" in [t.term for t in seed_vi.tags]
    assert "Creative City" in [t.term for t in seed_en.tags]
    assert seed_en.link.startswith("http://testserver/en/news/")


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_category_feed_holds_only_that_category(client, fmt):
    _, feed = parse(client, url("news:category-feed", "en", slug="urban-life", format=fmt))
    from news.models import Category

    urban = Category.objects.get(slug_en="urban-life")
    expected = [article.title for article in latest_articles("en", category=urban)[:20]]
    assert feed.entries and [entry.title for entry in feed.entries] == expected


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_tag_feed_holds_only_tagged_articles(client, empty_news, article_factory, fmt):
    tag = TagFactory(name_vi="Áo dài", name_en="Ao dai")
    article_factory(title_vi="Có thẻ", title_en="Tagged", tags=[tag], publication_date=days_ago(1))
    article_factory(title_vi="Không thẻ", title_en="Untagged")
    _, vi = parse(client, url("news:tag-feed", "vi", slug="ao-dai", format=fmt))
    _, en = parse(client, url("news:tag-feed", "en", slug="ao-dai", format=fmt))
    assert [e.title for e in vi.entries] == ["Có thẻ"]
    assert [e.title for e in en.entries] == ["Tagged"]


def test_related_feed_follows_the_ranking(client):
    from news.models import ArticlePage
    from news.queries import related_articles

    article = ArticlePage.objects.get(slug_vi__startswith="xay-dung-ha-noi-thanh-kinh-do")
    _, feed = parse(client, url("news:related-feed", "vi", slug=article.slug_vi, format="rss"))
    assert [e.title for e in feed.entries] == [a.title for a in related_articles(article, "vi")]


@pytest.mark.parametrize(
    "address",
    [
        "/vi/tin-tuc/chuyen-muc/khong-co/feed/rss/",
        "/en/news/tag/nothing/feed/atom/",
        "/en/news/nothing/related/rss/",
    ],
)
def test_feeds_of_unknown_things_are_404s(client, address):
    assert client.get(address).status_code == 404


def test_article_pages_advertise_their_feeds(client):
    from news.models import ArticlePage

    article = ArticlePage.objects.get(slug_vi__startswith="xay-dung-ha-noi-thanh-kinh-do")
    html = client.get(article.url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="/vi/tin-tuc/{article.slug_vi}/related/rss/"' in html
