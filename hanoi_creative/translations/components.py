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
