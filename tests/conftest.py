import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

# tests/cluster/ needs `make cluster` running; it joins a run when the cluster is up (or when
# CLUSTER_TESTS is set, as in CI, where a cluster that did not start must fail the run).
_CLUSTER_UP = (Path(__file__).resolve().parent.parent / "var" / "cluster.env").exists()
collect_ignore_glob = [] if (_CLUSTER_UP or os.environ.get("CLUSTER_TESTS")) else ["cluster/*"]


def _render_demo_pages():
    """Render every demo page once in each language, so the image renditions its templates
    use exist in the test database: a rendition made inside a test rolls back with it and is
    encoded again by the next test that shows the same photo."""
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        for code in ("vi", "en"):
            client.get(page.url_in(code) if hasattr(page, "url_in") else page.url)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once into the test database; each test runs in a rolled-back
    transaction on top of it."""
    from django.db import connections

    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
        _render_demo_pages()
        # Transactional tests with serialized_rollback restore this snapshot; take it again so
        # it holds the demo site rather than the bare post-migration database.
        for connection in connections.all():
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    # The live server's request threads may still hold a PostgreSQL session, which would stop
    # pytest-django from dropping the test database.
    with django_db_blocker.unblock():
        connection = connections["default"]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """The test settings put uploads in a temporary folder; remove it when the run ends."""
    import shutil

    from django.conf import settings

    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    # wagtail-modeltranslation caches site root paths per language; stale entries from
    # another test's rolled-back pages would give wrong URLs.
    from hanoi_creative.caching import fragments

    cache.clear()
    fragments.clear()
    yield
    translation.activate("vi")
    cache.clear()
    fragments.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit(): ...``: run the block, then what would run when its transaction commits."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def home(db):
    from hanoi_creative.core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def programme_pages(db):
    from hanoi_creative.core.models import StandardPage

    return {page.slug_en: page for page in StandardPage.objects.all()}


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", "password")


# Newsroom roles: users in each group, and the news section they work in.
def _newsroom_user(django_user_model, username, role):
    from django.contrib.auth.models import Group

    from hanoi_creative.newsroom.roles import group_name

    user = django_user_model.objects.create_user(username, f"{username}@example.com", "password")
    user.groups.add(Group.objects.get(name=group_name(role)))
    return user


@pytest.fixture
def reporter(db, django_user_model):
    return _newsroom_user(django_user_model, "reporter", "reporters")


@pytest.fixture
def other_reporter(db, django_user_model):
    return _newsroom_user(django_user_model, "reporter2", "reporters")


@pytest.fixture
def editor(db, django_user_model):
    return _newsroom_user(django_user_model, "editor", "editors")


@pytest.fixture
def translator(db, django_user_model):
    return _newsroom_user(django_user_model, "translator", "translators")


@pytest.fixture
def newsroom_category(db):
    from news.models import Category

    return Category.objects.first() or Category.objects.create(name_vi="Văn hóa", name_en="Culture")


@pytest.fixture
def make_article(news_index, newsroom_category):
    """Build an article in the news section: ``make_article("Tiêu đề", owner=user, live=True)``."""
    from news.models import ArticlePage

    def make(title_vi, title_en="", owner=None, live=False, **fields):
        article = ArticlePage(
            title_vi=title_vi,
            title_en=title_en,
            lead_vi=fields.pop("lead_vi", f"Sapo của {title_vi}"),
            lead_en=fields.pop("lead_en", f"Lead of {title_en}" if title_en else ""),
            category=newsroom_category,
            owner=owner,
            live=False,
            **fields,
        )
        news_index.add_child(instance=article)
        revision = article.save_revision(user=owner)
        if live:
            revision.publish()
            article.refresh_from_db()
        return article

    return make


# News: the demo's section, a clean section for hand-built cases, and article factories.
@pytest.fixture
def news_index(db):
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.get()


@pytest.fixture
def empty_news(news_index):
    """The news section with the demo's articles unpublished, so a test sees only its own.

    Rolled back with the test's transaction like everything else.
    """
    from news.models import ArticlePage

    ArticlePage.objects.update(live=False)
    return news_index


@pytest.fixture
def article_factory(news_index):
    """``article_factory(title_vi=..., tags=[...])``: a live article in the news section."""
    from tests.factories import ArticlePageFactory

    def make(**fields):
        return ArticlePageFactory(parent=news_index, **fields)

    return make


@pytest.fixture
def browser():
    """Debian's chromium through Playwright (see ``tests/browser.py``), one per test.

    Not one per module or session: while Playwright's sync API runs, its event loop is the
    running loop of this thread, so Django gives the thread other database connections (and
    ``async_to_sync`` refuses to work); set-up and tear-down of the test database must happen
    outside it."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    # The test's own ORM calls run beside that loop; the live server thread is unaffected.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
