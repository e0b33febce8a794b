"""Benchmark: translation imports against their targets (prints figures; not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hc_bench \
        .venv/bin/python scripts/bench_translation_imports.py [valid] [unknown]

It WRITES to that database: give it a scratch one. The first run migrates, loads the demo and
generates 600 articles (reused afterwards). Then, each in its own process so the peak memory is
that case's alone:

- valid: an XLIFF of 3,000 units over 600 articles (title, lead, three body paragraphs each),
  imported through the background task as an editor. Target: under 30 s on PostgreSQL.
- unknown: a 20 MB XLIFF naming only items that do not exist, refused. Target: under 10 s,
  under 300 MB peak resident memory.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hanoi_creative.settings.dev")
MARKER = "bench-import"
ARTICLES = 600


def setup_django():
    import django

    django.setup()


def prepare():
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    from news.generate import generate_articles
    from news.models import ArticlePage

    if not ArticlePage.objects.exists():
        call_command("load_demo", verbosity=0)
    if ArticlePage.objects.count() < ARTICLES + 24:
        generate_articles(ARTICLES, seed=7)
        # Bulk generation skips the desk's status; the import reads it.
        call_command("rebuild_translation_status", verbosity=0)


def valid_file():
    """3,000 units over 600 articles, every target new English."""
    from hanoi_creative.translations import exchange, files
    from hanoi_creative.translations.models import TranslatableItem
    from news.models import ArticlePage

    stamp = str(time.time_ns())[-9:]
    pks = list(ArticlePage.objects.order_by("-pk").values_list("pk", flat=True)[:ARTICLES])
    items = TranslatableItem.objects.filter(
        content_type__model="articlepage", object_id__in=[str(pk) for pk in pks]
    )
    exported, units = [], 0
    for item in items.select_related("content_type"):
        export = exchange.export_item(item)
        if export is None:
            continue
        kept = []
        for fld in export.fields:
            if fld.name not in ("title", "lead", "body"):
                continue
            for unit in fld.units:
                # New English everywhere, so every field is written (from the Vietnamese, so
                # that repeated runs do not grow the text).
                unit.target = f"{unit.source} EN {stamp}"
            kept.append(fld)
        export.fields = kept
        units += sum(len(fld.units) for fld in kept)
        exported.append(export)
    return files.export("xliff", exported), units, len(exported)


def unknown_file(handle, size=20 * 1024 * 1024 - 4096):
    """Write a ~20 MB XLIFF naming only unknown items to ``handle``, a piece at a time (the
    process's peak memory is then the import's, not the generator's); returns the item count."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
    )
    handle.write(head)
    total, number = len(head), 0
    while total < size:
        chunk = (
            f'<file original="news.articlepage:{10_000_000 + number}" source-language="vi" '
            'target-language="en" datatype="plaintext"><body><trans-unit id="title">'
            "<source>Tin tức</source><target>News</target></trans-unit></body></file>"
        ).encode()
        handle.write(chunk)
        total += len(chunk)
        number += 1
    handle.write(b"</xliff>")
    handle.seek(0)
    return number


def run_case(case):
    setup_django()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files import File
    from django.utils import translation

    from hanoi_creative.newsroom.roles import EDITORS, group_name
    from hanoi_creative.translations import tasks
    from hanoi_creative.translations.models import ImportRun

    User = get_user_model()
    editor, _created = User.objects.get_or_create(username=MARKER, defaults={"email": "bench@localhost"})
    editor.groups.add(Group.objects.get(name=group_name(EDITORS)))
    with tempfile.TemporaryFile() as handle:
        if case == "valid":
            data, units, items = valid_file()
            handle.write(data)
            handle.seek(0)
            del data
        else:
            items = units = unknown_file(handle)
        upload = File(handle, name="bench.xlf")
        size_mb = upload.size / 1024 / 1024
        with translation.override("en"):
            run = tasks.start_import(upload, editor)
    started = time.perf_counter()
    tasks.run_import(ImportRun.objects.get(pk=run.pk))
    elapsed = time.perf_counter() - started
    run.refresh_from_db()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{case}: {size_mb:.1f} MB file, {units} units over {items} items -> {run.state} "
        f"in {elapsed:.1f} s; {run.problem_count} problems; summary {run.summary}; "
        f"peak RSS of the process {peak_mb:.0f} MB"
    )


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--case":
        run_case(sys.argv[2])
        return
    setup_django()
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    prepare()
    connection.close()
    cases = sys.argv[1:] or ["valid", "unknown"]
    for case in cases:
        subprocess.run([sys.executable, __file__, "--case", case], check=True)


if __name__ == "__main__":
    main()
