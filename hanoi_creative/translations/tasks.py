"""Translation imports in the background (django-tasks, the "imports" database queue).

The admin upload only checks the size and stores the file; this task reads it, checks every
unit (publishing progress on the ``ImportRun`` row as it goes), then writes the whole file in
one transaction or nothing. ``make worker`` (``manage.py db_worker --backend imports``) runs it.
"""

import logging
import time

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import exchange, files
from .models import ImportRun

logger = logging.getLogger(__name__)

# Progress is written at most this often (seconds), so a big file is not slowed by it.
PROGRESS_EVERY = 0.5


def start_import(upload, user, dry_run=False):
    """Store the upload, queue its import; return the ImportRun the progress page shows."""
    run = ImportRun.objects.create(
        user=user,
        file_name=upload.name[:255],
        dry_run=dry_run,
        language=translation.get_language() or "vi",
    )
    # Saved in chunks from the upload, not read into memory first.
    upload.seek(0)
    run.stored_path = default_storage.save(f"translation-imports/{run.pk}.upload", upload)
    run.save(update_fields=["stored_path"])
    # The database queue stores the task in the same transaction as the run (if any), so the
    # worker never sees one without the other.
    import_file.enqueue(str(run.pk))
    return run


class _Progress:
    def __init__(self, run):
        self.run = run
        self.count = 0
        self.last = 0.0

    def __call__(self):
        self.count += 1
        now = time.monotonic()
        if now - self.last >= PROGRESS_EVERY:
            self.last = now
            ImportRun.objects.filter(pk=self.run.pk).update(units_done=self.count)


def _problems(pairs):
    return [[str(where), str(why)] for where, why in pairs[: ImportRun.MAX_LISTED]]


def run_import(run):
    """Import ``run``'s stored file in the importer's language; record the outcome on ``run``."""
    user = get_user_model().objects.filter(pk=run.user_id).first() if run.user_id else None
    with translation.override(run.language):
        try:
            with default_storage.open(run.stored_path, "rb") as handle:
                data = handle.read()
            units = files.parse(data)
            del data
            run.state, run.units_total = ImportRun.State.CHECKING, len(units)
            run.save(update_fields=["state", "units_total"])
            the_plan = exchange.plan(units, progress=_Progress(run), user=user)
            run.units_done, run.items_total = len(units), len(the_plan.items)
            if not run.dry_run:
                run.state = ImportRun.State.WRITING
                run.save(update_fields=["state", "units_done", "items_total"])
                exchange.apply(the_plan, user=user)
            run.state = ImportRun.State.DONE
            run.summary = {
                "units": len(units),
                "written": the_plan.written_fields,
                "confirmed": the_plan.confirmed_fields,
                "skipped": the_plan.skipped,
                "outcomes": the_plan.outcomes,
            }
            run.warnings, run.warning_count = _problems(the_plan.warnings), len(the_plan.warnings)
        except exchange.Refused as refusal:
            run.state = ImportRun.State.REFUSED
            run.problems, run.problem_count = _problems(refusal.errors), len(refusal.errors)
        except Exception:
            logger.exception("translation import %s failed", run.pk)
            run.state = ImportRun.State.FAILED
            run.problems = _problems(
                [(_("file"), _("the import stopped on an unexpected error; nothing was changed"))]
            )
            run.problem_count = 1
    run.finished_at = timezone.now()
    run.save()
    if run.stored_path:
        default_storage.delete(run.stored_path)


@task(backend="imports")
def import_file(run_id):
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None or run.finished:
        return
    run_import(run)
