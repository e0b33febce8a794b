"""A Redis outage under the page cache: uncached pages, never an error, never stale news.

Each test starts its own throw-away redis-server (the shared one is never stopped), freezes
it (SIGSTOP: connections hang, as with a lost network) or kills it, and watches the site.
"""

import shutil
import signal
import time

import pytest
from django.core.cache import caches

from hanoi_creative.caching import store
from tests.services import redis_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_redis():
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is needed (apt-get install -y redis-server)")
    with redis_server() as server:
        yield server.process, server.url
        server.process.send_signal(signal.SIGCONT)  # a frozen server must be able to stop


@pytest.fixture
def cache_on_own_redis(settings, own_redis, monkeypatch):
    process, url = own_redis
    settings.CACHES = {
        **settings.CACHES,
        "pagecache": {
            "BACKEND": "hanoi_creative.caching.backends.RedisCache",  # as production configures it
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    settings.PAGE_CACHE = True
    monkeypatch.setattr(store, "RETRY_SECONDS", 0.3)
    store.health.retry_at = 0.0
    store.health.logged_at = float("-inf")
    store.health.replace_generation = False
    assert store.invalidate_all()
    yield process
    caches["pagecache"].close()


def test_a_frozen_redis_means_uncached_pages_not_errors(client, cache_on_own_redis, caplog):
    client.get("/vi/")
    assert client.get("/vi/")["X-Cache"] == "hit"
    cache_on_own_redis.send_signal(signal.SIGSTOP)
    for _round in range(3):
        response = client.get("/vi/")
        assert response.status_code == 200
        assert response["X-Cache"] == "miss"
    assert "Page cache unavailable" in caplog.text
    assert caplog.text.count("Page cache unavailable") == 1  # logged once, not per request


def test_a_dead_redis_means_uncached_pages_not_errors(client, cache_on_own_redis):
    client.get("/en/")
    cache_on_own_redis.kill()
    cache_on_own_redis.wait()
    for url in ("/en/", "/vi/", "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"]


def test_a_change_made_while_redis_was_frozen_is_shown_when_it_returns(
    client, cache_on_own_redis, django_capture_on_commit_callbacks, make_article
):
    article = make_article("Hà Nội mở Tuần lễ Thiết kế", "Hanoi opens Design Week", live=True)
    url = article.url_in("en")
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"

    cache_on_own_redis.send_signal(signal.SIGSTOP)
    with django_capture_on_commit_callbacks(execute=True):
        article.title_en = "Hanoi Design Week opens"
        article.save_revision().publish()  # the invalidation cannot reach the cache
    assert "Hanoi Design Week opens" in client.get(url).content.decode()

    cache_on_own_redis.send_signal(signal.SIGCONT)
    time.sleep(0.4)
    response = client.get(url)
    assert response.status_code == 200
    assert "Hanoi Design Week opens" in response.content.decode()
    assert client.get(url)["X-Cache"] == "hit"
