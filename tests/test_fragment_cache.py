"""Pieces of pages kept for the content generation (caching/fragments.py), over HTTP.

The page cache is off here (``PAGE_CACHE=off``, as in ``make bench``'s cold runs): every request
builds its page, from kept pieces where they are there. Runs on the SQLite default with the
file cache holding the generation, or on PostgreSQL with Redis when ``REDIS_URL`` is set.
Changes are committed the way a request commits them (``django_capture_on_commit_callbacks``),
since a new generation starts only after a commit.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from hanoi_creative.caching import store
from hanoi_creative.comments.models import Comment, Status
from hanoi_creative.core.invalidation import notify
from news.models import Category
from tests.cache_helpers import new_generation
from tests.newsroom_forms import page_edit_data
from tests.translation_helpers import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article):
    return make_article("Hà Nội mở Tuần lễ Thiết kế", "Hanoi opens Design Week", live=True)


@pytest.fixture
def fragment_cache(settings, article):
    """Pieces on, page cache off, and a generation that starts after the article was made."""
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    new_generation()
    return settings


def surfaces(article):
    """Article, listing, category and home, in both languages."""
    urls = []
    for code in ("vi", "en"):
        with translation.override(code):
            category = Category.objects.get(pk=article.category_id)
            urls += [
                f"/{code}/",
                reverse("news:index"),
                reverse("news:category", kwargs={"slug": category.slug}),
                article.url_in(code),
            ]
    return urls


def get(client, url):
    """(response, number of queries it ran)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    assert "X-Cache" not in response, url  # the page cache is off
    return response, len(queries)


def text(response):
    return response.content.decode()


def same_page(response):
    """The page, its comment form's token aside: the token holds the second it was made in."""
    return re.sub(rb'name="token" value="[^"]*"', b'name="token"', response.content)


def every_public_page(article):
    """Every live page in both languages (untranslated and outdated demo articles among them),
    the listings and archives, a search and a 404."""
    from wagtail.models import Page  # noqa: PLC0415

    urls = surfaces(article)
    for page in Page.objects.live().filter(depth__gt=1).specific():
        urls += [page.url_in(code) for code in ("vi", "en")]
    with translation.override("en"):
        urls += [reverse("search") + "?q=ha+noi", reverse("news:tag", kwargs={"slug": "van-hoa"})]
    urls.append("/sitemap.xml")
    return list(dict.fromkeys(urls))


def test_a_page_built_from_kept_pieces_is_the_page_built_from_scratch(client, fragment_cache, article):
    for url in every_public_page(article):
        first = client.get(url)
        second = client.get(url)
        fragment_cache.FRAGMENT_CACHE = False
        built = client.get(url)
        fragment_cache.FRAGMENT_CACHE = True
        assert first.status_code == second.status_code == built.status_code, url
        assert same_page(second) == same_page(first) == same_page(built), url


def test_kept_pieces_leave_no_query(client, fragment_cache, article):
    for url in surfaces(article):
        first, first_queries = get(client, url)
        second, second_queries = get(client, url)
        assert same_page(second) == same_page(first), url
        # The route and the page, its lists, menus and footer are all kept.
        assert second_queries == 0 < first_queries, (url, first_queries, second_queries)


def test_publishing_an_edit_shows_on_the_next_request_in_both_languages(
    client, fragment_cache, commit, article
):
    urls = surfaces(article)
    for url in urls:
        get(client, url)
    with commit():
        article.title_vi = "Tuần lễ Thiết kế Hà Nội khai mạc"
        article.title_en = "Hanoi Design Week opens"
        article.save_revision().publish()
    for url in urls:
        response, _queries = get(client, url)
        english = url.startswith("/en/")
        expected = "Hanoi Design Week opens" if english else "Tuần lễ Thiết kế Hà Nội khai mạc"
        old = "Hanoi opens Design Week" if english else "Hà Nội mở Tuần lễ Thiết kế"
        assert expected in text(response), url
        assert f">{old}<" not in text(response), url  # as a heading or a link (leads keep it)


def test_a_draft_keeps_the_pieces(client, fragment_cache, commit, article):
    url = article.url_in("vi")
    get(client, url)
    with commit():
        article.title_vi = "Bản nháp chưa xuất bản"
        article.save_revision()
    response, queries = get(client, url)
    assert "Bản nháp chưa xuất bản" not in text(response)
    assert queries == 0


def test_unpublishing_removes_the_article_from_every_surface(client, fragment_cache, commit, article):
    urls = surfaces(article)
    for url in urls:
        get(client, url)
    with commit():
        article.unpublish()
    for code in ("vi", "en"):
        assert client.get(article.url_in(code)).status_code == 404
    for url in urls:
        if url not in (article.url_in("vi"), article.url_in("en")):
            assert "Hanoi opens Design Week" not in text(client.get(url)), url


def test_category_rename_and_approved_comment_show_at_once(client, fragment_cache, commit, article):
    for url in surfaces(article):
        get(client, url)
    category = Category.objects.get(pk=article.category_id)
    with commit():
        category.name_vi = "Thiết kế đô thị"
        category.name_en = "Urban design"
        category.save()
    assert "Thiết kế đô thị" in text(client.get(article.url_in("vi")))
    assert "Urban design" in text(client.get("/en/"))

    with commit():
        comment = Comment.objects.create(
            article=article,
            language="vi",
            name="Lan",
            body="Mong chờ tuần lễ thiết kế!",
            status=Status.APPROVED,
        )
        notify(pages=[article])
    assert comment.body in text(client.get(article.url_in("vi")))


def test_a_tracking_parameter_shares_the_pieces_of_the_plain_address(client, fragment_cache, article):
    url = article.url_in("vi")
    plain, _queries = get(client, url)
    shared, queries = get(client, url + "?fbclid=IwAR0abc&utm_source=zalo")
    assert queries == 0
    assert same_page(shared) == same_page(plain)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_signed_in_editors_and_previews_always_get_fresh_pages(
    client, fragment_cache, editor, article, language
):
    url = article.url_in("vi")
    get(client, url)
    get(client, url)
    logged_in(client, editor, language)
    _response, first = get(client, url)
    _response, second = get(client, url)
    assert second == first > 5  # nothing kept, nothing used

    # The preview shows the unsaved title, not a kept piece of the live page.
    data = page_edit_data(article, editor)
    data["title_vi"] = "Tiêu đề bản xem trước"
    preview = f"/admin/pages/{article.pk}/edit/preview/"
    assert client.post(preview, data).json()["is_valid"]
    response = client.get(preview, {"mode": "vi"})
    assert response.status_code == 200
    assert "Tiêu đề bản xem trước" in text(response)


def test_without_the_cache_every_page_is_built_and_nothing_fails(client, fragment_cache, article):
    url = article.url_in("en")
    get(client, url)
    store._failed("test", ConnectionError("cache down"))  # what a failed cache read does
    try:
        response, queries = get(client, url)
        assert queries > 5
        assert "Hanoi opens Design Week" in text(response)
    finally:
        store.health.retry_at = 0.0
        store.health.replace_generation = False


def test_an_article_in_a_new_month_adds_its_sitemap_section_at_once(client, fragment_cache, commit, article):
    get(client, "/sitemap.xml")
    assert "news-2011-03" not in text(client.get("/sitemap.xml"))
    with commit():
        article.publication_date = article.publication_date.replace(year=2011, month=3, day=9)
        article.save_revision().publish()
    assert "news-2011-03" in text(client.get("/sitemap.xml"))
