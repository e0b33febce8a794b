"""`make backup` / `make restore`: the demo site goes into one archive and comes back whole
into an empty database (a throw-away PostgreSQL server, or a new SQLite file) and media folder:
same page count, same HTML for a few pages, same media files."""

import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from news.models import ArticlePage
from tests.services import postgres_cluster
from tests.test_project import ROOT

# Transactional: a backup reads the database from outside the test's transaction (on SQLite
# the backup API would wait forever on the open transaction's lock).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RENDER = """
import json, sys, django
django.setup()
from django.test import Client
from wagtail.models import Page
client = Client()
pages = {address: client.get(address).content.decode() for address in json.loads(sys.argv[1])}
print(json.dumps({"pages": Page.objects.count(), "html": pages}))
"""


def media_digest(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def site_env(database_url, media_root):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="hanoi_creative.settings.dev",
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def without_form_token(html):
    return re.sub(r'name="token" value="[^"]*"', 'name="token" value=""', html)


@pytest.fixture
def empty_database(tmp_path):
    if connection.vendor == "postgresql":
        with postgres_cluster() as cluster:
            subprocess.run(
                ["psql", "-q", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres",
                 "-c", "CREATE DATABASE restored"],
                check=True, capture_output=True,
            )  # fmt: skip
            yield cluster.url("restored")
    else:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"


def test_backup_restores_the_site_into_an_empty_database(client, tmp_path, empty_database):
    article = ArticlePage.objects.live().public().first()
    addresses = ["/vi/", "/en/", article.get_url()]
    # Renditions are made on first view; render once so both sides have the same files.
    before = {address: client.get(address).content.decode() for address in addresses}
    before = {address: client.get(address).content.decode() for address in addresses}
    pages = Page.objects.count()
    media_before = media_digest(settings.MEDIA_ROOT)
    assert media_before, "the demo site has images"

    call_command("backup", "--output-dir", str(tmp_path / "backups"), stdout=open(os.devnull, "w"))
    (archive,) = (tmp_path / "backups").glob("hanoi-creative-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and any(name.startswith("media/") for name in names)

    restored_media = tmp_path / "restored-media"
    env = site_env(empty_database, restored_media)
    manage(env, "restore", str(archive))
    output = manage(env, "shell", "-c", RENDER.replace("sys.argv[1]", repr(json.dumps(addresses))))
    result = json.loads(next(line for line in output.splitlines() if line.startswith('{"pages"')))

    assert result["pages"] == pages
    for address in addresses:
        # The comment form's token is signed with the time it was shown; the rest is the same.
        assert without_form_token(result["html"][address]) == without_form_token(before[address]), address
    assert media_digest(restored_media) == media_before


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    call_command("backup", "--output-dir", str(tmp_path), stdout=open(os.devnull, "w"))
    (archive,) = tmp_path.glob("*.tar.gz")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), stdout=open(os.devnull, "w"))
