"""The news listing, category, tag and month archives: content, order, pagination, 404s."""

import pytest

from news.queries import visible_articles
from news.views import PAGE_SIZE
from tests.factories import CategoryFactory, TagFactory, days_ago
from tests.news_helpers import titles_in, url

pytestmark = pytest.mark.django_db


def test_demo_articles_fill_two_pages_in_each_language(client):
    for language, address in (("vi", "/vi/tin-tuc/"), ("en", "/en/news/")):
        first = client.get(address)
        second = client.get(f"{address}?page=2")
        assert first.status_code == second.status_code == 200
        assert first.context["paginator"].num_pages == 2, language
        assert len(titles_in(first)) == PAGE_SIZE
        assert len(set(titles_in(first)) | set(titles_in(second))) == visible_articles(language).count()


def test_the_listing_is_newest_first(client, empty_news, article_factory):
    article_factory(title_vi="Cũ", title_en="Old", publication_date=days_ago(3))
    article_factory(title_vi="Mới", title_en="New", publication_date=days_ago(1))
    article_factory(title_vi="Giữa", title_en="Middle", publication_date=days_ago(2))
    assert titles_in(client.get("/vi/tin-tuc/")) == ["Mới", "Giữa", "Cũ"]
    assert titles_in(client.get("/en/news/")) == ["New", "Middle", "Old"]


def test_english_listing_shows_english_text_and_interface(client, empty_news, article_factory):
    article_factory(title_vi="Tiêu đề", title_en="A headline", lead_en="The English lead")
    response = client.get("/en/news/")
    html = response.content.decode()
    assert "A headline" in html and "The English lead" in html
    assert "Tiêu đề" not in html
    assert '<html lang="en">' in html


def test_english_listing_leaves_out_untranslated_articles(client, empty_news, article_factory):
    article_factory(title_vi="Chỉ có tiếng Việt", title_en="")
    article_factory(title_vi="Song ngữ", title_en="Bilingual")
    assert titles_in(client.get("/en/news/")) == ["Bilingual"]
    assert set(titles_in(client.get("/vi/tin-tuc/"))) == {"Chỉ có tiếng Việt", "Song ngữ"}


@pytest.mark.parametrize(
    "raw, expected",
    [("abc", 1), ("0", 1), ("-1", 1), ("", 1), ("2", 2), ("999999999", 2), ("9" * 400, 2), ("1" * 5000, 1)],
)
def test_bad_page_numbers_give_the_first_or_last_page(client, raw, expected):
    response = client.get("/vi/tin-tuc/", {"page": raw})
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


def test_see_more_links_to_the_next_page_and_disappears_on_the_last(client):
    first = client.get("/vi/tin-tuc/").content.decode()
    last = client.get("/vi/tin-tuc/?page=2").content.decode()
    assert 'href="?page=2"' in first and "data-see-more" in first and "Xem thêm" in first
    assert "data-see-more" not in last.split('id="article-list"')[1].split("see-more__status")[0]


def test_the_partial_answer_holds_only_cards_and_the_next_link(client):
    response = client.get("/vi/tin-tuc/?page=1&partial=1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.count('<article class="article-card') == PAGE_SIZE
    assert 'href="?page=2"' in html


def test_category_lists_only_its_articles(client, empty_news, article_factory):
    culture = CategoryFactory(name_vi="Văn hóa thử", name_en="Test culture")
    article_factory(title_vi="Trong", title_en="Inside", category=culture)
    article_factory(title_vi="Ngoài", title_en="Outside")
    assert titles_in(client.get(url("news:category", "vi", slug=culture.slug_vi))) == ["Trong"]
    assert titles_in(client.get(url("news:category", "en", slug=culture.slug_en))) == ["Inside"]


def test_category_slugs_are_folded_and_translated(client):
    response = client.get("/vi/tin-tuc/chuyen-muc/do-thi/")
    assert response.status_code == 200
    assert response.context["alternate_urls"] == {
        "vi": "/vi/tin-tuc/chuyen-muc/do-thi/",
        "en": "/en/news/category/urban-life/",
    }
    assert client.get("/en/news/category/urban-life/").status_code == 200
    # The Vietnamese slug is not an English address.
    assert client.get("/en/news/category/do-thi/").status_code == 404


def test_tag_lists_only_tagged_articles(client, empty_news, article_factory):
    tag = TagFactory(name_vi="Hồ Tây", name_en="West Lake")
    article_factory(title_vi="Có thẻ", title_en="Tagged", tags=[tag])
    article_factory(title_vi="Không thẻ", title_en="Untagged")
    assert tag.slug_vi == "ho-tay"
    assert titles_in(client.get(url("news:tag", "vi", slug="ho-tay"))) == ["Có thẻ"]
    assert titles_in(client.get(url("news:tag", "en", slug="west-lake"))) == ["Tagged"]


def test_month_archive_lists_that_month_in_local_time(client, empty_news, article_factory):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
    # 1 December 00:30 in Hanoi is still 30 November in UTC: it belongs to December.
    article_factory(
        title_vi="Đầu tháng", title_en="Start", publication_date=datetime(2024, 12, 1, 0, 30, tzinfo=hanoi)
    )
    article_factory(
        title_vi="Tháng trước",
        title_en="Before",
        publication_date=datetime(2024, 11, 30, 23, 0, tzinfo=hanoi),
    )
    assert titles_in(client.get("/vi/tin-tuc/luu-tru/2024/12/")) == ["Đầu tháng"]
    assert titles_in(client.get("/en/news/archive/2024/11/")) == ["Before"]


def test_listing_links_to_month_archives(client):
    html = client.get("/en/news/").content.decode()
    assert 'href="/en/news/archive/2024/12/"' in html
    assert "December 2024" in html


@pytest.mark.parametrize(
    "address",
    [
        "/vi/tin-tuc/chuyen-muc/khong-ton-tai/",
        "/en/news/category/no-such-category/",
        "/vi/tin-tuc/the/khong-ton-tai/",
        "/en/news/tag/no-such-tag/",
        "/vi/tin-tuc/luu-tru/2024/13/",
        "/vi/tin-tuc/luu-tru/2024/00/",
        "/en/news/archive/1999/01/",
        "/en/news/archive/0000/01/",
        "/en/news/archive/9999/12/",
        "/vi/tin-tuc/luu-tru/" + "9" * 400 + "/01/",
    ],
)
def test_unknown_category_tag_or_month_is_a_404(client, address):
    assert client.get(address).status_code == 404


def test_a_404_speaks_the_visitors_language(client):
    vi = client.get("/vi/tin-tuc/chuyen-muc/khong-ton-tai/")
    en = client.get("/en/news/category/no-such-category/")
    assert vi.status_code == en.status_code == 404
    assert '<html lang="vi">' in vi.content.decode()
    assert "Page not found" not in vi.content.decode()
    assert '<html lang="en">' in en.content.decode()
    assert "Page not found" in en.content.decode()


def test_a_tag_without_visible_articles_is_a_404(client, empty_news, article_factory):
    tag = TagFactory(name_vi="Ẩn", name_en="Hidden")
    article_factory(title_vi="Nháp", title_en="Draft", tags=[tag], live=False)
    assert client.get(url("news:tag", "vi", slug=tag.slug_vi)).status_code == 404


def test_listings_advertise_their_feeds(client):
    html = client.get("/vi/tin-tuc/chuyen-muc/do-thi/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/vi/tin-tuc/chuyen-muc/do-thi/feed/rss/"' in html
    assert 'href="/vi/tin-tuc/chuyen-muc/do-thi/feed/atom/"' in html


def test_cards_use_responsive_webp_renditions(client):
    html = client.get("/vi/tin-tuc/").content.decode()
    card = html.split('class="article-card__media"')[1].split("</div>")[0]
    assert ".webp" in card and "srcset=" in card and 'width="' in card and 'height="' in card


def test_the_main_menu_carries_the_categories(client):
    html = client.get("/en/").content.decode()
    menu = html.split('class="main-menu"')[1].split("</nav>")[0]
    for name in ("Transport", "Urban life", "Entertainment", "Business", "Culture", "Creative City"):
        assert name in menu
    assert 'href="/en/news/category/transport/"' in menu
