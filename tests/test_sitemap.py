"""sitemap.xml (both languages, hreflang alternates, lastmod, public pages only) and robots.txt."""

import datetime

import pytest
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from hanoi_creative.core.models import StandardPage
from tests.pages import make_page

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


def section_addresses(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [loc.removeprefix(BASE) for loc in root.xpath("s:sitemap/s:loc/text()", namespaces=NS)]


def sitemap(client):
    """Every entry of every section the index lists, by address."""
    entries = {}
    for address in section_addresses(client):
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Content-Type"].startswith("application/xml")
        entries.update(section_entries(response))
    return entries


def section_entries(response):
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
    addresses = ["/sitemap.xml", *section_addresses(client)]
    before = {}
    for address in addresses:
        with django_assert_max_num_queries(12) as queries:
            client.get(address)
        before[address] = len(queries.captured_queries)
    for number in range(8):
        make_page(home, f"Trang thêm {number}", f"Extra page {number}")
    for address in addresses:
        client.get(address)  # a publication starts a new cached month count; count a warm request
        with django_assert_max_num_queries(before[address]):
            client.get(address)


@pytest.mark.django_db
def test_a_month_section_runs_the_same_queries_with_more_articles(
    client, article_factory, django_assert_max_num_queries
):
    from tests.factories import days_ago

    article_factory(publication_date=days_ago(0))
    address = next(a for a in section_addresses(client) if a.startswith("/sitemap-news-"))
    client.get(address)
    with django_assert_max_num_queries(12) as queries:
        entries = section_entries(client.get(address))
    before = len(queries.captured_queries)
    for _number in range(15):
        article_factory(publication_date=days_ago(0))
    client.get(address)  # the new articles start a new cached month count
    with django_assert_max_num_queries(before):
        assert len(section_entries(client.get(address))) == len(entries) + 30


@pytest.mark.django_db
def test_the_pages_section_does_not_read_the_articles(client, django_assert_max_num_queries):
    """Its visibility check goes through its own page types: the articles' would read the whole
    archive (seconds at 100,000 articles) to answer for a handful of pages."""
    client.get("/sitemap-pages.xml")
    with django_assert_max_num_queries(12) as queries:
        assert client.get("/sitemap-pages.xml").status_code == 200
    assert all("news_articlepage" not in query["sql"] for query in queries.captured_queries)


@pytest.mark.django_db
def test_every_entry_is_the_pages_own_address_in_that_language(client, home, article_factory):
    """The sitemap works URLs out from stored paths; they are the ones ``get_url`` gives."""
    from hanoi_creative.core.visibility import visible_pages

    parent = make_page(home, "Trang cha sơ đồ", "Sitemap parent")
    make_page(parent, "Trang con sơ đồ", "Sitemap child")
    make_page(parent, "Trang con chỉ tiếng Việt")
    article_factory(title_vi="Bài chưa dịch sơ đồ", title_en="")
    entries = sitemap(client)
    visible = {code: set(visible_pages(code).values_list("pk", flat=True)) for code in ("vi", "en")}
    expected = {}
    for language in ("vi", "en"):
        for page in visible_pages(language).specific():
            expected[BASE + page.url_in(language)] = {
                code: BASE + page.url_in(code) for code in ("vi", "en") if page.pk in visible[code]
            }
    assert set(entries) == set(expected)
    for loc, alternates in expected.items():
        assert entries[loc]["alternates"] == {**alternates, "x-default": alternates["vi"]}


@pytest.mark.django_db
def test_the_index_lists_a_pages_section_and_one_section_per_month_of_articles(client):
    from news.queries import archive_months

    addresses = section_addresses(client)
    months = [f"/sitemap-news-{year:04d}-{month:02d}.xml" for year, month in archive_months("vi")]
    assert addresses == ["/sitemap-pages.xml", *months]


@pytest.mark.django_db
def test_a_month_section_lists_only_that_months_articles(client):
    from news.queries import month_range, visible_articles

    addresses = section_addresses(client)
    address = addresses[1]
    year, month = (int(part) for part in address.removesuffix(".xml").split("-")[-2:])
    start, end = month_range(year, month)
    expected = visible_articles("vi").filter(publication_date__gte=start, publication_date__lt=end)
    entries = section_entries(client.get(address))
    assert {loc for loc in entries if loc.startswith(f"{BASE}/vi/")} == {
        BASE + article.url_in("vi") for article in expected
    }


@pytest.mark.django_db
def test_a_large_month_is_split_into_files_of_bounded_size(client, settings, monkeypatch):
    from news import sitemaps as news_sitemaps

    monkeypatch.setattr(news_sitemaps, "ARTICLES_PER_FILE", 1)
    address = next(a for a in section_addresses(client) if a.startswith("/sitemap-news-"))
    files = [a for a in section_addresses(client) if a.startswith(address)]
    assert len(files) > 1 and files[1] == f"{address}?p=2"
    first, second = (section_entries(client.get(a)) for a in files[:2])
    assert first and second and not set(first) & set(second)
    assert len({loc for loc in first if loc.startswith(f"{BASE}/vi/")}) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    ["/sitemap-pages.xml?p=2", "/sitemap-news-2019-13.xml", "/sitemap-unknown.xml", "/sitemap-pages.xml?p=x"],
)
def test_unknown_sections_and_file_numbers_are_a_404(client, address):
    assert client.get(address).status_code == 404


@pytest.mark.django_db
def test_a_file_number_past_the_end_is_a_404(client):
    address = next(a for a in section_addresses(client) if a.startswith("/sitemap-news-"))
    assert client.get(f"{address}?p=999").status_code == 404


@pytest.mark.django_db
def test_publishing_refreshes_the_sitemap(client, home):
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
