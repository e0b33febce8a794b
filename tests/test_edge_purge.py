"""Surrogate keys on public answers, and purges of exactly the affected keys on changes.

Purges go over HTTP to a real local server standing in for Varnish (it records each PURGE);
the cluster suite (tests/cluster/) checks the same against Varnish itself.
"""

import http.server
import logging
import threading

import pytest
from django.core.management import call_command
from wagtail.models import Page

from hanoi_creative.core.invalidation import notify
from hanoi_creative.edge.purge import purger
from news.models import ArticlePage, Category, Tag

from .news_helpers import page_url, url
from .services import SPARE_PORTS, free_port


def keys_of(response):
    return set(response["xkey"].split())


@pytest.fixture
def article(db):
    return ArticlePage.objects.live().filter(title_en__gt="").exclude(tagged_items=None).first()


# --- keys on answers ---------------------------------------------------------------------


def test_home_page_carries_home_nav_and_its_page_key(client, home):
    for language in ("vi", "en"):
        response = client.get(f"/{language}/")
        assert {"home", "nav", f"page-{home.pk}", "news", "must-see"} <= keys_of(response)


def test_article_carries_its_page_category_and_tag_keys_in_both_languages(client, article):
    expected = {f"page-{article.pk}", f"category-{article.category_id}", "nav"}
    expected |= {f"tag-{tag.pk}" for tag in article.tags.all()}
    for language in ("vi", "en"):
        response = client.get(page_url(article, language))
        assert response.status_code == 200
        assert expected <= keys_of(response)


def test_listings_carry_the_key_of_what_they_list(client, article):
    category = article.category
    tag = article.tags.first()
    month = article.publication_date.astimezone().strftime("%Y-%m")
    for language in ("vi", "en"):
        assert "news" in keys_of(client.get(url("news:index", language)))
        with_slug = {"slug": getattr(category, f"slug_{language}")}
        assert f"category-{category.pk}" in keys_of(client.get(url("news:category", language, **with_slug)))
        assert f"tag-{tag.pk}" in keys_of(client.get(url("news:tag", language, slug=tag.slug_vi)))
        year, mm = month.split("-")
        assert f"month-{month}" in keys_of(client.get(url("news:month", language, year=year, month=mm)))
        assert {"feed", "news"} <= keys_of(client.get(url("news:feed", language, format="rss")))
    assert "sitemap" in keys_of(client.get("/sitemap.xml"))


def test_not_found_answers_carry_the_missing_key(client, db):
    response = client.get("/vi/no-such-page/")
    assert response.status_code == 404
    assert keys_of(response) == {"missing"}


def test_admin_answers_carry_no_keys(client, admin_user):
    client.force_login(admin_user)
    assert "xkey" not in client.get("/admin/")


# --- purges ------------------------------------------------------------------------------


class Recorder(http.server.BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.server.purged.append(set(self.headers["xkey-purge"].split()))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    """A PURGE target listening on a free loopback port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.VARNISH_PURGE_URLS = [f"http://127.0.0.1:{server.server_address[1]}/"]
    yield server
    server.shutdown()
    server.server_close()


def purged(server, capture):
    """Run the on-commit callbacks captured so far, wait for the purger, return all keys sent."""
    for callback in capture:
        callback()
    capture.clear()
    purger.flush()
    return set().union(*server.purged) if server.purged else set()


def test_admin_unpublish_purges_the_article_its_lists_and_the_home_page(
    client, editor, article, varnish, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks() as capture:
        response = client.post(f"/admin/pages/{article.pk}/unpublish/", {})
    assert response.status_code == 302
    month = article.publication_date.astimezone().strftime("%Y-%m")
    expected = {f"page-{article.pk}", f"category-{article.category_id}", f"month-{month}"}
    expected |= {"news", "home", "feed", "sitemap", "related", "search", "missing"}
    expected |= {f"tag-{tag.pk}" for tag in article.tags.all()}
    keys = purged(varnish, capture)
    assert expected <= keys
    # Exactly the affected keys: not the menus, not other pages.
    assert "nav" not in keys
    assert {key for key in keys if key.startswith("page-")} == {f"page-{article.pk}"}


def test_publish_through_the_admin_purges_once_committed(
    client, editor, article, varnish, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks() as capture:
        response = client.post(f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}", {})
    assert response.status_code == 302
    assert varnish.purged == []  # nothing goes out before the commit
    assert f"page-{article.pk}" in purged(varnish, capture)


def test_moving_a_page_purges_it_and_its_descendants(
    programme_pages, varnish, django_capture_on_commit_callbacks
):
    from hanoi_creative.core.models import StandardPage

    parent, target = list(programme_pages.values())[:2]
    child = StandardPage(title_vi="Trang con", title_en="Child page", slug_vi="trang-con", slug_en="child")
    parent.add_child(instance=child)
    with django_capture_on_commit_callbacks() as capture:
        Page.objects.get(pk=parent.pk).move(target, pos="last-child")
    keys = purged(varnish, capture)
    assert {f"page-{parent.pk}", f"page-{child.pk}", "nav", "sitemap"} <= keys


def test_deleting_an_article_purges_it(article, varnish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as capture:
        article.delete()
    assert {f"page-{article.pk}", "news", f"category-{article.category_id}"} <= purged(varnish, capture)


def test_scheduled_expiry_purges(article, varnish, django_capture_on_commit_callbacks):
    from django.utils import timezone

    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - timezone.timedelta(minutes=1))
    with django_capture_on_commit_callbacks() as capture:
        call_command("publish_scheduled", verbosity=0)
    assert {f"page-{article.pk}", "news", "home"} <= purged(varnish, capture)


def test_editing_a_category_purges_its_listing_feeds_and_menus(
    db, varnish, django_capture_on_commit_callbacks
):
    category = Category.objects.first()
    with django_capture_on_commit_callbacks() as capture:
        category.name_en = category.name_en + " (renamed)"
        category.save()
    keys = purged(varnish, capture)
    assert {f"category-{category.pk}", "nav", "feed"} <= keys
    assert {f"category-slug-{category.slug_vi}", f"category-slug-{category.slug_en}"} <= keys


def test_editing_a_tag_purges_its_articles_in_both_languages(db, varnish, django_capture_on_commit_callbacks):
    tag = Tag.objects.exclude(tagged_articles=None).first()
    article_ids = set(ArticlePage.objects.filter(tags=tag).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks() as capture:
        tag.save()
    keys = purged(varnish, capture)
    assert {f"page-{pk}" for pk in article_ids} | {f"tag-{tag.pk}"} <= keys


def test_content_changed_purges_the_pages_it_names(article, varnish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as capture:
        notify(pages=[article])
    assert f"page-{article.pk}" in purged(varnish, capture)


def test_a_down_varnish_is_logged_and_the_editor_still_publishes(
    client, editor, article, settings, caplog, django_capture_on_commit_callbacks
):
    port = free_port(SPARE_PORTS)  # a port nothing listens on
    settings.VARNISH_PURGE_URLS = [f"http://127.0.0.1:{port}/"]
    client.force_login(editor)
    with caplog.at_level(logging.WARNING, logger="hanoi_creative.edge"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/admin/pages/{article.pk}/unpublish/", {})
        purger.flush()
    assert response.status_code == 302
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert "Could not purge" in caplog.text


def test_no_purge_target_means_no_purge_work(
    client, editor, article, settings, django_capture_on_commit_callbacks
):
    settings.VARNISH_PURGE_URLS = []
    client.force_login(editor)
    with django_capture_on_commit_callbacks() as capture:
        client.post(f"/admin/pages/{article.pk}/unpublish/", {})
    # Wagtail's own callbacks may be there; none of them is a purge.
    assert not any("Purger" in repr(getattr(callback, "__qualname__", "")) for callback in capture)
