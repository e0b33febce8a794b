"""Outages of Redis and PostgreSQL, each against a throw-away server the test starts and stops:
pages keep answering (200 uncached, or 503 with Retry-After in the visitor's language), and the
site recovers by itself when the server returns."""

import contextlib
import http.client
import json
import logging
import os
import subprocess
import sys
import time

import pytest
from django.core.cache import caches
from django.db import connection

from hanoi_creative.security.cache import TolerantRedisCache
from news.models import ArticlePage
from tests.news_helpers import page_url, url
from tests.services import SERVER_PORTS, free_port, postgres_cluster, redis_server, wait_for_port
from tests.test_project import ROOT

pytestmark = pytest.mark.django_db


def public_addresses():
    article = ArticlePage.objects.live().public().first()
    return ["/vi/", "/en/", page_url(article, "vi"), url("news:feed", "vi", format="rss"), "/sitemap.xml"]


def test_redis_outage_serves_every_page_uncached_and_logs_once(client, settings, caplog):
    addresses = public_addresses()
    with redis_server() as redis:
        settings.CACHES = {
            "default": {
                "BACKEND": "hanoi_creative.security.cache.TolerantRedisCache",
                "LOCATION": redis.url,
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
        backend = caches["default"]
        assert isinstance(backend, TolerantRedisCache) and backend.is_reachable()
        for address in addresses:
            assert client.get(address).status_code == 200, address

        redis.stop()
        caplog.clear()
        with caplog.at_level(logging.ERROR, logger="hanoi_creative.security.cache"):
            started = time.monotonic()
            for _round in range(3):
                for address in addresses:
                    assert client.get(address).status_code == 200, address
            elapsed = time.monotonic() - started
        outage_lines = [r for r in caplog.records if r.name == "hanoi_creative.security.cache"]
        assert len(outage_lines) == 1, [r.getMessage() for r in outage_lines]
        assert backend.failures >= 1
        assert elapsed < 30
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"] == {"database": True, "cache": False}

        redis.start()
        time.sleep(TolerantRedisCache.RETRY_SECONDS + 0.2)
        backend.set("after-outage", "back", 30)
        assert backend.get("after-outage") == "back"
        assert client.get("/readyz").status_code == 200


def _get(port, path, method="GET", headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@contextlib.contextmanager
def serve_on_throwaway_postgres(**extra_env):
    """gunicorn serving a copy of the test database from a throw-away PostgreSQL."""
    source = connection.settings_dict
    with postgres_cluster() as cluster:
        throwaway = ["-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres"]
        subprocess.run(
            ["psql", "-q", *throwaway, "-c", "CREATE DATABASE hc"], check=True, capture_output=True
        )
        dump = subprocess.run(
            ["pg_dump", "-Fc", "-h", source["HOST"] or "127.0.0.1", "-p", str(source["PORT"] or 5432),
             "-U", source["USER"] or "postgres", source["NAME"]],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            ["pg_restore", "--no-owner", *throwaway, "-d", "hc"],
            input=dump.stdout,
            check=True,
            capture_output=True,
        )
        port = free_port(SERVER_PORTS)
        env = {
            key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_URL"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="hanoi_creative.settings.dev",
            DJANGO_DEBUG="false",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=cluster.url("hc"),
            DATABASE_CONN_MAX_AGE="60",
            **extra_env,
        )
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "hanoi_creative.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--timeout", "60", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_for_port(port, timeout=60)
            yield cluster, port
        finally:
            server.terminate()
            server.wait(20)


@pytest.fixture
def site_on_throwaway_postgres(django_db_setup):
    if connection.vendor != "postgresql":
        pytest.skip("the database outage is exercised in the PostgreSQL run")
    with serve_on_throwaway_postgres() as served:
        yield served


@pytest.fixture
def cached_site_on_throwaway_postgres(django_db_setup, tmp_path):
    """The same, with the page cache on in a folder of its own."""
    if connection.vendor != "postgresql":
        pytest.skip("the database outage is exercised in the PostgreSQL run")
    with serve_on_throwaway_postgres(PAGE_CACHE="on", PAGE_CACHE_DIR=str(tmp_path / "pagecache")) as served:
        yield served


def test_database_outage_answers_503_in_the_visitors_language_and_recovers(site_on_throwaway_postgres):
    cluster, port = site_on_throwaway_postgres
    assert _get(port, "/vi/")[0] == 200
    assert _get(port, "/readyz")[0] == 200

    cluster.stop()
    status, headers, body = _get(port, "/vi/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert 'lang="vi"' in body.decode() and "tạm thời" in body.decode()
    status, headers, body = _get(port, "/en/")
    assert status == 503 and 'lang="en"' in body.decode() and "temporarily unavailable" in body.decode()
    status, _headers, body = _get(port, "/readyz")
    assert status == 503 and json.loads(body)["checks"]["database"] is False
    assert _get(port, "/healthz")[0] == 200

    cluster.start()
    returned = time.monotonic()
    while _get(port, "/vi/")[0] != 200:
        assert time.monotonic() - returned < 15, "the site did not recover within 15 s"
        time.sleep(0.1)
    print(f"recovered {time.monotonic() - returned:.2f} s after the database returned")
    assert _get(port, "/readyz")[0] == 200


def test_gunicorn_refuses_trace_and_sends_head_without_a_body(site_on_throwaway_postgres):
    _cluster, port = site_on_throwaway_postgres
    for path in ("/vi/", "/sitemap.xml", url("news:feed", "vi", format="rss")):
        assert _get(port, path, "TRACE")[0] == 405, path
        status, headers, body = _get(port, path, "HEAD")
        assert status == 200 and body == b"", path


def test_page_cache_hits_keep_answering_while_the_database_is_down(cached_site_on_throwaway_postgres):
    cluster, port = cached_site_on_throwaway_postgres
    article = page_url(ArticlePage.objects.live().public().first(), "vi")
    for path in ("/vi/", article):
        assert _get(port, path)[1]["X-Cache"] == "miss", path
        status, headers, _body = _get(port, path)
        assert (status, headers["X-Cache"]) == (200, "hit"), path

    cluster.stop()
    for path in ("/vi/", article):
        status, headers, body = _get(port, path)
        assert (status, headers["X-Cache"]) == (200, "hit"), path
        assert 'lang="vi"' in body.decode() and "tạm thời" not in body.decode(), path
    # A page nobody asked for before the outage cannot come from the cache: the outage answer.
    status, headers, body = _get(port, "/en/")
    assert status == 503 and headers["Retry-After"] == "30"
    assert "X-Cache" not in headers or headers["X-Cache"] != "hit"
    assert "temporarily unavailable" in body.decode()

    cluster.start()
    returned = time.monotonic()
    while _get(port, "/en/")[0] != 200:
        assert time.monotonic() - returned < 15, "the site did not recover within 15 s"
        time.sleep(0.1)
