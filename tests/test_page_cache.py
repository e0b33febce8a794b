"""The page cache for anonymous visitors and HTTP caching headers, over HTTP.

Runs on whatever the suite runs on: the SQLite default with the file cache, or PostgreSQL with
Redis when ``REDIS_URL`` is set. Changes are committed the way a request commits them
(``django_capture_on_commit_callbacks``), since the cache is invalidated only after a commit.
"""

import io
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction

from hanoi_creative.core.invalidation import notify
from news.models import ArticlePage, Category
from tests.cache_helpers import new_generation

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    new_generation()
    return settings


def news_urls(article):
    with translation.override("vi"):
        vi = [reverse("news:index"), reverse("news:feed", kwargs={"format": "rss"}), article.url_in("vi")]
    with translation.override("en"):
        en = [reverse("news:index"), reverse("news:feed", kwargs={"format": "rss"}), article.url_in("en")]
    return ["/vi/", "/en/", "/sitemap.xml", *vi, *en]


def warm(client, urls):
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Cache"] == "hit", url


def text(response):
    return response.content.decode()


@pytest.fixture
def article(make_article):
    return make_article("Hà Nội mở Tuần lễ Thiết kế", "Hanoi opens Design Week", live=True)


def test_anonymous_page_is_a_miss_then_a_hit_with_the_same_content(client, page_cache):
    first = client.get("/vi/")
    second = client.get("/vi/")
    assert (first.status_code, second.status_code) == (200, 200)
    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "vi"


def test_head_is_answered_from_the_cache(client, page_cache):
    client.get("/en/")
    response = client.head("/en/")
    assert response.status_code == 200
    assert response["X-Cache"] == "hit"


def test_anonymous_pages_carry_cdn_friendly_cache_control(client, page_cache, article):
    for url in news_urls(article):
        value = client.get(url)["Cache-Control"]
        directives = {part.strip() for part in value.split(",")}
        assert "public" in directives, url
        assert "max-age=60" in directives
        assert "s-maxage=600" in directives
        assert "stale-while-revalidate=60" in directives
        assert "stale-if-error=86400" in directives


def test_page_cache_off_renders_every_time_but_keeps_http_caching(client, settings):
    settings.PAGE_CACHE = False
    response = client.get("/vi/")
    assert "X-Cache" not in response
    assert "public" in response["Cache-Control"]
    assert response["ETag"]
    assert client.get("/vi/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_logged_in_visitors_never_get_or_fill_the_cache(client, page_cache, editor):
    anonymous = client.get("/vi/")
    client.force_login(editor)
    for _round in range(2):
        response = client.get("/vi/")
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"
    client.logout()
    assert client.get("/vi/")["X-Cache"] == "hit"
    assert anonymous["X-Cache"] == "miss"


def test_admin_and_preview_are_private_and_never_cached(client, page_cache, editor, article):
    assert "private" in client.get("/admin/login/")["Cache-Control"]
    client.force_login(editor)
    for url in ("/admin/", f"/admin/pages/{article.pk}/edit/preview/?mode="):
        response = client.get(url)
        assert "X-Cache" not in response
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, url


def test_a_request_with_a_session_cookie_bypasses_the_cache(client, page_cache):
    client.get("/vi/")
    client.cookies["sessionid"] = "not-a-session"
    response = client.get("/vi/")
    assert "X-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"


def test_a_response_that_sets_a_cookie_is_not_cached(client, page_cache, programme_pages):
    page = next(iter(programme_pages.values()))
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="mat-khau")
    url = page.get_url()
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert second.cookies  # the password form's CSRF cookie
    assert "X-Cache" not in second
    assert {"private", "no-store"} <= {part.strip() for part in second["Cache-Control"].split(",")}


def test_not_found_is_cached_briefly(client, page_cache):
    first = client.get("/vi/khong-co-trang-nay/")
    second = client.get("/vi/khong-co-trang-nay/")
    assert first.status_code == second.status_code == 404
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert "max-age=60" in second["Cache-Control"]
    assert "s-maxage=60" in second["Cache-Control"]


def test_redirects_and_posts_are_not_cached(client, page_cache):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert "X-Cache" not in response
    response = client.post("/vi/")
    assert "X-Cache" not in response


def test_query_strings_are_separate_entries(client, page_cache):
    with translation.override("vi"):
        url = reverse("news:index")
    first = client.get(url)
    second = client.get(url + "?page=2")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "miss")
    assert client.get(url + "?page=2")["X-Cache"] == "hit"


def test_conditional_requests_get_304_from_the_cache(client, page_cache):
    first = client.get("/vi/")
    assert first["ETag"].startswith('"')
    assert first["Last-Modified"]
    by_etag = client.get("/vi/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304
    assert by_etag["X-Cache"] == "hit"
    assert by_etag.content == b""
    by_date = client.get("/vi/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    assert client.get("/vi/", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_publishing_an_edit_refreshes_every_surface_in_both_languages(client, page_cache, commit, article):
    urls = news_urls(article)
    warm(client, urls)
    with commit():
        article.title_vi = "Tuần lễ Thiết kế Hà Nội khai mạc"
        article.title_en = "Hanoi Design Week opens"
        article.save_revision().publish()
    for url in urls:
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
    assert "Tuần lễ Thiết kế Hà Nội khai mạc" in text(client.get(urls[3]))
    assert "Hanoi Design Week opens" in text(client.get("/en/"))


def test_unpublish_removes_the_article_at_once(client, page_cache, commit, article):
    with translation.override("en"):
        listing = reverse("news:index")
    warm(client, [listing, article.url_in("en")])
    assert "Hanoi opens Design Week" in text(client.get(listing))
    with commit():
        article.unpublish()
    assert "Hanoi opens Design Week" not in text(client.get(listing))
    assert client.get(article.url_in("en")).status_code == 404


def test_moving_and_deleting_pages_invalidate(client, page_cache, commit, article, programme_pages):
    with translation.override("vi"):
        listing = reverse("news:index")
    warm(client, [listing])
    with commit():
        article.move(next(iter(programme_pages.values())), pos="last-child")
    assert client.get(listing)["X-Cache"] == "miss"
    warm(client, [listing])
    with commit():
        Page.objects.get(pk=article.pk).delete()
    assert client.get(listing)["X-Cache"] == "miss"


def test_a_draft_save_keeps_the_cache(client, page_cache, commit, article):
    url = article.url_in("vi")
    warm(client, [url])
    with commit():
        article.title_vi = "Bản nháp chưa xuất bản"
        article.save_revision()
    response = client.get(url)
    assert response["X-Cache"] == "hit"
    assert "Bản nháp chưa xuất bản" not in text(response)


def test_publish_scheduled_go_live_appears_on_the_next_request(client, page_cache, commit, make_article):
    article = make_article("Triển lãm Thiết kế mùa thu", "Autumn Design Exhibition")
    article.go_live_at = timezone.now() + timedelta(hours=2)
    revision = article.save_revision()
    with commit():
        revision.publish()
    with translation.override("en"):
        listing = reverse("news:index")
    warm(client, [listing])
    assert "Autumn Design Exhibition" not in text(client.get(listing))

    past = timezone.now() - timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    Page.objects.filter(pk=article.pk).update(go_live_at=past)
    with commit():
        call_command("publish_scheduled", verbosity=0)
    assert "Autumn Design Exhibition" in text(client.get(listing))


def test_expiry_shows_even_before_publish_scheduled_runs(client, page_cache, commit, article):
    with translation.override("en"):
        listing = reverse("news:index")
    client.get(listing)  # renders once, so the timed part below is not a first render
    # Long enough for the two requests below to finish before it, even on a busy machine; the
    # test waits it out.
    expires = timezone.now() + timedelta(seconds=6)
    with commit():
        ArticlePage.objects.filter(pk=article.pk).update(expire_at=expires)
        notify(pages=[article])
    client.get(listing)
    response = client.get(listing)
    assert "Hanoi opens Design Week" in text(response)
    if timezone.now() < expires - timedelta(seconds=1):  # a slow machine may be past it already
        assert response["X-Cache"] == "hit"
    time.sleep(max(0, (expires - timezone.now()).total_seconds()) + 0.2)
    response = client.get(listing)
    assert response["X-Cache"] == "miss"
    assert "Hanoi opens Design Week" not in text(response)


def test_category_rename_refreshes_pages_in_both_languages(client, page_cache, commit, article):
    urls = news_urls(article)
    warm(client, urls)
    category = Category.objects.get(pk=article.category_id)
    with commit():
        category.name_vi = "Thiết kế đô thị"
        category.name_en = "Urban design"
        category.save()
    assert "Thiết kế đô thị" in text(client.get(article.url_in("vi")))
    assert "Urban design" in text(client.get(article.url_in("en")))


def test_content_changed_signal_invalidates(client, page_cache, commit):
    warm(client, ["/vi/"])
    with commit():
        notify(objects=[])
    assert client.get("/vi/")["X-Cache"] == "miss"


def test_rolled_back_changes_do_not_invalidate(
    client, page_cache, django_capture_on_commit_callbacks, article
):
    warm(client, ["/vi/"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save_revision().publish()
    assert callbacks  # the invalidation waits for a commit that, here, never comes
    assert client.get("/vi/")["X-Cache"] == "hit"


def test_invalidate_page_cache_command(client, page_cache):
    warm(client, ["/en/"])
    out = io.StringIO()
    call_command("invalidate_page_cache", stdout=out)
    assert "invalidated" in out.getvalue()
    assert client.get("/en/")["X-Cache"] == "miss"
