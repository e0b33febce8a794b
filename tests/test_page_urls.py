"""``PageURLs`` (URLs from stored URL paths, as the sitemap builds them) gives exactly what
Wagtail's ``get_url_parts`` / ``get_url`` give, for every kind of page, in both languages."""

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page, Site, get_page_models

from hanoi_creative.core.models import StandardPage
from hanoi_creative.core.page_urls import PageURLs, url_path_columns
from tests.pages import make_page

LANGUAGES = ("vi", "en")


def computed_and_wagtails(language):
    """{pk: (parts, url)} for every page in the database, by ``PageURLs`` and by Wagtail."""
    urls = PageURLs(language)
    computed = {
        row["pk"]: (urls.parts(row), urls.url(row)) for row in Page.objects.values("pk", *url_path_columns())
    }
    with translation.override(language):
        wagtails = {page.pk: (page.get_url_parts(), page.get_url()) for page in Page.objects.specific()}
    return computed, wagtails


def test_every_page_type_keeps_wagtails_url_rules():
    """What makes the shortcut exact: no page type computes its URL in its own way."""
    for model in get_page_models():
        assert model.get_url_parts is Page.get_url_parts, model
        assert model._get_site_root_paths is Page._get_site_root_paths, model


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_pages_get_the_urls_wagtail_gives(language):
    computed, wagtails = computed_and_wagtails(language)
    assert len(computed) >= 30  # the demo: home, programme pages, news section, articles
    assert computed == wagtails
    assert any(url and url.startswith(f"/{language}/") for _parts, url in computed.values())


@pytest.fixture
def pages_of_every_kind(home, article_factory):
    """Programme pages (nested, untranslated, with no English path), articles (translated and
    not), a page outside every site and paths that ``reverse`` quotes or refuses."""
    parent = make_page(home, "Trang cha đường dẫn", "Parent of paths")
    child = make_page(parent, "Trang con đường dẫn", "Child of paths")
    grandchild = make_page(child, "Cháu chỉ tiếng Việt")
    untranslated = make_page(home, "Chỉ có tiếng Việt đường dẫn")
    no_english_path = make_page(parent, "Không có đường dẫn tiếng Anh", "No English path")
    blank_english_path = make_page(parent, "Đường dẫn tiếng Anh rỗng", "Blank English path")
    Page.objects.filter(pk=no_english_path.pk).update(slug_en=None, url_path_en=None)
    Page.objects.filter(pk=blank_english_path.pk).update(slug_en="", url_path_en="")
    article_factory(title_vi="Bài có bản dịch đường dẫn", title_en="Translated article of paths")
    article_factory(title_vi="Bài chưa dịch đường dẫn", title_en="")
    quoted = make_page(parent, "Đường dẫn Unicode", "Unicode path")
    Page.objects.filter(pk=quoted.pk).update(url_path_vi=quoted.url_path_vi.replace("unicode", "hà-nội"))
    refused = make_page(parent, "Đường dẫn sai", "Refused path")
    Page.objects.filter(pk=refused.pk).update(
        url_path_vi=refused.url_path_vi.replace("sai", "a b"),
        url_path_en=refused.url_path_en.replace("refused", "a.b"),
    )
    outside = StandardPage(title_vi="Ngoài mọi site", title_en="Outside every site")
    Page.get_first_root_node().add_child(instance=outside)
    return {
        "parent": parent,
        "child": child,
        "grandchild": grandchild,
        "untranslated": untranslated,
        "no English path": no_english_path,
        "blank English path": blank_english_path,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_of_every_kind_get_the_urls_wagtail_gives(language, pages_of_every_kind, home):
    cache.clear()  # site root paths cached while the pages were built
    computed, wagtails = computed_and_wagtails(language)
    assert computed == wagtails
    # The cases above are really there: a page outside every site, an unroutable path, a
    # quoted one, and an English path that falls back to the Vietnamese one.
    urls = {url for _parts, url in computed.values()}
    assert None in urls
    assert any(parts and parts[2] is None for parts, _url in computed.values())
    if language == "vi":
        assert any("h%C3%A0-n%E1%BB%99i" in url for url in urls if url)
    else:
        # An empty English slug: the Vietnamese one under the English parent's path.
        assert computed[pages_of_every_kind["grandchild"].pk][1] == (
            "/en/parent-of-paths/child-of-paths/chau-chi-tieng-viet/"
        )
        # No English path at all: the Vietnamese path, which the English site root (the home
        # page's English path) does not contain, so Wagtail finds no site for it.
        assert home.url_path_en != home.url_path_vi
        for name in ("no English path", "blank English path"):
            assert computed[pages_of_every_kind[name].pk] == (None, None)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_under_a_second_site_get_the_urls_wagtail_gives(language, pages_of_every_kind):
    Site.objects.create(hostname="other.example", port=80, root_page=pages_of_every_kind["child"])
    cache.clear()
    computed, wagtails = computed_and_wagtails(language)
    assert computed == wagtails
    # With two sites, Wagtail gives full URLs, each page's under its own site.
    grandchild = computed[pages_of_every_kind["grandchild"].pk][1]
    assert grandchild.startswith(f"http://other.example/{language}/")
    assert computed[pages_of_every_kind["parent"].pk][1].startswith(f"http://localhost/{language}/")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_without_an_english_path_fall_back_to_the_vietnamese_one(language, pages_of_every_kind, home):
    """As pages made by migrations or bulk loads are: no English path on the home page either."""
    no_english_path = pages_of_every_kind["no English path"]
    Page.objects.filter(pk=home.pk).update(url_path_en=None)
    cache.clear()
    computed, wagtails = computed_and_wagtails(language)
    assert computed == wagtails
    tail = no_english_path.url_path_vi.removeprefix(home.url_path_vi)
    assert computed[no_english_path.pk][1] == f"/{language}/{tail}"
