"""Keep stored status current: every save, publish, draft revision, move and delete."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Revision
from wagtail.signals import page_published, post_page_move

from hanoi_creative.core import deferred

from . import status
from .registry import field_specs, is_tracked


def _tracked_instance(sender, instance):
    if is_tracked(sender):
        return instance
    if sender is Page and isinstance(instance, Page):
        # Saved through the base class (tree operations, unpublish): find its own type.
        model = instance.specific_class
        if model is not None and is_tracked(model):
            return instance.specific
    return None


def _touches_translations(model, update_fields):
    if update_fields is None:
        return True
    columns = {"title", "name"}
    for spec in field_specs(model):
        columns |= spec.column_names | {spec.name}
    return bool(columns & set(update_fields))


def _deferred(model, pk):
    """True when a bulk write (``core.deferred``) records the object once at its end instead."""
    return deferred.defer(status.record_each, (model._meta.label_lower, str(pk)), (model, pk))


def on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    obj = _tracked_instance(sender, instance)
    if obj is None or not _touches_translations(type(obj), update_fields):
        return
    if not _deferred(type(obj), obj.pk):
        status.record(obj)


def on_revision_save(sender, instance, raw=False, created=False, **kwargs):
    # A draft saved in the editor changes what translators must work on.
    if raw or not created:
        return
    model = instance.content_type.model_class() if instance.content_type_id else None
    if model is None or not is_tracked(model):
        return
    if _deferred(model, model._meta.pk.to_python(instance.object_id)):
        return
    content = instance.as_object()
    if type(content) is not model or content.pk is None:
        return
    status.record(content, content=content)


def on_publish(sender, instance, **kwargs):
    obj = _tracked_instance(type(instance), instance)
    if obj is not None and not _deferred(type(obj), obj.pk):
        status.record(obj)


def on_delete(sender, instance, **kwargs):
    if is_tracked(sender):
        status.forget(sender, instance.pk)
    elif sender is Page and instance.content_type_id:
        model = instance.content_type.model_class()
        if model is not None and is_tracked(model):
            status.forget(model, instance.pk)


def on_move(sender, instance, **kwargs):
    # A page moved to another section takes its descendants with it.
    for page in Page.objects.descendant_of(instance, inclusive=True).specific():
        if is_tracked(type(page)):
            status.record(page)


def connect():
    post_save.connect(on_save, dispatch_uid="translations_status_save")
    post_save.connect(on_revision_save, sender=Revision, dispatch_uid="translations_status_revision")
    post_delete.connect(on_delete, dispatch_uid="translations_status_delete")
    page_published.connect(on_publish, dispatch_uid="translations_status_publish")
    post_page_move.connect(on_move, dispatch_uid="translations_status_move")
