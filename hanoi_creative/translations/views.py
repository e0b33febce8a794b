"""The translation desk in the Wagtail admin: report, per-item view, export and import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required
from wagtail.models import Page

from . import exchange, files, memory, segments, status, tasks
from .diff import field_diff
from .forms import ExportForm, ImportForm, ReportFilterForm
from .glossary import Glossary, plain
from .models import STATUS_ORDER, ImportRun, MemorySegment, Status, TranslatableItem
from .registry import field_specs, section_labels

DESK_PERMISSION = "translations.use_translation_desk"
PAGE_SIZE = 50


def _edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    try:
        from wagtail.snippets.models import get_snippet_models

        if type(obj) in get_snippet_models():
            return reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk])
    except Exception:  # noqa: BLE001 - no edit link is better than a broken page
        return None
    return None


@permission_required(DESK_PERMISSION)
def report(request):
    form = ReportFilterForm(request.GET or None)
    queryset = form.filter(TranslatableItem.objects.select_related("content_type"))
    # Work first: what is missing, then what is outdated, then what is done.
    work_first = Case(
        *(When(status=state, then=Value(rank)) for rank, state in enumerate(STATUS_ORDER)),
        output_field=IntegerField(),
    )
    queryset = queryset.order_by(work_first, "section", "title", "pk")
    paginator = Paginator(queryset, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("p"))
    labels = section_labels({item.section for item in page.object_list})
    rows = [
        {
            "item": item,
            "section": labels.get(item.section, item.section),
            "type": str(item.content_type.model_class()._meta.verbose_name).capitalize()
            if item.content_type.model_class()
            else item.content_type.model,
        }
        for item in page.object_list
    ]
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "translations/report.html",
        {
            "filter_form": form,
            "rows": rows,
            "page_obj": page,
            "paginator": paginator,
            "query": query.urlencode(),
            "export_form": ExportForm(),
            "import_form": ImportForm(),
            "counts": _totals(status.status_counts(queryset)),
        },
    )


def _totals(counts):
    totals = {name: 0 for name in Status.values}
    for section in counts.values():
        for name, value in section.items():
            totals[name] += value
    return totals


def _field_views(item, obj, content, posted=None):
    """Each field's units side by side; units still to translate carry memory matches, and
    every unit with English carries what the glossary finds wrong with it."""
    rows = {row.field: row for row in item.fields.all()}
    glossary = Glossary.load()
    fields, wanted = [], []
    for spec in field_specs(type(obj)):
        row = rows.get(spec.name)
        if row is None:
            continue
        source = segments.source_value(spec, content)
        pairs = segments.field_segments(spec, source, segments.target_value(spec, content))
        previous = None
        if row.status == Status.OUTDATED and row.source_snapshot:
            old = segments.deserialize(spec, row.source_snapshot)
            previous = {seg.path: seg.text for seg, _t in segments.field_segments(spec, old, None)}
        units = []
        for segment, target in pairs:
            value = posted.get(f"t:{segment.path}", "") if posted is not None else (target or "")
            unit = {
                "path": segment.path,
                "source": segment.text,
                "target": value,
                "kind": segment.kind,
                "label": segment.label,
                "rows": min(12, max(2, len(segment.text) // 70 + 1)),
                "problems": glossary.problems(plain(segment.kind, segment.text), plain(segment.kind, value))
                if glossary
                else [],
                "matches": [],
            }
            # Work still to do: no English yet, or the Vietnamese changed under it.
            if not target or (previous is not None and previous.get(segment.path) != segment.text):
                wanted.append(unit)
            units.append(unit)
        fields.append(
            {
                "name": spec.name,
                "label": str(spec.label),
                "status": row,
                "units": units,
                "diff": field_diff(spec, row.source_snapshot, source)
                if row.status == Status.OUTDATED
                else [],
            }
        )
    exact = memory.exact_matches([unit["source"] for unit in wanted])
    for unit in wanted:
        found = exact.get(unit["source"], [])
        unit["matches"] = memory.matches(
            unit["kind"], unit["source"], exact=found, exclude_targets={unit["target"]}
        )
    return fields


def _inserted(request):
    """The form as posted, with one memory match put into its unit (the desk's "Insert"
    button without JavaScript); None when the request names no valid match."""
    path, _sep, pk = request.POST.get("insert", "").rpartition("|")
    if not path or not pk.isdigit():
        return None
    match = MemorySegment.objects.filter(pk=int(pk)).first()
    if match is None:
        return None
    posted = request.POST.copy()
    posted[f"t:{path}"] = match.target
    return posted


@permission_required(DESK_PERMISSION)
def item_view(request, pk):
    item = get_object_or_404(TranslatableItem.objects.select_related("content_type"), pk=pk)
    obj = item.get_object()
    if obj is None:
        raise Http404
    errors, posted, inserted = [], None, None
    if request.method == "POST" and "insert" in request.POST:
        inserted = _inserted(request)
        if inserted is None:
            errors = [(item.title, _("that translation-memory match no longer exists"))]
            posted = request.POST
    elif request.method == "POST":
        posted = request.POST
        units = []
        for key, value in request.POST.items():
            if not key.startswith("t:"):
                continue
            path = key[2:]
            units.append(
                exchange.ImportedUnit(
                    key=item.key,
                    path=path,
                    source=request.POST.get(f"s:{path}"),
                    # Browsers send CRLF from text areas; the stored text uses LF.
                    target=value.replace("\r\n", "\n"),
                    confirmed=True,
                    where=path,
                )
            )
        try:
            plan = exchange.plan(units, confirm_all=True, user=request.user)
            exchange.apply(plan, user=request.user)
        except exchange.Refused as refusal:
            errors = refusal.errors
        except PermissionDenied:
            # Never Wagtail's generic "no access" redirect: say it here, keep the typed text.
            errors = [(item.title, _("you may not save this translation; ask an editor"))]
        else:
            for where, note in plan.warnings:
                messages.warning(request, f"{where}: {note}")
            messages.success(
                request,
                _("Translation saved: %(written)s fields updated, %(confirmed)s confirmed.")
                % {"written": plan.written_fields, "confirmed": plan.confirmed_fields},
            )
            for note in outcome_messages(plan.outcomes):
                messages.info(request, note)
            return redirect("translations:item", pk=item.pk)
        item.refresh_from_db()
    content = status.latest_content(obj)
    response = TemplateResponse(
        request,
        "translations/item.html",
        {
            "item": item,
            "object": obj,
            "section": section_labels([item.section])[item.section],
            "type_label": str(type(obj)._meta.verbose_name).capitalize(),
            "fields": _field_views(item, obj, content, inserted or (posted if errors else None)),
            "errors": errors,
            "edit_url": _edit_url(obj),
            "has_draft": content is not obj,
        },
    )
    if errors:
        response.status_code = 400
    return response


@permission_required(DESK_PERMISSION)
def export_view(request):
    form = ExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose a format for the export."))
        return redirect("translations:report")
    statuses = form.cleaned_data["include"] or None
    filters = ReportFilterForm(request.GET)
    queryset = filters.filter(exchange.select_items(statuses=statuses))
    selected = [value for value in request.GET.getlist("item") if value.isdigit()]
    if selected:
        queryset = queryset.filter(pk__in=selected)
    prefill = exchange.PREFILL_EXACT if form.cleaned_data["prefill"] else None
    items = [
        unit
        for unit in (exchange.export_item(item, statuses=statuses, prefill=prefill) for item in queryset)
        if unit
    ]
    file_format = form.cleaned_data["format"]
    content_type, extension = files.FORMATS[file_format]
    data = files.export(file_format, items, target_mode=form.cleaned_data["target_mode"] or None)
    response = HttpResponse(data, content_type=f"{content_type}; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="translations-{stamp}.{extension}"'
    return response


def outcome_messages(outcomes):
    """What became of the saved English, one sentence per outcome, in the admin's language."""
    notes = []
    if outcomes.get(exchange.PUBLISHED):
        notes.append(
            ngettext(
                "%(count)s page published with its English.",
                "%(count)s pages published with their English.",
                outcomes[exchange.PUBLISHED],
            )
            % {"count": outcomes[exchange.PUBLISHED]}
        )
    if outcomes.get(exchange.SUBMITTED):
        notes.append(
            ngettext(
                "%(count)s live page saved as a new revision and submitted to the editors for "
                "review (Editorial review); it goes live when an editor publishes it.",
                "%(count)s live pages saved as new revisions and submitted to the editors for "
                "review (Editorial review); they go live when an editor publishes them.",
                outcomes[exchange.SUBMITTED],
            )
            % {"count": outcomes[exchange.SUBMITTED]}
        )
    if outcomes.get(exchange.DRAFTED):
        notes.append(
            ngettext(
                "%(count)s page saved in its draft; the English goes live with the draft.",
                "%(count)s pages saved in their drafts; the English goes live with each draft.",
                outcomes[exchange.DRAFTED],
            )
            % {"count": outcomes[exchange.DRAFTED]}
        )
    return notes


@permission_required(DESK_PERMISSION)
def import_view(request):
    """Check the upload's size and format now; import it in the background."""
    if request.method != "POST":
        return redirect("translations:report")
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        response = TemplateResponse(request, "translations/import_result.html", {"form": form})
        response.status_code = 400
        return response
    run = tasks.start_import(form.cleaned_data["file"], request.user, dry_run=form.cleaned_data["dry_run"])
    return redirect("translations:import-run", pk=run.pk)


@permission_required(DESK_PERMISSION)
def import_run_view(request, pk):
    """Progress while the import runs (refreshing itself), then its result."""
    run = get_object_or_404(ImportRun, pk=pk)
    if run.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    summary = run.summary or {}
    context = {
        "run": run,
        "summary": summary,
        "outcome_notes": outcome_messages(summary.get("outcomes", {})),
    }
    response = TemplateResponse(request, "translations/import_run.html", context)
    if run.state == ImportRun.State.REFUSED:
        response.status_code = 400
    return response


@require_POST
def publish_review(request, pk):
    """One action for an editor: approve a translator's submission, which publishes it."""
    from .components import translation_reviews

    state = translation_reviews(request.user).filter(pk=pk).first()
    if state is None:
        messages.error(request, _("This translation is no longer waiting for your review."))
        return redirect("wagtailadmin_home")
    page = state.workflow_state.content_object.specific
    state.specific.approve(user=request.user)
    page.refresh_from_db()
    if page.live and not page.has_unpublished_changes:
        messages.success(request, _("“%(title)s” is published with its English.") % {"title": page.title})
    else:
        messages.success(
            request, _("“%(title)s” is approved and moves to the next review step.") % {"title": page.title}
        )
    return redirect("wagtailadmin_home")
