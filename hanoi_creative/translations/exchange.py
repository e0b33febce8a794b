"""Translation units out (export) and back in (import), whatever the file format.

Import is two-phase: ``plan`` checks every unit of the file against the current content and
raises ``Refused`` listing every unit that failed and why, before anything is written; only a
clean plan is applied, in one transaction. A unit whose English equals what is already stored
is not written, so importing an unchanged export leaves every field byte-identical.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.models import Page

from . import richtext, segments, status
from .models import FieldTranslation, Status, TranslatableItem
from .registry import STREAM, field_spec, field_specs, item_key, resolve_item_key, target_name
from .slugs import fill_slug


# ---------------------------------------------------------------------------------------- export
@dataclass
class ExportUnit:
    path: str
    kind: str  # "text" or "html"
    source: str
    target: str | None
    needs_review: bool
    previous: str | None
    label: str
    elements: list = field(default_factory=list)


@dataclass
class ExportField:
    name: str
    label: str
    status: str
    units: list
    groups: dict  # "<field>.<block id>" -> block type, for StreamField structure


@dataclass
class ExportItem:
    key: str
    title: str
    type_label: str
    section: str
    fields: list


def export_item(item, statuses=None):
    """The units of one desk item (optionally only fields in ``statuses``), or None."""
    obj = item.get_object()
    if obj is None:
        return None
    content = status.latest_content(obj)
    rows = {row.field: row for row in item.fields.all()}
    fields = []
    for spec in field_specs(type(obj)):
        row = rows.get(spec.name)
        if row is None or (statuses and row.status not in statuses):
            continue
        source = segments.source_value(spec, content)
        pairs = segments.field_segments(spec, source, segments.target_value(spec, content))
        previous = {}
        if row.status == Status.OUTDATED and row.source_snapshot:
            old = segments.deserialize(spec, row.source_snapshot)
            previous = {seg.path: seg.text for seg, _t in segments.field_segments(spec, old, None)}
        units = []
        for segment, target in pairs:
            before = previous.get(segment.path) if row.status == Status.OUTDATED else None
            changed = row.status == Status.OUTDATED and before != segment.text
            units.append(
                ExportUnit(
                    path=segment.path,
                    kind=segment.kind,
                    source=segment.text,
                    target=target,
                    needs_review=bool(target) and changed,
                    previous=before if changed else None,
                    label=segment.label,
                    elements=segment.elements,
                )
            )
        groups = {}
        if spec.kind == STREAM:
            groups = {
                f"{spec.name}.{block.get('id')}": block.get("type")
                for block in source
                if isinstance(block, dict)
            }
        if units:
            fields.append(ExportField(spec.name, str(spec.label), row.status, units, groups))
    if not fields:
        return None
    return ExportItem(item.key, item.title, str(type(obj)._meta.verbose_name), item.section, fields)


def select_items(statuses=None, sections=None, models=None, keys=None):
    queryset = TranslatableItem.objects.select_related("content_type")
    if statuses:
        queryset = queryset.filter(fields__status__in=statuses).distinct()
    if sections:
        queryset = queryset.filter(section__in=sections)
    if models:
        queryset = queryset.filter(content_type__in=models)
    if keys is not None:
        queryset = queryset.filter(pk__in=keys)
    return queryset.order_by("section", "content_type__app_label", "content_type__model", "object_id")


# ---------------------------------------------------------------------------------------- import
@dataclass
class ImportedUnit:
    key: str  # item key, "core.standardpage:5"
    path: str  # segment path, "body.<id>.0"
    source: str | None
    target: str | None
    confirmed: bool
    where: str  # how the file names the unit, for messages
    # Markup already found broken or unsafe while reading the file format.
    error: str | None = None


class Refused(Exception):
    """The file changes nothing: ``errors`` is a list of (where, why)."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("; ".join(f"{where}: {why}" for where, why in errors))

    @classmethod
    def file(cls, reason):
        """A refusal of the file as a whole (it cannot be read, or is cut short)."""
        return cls([(pgettext("import location", "file"), reason)])


@dataclass
class FieldPlan:
    spec: object
    value: object = None
    write: bool = False
    confirm: bool = False


@dataclass
class ItemPlan:
    obj: object
    fields: dict = field(default_factory=dict)


@dataclass
class Plan:
    items: list
    warnings: list
    units: int = 0
    skipped: int = 0

    @property
    def written_fields(self):
        return sum(1 for item in self.items for plan in item.fields.values() if plan.write)

    @property
    def confirmed_fields(self):
        return sum(
            1 for item in self.items for plan in item.fields.values() if plan.confirm and not plan.write
        )


def plan(units, confirm_all=False, progress=None):
    """Validate every unit; return a Plan or raise Refused listing every problem."""
    by_field, warnings = _checked_units(units, progress)
    return _plan_fields(by_field, warnings, confirm_all)


def _checked_units(units, progress=None):
    """Every unit matched to its field and segment and its markup checked, grouped by field;
    raises Refused listing every problem."""
    errors, warnings = [], []
    seen = set()
    objects, by_field = {}, {}
    for unit in units:
        if progress:
            progress()
        if (unit.key, unit.path) in seen:
            errors.append((unit.where, _("the unit appears twice in the file")))
            continue
        seen.add((unit.key, unit.path))
        if unit.error:
            errors.append((unit.where, unit.error))
            continue
        if unit.key not in objects:
            objects[unit.key] = resolve_item_key(unit.key)
        obj = objects[unit.key]
        if obj is None:
            errors.append((unit.where, _("unknown unit: there is no item %(key)s") % {"key": unit.key}))
            continue
        spec = field_spec(type(obj), unit.path.split(".", 1)[0])
        if spec is None:
            errors.append(
                (unit.where, _("unknown unit: %(path)s is not a translatable field") % {"path": unit.path})
            )
            continue
        entry = by_field.get((unit.key, spec.name))
        if entry is None:
            content = status.latest_content(obj)
            source = segments.source_value(spec, content)
            pairs = segments.field_segments(spec, source, segments.target_value(spec, content))
            entry = {
                "obj": obj,
                "spec": spec,
                "source": source,
                "pairs": pairs,
                "by_path": {seg.path: (seg, target) for seg, target in pairs},
                "units": {},
            }
            by_field[(unit.key, spec.name)] = entry
        found = entry["by_path"].get(unit.path)
        if found is None:
            errors.append(
                (
                    unit.where,
                    _(
                        "unknown unit: %(path)s is not in the current Vietnamese text "
                        "(it may have changed since the export)"
                    )
                    % {"path": unit.path},
                )
            )
            continue
        segment, _current = found
        if unit.source is not None and unit.source != segment.text:
            errors.append((unit.where, _("the Vietnamese source changed since the export; export again")))
            continue
        if unit.target is None or not unit.target.strip():
            continue
        try:
            if segment.kind == "html":
                features = segments.features_for(spec, entry["source"], unit.path)
                children, notes = richtext.parse_target(unit.target, segment.elements, features)
                for note in notes:
                    warnings.append((unit.where, note))
                translated = children
            else:
                richtext.check_text(unit.target)
                translated = unit.target
        except richtext.InjectionError as error:
            errors.append((unit.where, _("unsafe markup refused (%(reason)s)") % {"reason": error}))
            continue
        except richtext.MarkupError as error:
            errors.append((unit.where, _("broken markup (%(reason)s)") % {"reason": error}))
            continue
        entry["units"][unit.path] = (unit, translated)
    if errors:
        raise Refused(errors)
    return by_field, warnings


def _plan_fields(by_field, warnings, confirm_all):
    """What to do with each field: write the English, confirm it, or leave it as it is."""
    items, count, skipped = {}, 0, 0
    for (key, name), entry in by_field.items():
        units_here = entry["units"]
        count += len(units_here)
        if not units_here:
            continue
        pairs = entry["pairs"]
        changed = any(
            units_here[seg.path][0].target != current for seg, current in pairs if seg.path in units_here
        )
        complete = all(seg.path in units_here for seg, _current in pairs)
        confirmed = confirm_all or all(unit.confirmed for unit, _t in units_here.values())
        field_plan = FieldPlan(entry["spec"])
        if complete and changed:
            translated = {path: value for path, (_unit, value) in units_here.items()}
            field_plan.value = segments.build_value(entry["spec"], entry["source"], translated)
            field_plan.write = True
        elif complete and confirmed and _stored_status(entry["obj"], name) == Status.OUTDATED:
            # The translator checked the English against the new Vietnamese and kept it.
            field_plan.confirm = True
        else:
            if changed:
                warnings.append(
                    (
                        f"{key} {name}",
                        _(
                            "%(done)s of %(total)s segments translated; the field is left "
                            "as it is until all are"
                        )
                        % {"done": len(units_here), "total": len(pairs)},
                    )
                )
            skipped += 1
            continue
        items.setdefault(key, ItemPlan(entry["obj"])).fields[name] = field_plan
    return Plan(list(items.values()), warnings, units=count, skipped=skipped)


def _stored_status(obj, name):
    return (
        FieldTranslation.objects.filter(
            item__content_type__app_label=obj._meta.app_label,
            item__content_type__model=obj._meta.model_name,
            item__object_id=str(obj.pk),
            field=name,
        )
        .values_list("status", flat=True)
        .first()
    )


def _save_page(page, values, user):
    def assign(target):
        for name, value in values.items():
            setattr(target, target_name(name), value)
        fill_slug(target)

    if page.has_unpublished_changes and page.latest_revision_id:
        # The draft carries the editor's newer Vietnamese: the English joins it and goes live
        # with it, never ahead of it.
        draft = page.get_latest_revision_as_object()
        assign(draft)
        draft.save_revision(user=user, log_action=True)
        return
    assign(page)
    revision = page.save_revision(user=user, log_action=True)
    if page.live:
        revision.publish(user=user, log_action=True)


def _save_object(obj, values, user):
    for name, value in values.items():
        setattr(obj, target_name(name), value)
    obj.full_clean()
    obj.save()


def apply(the_plan, user=None, progress=None):
    """Write a validated plan in one transaction; a failure part-way changes nothing."""
    from django.core.exceptions import ValidationError

    try:
        with transaction.atomic():
            for item_plan in the_plan.items:
                obj = item_plan.obj
                values = {name: fp.value for name, fp in item_plan.fields.items() if fp.write}
                if values:
                    if isinstance(obj, Page):
                        _save_page(obj, values, user)
                    else:
                        _save_object(obj, values, user)
                    obj = type(obj)._default_manager.get(pk=obj.pk)
                status.record(
                    obj, confirm={name for name, fp in item_plan.fields.items() if fp.write or fp.confirm}
                )
                if progress:
                    progress()
    except ValidationError as error:
        raise Refused(
            [
                (
                    item_key(obj),
                    _("the translation does not fit the field: %(reason)s")
                    % {"reason": "; ".join(error.messages)},
                )
            ]
        ) from error
    return the_plan
