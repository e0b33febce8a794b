"""The read-replica router with real PostgreSQL connections.

The ``replica`` alias mirrors the test database (settings/test.py): a second connection, as an
app server has to its replica. The tests commit (transactional tests), because inside a
transaction every read goes to the primary by design, and a test transaction would hide
whether the router ever chooses the replica.
"""

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from hanoi_creative.edge import replica
from news.models import ArticlePage

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="streaming replicas are PostgreSQL's"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"]),
]


@pytest.fixture(autouse=True)
def router_on(settings):
    settings.DATABASE_ROUTERS = ["hanoi_creative.edge.replica.ReplicaRouter"]
    replica.health.mark_down()
    replica.health._checked_at = 0.0  # check again on the first request
    yield
    replica.health._checked_at = 0.0


class Queries:
    """The SQL each database ran inside the block."""

    def __enter__(self):
        self.primary = CaptureQueriesContext(connections["default"])
        self.replica = CaptureQueriesContext(connections["replica"])
        self.primary.__enter__()
        self.replica.__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)

    def reads(self, captured):
        """Reads of the site's tables (not the router's own lag check)."""
        return [
            q["sql"]
            for q in captured.captured_queries
            if q["sql"].lstrip().upper().startswith("SELECT") and "pg_is_in_recovery" not in q["sql"]
        ]

    def writes(self, captured):
        statements = [q["sql"].lstrip().upper() for q in captured.captured_queries]
        return [sql for sql in statements if sql.startswith(("INSERT", "UPDATE", "DELETE"))]


def test_anonymous_public_pages_read_from_the_replica(client):
    for path in ["/vi/", "/en/news/", "/vi/tin-tuc/"]:
        with Queries() as queries:
            assert client.get(path).status_code == 200
        assert queries.reads(queries.replica), path
        # Whatever reads the primary still serves (Wagtail's get-or-create of a rendition
        # runs in a transaction) the replica is never written to.
        assert queries.writes(queries.replica) == [], path


def test_a_reader_who_just_posted_reads_from_the_primary(client):
    response = client.post("/vi/tin-tuc/", {})
    assert replica.STICKY_COOKIE in response.cookies
    with Queries() as queries:
        assert client.get("/vi/tin-tuc/").status_code == 200
    assert queries.replica.captured_queries == []
    assert queries.reads(queries.primary)


def test_admin_move_runs_on_the_primary_only(client, editor, programme_pages):
    from hanoi_creative.core.models import StandardPage

    page, target = list(programme_pages.values())[:2]
    client.force_login(editor)
    with Queries() as queries:
        response = client.post(f"/admin/pages/{page.pk}/move/{target.pk}/confirm/", {})
    assert response.status_code == 302
    assert queries.replica.captured_queries == []
    moved = StandardPage.objects.get(pk=page.pk)
    assert moved.get_parent().pk == target.pk
    # Anonymous readers see the page at its new address on both languages.
    client.logout()
    client.cookies.clear()
    from django.utils import translation

    for language in ("vi", "en"):
        with translation.override(language):
            address = moved.get_url()
        assert client.get(address).status_code == 200


def test_admin_publish_and_unpublish_run_on_the_primary_only(client, editor):
    article = ArticlePage.objects.live().first()
    client.force_login(editor)
    with Queries() as queries:
        assert client.post(f"/admin/pages/{article.pk}/unpublish/", {}).status_code == 302
        assert client.post(f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}", {}).status_code == 302
    assert queries.replica.captured_queries == []
    assert ArticlePage.objects.get(pk=article.pk).live


def test_translation_import_with_the_replica_chosen_writes_and_reads_the_primary(tmp_path):
    import polib
    from django.core.management import call_command

    export = tmp_path / "export.po"
    call_command("export_translations", format="po", output=str(export), verbosity=0)
    catalogue = polib.pofile(str(export))
    entry = next(entry for entry in catalogue if entry.msgstr and (entry.msgctxt or "").endswith("title"))
    entry.msgstr = entry.msgstr + " (revised)"
    catalogue.save()
    token = replica._use_replica.set(True)
    try:
        with Queries() as queries:
            call_command("import_translations", str(export), verbosity=0)
    finally:
        replica._use_replica.reset(token)
    assert any("INSERT" in q["sql"] or "UPDATE" in q["sql"] for q in queries.primary.captured_queries)
    assert not any("INSERT" in q["sql"] or "UPDATE" in q["sql"] for q in queries.replica.captured_queries)


def test_a_replica_that_does_not_answer_sends_reads_to_the_primary(client):
    settings_dict = connections["replica"].settings_dict
    saved_port = settings_dict.get("PORT")
    connections["replica"].close()
    settings_dict["PORT"] = "1"
    try:
        with CaptureQueriesContext(connections["default"]) as primary:
            assert client.get("/vi/tin-tuc/").status_code == 200
        assert any(q["sql"].startswith("SELECT") for q in primary.captured_queries)
    finally:
        connections["replica"].close()
        settings_dict["PORT"] = saved_port


def test_a_replica_lagging_past_the_bound_is_skipped(client, settings):
    settings.DATABASE_REPLICA_MAX_LAG = -1  # any lag, even none, is too much
    with Queries() as queries:
        assert client.get("/vi/tin-tuc/").status_code == 200
    assert queries.reads(queries.primary)
    assert not queries.reads(queries.replica)


def test_migrations_run_on_the_primary_only():
    router = replica.ReplicaRouter()
    assert router.allow_migrate("default", "news")
    assert not router.allow_migrate("replica", "news")
    assert router.db_for_write(ArticlePage) == "default"
