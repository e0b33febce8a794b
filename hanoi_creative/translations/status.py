"""Recording translation status when content is saved.

For each translatable field with Vietnamese text:

- no English: *missing*;
- the English changed since the desk last looked (or the translator confirmed it): *up to date*,
  and the Vietnamese at that moment becomes the snapshot later edits are compared with;
- otherwise *outdated* when the Vietnamese differs from that snapshot, *up to date* when not.

The first time the desk sees a field that already has English, it counts as up to date: there
is no record of anything older to compare with.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from hanoi_creative.core import deferred

from . import memory, segments
from .glossary import Glossary, plain
from .models import STATUS_ORDER, FieldTranslation, Status, TranslatableItem
from .registry import field_specs, is_tracked, object_title, section_key


def latest_content(obj):
    """The newest version of an object: its draft revision if it has unpublished changes.

    Editors and translators both work on the draft, so that is what status describes.
    """
    if getattr(obj, "has_unpublished_changes", False) and getattr(obj, "latest_revision_id", None):
        revision = obj.latest_revision
        if revision is not None:
            draft = revision.as_object()
            if type(draft) is type(obj):
                return draft
    return obj


def worst(statuses):
    statuses = set(statuses)
    for status in STATUS_ORDER:
        if status in statuses:
            return status
    return Status.UP_TO_DATE


ROW_FIELDS = (
    "status",
    "source_snapshot",
    "source_hash",
    "current_source_hash",
    "target_hash",
    "translated_at",
    "position",
)


# No savepoint of its own: a failure here fails the caller's transaction anyway.
@transaction.atomic(savepoint=False)
def record(obj, confirm=(), content=None):
    """Update the stored status of ``obj``'s fields from ``content`` (default: its newest
    version). Fields named in ``confirm`` become up to date even if the English is unchanged:
    a translator checked it against the current Vietnamese."""
    model = type(obj)
    if not is_tracked(model) or obj.pk is None:
        return None
    content = content if content is not None else latest_content(obj)
    content_type = ContentType.objects.get_for_model(model)
    section = section_key(obj)
    item, _created = TranslatableItem.objects.select_for_update().get_or_create(
        content_type=content_type,
        object_id=str(obj.pk),
        defaults={"section": section, "title": object_title(content), "status": Status.MISSING},
    )
    existing = {row.field: row for row in item.fields.all()}
    stored = {row.pk: [getattr(row, name) for name in ROW_FIELDS] for row in existing.values()}
    now = timezone.now()
    kept, to_create, to_update = set(), [], []
    # Within an import (core.deferred) the glossary is read once and the memory written once.
    glossary, remembered, issues = deferred.memo(Glossary, Glossary.load), [], 0
    for position, spec in enumerate(field_specs(model)):
        source = segments.source_value(spec, content)
        if segments.is_empty(spec, source):
            continue
        target = segments.target_value(spec, content)
        source_hash = segments.digest(spec, source)
        target_hash = "" if segments.is_empty(spec, target) else segments.digest(spec, target)
        row = existing.get(spec.name)
        is_new = row is None
        if is_new:
            row = FieldTranslation(item=item, field=spec.name)
        if not target_hash:
            row.status = Status.MISSING
            row.source_snapshot, row.source_hash = "", ""
        elif is_new or spec.name in confirm or target_hash != row.target_hash:
            row.status = Status.UP_TO_DATE
            row.source_snapshot = segments.serialize(spec, source)
            row.source_hash = source_hash
            if not is_new or spec.name in confirm:
                row.translated_at = now
        else:
            row.status = Status.UP_TO_DATE if source_hash == row.source_hash else Status.OUTDATED
        if target_hash:
            pairs = segments.field_segments(spec, source, target)
            if glossary:
                issues += sum(
                    1
                    for segment, english in pairs
                    if glossary.problems(plain(segment.kind, segment.text), plain(segment.kind, english))
                )
            fresh = is_new or target_hash != row.target_hash or spec.name in confirm
            if row.status == Status.UP_TO_DATE and fresh:
                # The English was just written or checked against this Vietnamese: remember it.
                remembered.extend(pairs)
        row.current_source_hash = source_hash
        row.target_hash = target_hash
        row.position = position
        kept.add(spec.name)
        (to_create if is_new else to_update).append(row)
    FieldTranslation.objects.bulk_create(to_create)
    for row in to_update:
        # Only rows that changed, only what changed: most saves touch one or two fields, and
        # a bulk_update's CASE expressions cost more to build than these few updates.
        changes = {
            name: getattr(row, name)
            for name, before in zip(ROW_FIELDS, stored[row.pk], strict=True)
            if getattr(row, name) != before
        }
        if changes:
            FieldTranslation.objects.filter(pk=row.pk).update(**changes)
    stale = [name for name in existing if name not in kept]
    if stale:
        item.fields.filter(field__in=stale).delete()
    if not kept:
        # Nothing in Vietnamese to translate yet: not on the desk.
        item.delete()
        return None
    item.status = worst(row.status for row in to_create + to_update)
    item.glossary_issues = issues
    item.title = object_title(content)
    item.section = section
    item.save()
    if remembered and not deferred.defer(memory.remember_all, item.key, (remembered, item.key, item.title)):
        memory.remember(remembered, item.key, item.title)
    return item


def record_each(objs):
    """``record`` for the (model, pk) of objects whose saves were deferred to the end of a
    bulk write, read again (one query per model) as they are now."""
    by_model = {}
    for model, pk in objs:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        for obj in model._default_manager.filter(pk__in=pks):
            record(obj)


def forget(model, pk):
    content_type = ContentType.objects.get_for_model(model)
    TranslatableItem.objects.filter(content_type=content_type, object_id=str(pk)).delete()


def status_counts(queryset=None):
    """{section: {status: count}} over items."""
    queryset = queryset if queryset is not None else TranslatableItem.objects.all()
    counts = {}
    for row in queryset.order_by().values("section", "status").annotate(total=Count("pk")):
        section = counts.setdefault(row["section"], {status: 0 for status in Status.values})
        section[row["status"]] += row["total"]
    return counts
