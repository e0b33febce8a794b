"""Dashboard panels: what waits for my review, what is scheduled, what was just published,
and which published pages have no English yet. Each shows a count and links, with a fixed
number of queries whatever the size of the newsroom."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState

from hanoi_creative.core.visibility import missing_translation

LIST_LENGTH = 8
RECENT_DAYS = 7


def _pages_by_id(ids):
    pages = Page.objects.filter(pk__in=ids).select_related("content_type")
    return {page.pk: page for page in pages}


class NewsroomPanel(Component):
    template_name = "newsroom/dashboard_panel.html"
    heading = ""
    empty_text = ""
    panel_id = ""

    def get_rows(self, request):
        """Return (count, rows); each row is a dict with page, note and a datetime."""
        raise NotImplementedError

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        count, rows = self.get_rows(request)
        context.update(
            {
                "panel_id": self.panel_id,
                "heading": self.heading,
                "empty_text": self.empty_text,
                "count": count,
                "rows": rows,
                "more": max(0, count - len(rows)),
                "request": request,
            }
        )
        return context


class AwaitingReviewPanel(NewsroomPanel):
    name = "newsroom_awaiting_review"
    panel_id = "newsroom-awaiting-review"
    order = 100
    heading = _("Awaiting my review")
    empty_text = _("Nothing is waiting for your review.")

    def get_rows(self, request):
        states = (
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user", "workflow_state")
            .order_by("-started_at")
        )
        count = states.count()
        latest = list(states[:LIST_LENGTH])
        pages = _pages_by_id([int(state.revision.object_id) for state in latest if state.revision])
        rows = []
        for state in latest:
            page = pages.get(int(state.revision.object_id)) if state.revision else None
            if page is None:
                continue
            rows.append(
                {
                    "page": page,
                    "when": state.started_at,
                    "who": state.revision.user,
                    "note": _("submitted"),
                    "preview_url_name": "wagtailadmin_pages:workflow_preview",
                    "task_state": state,
                }
            )
        return count, rows


class ScheduledPanel(NewsroomPanel):
    name = "newsroom_scheduled"
    panel_id = "newsroom-scheduled"
    order = 110
    heading = _("Scheduled")
    empty_text = _("Nothing is scheduled to go live or expire.")

    def get_rows(self, request):
        now = timezone.now()
        go_live = Revision.page_revisions.filter(approved_go_live_at__isnull=False).order_by(
            "approved_go_live_at"
        )
        expiring = Page.objects.live().filter(expire_at__gt=now).order_by("expire_at")
        count = go_live.count() + expiring.count()
        revisions = list(go_live.values_list("object_id", "approved_go_live_at")[:LIST_LENGTH])
        expiring_pages = list(expiring.select_related("content_type")[:LIST_LENGTH])
        pages = _pages_by_id([int(object_id) for object_id, _when in revisions])
        rows = [
            {"page": pages[int(object_id)], "when": when, "note": _("goes live")}
            for object_id, when in revisions
            if int(object_id) in pages
        ]
        rows += [{"page": page, "when": page.expire_at, "note": _("expires")} for page in expiring_pages]
        rows.sort(key=lambda row: row["when"])
        return count, rows[:LIST_LENGTH]


class RecentlyPublishedPanel(NewsroomPanel):
    name = "newsroom_recently_published"
    panel_id = "newsroom-recently-published"
    order = 120
    heading = _("Recently published")
    empty_text = _("Nothing was published in the last seven days.")

    def get_rows(self, request):
        since = timezone.now() - timedelta(days=RECENT_DAYS)
        pages = Page.objects.live().filter(depth__gt=1, last_published_at__gte=since)
        count = pages.count()
        latest = pages.select_related("content_type").order_by("-last_published_at")[:LIST_LENGTH]
        rows = [
            {"page": page, "when": page.last_published_at, "note": _("published"), "live": True}
            for page in latest
        ]
        return count, rows


class MissingEnglishPanel(NewsroomPanel):
    name = "newsroom_missing_english"
    panel_id = "newsroom-missing-english"
    order = 130
    heading = _("Missing English")
    empty_text = _("Every published page has an English version.")

    def get_rows(self, request):
        pages = missing_translation(Page.objects.live().filter(depth__gt=1), "en")
        count = pages.count()
        latest = pages.select_related("content_type").order_by("-last_published_at")[:LIST_LENGTH]
        rows = [
            {"page": page, "when": page.last_published_at, "note": _("published"), "live": True}
            for page in latest
        ]
        return count, rows


PANELS = (AwaitingReviewPanel, ScheduledPanel, RecentlyPublishedPanel, MissingEnglishPanel)
