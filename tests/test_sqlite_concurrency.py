"""The embedded SQLite default lets two writers work at once (autosave, then Publish)."""

import threading
import time

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction

ALIAS = "concurrent_sqlite"


@pytest.fixture
def sqlite_file(tmp_path, django_db_blocker):
    """An SQLite file database configured like the site's default, under its own alias."""

    def configure(options):
        entry = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "db.sqlite3"),
            "OPTIONS": options,
        }
        connections.settings[ALIAS] = connections.configure_settings({"default": entry})["default"]
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, writer TEXT)")
        connections[ALIAS].close()

    with django_db_blocker.unblock():
        yield configure
    connections[ALIAS].close()
    del connections[ALIAS]  # this thread's wrapper would keep the old file's name
    connections.settings.pop(ALIAS, None)


def write_concurrently(read_then_wait):
    """Two threads each read, then write, in one transaction; returns each one's error or None."""
    errors = {}
    start = threading.Barrier(2, timeout=30)

    def writer(name):
        try:
            start.wait()
            with transaction.atomic(using=ALIAS):
                with connections[ALIAS].cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM note")
                    read_then_wait()
                    cursor.execute("INSERT INTO note (writer) VALUES (%s)", [name])
            errors[name] = None
        except OperationalError as error:
            errors[name] = error
        finally:
            connections[ALIAS].close()

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("autosave", "publish")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def rows():
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT writer FROM note ORDER BY writer")
        found = [row[0] for row in cursor.fetchall()]
    connections[ALIAS].close()
    return found


def test_the_default_sqlite_database_uses_wal_and_immediate_transactions(sqlite_file):
    sqlite_file(settings.SQLITE_OPTIONS)
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    connections[ALIAS].close()
    assert settings.SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"


def test_two_concurrent_writers_both_succeed(sqlite_file):
    sqlite_file(settings.SQLITE_OPTIONS)
    errors = write_concurrently(lambda: time.sleep(0.5))
    assert errors == {"autosave": None, "publish": None}
    assert rows() == ["autosave", "publish"]


def test_without_immediate_transactions_the_second_writer_fails(sqlite_file):
    """The failure the options prevent: both read, then both write."""
    sqlite_file({"init_command": "PRAGMA journal_mode=WAL;", "timeout": 20})
    both_have_read = threading.Barrier(2, timeout=30)
    errors = write_concurrently(both_have_read.wait)
    assert sorted(error is None for error in errors.values()) == [False, True]
    assert "locked" in str(next(error for error in errors.values() if error))
    assert len(rows()) == 1
