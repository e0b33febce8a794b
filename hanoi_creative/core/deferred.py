"""Side work of many saves done once, at the end of a bulk write.

A translation import saves and publishes hundreds of pages in one transaction. Each save would
otherwise, one page at a time: recompute the page's languages (``PageTranslation``), rebuild its
search documents in both search backends (Wagtail's index task and the site search), update the
reference index and queue cache purges. Inside ``deferred()``, the receivers that do this queue
the object instead (``defer``) and each queued action runs once, with every object it was given,
when the block ends: still inside the caller's transaction, so a failure in that work undoes
the whole write. Outside a block ``defer`` returns False and the receiver works at once.

The "default" task queue (``DeferringImmediateBackend``) defers the same way: each distinct task
runs once at the end; Wagtail's search-index and reference-index tasks read their objects in one
query per model (search backends then add them in bulk).
"""

import threading
from contextlib import contextmanager

from django_tasks.backends.immediate import ImmediateBackend

_local = threading.local()


def active():
    return getattr(_local, "batch", None) is not None


@contextmanager
def deferred():
    """Queue deferrable side work inside the block; run each action once when it ends.

    Nested blocks belong to the outermost one. On an exception nothing queued is run.
    """
    if active():
        yield
        return
    batch = _local.batch = {}
    try:
        yield
        # Actions may queue more work (a save inside one); run until nothing is left.
        batch.pop(memo, None)
        while batch:
            action = next(iter(batch))
            action(list(batch.pop(action).values()))
    finally:
        _local.batch = None


def memo(key, compute):
    """``compute()``, remembered under ``key`` until the end of the ``deferred()`` block (a value
    every item of a bulk write shares, such as its section); computed each time outside."""
    batch = getattr(_local, "batch", None)
    if batch is None:
        return compute()
    cache = batch.setdefault(memo, {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def defer(action, key, value):
    """Queue ``value`` for ``action`` (called once with the list of values), keeping the last
    value per ``key``. Returns False, queuing nothing, outside a ``deferred()`` block."""
    batch = getattr(_local, "batch", None)
    if batch is None:
        return False
    queued = batch.setdefault(action, {})
    queued.pop(key, None)  # the newest value goes last, in the order of the latest changes
    queued[key] = value
    return True


def discard(action, key):
    """Drop ``key`` from ``action``'s queue (its caller did the work itself)."""
    batch = getattr(_local, "batch", None)
    if batch is not None and action in batch:
        batch[action].pop(key, None)


def object_key(obj):
    return (obj._meta.label_lower, str(obj.pk))


# ------------------------------------------------------------------------- the default task queue
def _index_objects(calls):
    """Wagtail's ``insert_or_update_object_task`` for many objects: one query and one bulk add
    per backend and model, instead of a lookup and an add per object and backend."""
    from django.apps import apps
    from modelsearch.index import get_search_backends_with_name

    by_model = {}
    for app_label, model_name, pk in calls:
        by_model.setdefault(apps.get_model(app_label, model_name), []).append(pk)
    for model, pks in by_model.items():
        by_type = {}
        # The same check as insert_or_update_object: only what the model's index contains.
        for obj in model.get_indexed_objects().filter(pk__in=pks):
            indexed = obj.get_indexed_instance()
            if indexed is not None:
                by_type.setdefault(type(indexed), []).append(indexed)
        for indexed_model, objs in by_type.items():
            prefetch_relations(objs, _searched_relations(indexed_model))
            for _name, backend in get_search_backends_with_name(with_auto_update=True):
                try:
                    backend.add_bulk(indexed_model, objs)
                except Exception:
                    if not backend.catch_indexing_errors:
                        raise


def _searched_relations(model):
    """The relations a model's search fields read (``get_indexed_objects`` does not prefetch a
    ParentalManyToManyField such as an article's authors)."""
    from modelsearch.index import RelatedFields

    return [field.field_name for field in model.get_search_fields() if isinstance(field, RelatedFields)]


def child_relations(model):
    """What ``serializable_data`` and the reference index read besides the row: modelcluster's
    child relations and ParentalManyToManyFields."""
    from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations

    names = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    return names + [field.name for field in get_all_child_m2m_relations(model)]


def prefetch_relations(objs, names):
    """Prefetch the relations among ``names`` (skipping what is not a relation of the model) for
    ``objs``, all of one model: one query per relation instead of one per object."""
    from django.core.exceptions import FieldDoesNotExist
    from django.db.models import prefetch_related_objects

    if not objs:
        return
    meta = type(objs[0])._meta
    relations = []
    for name in dict.fromkeys(names):
        try:
            field = meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.is_relation and (field.many_to_many or field.one_to_many):
            relations.append(name)
    prefetch_related_objects(objs, *relations)


def _update_references(calls):
    """Wagtail's ``update_reference_index_task`` for many objects: one query per model to read
    them and their child relations, then the same update per object."""
    from django.apps import apps
    from modelcluster.fields import ParentalKey
    from wagtail.models import ReferenceIndex

    by_model = {}
    for app_label, model_name, pk in calls:
        by_model.setdefault(apps.get_model(app_label, model_name), []).append(pk)
    for model, pks in by_model.items():
        if not ReferenceIndex.is_indexed(model):
            continue
        if any(isinstance(field, ParentalKey) for field in model._meta.get_fields()):
            # A child object indexes its parent: Wagtail's task finds it.
            for pk in pks:
                _reference_task().call(model._meta.app_label, model._meta.model_name, pk)
            continue
        objs = list(model._default_manager.filter(pk__in=pks))
        prefetch_relations(objs, child_relations(model))
        for obj in objs:
            ReferenceIndex.create_or_update_for_object(obj)


def _reference_task():
    from wagtail.tasks import update_reference_index_task

    return update_reference_index_task


def _run_tasks(results):
    for backend, result in results:
        ImmediateBackend._execute_task(backend, result)


def _index_task():
    from modelsearch.tasks import insert_or_update_object_task

    return insert_or_update_object_task


def defer_index(obj):
    """Queue ``obj`` for (re)indexing at the end of the block, as its save would; False outside."""
    meta, pk = obj._meta, str(obj.pk)
    key = (_index_objects.__name__, meta.label_lower, pk)
    return defer(_index_objects, key, (meta.app_label, meta.model_name, pk))


class DeferringImmediateBackend(ImmediateBackend):
    """Django's immediate task backend, except inside ``deferred()``: each distinct task call
    (same task, same arguments) then runs once when the block ends."""

    def _execute_task(self, task_result):
        if not active():
            return super()._execute_task(task_result)
        args, kwargs = task_result.args, task_result.kwargs
        for action, task in ((_index_objects, _index_task()), (_update_references, _reference_task())):
            if task_result.task.func is task.func and len(args) == 3 and not kwargs:
                app_label, model_name, pk = args
                defer(action, (action.__name__, f"{app_label}.{model_name}", str(pk)), tuple(args))
                return None
        key = (task_result.task.module_path, repr(args), repr(sorted(kwargs.items())))
        defer(_run_tasks, key, (self, task_result))
        return None
