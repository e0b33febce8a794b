"""sitemap.xml (both languages, hreflang alternates, lastmod, public pages only) and robots.txt."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from hanoi_creative.core.models import StandardPage
from tests.pages import make_page

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        entries[loc] = {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)},
            "rels": {link.get("rel") for link in url.findall("xhtml:link", NS)},
        }
    return entries


@pytest.mark.django_db
def test_sitemap_is_well_formed_and_lists_both_languages(client, home):
    entries = sitemap(client)
    assert f"{BASE}/vi/" in entries and f"{BASE}/en/" in entries
    assert all(loc.startswith((f"{BASE}/vi/", f"{BASE}/en/")) for loc in entries)
    assert all(entry["rels"] == {"alternate"} for entry in entries.values())


@pytest.mark.django_db
def test_every_entry_has_a_lastmod_date(client):
    for loc, entry in sitemap(client).items():
        assert datetime.date.fromisoformat(entry["lastmod"]) <= timezone.localdate() + datetime.timedelta(
            days=1
        ), loc


@pytest.mark.django_db
def test_translated_page_lists_both_versions_with_alternates_and_x_default(client, home):
    page = make_page(home, "Hồ Tây lộng gió", "Breezy West Lake")
    vi, en = BASE + page.url_in("vi"), BASE + page.url_in("en")
    entries = sitemap(client)
    expected = {"vi": vi, "en": en, "x-default": vi}
    assert entries[vi]["alternates"] == expected
    assert entries[en]["alternates"] == expected


@pytest.mark.django_db
def test_untranslated_page_is_listed_in_vietnamese_only(client, home):
    page = make_page(home, "Chỉ có tiếng Việt")
    vi = BASE + page.url_in("vi")
    entries = sitemap(client)
    assert entries[vi]["alternates"] == {"vi": vi, "x-default": vi}
    assert BASE + page.url_in("en") not in entries


@pytest.mark.django_db
def test_hidden_pages_are_absent(client, home):
    draft = make_page(home, "Bản nháp sơ đồ", "Draft for the map", live=False)
    private = make_page(home, "Trang riêng sơ đồ", "Private for the map")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    below_private = make_page(private, "Trang con riêng", "Private child")
    expired = make_page(home, "Hết hạn sơ đồ", "Expired for the map")
    StandardPage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    entries = sitemap(client)
    for page in (draft, private, below_private, expired):
        for language in ("vi", "en"):
            assert BASE + page.url_in(language) not in entries
        assert all(BASE + page.url_in("vi") not in entry["alternates"].values() for entry in entries.values())


@pytest.mark.django_db
def test_articles_are_listed_in_each_language_they_are_published_in(client):
    """Decided from each article's own state, not from the rule the sitemap itself uses."""
    from news.models import ArticlePage

    entries = sitemap(client)
    articles = list(ArticlePage.objects.all())
    assert any(article.live for article in articles), "the demo has published articles"
    for article in articles:
        now = timezone.now()
        public = (
            article.live
            and (article.go_live_at is None or article.go_live_at <= now)
            and (article.expire_at is None or article.expire_at > now)
            and not article.get_view_restrictions().exists()
        )
        assert (BASE + article.url_in("vi") in entries) == public
        assert (BASE + article.url_in("en") in entries) == (public and article.has_translation("en"))


@pytest.mark.django_db
def test_listed_pages_exist(client):
    entries = sitemap(client)
    for loc in list(entries)[:40]:
        assert client.get(loc.removeprefix(BASE)).status_code == 200, loc


@pytest.mark.django_db
def test_sitemap_runs_a_fixed_number_of_queries(client, home, django_assert_max_num_queries):
    client.get("/sitemap.xml")
    cache.clear()
    with django_assert_max_num_queries(12) as before:
        client.get("/sitemap.xml")
    for number in range(8):
        make_page(home, f"Trang thêm {number}", f"Extra page {number}")
    cache.clear()
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/sitemap.xml")


@pytest.mark.django_db
def test_publishing_refreshes_the_cached_sitemap(client, home):
    assert sitemap(client) == sitemap(client)
    page = make_page(home, "Trang mới xuất bản", "Newly published page")
    assert BASE + page.url_in("en") in sitemap(client)
    page.unpublish()
    assert BASE + page.url_in("en") not in sitemap(client)


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /vi/tim-kiem/" in lines and "Disallow: /en/search/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
