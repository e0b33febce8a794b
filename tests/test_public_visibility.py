"""Published means published: one walk over every public surface in both languages.

One visible page and one page of each hidden kind (draft, scheduled, expired but still live
because ``publish_scheduled`` has not run yet, private, untranslated) exist for articles and
for programme pages. The articles share a category, a tag and a month and are all "Must see";
the programme pages sit in the main menu under the home page. So each hidden page would turn up
on every surface if that surface skipped the rule. Every title and slug carries a marker
(``zq-hid-…``), so a hidden page is caught by its title on HTML surfaces and by its address in
the sitemap.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from hanoi_creative.core.models import StandardPage
from hanoi_creative.core.slugs import fold_slug
from tests.factories import CategoryFactory, TagFactory, days_ago
from tests.news_helpers import page_url, url
from tests.test_sitemap import sitemap

pytestmark = pytest.mark.django_db

SEARCH = {"vi": "/vi/tim-kiem/", "en": "/en/search/"}
WORD = "Quyxet"  # in every title, so one search finds them all
HIDDEN_KINDS = ["draft", "scheduled", "expired", "private"]
LANGUAGES = ["vi", "en"]
SHORT = {"articles": "art", "programme": "prog"}


def marker(kind, what):
    return f"zq-hid-{what}-{kind}"


def hidden_markers(language):
    kinds = HIDDEN_KINDS + (["untranslated"] if language == "en" else [])
    return [marker(kind, what) for kind in kinds for what in ("art", "prog")]


def hide(page, kind):
    """Put a live page in the state of one hidden kind, the way the admin or time would."""
    now = timezone.now()
    if kind == "draft":
        type(page).objects.filter(pk=page.pk).update(live=False)
    elif kind == "scheduled":
        type(page).objects.filter(pk=page.pk).update(go_live_at=now + datetime.timedelta(days=1))
    elif kind == "expired":
        type(page).objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(hours=1))
    elif kind == "private":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.refresh_from_db()
    return page


def titles(label, translated=True):
    title = f"{WORD} {label.upper()}"
    return {"title_vi": title, "title_en": title if translated else ""}


def programme_page(home, label, translated=True):
    fields = titles(label, translated)
    page = StandardPage(
        **fields,
        slug_vi=fold_slug(fields["title_vi"]),
        slug_en=fold_slug(fields["title_en"]) if translated else None,
        intro_vi=f"Sapo {label}",
        intro_en=f"Lead {label}" if translated else "",
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def world(empty_news, article_factory, home):
    category = CategoryFactory(name_vi="Mục kiểm tra", name_en="Check category")
    tag = TagFactory(name_vi="Thẻ kiểm tra", name_en="Check tag")
    when = days_ago(1)
    common = {"category": category, "tags": [tag], "must_see": True, "publication_date": when}
    articles = {
        "one": article_factory(**titles("zq-shown-art-one"), **common),
        "two": article_factory(**titles("zq-shown-art-two"), **common),
    }
    programme = {"one": programme_page(home, "zq-shown-prog-one")}
    for kind in HIDDEN_KINDS + ["untranslated"]:
        translated = kind != "untranslated"
        articles[kind] = hide(article_factory(**titles(marker(kind, "art"), translated), **common), kind)
        programme[kind] = hide(programme_page(home, marker(kind, "prog"), translated), kind)
    return {"articles": articles, "programme": programme, "category": category, "tag": tag, "when": when}


def surfaces(world, language):
    """Every public address that lists pages, in ``language`` (the sitemap is checked apart:
    it lists both languages)."""
    category_slug = getattr(world["category"], f"slug_{language}")
    tag_slug = getattr(world["tag"], f"slug_{language}")
    article = world["articles"]["one"]
    article_slug = getattr(article, f"slug_{language}")
    when = timezone.localtime(world["when"])
    addresses = [
        f"/{language}/",  # main menu, programme cards, latest news
        page_url(world["programme"]["one"], language),  # menu, "More about" siblings
        url("news:index", language),
        url("news:index", language) + "?partial=1",
        url("news:category", language, slug=category_slug),
        url("news:tag", language, slug=tag_slug),
        url("news:month", language, year=when.year, month=when.month),
        url("news:related-json", language, slug=article_slug),
        page_url(article, language),  # related and other news
        f"{SEARCH[language]}?q={WORD}",
    ]
    for fmt in ("rss", "atom"):
        addresses += [
            url("news:feed", language, format=fmt),
            url("news:category-feed", language, slug=category_slug, format=fmt),
            url("news:tag-feed", language, slug=tag_slug, format=fmt),
            url("news:related-feed", language, slug=article_slug, format=fmt),
        ]
    return addresses


def fetch(client, address, language):
    return client.get(address, headers={"accept-language": language})


def sitemap_addresses(client, language):
    """The addresses the sitemap lists in ``language`` (entries and their alternates)."""
    addresses = []
    for loc, entry in sitemap(client).items():
        addresses += [loc, *entry["alternates"].values()]
    return [address for address in addresses if f"/{language}/" in address]


def check_surfaces(client, world, language):
    for address in surfaces(world, language):
        response = fetch(client, address, language)
        assert response.status_code == 200, address
        body = response.content.decode().lower()
        assert "zq-shown-" in body, address  # the surface does list the visible pages
        for hidden in hidden_markers(language):
            assert hidden not in body, f"{hidden} leaked on {address}"
    listed = " ".join(sitemap_addresses(client, language))
    assert "zq-shown-art-one" in listed
    assert "zq-shown-prog-one" in listed
    for hidden in hidden_markers(language):
        assert hidden not in listed, f"{hidden} leaked in the sitemap"


def check_own_addresses(client, world, language):
    for what in ("articles", "programme"):
        for kind in ("draft", "scheduled", "expired"):
            response = fetch(client, world[what][kind].url_in(language), language)
            assert response.status_code == 404, (what, kind)
            # The 404 page's language links repeat the address asked for, never the title.
            assert f"{WORD} {marker(kind, SHORT[what])}".lower() not in response.content.decode().lower()
        response = fetch(client, world[what]["private"].url_in(language), language)
        assert response.status_code == 302, (what, "private")
        assert response["Location"].startswith(url("wagtailcore_login", language) + "?next=")
        # An untranslated page is served in Vietnamese at both addresses (the English one with
        # the notice that tests/test_translation_public.py checks).
        response = fetch(client, world[what]["untranslated"].url_in(language), language)
        assert response.status_code == 200, (what, "untranslated")


def check_article_endpoints(client, world, language):
    kinds = HIDDEN_KINDS + (["untranslated"] if language == "en" else [])
    for kind in kinds:
        slug = world["articles"][kind].slug_vi
        assert fetch(client, url("news:related-json", language, slug=slug), language).status_code == 404, kind
        for fmt in ("rss", "atom"):
            feed = url("news:related-feed", language, slug=slug, format=fmt)
            assert fetch(client, feed, language).status_code == 404, (kind, fmt)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hidden_pages_reach_no_public_surface(client, world, language):
    check_surfaces(client, world, language)
    check_own_addresses(client, world, language)
    check_article_endpoints(client, world, language)


def test_untranslated_pages_do_appear_in_vietnamese(client, world):
    listing = client.get(url("news:category", "vi", slug=world["category"].slug_vi)).content.decode().lower()
    assert marker("untranslated", "art") in listing
    home = client.get("/vi/").content.decode().lower()
    assert marker("untranslated", "prog") in home
    assert marker("untranslated", "prog") in " ".join(sitemap_addresses(client, "vi"))
