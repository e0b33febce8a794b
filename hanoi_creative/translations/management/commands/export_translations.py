from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from hanoi_creative.translations import exchange, files, xliff
from hanoi_creative.translations.models import Status


class Command(BaseCommand):
    help = "Export translatable content as XLIFF 1.2 or gettext PO for translators' own tools."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(files.FORMATS), default="xliff")
        parser.add_argument("--output", required=True, help="File to write ('-' for standard output).")
        parser.add_argument(
            "--status", default="", help="Comma list of missing, outdated, up_to_date (default: every field)."
        )
        parser.add_argument(
            "--section", action="append", default=[], help="Only this section key (repeatable)."
        )
        parser.add_argument(
            "--prefill",
            choices=[exchange.PREFILL_EXACT],
            help="Fill English-less units from exact translation-memory matches, marked for review.",
        )
        parser.add_argument(
            "--target-mode",
            choices=xliff.TARGET_MODES,
            help="XLIFF: untranslated units get the Vietnamese as target (copy, for OmegaT) or an "
            "empty target (empty, for Okapi/Trados); default: no target.",
        )

    def handle(self, *args, **options):
        statuses = [
            s.strip().replace("-", "_").replace(" ", "_") for s in options["status"].split(",") if s.strip()
        ]
        unknown = [s for s in statuses if s not in Status.values]
        if unknown:
            raise CommandError(f"unknown status {', '.join(unknown)}; use {', '.join(Status.values)}")
        items = list(exchange.select_items(statuses=statuses, sections=options["section"] or None))
        exported = []
        for item in tqdm(items, desc="Export", unit="item", disable=None):
            unit = exchange.export_item(item, statuses=statuses or None, prefill=options["prefill"])
            if unit is not None:
                exported.append(unit)
        data = files.export(options["format"], exported, target_mode=options["target_mode"])
        if options["output"] == "-":
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            Path(options["output"]).write_bytes(data)
        units = sum(len(f.units) for item in exported for f in item.fields)
        self.stderr.write(f"Exported {units} units from {len(exported)} items to {options['output']}.")
