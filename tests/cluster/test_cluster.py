"""The running cluster (make cluster): Varnish hits, purges, failover, replica reads."""

import time

import requests

# A purge first waits for the replica to replay the change (VARNISH_PURGE_REPLICA_WAIT, 2 s at
# most), then reaches Varnish: on a loaded machine a purge can take longer than a second.
PURGE_DEADLINE = 3.0


def fetch_twice(cluster, path):
    first = cluster.get(path)
    second = cluster.get(path)
    return first, second


def test_public_url_is_varnish_and_answers_its_health_probe(cluster):
    response = cluster.get("/varnish-health")
    assert response.status_code == 200
    assert response.headers["Server"] == "Varnish"
    assert "X-Varnish" in response.headers


def test_second_anonymous_get_is_a_varnish_hit_that_never_reaches_gunicorn(cluster):
    path = cluster.unique("/vi/tin-tuc/")
    token = path.rsplit("=", 1)[1]
    first, second = fetch_twice(cluster, path)
    assert first.status_code == second.status_code == 200
    assert first.headers["X-Cache"] == "MISS"
    assert second.headers["X-Cache"] == "HIT"
    assert second.text == first.text
    # The app servers' access logs saw the first request only.
    time.sleep(0.3)
    assert cluster.access_log_lines(token) == 1


def test_tracking_parameters_share_the_cached_object(cluster):
    path = cluster.unique("/en/news/")
    cluster.get(path)
    tracked = cluster.get(path + "&utm_source=newsletter&fbclid=abc")
    assert tracked.headers["X-Cache"] == "HIT"


def test_session_cookie_and_admin_pass_varnish(cluster):
    path = cluster.unique("/vi/")
    cluster.get(path)
    logged_in = cluster.get(path, headers={"Cookie": "sessionid=not-a-real-session"})
    assert logged_in.headers["X-Cache"] == "MISS"
    admin_login = cluster.get("/admin/login/")
    assert cluster.get("/admin/login/").headers["X-Cache"] == "MISS"
    assert admin_login.status_code == 200


def test_responses_carry_surrogate_keys_only_for_purgers(cluster):
    keyed = cluster.get(cluster.unique("/vi/"), headers={"X-Debug-Keys": "1"})
    assert {"home", "nav"} <= set(keyed.headers["xkey"].split())
    assert "xkey" not in cluster.get(cluster.unique("/vi/")).headers


def latest_article(cluster):
    """The newest live article: its id and its public paths in both languages."""
    with cluster.primary() as connection, connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT page.id, page.url_path_vi, page.url_path_en, root.url_path_vi, root.url_path_en
            FROM wagtailcore_page page
            JOIN news_articlepage article ON article.page_ptr_id = page.id
            JOIN wagtailcore_site site ON site.is_default_site
            JOIN wagtailcore_page root ON root.id = site.root_page_id
            WHERE page.live AND page.title_en <> '' AND page.title_en IS NOT NULL
            ORDER BY article.publication_date DESC, page.id DESC LIMIT 1
            """
        )
        page_id, path_vi, path_en, root_vi, root_en = cursor.fetchone()
    return page_id, "/vi/" + path_vi[len(root_vi) :], "/en/" + path_en[len(root_en) :]


def wait_until(condition, deadline):
    while True:
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def test_admin_unpublish_and_publish_purge_both_languages_listings_feed_and_home(cluster, admin):
    page_id, article_vi, article_en = latest_article(cluster)
    surfaces = ["/vi/tin-tuc/", "/en/news/", "/vi/tin-tuc/feed/rss/", "/en/news/feed/rss/", "/vi/", "/en/"]
    for path in [article_vi, article_en, *surfaces]:
        first, second = fetch_twice(cluster, path)
        assert second.status_code == 200, path
        assert second.headers["X-Cache"] == "HIT", path
    slug_vi = article_vi.rstrip("/").rsplit("/", 1)[1]
    slug_en = article_en.rstrip("/").rsplit("/", 1)[1]

    def shows(path, slug):
        response = cluster.get(path)
        return response.status_code == 200 and slug in response.text

    response = admin.post(f"/admin/pages/{page_id}/unpublish/")
    assert response.status_code == 302, response.text[:300]
    deadline = time.monotonic() + PURGE_DEADLINE
    assert wait_until(lambda: cluster.get(article_vi).status_code == 404, deadline)
    assert wait_until(lambda: cluster.get(article_en).status_code == 404, deadline)
    for path in surfaces:
        slug = slug_en if path.startswith("/en/") else slug_vi
        assert wait_until(lambda path=path, slug=slug: not shows(path, slug), deadline), path

    response = admin.post(f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", {"include_descendants": ""})
    assert response.status_code == 302, response.text[:300]
    deadline = time.monotonic() + PURGE_DEADLINE
    assert wait_until(lambda: cluster.get(article_vi).status_code == 200, deadline)
    assert wait_until(lambda: cluster.get(article_en).status_code == 200, deadline)
    for path in surfaces:
        slug = slug_en if path.startswith("/en/") else slug_vi
        assert wait_until(lambda path=path, slug=slug: shows(path, slug), deadline), path


def replica_backend_queries(cluster):
    """The last statement of every app connection to the replica."""
    with cluster.replica() as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT query FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def test_anonymous_reads_go_to_the_replica(cluster):
    with cluster.replica() as connection, connection.cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone()[0] is True
    for _ in range(6):  # every worker of both app servers
        assert cluster.get(cluster.unique("/vi/tin-tuc/")).status_code == 200
    queries = replica_backend_queries(cluster)
    # The app's own tables were read there (the health check reads none).
    # (pg_stat_activity cuts a query at 1 kB, so a wide SELECT may end before its FROM.)
    assert any(
        query.startswith("SELECT") and ('FROM "' in query or '"wagtailcore_page".' in query)
        for query in queries
    ), queries


def test_stopping_the_replica_keeps_the_site_answering(cluster):
    cluster.run("replica-stop")
    try:
        for path in ["/vi/tin-tuc/", "/en/news/", "/vi/", "/en/"]:
            for _ in range(3):
                response = cluster.get(cluster.unique(path))
                assert response.status_code == 200, (path, response.status_code)
                assert response.headers["X-Cache"] == "MISS"
    finally:
        cluster.run("replica-start")


def test_killing_one_app_server_keeps_the_site_answering(cluster):
    cluster.run("app-kill", "1")
    try:
        for _ in range(10):
            response = cluster.get(cluster.unique("/vi/tin-tuc/"))
            assert response.status_code == 200
            assert response.headers["X-Cache"] == "MISS"
    finally:
        cluster.run("app-start", "1")


def replay(cluster, action):
    """Pause or resume the replica's replay of the primary's changes."""
    with cluster.replica() as connection, connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_wal_replay_{action}()")


def test_nothing_built_from_a_lagging_replica_is_kept_past_the_change(cluster, admin):
    """While the replica has not replayed an unpublish, an app server reading it may still show
    the article, but keeps neither the page nor its pieces under the new generation: once the
    replica catches up, every worker answers 404. (Past ``DATABASE_REPLICA_MAX_LAG`` the router
    reads the primary instead, so not every request during the pause reads the replica.)"""
    page_id, article_vi, _article_en = latest_article(cluster)
    for base in cluster.apps:
        for _ in range(6):  # every worker keeps the route and the page's pieces
            assert requests.get(base + article_vi, timeout=60).status_code == 200
    replay(cluster, "pause")
    try:
        response = admin.post(f"/admin/pages/{page_id}/unpublish/")
        assert response.status_code == 302, response.text[:300]
        for base in cluster.apps:
            for _ in range(6):  # the lagging replica still has the article live
                assert requests.get(base + article_vi, timeout=60).status_code in (200, 404)
    finally:
        replay(cluster, "resume")
    first_app = cluster.apps[0] + article_vi
    assert wait_until(lambda: requests.get(first_app, timeout=60).status_code == 404, time.monotonic() + 10)
    for base in cluster.apps:
        for _ in range(6):
            assert requests.get(base + article_vi, timeout=60).status_code == 404, base
    response = admin.post(f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", {"include_descendants": ""})
    assert response.status_code == 302, response.text[:300]
