"""The page cache across processes: two gunicorn servers (two workers each) sharing the
database and the cache, as two machines behind a load balancer would.

An editor publishes an edit through the admin of server A; the very next anonymous request to
server B shows it, in both languages. The scheduler (``publish_scheduled``, its own process,
as cron runs it) publishes an article; both servers list it at once.
"""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import translation

from tests.page_forms import standard_page_form
from tests.services import SERVER_PORTS, free_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shared_database(tmp_path):
    """A DATABASE_URL the servers can open: the test database itself (PostgreSQL), or a copy
    of the in-memory SQLite test database in a file that the test then writes through."""
    if connection.vendor == "postgresql":
        params = settings.DATABASES["default"]
        yield (
            f"postgres://{params['USER']}:{params.get('PASSWORD') or ''}@{params['HOST']}:"
            f"{params.get('PORT') or 5432}/{params['NAME']}"
        )
        return
    path = tmp_path / "shared.sqlite3"
    yield f"sqlite:///{path}"


def start_server(port, database_url, cache_dir, page_cache="on"):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hanoi_creative.settings.test",
        "DATABASE_URL": database_url,
        "PAGE_CACHE": page_cache,
        "FRAGMENT_CACHE": "on",
        "PAGE_CACHE_DIR": str(cache_dir),
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "WEB_CONCURRENCY": "2",
        "PORT": str(port),
        "GUNICORN_LOG_LEVEL": "warning",
    }
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--config", "deploy/gunicorn.conf.py", "hanoi_creative.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def wait_for(port, process):
    for _attempt in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/vi/", timeout=10).read()
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            assert process.poll() is None, "server exited"
            time.sleep(0.2)
    raise AssertionError("server did not start")


def get(opener, url):
    try:
        response = opener.open(url, timeout=30)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    return response.status, dict(response.headers), response.read().decode()


@pytest.fixture
def servers(shared_database, tmp_path):
    yield from _servers(shared_database, tmp_path, page_cache="on")


@pytest.fixture
def uncached_servers(shared_database, tmp_path):
    """The two servers with the page cache off: pages are built from kept pieces (fragments)."""
    yield from _servers(shared_database, tmp_path, page_cache="off")


def _servers(shared_database, tmp_path, page_cache):
    if connection.vendor == "sqlite":
        # The servers need a database on disk: copy the test database (demo content and
        # everything the test made so far) into a file, and point this process at it too.
        import sqlite3

        target = sqlite3.connect(shared_database.removeprefix("sqlite:///"))
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
    cache_dir = tmp_path / "pagecache"
    first = free_port(SERVER_PORTS)
    ports = [first, free_port(SERVER_PORTS, exclude={first})]
    processes = [start_server(port, shared_database, cache_dir, page_cache) for port in ports]
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_for(port, process)
        yield [f"http://127.0.0.1:{port}" for port in ports], shared_database, cache_dir
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def run_manage(database_url, cache_dir, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hanoi_creative.settings.test",
        "DATABASE_URL": database_url,
        "PAGE_CACHE": "on",
        "PAGE_CACHE_DIR": str(cache_dir),
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def log_in(base, username, password):
    """An opener holding an admin session on ``base``, and the CSRF token for its forms."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _status, _headers, body = get(opener, f"{base}/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    opener.open(urllib.request.Request(f"{base}/admin/login/", data=data.encode(), headers={"Referer": base}))
    cookies = {cookie.name: cookie.value for cookie in jar}
    assert "sessionid" in cookies, "login failed"
    return opener, cookies["csrftoken"]


# Runs in its own process against the shared database, as the scheduler's cron job would
# find it: an article whose go-live time has just passed, waiting for publish_scheduled.
SCHEDULE_ARTICLE = """
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Page
from news.models import ArticlePage, Category, NewsIndexPage
article = ArticlePage(title_vi="Triển lãm Thiết kế mùa thu", title_en="Autumn Design Exhibition",
    lead_vi="Sapo", lead_en="Lead", category=Category.objects.first(), live=False)
NewsIndexPage.objects.get().add_child(instance=article)
article.go_live_at = timezone.now() + timedelta(hours=1)
revision = article.save_revision()
revision.publish()
past = timezone.now() - timedelta(minutes=1)
revision.content["go_live_at"] = past.isoformat()
revision.approved_go_live_at = past
revision.save(update_fields=["content", "approved_go_live_at"])
Page.objects.filter(pk=article.pk).update(go_live_at=past)
"""


def test_an_edit_published_on_one_server_shows_on_the_next_request_to_the_other(
    admin_user, programme_pages, servers
):
    (server_a, server_b), _database, _cache_dir = servers
    page = programme_pages["action-programme"]
    fill_both(servers, page)
    assert get(urllib.request.build_opener(), server_b + page.url_in("vi"))[1]["X-Cache"] == "hit"
    assert get(urllib.request.build_opener(), server_b + "/en/")[1]["X-Cache"] == "hit"
    publish_and_check(servers, page)


def test_without_the_page_cache_kept_pieces_follow_an_edit_on_the_other_server(
    admin_user, programme_pages, uncached_servers
):
    (_server_a, server_b), _database, _cache_dir = uncached_servers
    page = programme_pages["action-programme"]
    fill_both(uncached_servers, page)
    assert "X-Cache" not in get(urllib.request.build_opener(), server_b + page.url_in("vi"))[1]
    publish_and_check(uncached_servers, page)


def fill_both(servers, page):
    """Every page of the check, through every worker of both servers (pages or their pieces)."""
    anonymous = urllib.request.build_opener()
    for base in servers[0]:
        for _round in range(4):
            for url in (page.url_in("vi"), page.url_in("en"), "/vi/", "/en/"):
                assert get(anonymous, base + url)[0] == 200


def publish_and_check(servers, page):
    """An editor publishes a new title on server A; every worker of B shows it at once."""
    (server_a, server_b), _database, _cache_dir = servers
    vi_url, en_url = page.url_in("vi"), page.url_in("en")
    anonymous = urllib.request.build_opener()

    editor, token = log_in(server_a, "admin", "password")
    form = standard_page_form(
        title_vi="Chương trình hành động 2030",
        title_en="Action programme 2030",
        slug_vi=page.slug_vi,
        slug_en=page.slug_en,
        **{"action-publish": "publish", "csrfmiddlewaretoken": token},
    )
    request = urllib.request.Request(
        f"{server_a}/admin/pages/{page.pk}/edit/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": f"{server_a}/admin/pages/{page.pk}/edit/"},
    )
    editor.open(request, timeout=60).read()

    for _round in range(4):  # whichever worker answers
        status, _headers, body = get(anonymous, server_b + vi_url)
        assert status == 200
        assert "Chương trình hành động 2030" in body
        assert "Action programme 2030" in get(anonymous, server_b + en_url)[2]
        # The menu on every page names it too, on both servers.
        assert "Action programme 2030" in get(anonymous, server_b + "/en/")[2]
        assert "Chương trình hành động 2030" in get(anonymous, server_a + "/vi/")[2]


def test_publish_scheduled_in_its_own_process_reaches_both_servers(servers):
    listing = fill_listing(servers)
    assert get(urllib.request.build_opener(), servers[0][0] + listing)[1]["X-Cache"] == "hit"
    publish_scheduled_and_check(servers, listing)


def test_publish_scheduled_reaches_the_kept_pieces_of_both_servers(uncached_servers):
    publish_scheduled_and_check(uncached_servers, fill_listing(uncached_servers))


def fill_listing(servers):
    with translation.override("en"):
        listing = reverse("news:index")
    anonymous = urllib.request.build_opener()
    for base in servers[0]:
        for _round in range(4):
            assert "Autumn Design Exhibition" not in get(anonymous, base + listing)[2]
    return listing


def publish_scheduled_and_check(servers, listing):
    (server_a, server_b), database, cache_dir = servers
    anonymous = urllib.request.build_opener()

    run_manage(database, cache_dir, "shell", "-c", SCHEDULE_ARTICLE)
    for base in (server_a, server_b):  # not live yet: nothing to show, nothing changed
        assert "Autumn Design Exhibition" not in get(anonymous, base + listing)[2]
    run_manage(database, cache_dir, "publish_scheduled")
    for base in (server_a, server_b):
        for _round in range(4):
            assert "Autumn Design Exhibition" in get(anonymous, base + listing)[2]
