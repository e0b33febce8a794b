from django.core.management.base import BaseCommand
from django.utils import translation

from hanoi_creative.translations import status
from hanoi_creative.translations.registry import section_labels


class Command(BaseCommand):
    help = "Show, per section, how many items are missing, outdated and up to date in English."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="en", help="Language of the section names (default: en).")

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            counts = status.status_counts()
            labels = section_labels(list(counts))
            rows = sorted(counts.items(), key=lambda pair: str(labels[pair[0]]).lower())
            headers = ("Section", "Missing", "Outdated", "Up to date", "Coverage")
            table = []
            totals = {"missing": 0, "outdated": 0, "up_to_date": 0}
            for key, section in rows:
                for name in totals:
                    totals[name] += section[name]
                table.append(self._row(str(labels[key]), section))
            table.append(self._row("Total", totals))
            widths = [max(len(str(row[i])) for row in [headers, *table]) for i in range(len(headers))]
            line = "  ".join(
                f"{{:<{widths[0]}}}" if i == 0 else f"{{:>{widths[i]}}}" for i in range(len(headers))
            )
            self.stdout.write(line.format(*headers))
            self.stdout.write("  ".join("-" * width for width in widths))
            for index, row in enumerate(table):
                if index == len(table) - 1:
                    self.stdout.write("  ".join("-" * width for width in widths))
                self.stdout.write(line.format(*row))

    @staticmethod
    def _row(label, section):
        total = sum(section.values())
        coverage = f"{100 * section['up_to_date'] / total:.0f}%" if total else "–"
        return (label, section["missing"], section["outdated"], section["up_to_date"], coverage)
