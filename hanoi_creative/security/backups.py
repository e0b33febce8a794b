"""One dated archive holding a consistent database dump and the media files, and its restore.

PostgreSQL is dumped with ``pg_dump -Fc`` (a consistent snapshot while the site runs) and
restored with ``pg_restore``; SQLite is copied with its online backup API. The archive also
holds ``media/`` and a ``manifest.json`` saying which engine made it.
"""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT = 1


class BackupError(Exception):
    pass


def _pg_env(db):
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _pg_args(db):
    args = ["-h", db.get("HOST") or "127.0.0.1", "-U", db.get("USER") or "postgres"]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    return args


def _dump_database(target):
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        path = target / "database.dump"
        result = subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", "--no-privileges", *_pg_args(db), "-f", str(path), db["NAME"]],
            env=_pg_env(db),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        return "postgresql", path
    if connection.vendor == "sqlite":
        path = target / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(path)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return "sqlite", path
    raise BackupError(f"backups support PostgreSQL and SQLite, not {connection.vendor}")


def create(output_dir, progress=print):
    """Write ``hanoi-creative-YYYYMMDD-HHMMSS.tar.gz`` into ``output_dir``; return its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"hanoi-creative-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="hc-backup-") as work:
        progress("dumping the database…")
        engine, dump = _dump_database(Path(work))
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "media_files": sum(1 for path in media_root.rglob("*") if path.is_file())
            if media_root.exists()
            else 0,
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=dump.name)
            if media_root.exists():
                progress(f"adding {manifest['media_files']} media files…")
                tar.add(media_root, arcname="media")
        partial.rename(archive)
    return archive


def _database_is_empty():
    return "django_migrations" not in connection.introspection.table_names()


def restore(archive, progress=print):
    """Restore ``archive`` into the configured, empty database and MEDIA_ROOT."""
    if not _database_is_empty():
        raise BackupError("the database is not empty: restore into a new, empty database")
    db = connection.settings_dict
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="hc-restore-") as work, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(work, filter="data")
        work = Path(work)
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError("unknown backup format")
        if manifest["engine"] != connection.vendor:
            raise BackupError(f"this backup is of a {manifest['engine']} database, not {connection.vendor}")
        progress("restoring the database…")
        if connection.vendor == "postgresql":
            result = subprocess.run(
                ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *_pg_args(db),
                 "-d", db["NAME"], str(work / "database.dump")],
                env=_pg_env(db), capture_output=True, text=True,
            )  # fmt: skip
            if result.returncode:
                raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        else:
            connection.close()
            source = sqlite3.connect(work / "database.sqlite3")
            destination = sqlite3.connect(db["NAME"])
            try:
                source.backup(destination)
            finally:
                source.close()
                destination.close()
        media = work / "media"
        if media.exists():
            progress(f"restoring {manifest.get('media_files', 0)} media files…")
            shutil.copytree(media, media_root, dirs_exist_ok=True)
    return manifest
