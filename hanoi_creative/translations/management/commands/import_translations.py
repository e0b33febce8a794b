from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from hanoi_creative.translations import exchange, files


class Command(BaseCommand):
    help = (
        "Import an XLIFF or PO file of English translations. Every unit is checked first; a file "
        "with any error changes nothing and the command exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, write nothing."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("cannot read %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
            ) from error
        try:
            units = files.parse(data)
            with tqdm(total=len(units), desc="Check", unit="unit", disable=None) as bar:
                plan = exchange.plan(units, progress=lambda: bar.update())
            for where, note in plan.warnings:
                self.stderr.write(_("warning: %(where)s: %(note)s") % {"where": where, "note": note})
            if not options["dry_run"]:
                with tqdm(total=len(plan.items), desc="Write", unit="item", disable=None) as bar:
                    exchange.apply(plan, progress=lambda: bar.update())
        except exchange.Refused as refusal:
            for where, why in refusal.errors:
                self.stderr.write(_("error: %(where)s: %(reason)s") % {"where": where, "reason": why})
            raise CommandError(
                _("%(path)s refused: %(count)s problem(s); nothing was changed.")
                % {"path": path, "count": len(refusal.errors)}
            ) from refusal
        verb = "would change" if options["dry_run"] else "changed"
        self.stdout.write(
            f"{len(units)} units read; {verb} {plan.written_fields} fields and confirmed "
            f"{plan.confirmed_fields} in {len(plan.items)} items; {plan.skipped} fields left as they were."
        )
