"""The dashboard panel: English coverage per section as a bar chart (plain HTML and CSS)."""

from wagtail.admin.ui.components import Component

from . import status
from .models import Status
from .registry import section_labels


def coverage_rows():
    counts = status.status_counts()
    labels = section_labels(list(counts))
    rows = []
    for key, section in counts.items():
        total = sum(section.values())
        if not total:
            continue
        rows.append(
            {
                "key": key,
                "label": labels[key],
                "total": total,
                "coverage": round(100 * section[Status.UP_TO_DATE] / total),
                "bars": [
                    {
                        "status": name,
                        "label": label,
                        "count": section[name],
                        "percent": round(100 * section[name] / total, 1),
                    }
                    for name, label in Status.choices
                ],
            }
        )
    return sorted(rows, key=lambda row: (row["coverage"], str(row["label"]).lower()))


class CoveragePanel(Component):
    name = "translation_coverage"
    template_name = "translations/coverage_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        return {"rows": coverage_rows(), "statuses": Status.choices}


REVIEW_LIST_LENGTH = 8


def translation_reviews(user):
    """Task states this user may approve whose workflow a translator started (newest first).

    A translator's English for a live page is submitted through the page's own workflow
    ("Duyệt bài / Editorial review"); these are those submissions.
    """
    from wagtail.models import TaskState

    from hanoi_creative.newsroom.roles import TRANSLATORS, group_name

    return (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__requested_by__groups__name=group_name(TRANSLATORS))
        .select_related("revision", "revision__user", "workflow_state__requested_by")
        .order_by("-started_at")
        .distinct()
    )


class TranslationReviewPanel(Component):
    name = "translations_awaiting_review"
    template_name = "translations/review_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        from wagtail.models import Page

        states = translation_reviews(self.user)
        count = states.count()
        latest = list(states[:REVIEW_LIST_LENGTH])
        ids = [int(state.revision.object_id) for state in latest if state.revision]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).select_related("content_type")}
        rows = [
            {"state": state, "page": pages[int(state.revision.object_id)]}
            for state in latest
            if state.revision and int(state.revision.object_id) in pages
        ]
        return {
            "rows": rows,
            "count": count,
            "more": max(0, count - len(rows)),
            "request": parent_context.get("request"),
            "csrf_token": parent_context.get("csrf_token"),
        }
