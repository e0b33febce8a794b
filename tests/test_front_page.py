"""The front end reads like a newsroom: lead stories, no article twice on a page, sharing,
the publisher in the footer, a helpful 404."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import ArticlePage
from news.queries import visible_articles

pytestmark = pytest.mark.django_db

CARD_LINK = re.compile(r'class="article-card__link"\s+href="([^"]+)"')


def section(html, css_class):
    start = html.index(f'class="news-section {css_class}')
    return html[start : html.index("</section>", start)]


def card_links(html):
    return CARD_LINK.findall(html)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_home_page_blocks_never_repeat_an_article(client, language):
    html = client.get(f"/{language}/").content.decode()
    picks = card_links(section(html, "news-section--must-see"))
    latest = card_links(section(html, "news-section--latest"))
    assert picks and latest
    assert not set(picks) & set(latest)
    assert len(latest) == len(set(latest)) == 6


def test_home_page_has_one_lead_story_then_secondary_cards_then_rows(client):
    html = client.get("/vi/").content.decode()
    must_see = section(html, "news-section--must-see")
    assert must_see.count("article-card--lead") == 1
    assert must_see.index("article-card--lead") < must_see.index("article-card--secondary")
    latest = section(html, "news-section--latest")
    assert latest.count("article-card--compact") == 6
    assert "article-card--lead" not in latest


def article_with_full_side_lists(language):
    for article in visible_articles(language).order_by("-publication_date"):
        if not article.must_see:
            return article
    raise AssertionError("the demo has articles that are not picks")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_article_side_lists_never_repeat_an_article_or_the_article(client, language):
    article = article_with_full_side_lists(language)
    url = article.url_in(language) if hasattr(article, "url_in") else article.url
    html = client.get(url).content.decode()
    lists = [
        card_links(section(html, css_class)) if f"news-section {css_class}" in html else []
        for css_class in ("related-articles", "must-see", "other-news")
    ]
    shown = [link for links in lists for link in links]
    assert lists[0] and lists[1], "the demo fills the first two lists"
    assert len(shown) == len(set(shown))
    assert url not in shown


def test_article_side_lists_run_a_fixed_number_of_queries(client):
    articles = list(visible_articles("vi").order_by("-publication_date")[:2])
    for article in articles:
        client.get(article.url)  # renditions made on first use are not part of the count
    counts = []
    for article in articles:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]


def test_listing_first_page_has_a_lead_story_and_later_pages_compact_rows(client):
    first = client.get("/vi/tin-tuc/").content.decode()
    assert first.count("article-card--lead") == 1
    assert first.count("article-card--secondary") == 2
    assert first.count("article-card--compact") == 9
    second = client.get("/vi/tin-tuc/?page=2").content.decode()
    assert "article-card--lead" not in second
    assert "article-card--compact" in second


def test_compact_rows_use_small_renditions_and_load_lazily(client):
    html = client.get("/vi/").content.decode()
    latest = section(html, "news-section--latest")
    images = re.findall(r"<img[^>]*>", latest, re.S)
    assert len(images) == 6
    for image in images:
        assert 'loading="lazy"' in image
        assert "width-960" not in image and "width-1440" not in image
        assert 'sizes="8rem"' in image


def test_article_has_plain_share_links_and_no_third_party_script(client):
    article = visible_articles("vi").order_by("-publication_date").first()
    response = client.get(article.url)
    html = response.content.decode()
    share = html[html.index('class="share"') : html.index("</nav>", html.index('class="share"'))]
    absolute = f"http%3A%2F%2Ftestserver{article.url.replace('/', '%2F')}"
    assert f"https://www.facebook.com/sharer/sharer.php?u={absolute}" in share
    # Zalo's share plugin page with the article as its ``href`` (what the plugin's script frames).
    assert f"https://sp.zalo.me/plugins/share?href={absolute}&amp;layout=1" in share
    assert f"https://x.com/intent/post?url={absolute}" in share
    assert "mailto:?subject=" in share
    assert re.search(rf'href="http://testserver{re.escape(article.url)}"\s+data-share-copy', share)
    # Only the site's own scripts, all from files (the strict CSP allows no inline script).
    scripts = re.findall(r"<script([^>]*)>", html)
    for attributes in scripts:
        if "application/ld+json" in attributes:
            continue
        assert 'src="/static/' in attributes
    assert "/static/js/share.js" in html


def test_english_share_links_point_to_the_english_article(client):
    article = visible_articles("en").order_by("-publication_date").first()
    url = article.url_in("en")
    html = client.get(url).content.decode()
    assert "http%3A%2F%2Ftestserver%2Fen%2Fnews%2F" in html
    assert "Copy link" in html


@pytest.mark.parametrize(
    ("language", "name", "licence"),
    [
        ("vi", "Ban biên tập Cổng thông tin Hà Nội – Thành phố sáng tạo", "Dữ liệu mẫu"),
        ("en", "Editorial board, Hanoi Creative City portal", "Demo data"),
    ],
)
def test_footer_shows_the_publisher_in_each_language(client, language, name, licence):
    html = client.get(f"/{language}/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert name in footer
    assert licence in footer
    assert "mailto:bientap@example.vn" in footer


def test_publisher_details_edited_in_the_admin_reach_the_footer(admin_client, client):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/publishersettings/{site.pk}/"
    form = admin_client.get(url)
    assert form.status_code == 200
    response = admin_client.post(
        url,
        {
            "name_vi": "Sở Văn hóa mẫu",
            "name_en": "Sample Department of Culture",
            "address_vi": "1 Phố Mẫu",
            "address_en": "1 Sample Street",
            "phone": "024 1234 5678",
            "email": "lienhe@example.vn",
            "licence_vi": "Giấy phép mẫu",
            "licence_en": "Sample licence",
        },
    )
    assert response.status_code == 302
    vi = client.get("/vi/").content.decode()
    en = client.get("/en/").content.decode()
    assert "Sở Văn hóa mẫu" in vi and "Giấy phép mẫu" in vi and 'href="tel:02412345678"' in vi
    assert "Sample Department of Culture" in en and "Sample licence" in en


def test_english_demo_leads_do_not_start_with_the_vietnamese_source_mark():
    leads = list(ArticlePage.objects.exclude(lead_en="").values_list("lead_en", flat=True))
    assert leads
    assert not [lead for lead in leads if lead and "LĐTĐ" in lead]


@pytest.mark.parametrize(
    ("path", "heading"), [("/vi/khong-co/", "Tin mới"), ("/en/no-such-page/", "Latest news")]
)
def test_not_found_page_offers_search_latest_news_and_a_description(client, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<meta name="description"' in html
    assert 'id="not-found-q"' in html and 'name="q"' in html
    assert heading in html
    assert len(card_links(section(html, "error-page__news"))) == 5
