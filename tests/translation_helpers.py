"""Helpers for the translation desk's tests: the background worker, uploads, desk forms."""

import io

from django.urls import reverse
from wagtail.users.models import UserProfile


def run_import_worker():
    """Run every queued translation import as ``manage.py db_worker --backend imports`` would.

    The worker's own loop closes database connections between tasks, which would end the
    test's transaction; this runs the same claim-and-run steps on the test's connection.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="imports",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().filter(backend_name="imports").first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


def set_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def logged_in(client, user, language):
    """``client`` signed in as ``user`` with the admin in ``language``."""
    set_admin_language(user, language)
    client.force_login(user)
    return client


def upload(client, name, data, **extra):
    """POST a file to the desk's import; returns the response (a redirect to its run page)."""
    handle = io.BytesIO(data)
    handle.name = name
    return client.post(reverse("translations:import"), {"file": handle, **extra})


def import_and_wait(client, name, data, **extra):
    """Upload, let the worker run, and return the run page's response."""
    response = upload(client, name, data, **extra)
    assert response.status_code == 302, response.content[:500]
    run_import_worker()
    return client.get(response["Location"])


def desk_form(client, item, fill):
    """The desk's form data for ``item``, each unit's English from ``fill(unit)`` (None keeps)."""
    response = client.get(reverse("translations:item", args=[item.pk]))
    data = {}
    for field in response.context["fields"]:
        for unit in field["units"]:
            data[f"s:{unit['path']}"] = unit["source"]
            value = fill(unit)
            data[f"t:{unit['path']}"] = unit["target"] if value is None else value
    return data
