"""Two languages, one page tree: redirects, routing, translated slugs, hreflang, switcher."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from hanoi_creative.core.models import StandardPage
from hanoi_creative.core.slugs import fold_slug

pytestmark = pytest.mark.django_db

PROGRAMME = {
    # English slug: (Vietnamese path, English path, Vietnamese title, English title)
    "unesco-creative-cities-network": (
        "/vi/mang-luoi-cac-thanh-pho-sang-tao-cua-unesco/",
        "/en/unesco-creative-cities-network/",
        "Mạng lưới các Thành phố sáng tạo của UNESCO",
        "The UNESCO Creative Cities Network",
    ),
    "hanoi-2019-designation": (
        "/vi/ha-noi-thanh-pho-sang-tao-2019/",
        "/en/hanoi-2019-designation/",
        "Hà Nội – Thành phố sáng tạo 2019",
        "Hanoi&#x27;s 2019 designation",
    ),
    "action-programme": (
        "/vi/chuong-trinh-hanh-dong/",
        "/en/action-programme/",
        "Chương trình hành động",
        "The action programme",
    ),
}


def links(html, pattern):
    return re.findall(pattern, html)


def test_root_redirects_to_vietnamese_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/vi/"


def test_root_follows_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_root_prefers_language_cookie_over_header(client):
    client.cookies["django_language"] = "vi"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/vi/"
    client.cookies["django_language"] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="vi")["Location"] == "/en/"


@pytest.mark.parametrize("header", ["%%%;;;q=abc", "x" * 600, "en;q=2,,,;", "\u00e9\u00e8"])
def test_root_redirects_even_with_malformed_accept_language(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] in {"/vi/", "/en/"}


@pytest.mark.parametrize(
    "language,title", [("vi", "Hà Nội – Thành phố sáng tạo"), ("en", "Hanoi – Creative City of Design")]
)
def test_home_page_in_each_language(client, language, title):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert title in html


@pytest.mark.parametrize("key", PROGRAMME)
def test_programme_pages_live_at_their_translated_slugs(client, key):
    vi_path, en_path, vi_title, en_title = PROGRAMME[key]
    vi = client.get(vi_path).content.decode()
    en = client.get(en_path).content.decode()
    assert vi_title in vi and en_title not in vi
    assert en_title in en and vi_title not in en


def test_english_prefix_with_vietnamese_slug_is_not_found(client):
    assert client.get("/en/chuong-trinh-hanh-dong/").status_code == 404
    assert client.get("/vi/action-programme/").status_code == 404


@pytest.mark.parametrize("language", ["vi", "en"])
def test_home_and_navigation_reach_all_programme_pages(client, language):
    html = client.get(f"/{language}/").content.decode()
    nav = html[html.index('class="main-menu"') :]
    for vi_path, en_path, _vi, _en in PROGRAMME.values():
        expected = vi_path if language == "vi" else en_path
        assert f'href="{expected}"' in nav
        assert html.count(f'href="{expected}"') >= 2  # navigation and the home page's cards


@pytest.mark.parametrize("key", PROGRAMME)
def test_hreflang_alternates_and_x_default(client, key):
    vi_path, en_path, _vi, _en = PROGRAMME[key]
    html = client.get(en_path).content.decode()
    alternates = dict(links(html, r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">'))
    assert alternates == {
        "vi": f"http://testserver{vi_path}",
        "en": f"http://testserver{en_path}",
        "x-default": f"http://testserver{vi_path}",
    }


@pytest.mark.parametrize("key", PROGRAMME)
def test_switcher_leads_to_the_same_page_in_the_other_language(client, key):
    vi_path, en_path, _vi, _en = PROGRAMME[key]
    vi_html = client.get(vi_path).content.decode()
    en_html = client.get(en_path).content.decode()
    assert links(vi_html, r'<a href="([^"]+)"\s+hreflang="en"') == [en_path]
    assert links(en_html, r'<a href="([^"]+)"\s+hreflang="vi"') == [vi_path]
    # Following the switcher lands on a page that switches back.
    assert client.get(en_path).status_code == 200


def test_hreflang_lists_only_languages_the_page_is_translated_into(client, home):
    page = StandardPage(title_vi="Trang chỉ có tiếng Việt", slug_vi="trang-chi-co-tieng-viet")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/vi/trang-chi-co-tieng-viet/").content.decode()
    hreflangs = links(html, r'<link rel="alternate" hreflang="([^"]+)"')
    assert sorted(hreflangs) == ["vi", "x-default"]


@pytest.mark.parametrize(
    "title,slug",
    [
        (
            "Hà Nội tham gia mạng lưới các Thành phố sáng tạo của UNESCO",
            "ha-noi-tham-gia-mang-luoi-cac-thanh-pho-sang-tao-cua-unesco",
        ),
        ("Đường", "duong"),
        (
            "Đẩy nhanh tiến độ đầu tư xây dựng đồng bộ tuyến đường Âu Cơ",
            "day-nhanh-tien-do-dau-tu-xay-dung-dong-bo-tuyen-duong-au-co",
        ),
        ("Luật Thủ đô 2024: Cơ hội", "luat-thu-do-2024-co-hoi"),
    ],
)
def test_vietnamese_titles_fold_to_readable_ascii_slugs(title, slug):
    assert fold_slug(title) == slug


def test_empty_slugs_are_folded_from_each_languages_title(client, home):
    page = StandardPage(title_vi="Đường sách Hà Nội", title_en="Hanoi Book Street")
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug_vi == "duong-sach-ha-noi"
    assert page.slug_en == "hanoi-book-street"
    assert client.get("/vi/duong-sach-ha-noi/").status_code == 200
    assert client.get("/en/hanoi-book-street/").status_code == 200


def test_dates_use_each_languages_format(client, programme_pages):
    page = programme_pages["hanoi-2019-designation"]
    moment = datetime(2019, 10, 31, 10, 25, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    StandardPage.objects.filter(pk=page.pk).update(last_published_at=moment)
    vi = client.get("/vi/ha-noi-thanh-pho-sang-tao-2019/").content.decode()
    en = client.get("/en/hanoi-2019-designation/").content.decode()
    assert ">31/10/2019</time>" in vi
    assert ">31 October 2019</time>" in en


def test_interface_strings_follow_the_language(client):
    vi = client.get("/vi/chuong-trinh-hanh-dong/").content.decode()
    en = client.get("/en/action-programme/").content.decode()
    assert "Trang chủ" in vi and ">Home<" in en
    assert "Bỏ qua, đến nội dung chính" in vi and "Skip to content" in en


def test_page_urls_follow_the_active_language(programme_pages):
    page = programme_pages["action-programme"]
    with translation.override("en"):
        assert page.url == "/en/action-programme/"
    with translation.override("vi"):
        assert page.url == "/vi/chuong-trinh-hanh-dong/"


def test_vietnamese_only_page_stays_off_english_menus_cards_and_siblings(client, home):
    page = StandardPage(title_vi="Không gian sáng tạo", slug_vi="khong-gian-sang-tao", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    vietnamese = (
        client.get("/vi/").content.decode() + client.get("/vi/chuong-trinh-hanh-dong/").content.decode()
    )
    # Both pages' menus, the home page's card and the action programme's sibling list.
    assert vietnamese.count('href="/vi/khong-gian-sang-tao/"') == 4
    english = client.get("/en/").content.decode() + client.get("/en/action-programme/").content.decode()
    assert "khong-gian-sang-tao" not in english and "Không gian sáng tạo" not in english


@pytest.mark.parametrize("path", ["/vi/chuong-trinh-hanh-dong/", "/en/news/", "/vi/tin-tuc/"])
def test_time_elements_carry_valid_html_datetimes(client, path):
    # HTML allows at most three digits of seconds' fraction; Django's "c" format gives six.
    values = re.findall(r'<time datetime="([^"]+)"', client.get(path).content.decode())
    assert values
    for value in values:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}", value), value
