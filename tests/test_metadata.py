"""Page metadata read back from the rendered HTML: canonical, description, Open Graph, Twitter
card, JSON-LD (parsed with extruct) and feed autodiscovery."""

import json

import extruct
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import Truncator
from lxml import html
from wagtail.images import get_image_model

from tests.pages import make_page
from tests.test_sitemap import sitemap

BASE = "http://testserver"


class Meta:
    """What a page declares about itself."""

    def __init__(self, client, path):
        response = client.get(path)
        assert response.status_code == 200, path
        self.html = response.content.decode()
        self.tree = html.fromstring(response.content)
        data = extruct.extract(
            self.html, base_url=BASE + path, syntaxes=["json-ld", "opengraph"], uniform=True
        )
        self.json_ld = data["json-ld"]
        self.og = data["opengraph"][0] if data["opengraph"] else {}

    def named(self, name):
        values = self.tree.xpath(f'//head/meta[@name="{name}"]/@content')
        return values[0] if len(values) == 1 else values

    def properties(self, name):
        return self.tree.xpath(f'//head/meta[@property="{name}"]/@content')

    def link(self, rel):
        return self.tree.xpath(f'//head/link[@rel="{rel}"]/@href')

    def of_type(self, kind):
        found = []
        for item in self.json_ld:
            for node in item.get("@graph", [item]):
                if node.get("@type") == kind:
                    found.append(node)
        return found


def media_exists(url):
    from django.conf import settings

    path = url.removeprefix(BASE).removeprefix(settings.MEDIA_URL)
    return default_storage.exists(path)


def sitemap_locations(client):
    """The address of every entry of every section the sitemap index lists."""
    return list(sitemap(client))


@pytest.mark.django_db
@pytest.mark.parametrize("language, search", [("vi", "/vi/tim-kiem/"), ("en", "/en/search/")])
def test_home_declares_organization_and_website_with_search_action(client, language, search):
    meta = Meta(client, f"/{language}/")
    (organization,) = meta.of_type("Organization")
    (website,) = meta.of_type("WebSite")
    assert organization["url"] == f"{BASE}/{language}/"
    assert organization["logo"]["url"].startswith(f"{BASE}/static/")
    assert website["inLanguage"] == language
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{BASE}{search}?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    assert not meta.of_type("BreadcrumbList")


@pytest.mark.django_db
def test_search_action_url_template_really_searches(client):
    website = Meta(client, "/vi/").of_type("WebSite")[0]
    url = website["potentialAction"]["target"]["urlTemplate"].replace("{search_term_string}", "ha%20noi")
    assert 'class="search-result"' in client.get(url.removeprefix(BASE)).content.decode()


@pytest.mark.django_db
def test_standard_page_metadata(client, programme_pages):
    page = next(iter(programme_pages.values()))
    meta = Meta(client, page.url_in("vi"))
    canonical = BASE + page.url_in("vi")
    assert meta.link("canonical") == [canonical]
    assert meta.named("description") and len(meta.named("description")) <= 160
    assert meta.og["og:title"] == (page.seo_title_vi or page.title_vi)
    assert meta.og["og:description"] == meta.named("description")
    assert meta.og["og:url"] == canonical
    assert meta.og["@type"] == "website"
    assert meta.og["og:site_name"]
    assert meta.named("twitter:card") == "summary_large_image"
    assert meta.named("twitter:title") == meta.og["og:title"]
    assert meta.named("twitter:image") == meta.og["og:image"]


@pytest.mark.django_db
def test_og_image_is_an_absolute_rendition_url_of_the_right_size(client, programme_pages):
    page = next(iter(programme_pages.values()))
    meta = Meta(client, page.url_in("en"))
    image = meta.og["og:image"]
    assert image.startswith(f"{BASE}/media/images/") and ".fill-1200x630" in image
    assert (meta.og["og:image:width"], meta.og["og:image:height"]) == ("1200", "630")
    assert media_exists(image)
    assert meta.og["og:image:alt"] == page.hero_image.description_en


@pytest.mark.django_db
def test_og_locale_names_the_other_translated_language(client, home):
    page = make_page(home, "Ô Quan Chưởng", "O Quan Chuong gate")
    vi, en = Meta(client, page.url_in("vi")), Meta(client, page.url_in("en"))
    assert vi.og["og:locale"] == "vi_VN" and vi.properties("og:locale:alternate") == ["en_GB"]
    assert en.og["og:locale"] == "en_GB" and en.properties("og:locale:alternate") == ["vi_VN"]


@pytest.mark.django_db
def test_untranslated_page_has_no_locale_alternate(client, home):
    page = make_page(home, "Chỉ tiếng Việt thôi")
    meta = Meta(client, page.url_in("vi"))
    assert meta.og["og:locale"] == "vi_VN"
    assert meta.properties("og:locale:alternate") == []


@pytest.mark.django_db
def test_editors_set_seo_title_and_description_per_language(client, home):
    page = make_page(
        home,
        "Nhà hát Lớn",
        "Opera House",
        seo_title_vi="Nhà hát Lớn Hà Nội – lịch diễn",
        seo_title_en="Hanoi Opera House – what's on",
        search_description_vi="Lịch biểu diễn tại Nhà hát Lớn.",
        search_description_en="Performances at the Hanoi Opera House.",
    )
    vi, en = Meta(client, page.url_in("vi")), Meta(client, page.url_in("en"))
    assert vi.og["og:title"] == "Nhà hát Lớn Hà Nội – lịch diễn"
    assert vi.named("description") == "Lịch biểu diễn tại Nhà hát Lớn."
    assert en.og["og:title"] == "Hanoi Opera House – what's on"
    assert en.named("description") == en.og["og:description"] == "Performances at the Hanoi Opera House."


@pytest.mark.django_db
def test_english_description_never_falls_back_to_vietnamese(client, home):
    page = make_page(home, "Chợ Đồng Xuân", "Dong Xuan market", search_description_vi="Chợ lớn nhất phố cổ.")
    description = Meta(client, page.url_in("en")).named("description")
    assert description and "Chợ" not in description


@pytest.mark.django_db
def test_social_image_overrides_the_main_photo_and_falls_back(client, home, programme_pages):
    Image = get_image_model()
    with_hero = next(iter(programme_pages.values()))
    other = Image.objects.exclude(pk=with_hero.hero_image_id).first()
    # No social image: the main photo.
    image = Meta(client, with_hero.url_in("vi")).og["og:image"]
    assert with_hero.hero_image.renditions.filter(file__endswith=image.rsplit("/", 1)[-1]).exists()
    # A social image wins.
    with_hero.social_image = other
    with_hero.save_revision().publish()
    image = Meta(client, with_hero.url_in("vi")).og["og:image"]
    assert other.renditions.filter(file__endswith=image.rsplit("/", 1)[-1]).exists()
    # No picture at all: the home page's.
    bare = make_page(home, "Trang không ảnh", "Page without a picture")
    assert Meta(client, bare.url_in("vi")).og["og:image"] == Meta(client, "/vi/").og["og:image"]


@pytest.mark.django_db
def test_breadcrumbs_on_pages_below_home(client, home):
    parent = make_page(home, "Chương trình", "Programme")
    child = make_page(parent, "Giáo dục sáng tạo", "Creative education")
    (crumbs,) = Meta(client, child.url_in("en")).of_type("BreadcrumbList")
    items = crumbs["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["name"] for item in items] == ["Home", "Programme", "Creative education"]
    assert [item["item"] for item in items] == [
        BASE + "/en/",
        BASE + parent.url_in("en"),
        BASE + child.url_in("en"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_article_declares_a_news_article(client, language):
    from news.queries import visible_articles

    article = visible_articles(language).exclude(hero_image=None).order_by("-publication_date").first()
    meta = Meta(client, article.url_in(language))
    (news,) = meta.of_type("NewsArticle")
    with_language = type(article).objects.get(pk=article.pk)
    assert news["headline"] == Truncator(getattr(with_language, f"title_{language}")).chars(110)
    assert news["inLanguage"] == language
    assert news["datePublished"] == timezone.localtime(article.publication_date).isoformat()
    assert news["dateModified"] >= news["datePublished"][:10]
    assert news["author"] and all(author["name"] for author in news["author"])
    assert news["image"][0].startswith(f"{BASE}/media/images/") and media_exists(news["image"][0])
    assert news["publisher"]["@type"] == "Organization" and news["publisher"]["logo"]["url"]
    assert news["mainEntityOfPage"]["@id"] == meta.link("canonical")[0] == BASE + article.url_in(language)
    assert meta.og["@type"] == "article"
    assert meta.properties("article:published_time") == [news["datePublished"]]
    (crumbs,) = meta.of_type("BreadcrumbList")
    assert len(crumbs["itemListElement"]) == 3


@pytest.mark.django_db
def test_every_public_page_has_complete_metadata(client):
    for loc in sitemap_locations(client):
        meta = Meta(client, loc.removeprefix(BASE))
        assert meta.link("canonical") == [loc]
        assert meta.named("description"), loc
        for key in ("og:title", "og:description", "og:url", "og:image", "og:locale"):
            assert meta.og.get(key), (loc, key)
        assert meta.og["og:image"].startswith(BASE + "/"), loc
        assert meta.named("twitter:card") in ("summary", "summary_large_image")
        for item in meta.json_ld:
            assert item["@context"] == "https://schema.org"


@pytest.mark.django_db
def test_news_listing_describes_itself_not_the_news_section(client):
    from news.models import Category

    category = Category.objects.filter(articles__live=True).first()
    path = category.url_in("en")
    meta = Meta(client, path)
    assert meta.link("canonical") == [BASE + path]
    assert meta.og["og:url"] == BASE + path
    (crumbs,) = meta.of_type("BreadcrumbList")
    assert crumbs["itemListElement"][0]["item"] == BASE + "/en/"


@pytest.mark.django_db
def test_feeds_are_announced(client):
    meta = Meta(client, "/en/")
    feeds = meta.tree.xpath(
        '//head/link[@rel="alternate"][@type="application/rss+xml" or @type="application/atom+xml"]'
    )
    assert {feed.get("type") for feed in feeds} == {"application/rss+xml", "application/atom+xml"}
    for feed in feeds:
        assert client.get(feed.get("href")).status_code == 200


@pytest.mark.django_db
def test_titles_cannot_break_out_of_json_ld(client, home):
    page = make_page(home, 'Tiêu đề </script><script>alert("x")</script> & "ngoặc"')
    meta = Meta(client, page.url_in("vi"))
    assert '</script><script>alert("x")' not in meta.html
    (crumbs,) = meta.of_type("BreadcrumbList")
    assert crumbs["itemListElement"][-1]["name"] == page.title_vi
    for script in meta.tree.xpath('//script[@type="application/ld+json"]'):
        json.loads(script.text)


@pytest.mark.django_db
def test_missing_image_file_costs_only_the_preview_picture(client, programme_pages):
    page = next(iter(programme_pages.values()))
    image = page.hero_image
    image.renditions.all().delete()
    with default_storage.open(image.file.name, "rb") as original:
        content = original.read()
    default_storage.delete(image.file.name)
    try:
        meta = Meta(client, page.url_in("vi"))
    finally:
        # Media files outlive the test's rolled-back transaction: put the original back.
        default_storage.save(image.file.name, ContentFile(content))
    assert meta.og["og:title"]
    assert "og:image" not in meta.og
    assert meta.named("twitter:card") == "summary"
