"""Translation units out (export) and back in (import), whatever the file format.

Import is two-phase: ``plan`` checks every unit of the file against the current content and
raises ``Refused`` listing every unit that failed and why, before anything is written; only a
clean plan is applied, in one transaction. A unit whose English equals what is already stored
is not written, so importing an unchanged export leaves every field byte-identical.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.models import Page

from hanoi_creative.core import deferred

from . import richtext, segments, status
from .models import FieldTranslation, Status, TranslatableItem
from .registry import (
    SOURCE,
    STREAM,
    TARGET,
    field_spec,
    field_specs,
    item_key,
    resolve_item_keys,
    target_name,
)
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
    # The English came from an exact translation-memory match, not from the page: a suggestion
    # for the translator, who confirms it in their tool before importing.
    prefilled: bool = False

    @property
    def state(self):
        """The unit's state, as XLIFF 1.2 names it (and Weblate reads it)."""
        if not self.target:
            return "needs-translation"
        if self.needs_review:
            return "needs-review-translation"
        return "translated"


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
    # [(kind, address)]: where translators see the item ("x-public-vi", "x-preview", ...).
    context: list = field(default_factory=list)


PREFILL_EXACT = "exact"


def item_context(obj):
    """Addresses that show ``obj`` to a translator: the public pages of a live page (both
    languages where translated), else the admin's draft view or edit form."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    admin = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    found = []
    if isinstance(obj, Page):
        if obj.live:
            for code in (SOURCE, TARGET):
                if code == SOURCE or obj.has_translation(code):
                    with translation.override(code):
                        address = obj.get_full_url()
                    if address:
                        found.append((f"x-public-{code}", address))
        found.append(("x-preview", admin + reverse("wagtailadmin_pages:view_draft", args=[obj.pk])))
        return found
    try:
        from wagtail.snippets.models import get_snippet_models

        if type(obj) in get_snippet_models():
            found.append(("x-edit", admin + reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk])))
    except Exception:  # noqa: BLE001 - an item without an admin address still exports
        pass
    return found


def export_item(item, statuses=None, prefill=None):
    """The units of one desk item (optionally only fields in ``statuses``), or None.

    With ``prefill="exact"``, a unit without English takes the newest exact match from the
    translation memory, marked for review (``prefilled``); nothing is written to the content.
    """
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
    if prefill == PREFILL_EXACT:
        _prefill_exact(fields)
    return ExportItem(
        item.key, item.title, str(type(obj)._meta.verbose_name), item.section, fields, item_context(obj)
    )


def _prefill_exact(fields):
    from . import memory

    empty = [unit for fld in fields for unit in fld.units if not unit.target]
    found = memory.exact_matches([unit.source for unit in empty])
    for unit in empty:
        matches = found.get(unit.source)
        if matches:
            unit.target = matches[0].target
            unit.needs_review = True
            unit.prefilled = True


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
@dataclass(slots=True)
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
    outcomes: dict = field(default_factory=dict)  # PUBLISHED/SUBMITTED/... -> items

    @property
    def written_fields(self):
        return sum(1 for item in self.items for plan in item.fields.values() if plan.write)

    @property
    def confirmed_fields(self):
        return sum(
            1 for item in self.items for plan in item.fields.values() if plan.confirm and not plan.write
        )


def plan(units, confirm_all=False, progress=None, user=None):
    """Validate every unit; return a Plan or raise Refused listing every problem.

    Items are looked up in one query per model (not per key), so a file naming thousands of
    unknown items is refused as fast as it is read. With a ``user``, items they may not edit
    are refused too, before anything is written.
    """
    by_field, warnings = _checked_units(units, progress, user)
    return _plan_fields(by_field, warnings, confirm_all)


def _checked_units(units, progress=None, user=None):
    """Every unit matched to its field and segment and its markup checked, grouped by field;
    raises Refused listing every problem."""
    from .glossary import Glossary, plain

    errors, warnings = [], []
    seen = set()
    by_field = {}
    units = list(units)
    glossary = Glossary.load()
    objects = resolve_item_keys({unit.key for unit in units if not unit.error})
    allowed = {}
    no_item = _("unknown unit: there is no item %(key)s")  # once, not per unit
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
        obj = objects.get(unit.key)
        if obj is None:
            errors.append((unit.where, no_item % {"key": unit.key}))
            continue
        if unit.key not in allowed:
            allowed[unit.key] = may_edit(obj, user)
        if not allowed[unit.key]:
            errors.append((unit.where, _("you may not edit %(title)s") % {"title": str(obj)}))
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
        segment, current = found
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
        except (richtext.InjectionError, richtext.MarkupError) as error:
            if unit.target == current:
                # Already stored like this (the file only carries it back): report it for this
                # unit and leave it, rather than refuse a clean file for it.
                reason = _(
                    "the stored English has unsafe or broken markup (%(reason)s); it is left as it "
                    "is, correct it in the desk"
                )
                warnings.append((unit.where, reason % {"reason": error}))
                continue
            if isinstance(error, richtext.InjectionError):
                errors.append((unit.where, _("unsafe markup refused (%(reason)s)") % {"reason": error}))
            else:
                errors.append((unit.where, _("broken markup (%(reason)s)") % {"reason": error}))
            continue
        if glossary and unit.target != current:
            # A warning, never a refusal: the translator may have a reason.
            english = plain(segment.kind, unit.target)
            for problem in glossary.problems(plain(segment.kind, segment.text), english):
                warnings.append((unit.where, problem))
        entry["units"][unit.path] = (unit, translated)
    if errors:
        raise Refused(errors)
    return by_field, warnings


def _plan_fields(by_field, warnings, confirm_all):
    """What to do with each field: write the English, confirm it, or leave it as it is."""
    items, count, skipped = {}, 0, 0
    stored = _stored_statuses([entry["obj"] for entry in by_field.values()])
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
        elif complete and confirmed and stored.get((key, name)) == Status.OUTDATED:
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


def _stored_statuses(objs):
    """{(item key, field): stored status} for ``objs``, one query per model."""
    by_model = {}
    for obj in objs:
        by_model.setdefault(type(obj), set()).add(str(obj.pk))
    found = {}
    for model, pks in by_model.items():
        rows = FieldTranslation.objects.filter(
            item__content_type__app_label=model._meta.app_label,
            item__content_type__model=model._meta.model_name,
            item__object_id__in=pks,
        ).values_list("item__object_id", "field", "status")
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        for object_id, name, value in rows:
            found[(f"{label}:{object_id}", name)] = value
    return found


# What happened to an item's English, for the messages after a save or an import.
PUBLISHED, SUBMITTED, DRAFTED, SAVED = "published", "submitted", "drafted", "saved"


def may_edit(obj, user):
    """True when ``user`` may store English for ``obj`` (a command-line import has no user)."""
    if user is None:
        return True
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    meta = obj._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def _may_publish(page, user):
    return user is None or page.permissions_for_user(user).can_publish()


def _submit_for_review(page, user):
    """Hand the newest revision to the editors through the page's workflow ("Duyệt bài").

    A workflow already in progress keeps going: approving it publishes the newest revision,
    which now carries the English. Returns False when no workflow covers the page.
    """
    from wagtail.models import WorkflowState

    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
        return True
    workflow = page.get_workflow()
    if workflow is None:
        return False
    workflow.start(page, user)
    return True


def _assign(target, values):
    """Set the English of ``values`` on ``target``; the columns written."""
    columns = [target_name(name) for name in values]
    for name, value in values.items():
        setattr(target, target_name(name), value)
    if isinstance(target, Page):
        slug_field = target_name("slug")
        before = getattr(target, slug_field)
        fill_slug(target)
        if getattr(target, slug_field) != before:
            columns.append(slug_field)
    return columns


def _clean_columns(obj, columns):
    """Validate the written columns as the full clean of a save would (lengths, StreamField
    blocks), without re-checking everything the translation does not touch."""
    names = {f.attname for f in obj._meta.concrete_fields} | {f.name for f in obj._meta.concrete_fields}
    obj.clean_fields(exclude=names - set(columns))


def _save_page(page, values, user, in_place=False, logs=None):
    """Store the English of one page. With ``in_place`` (a live page without a pending draft,
    no workflow in progress, no aliases, that ``user`` may publish) it is published in one
    save: see ``_publish_in_place``."""
    if in_place:
        return _publish_in_place(page, values, user, logs)
    if page.has_unpublished_changes and page.latest_revision_id:
        # The draft carries the editor's newer Vietnamese: the English joins it and goes live
        # with it, never ahead of it.
        target = page.get_latest_revision_as_object()
    else:
        target = page
    _assign(target, values)
    revision = target.save_revision(user=user, log_action=True)
    if not page.live:
        return DRAFTED  # goes live with the page, when an editor publishes it
    if target is page and _may_publish(page, user):
        revision.publish(user=user, log_action=True)
        return PUBLISHED
    if target is not page and _may_publish(page, user):
        return DRAFTED
    return SUBMITTED if _submit_for_review(page, user) else DRAFTED


def _publish_in_place(page, values, user, logs):
    """What ``save_revision`` then ``revision.publish`` do for a live page without a draft,
    with one save of the changed columns instead of two full saves: a new revision (also the
    live one), the page's row, the edit, rename and publish log entries, and Wagtail's
    ``page_published`` and ``published`` signals. The log entries are added to ``logs`` (saved
    together by the caller); the search index, reference index, stored languages and cache
    purges follow once for the whole import (``core.deferred``)."""
    from wagtail.models import Revision
    from wagtail.signals import page_published, published

    old_title = str(page)
    columns = _assign(page, values)
    _clean_columns(page, columns)
    if target_name("slug") in columns:
        page.set_url_path(page.get_parent())
        columns.append(target_name("url_path"))
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=user,
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = page.live_revision = revision
    page.latest_revision_created_at = page.last_published_at = revision.created_at
    page.draft_title = page.title
    page.has_unpublished_changes = False
    bookkeeping = ["latest_revision", "live_revision", "latest_revision_created_at", "last_published_at"]
    page.save(update_fields=[*columns, *bookkeeping, "draft_title", "has_unpublished_changes"], clean=False)
    page_published.send(sender=page.specific_class, instance=page, revision=revision)
    published.send(sender=type(page), instance=page, revision=revision)
    logs.append(_log_entry(page, "wagtail.edit", user, revision, content_changed=True))
    if str(page) != old_title:
        data = {"title": {"old": old_title, "new": str(page)}}
        logs.append(_log_entry(page, "wagtail.rename", user, revision, data=data))
    logs.append(_log_entry(page, "wagtail.publish", user, revision, content_changed=True))
    return PUBLISHED


def _log_entry(page, action, user, revision, data=None, content_changed=False):
    """The unsaved entry Wagtail's ``log()`` would save for ``page`` (same fields, same log
    context), so that an import's entries are written in one statement."""
    from wagtail.log_actions import get_active_log_context
    from wagtail.models import PageLogEntry

    context = get_active_log_context()
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=str(page) or f"{type(page).__name__} object ({page.pk})",
        action=action,
        timestamp=timezone.now(),
        data=data or {},
        user=user or context.user,
        uuid=context.uuid,
        revision=revision,
        content_changed=content_changed,
        page=page,
    )


def _published_in_place(pages, user):
    """The pks of ``pages`` that ``_publish_in_place`` may publish (a few queries in all)."""
    from wagtail.models import WorkflowState

    now = timezone.now()
    candidates = {
        page.pk: page
        for page in pages
        if page.live
        and not page.has_unpublished_changes
        and not page.alias_of_id
        and not (page.go_live_at and page.go_live_at > now)
    }
    if not candidates:
        return set()
    # Publishing would update the aliases and cancel a workflow: Wagtail's own path does that.
    busy = set(Page.objects.filter(alias_of_id__in=candidates).values_list("alias_of_id", flat=True))
    busy |= {
        int(pk)
        for pk in WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=map(str, candidates))
        .values_list("object_id", flat=True)
    }
    if user is not None:
        candidates = {pk: page for pk, page in candidates.items() if _may_publish(page, user)}
    _prefetch_tree(list(candidates.values()))
    return set(candidates) - busy


def _prefetch_tree(pages):
    """What each page's save asks of the tree, answered for all pages at once: whether it is a
    site root, and its parent (a first translation sets the English URL path from it)."""
    from wagtail.models import Site

    roots = set(Site.objects.values_list("root_page__translation_key", flat=True))
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=parent_paths)}
    for page in pages:
        page._is_site_root = page.translation_key in roots
        if page.path[: -Page.steplen] in parents:
            page._cached_parent_obj = parents[page.path[: -Page.steplen]]


def _save_object(obj, values, user):
    for name, value in values.items():
        setattr(obj, target_name(name), value)
    obj.full_clean()
    obj.save()
    return SAVED


def apply(the_plan, user=None, progress=None):
    """Write a validated plan in one transaction; a failure part-way changes nothing.

    Pages a user may publish go live at once (or join their pending draft); a translator's
    English on a live page is stored as a revision and submitted to the editors. The work
    every save would repeat per page (search documents, stored languages, reference index,
    cache purges) runs once at the end, inside the same transaction (``core.deferred``); the
    page cache moves to a new generation once, when it commits.
    """
    from django.core.exceptions import ValidationError
    from wagtail.models import PageLogEntry

    from hanoi_creative.core.invalidation import notify

    changed_objects, confirmed_pages, logs = [], [], []
    obj = None
    try:
        with transaction.atomic(), deferred.deferred():
            writing = [item.obj for item in the_plan.items if any(fp.write for fp in item.fields.values())]
            in_place = _published_in_place([obj for obj in writing if isinstance(obj, Page)], user)
            by_model = {}
            for page in writing:
                if page.pk in in_place:
                    by_model.setdefault(type(page), []).append(page)
            for model, pages in by_model.items():
                # What each page's revision serializes, read for all of them at once.
                deferred.prefetch_relations(pages, deferred.child_relations(model))
            for item_plan in the_plan.items:
                obj = item_plan.obj
                values = {name: fp.value for name, fp in item_plan.fields.items() if fp.write}
                if not values and isinstance(obj, Page) and obj.live:
                    # Confirming the English changes no content but ends the readers' "outdated"
                    # notice, which cached pages show.
                    confirmed_pages.append(obj)
                if values:
                    if isinstance(obj, Page):
                        outcome = _save_page(obj, values, user, in_place=obj.pk in in_place, logs=logs)
                        if obj.pk not in in_place:
                            obj = type(obj)._default_manager.get(pk=obj.pk)
                    else:
                        outcome = _save_object(obj, values, user)
                        changed_objects.append(obj)
                    the_plan.outcomes[outcome] = the_plan.outcomes.get(outcome, 0) + 1
                # The import records each item once (its saves' own records are dropped).
                deferred.discard(status.record_each, deferred.object_key(obj))
                status.record(
                    obj, confirm={name for name, fp in item_plan.fields.items() if fp.write or fp.confirm}
                )
                if progress:
                    progress()
            PageLogEntry.objects.bulk_create(logs)
            if changed_objects or confirmed_pages:
                # Snippets and images have no publish signal: tell the caches once, on commit.
                transaction.on_commit(lambda: notify(pages=confirmed_pages, objects=changed_objects))
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


def import_units(units, user=None, dry_run=False, confirm_all=False):
    the_plan = plan(units, confirm_all=confirm_all, user=user)
    if not dry_run:
        apply(the_plan, user=user)
    return the_plan
