from pathlib import Path

from django.core.management.base import BaseCommand
from lxml import etree
from tqdm import tqdm

from hanoi_creative.translations.glossary import plain
from hanoi_creative.translations.models import MemorySegment
from hanoi_creative.translations.registry import SOURCE, TARGET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx(rows, progress=None):
    """TMX 1.4 bytes for memory rows: one <tu> per pair, its origin as a property.

    Rich-text segments go out as plain text (their inline codes are the site's own numbering,
    meaningless to another tool); the texts match as CAT tools compare them.
    """
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        attrib={
            "creationtool": "hanoi-creative",
            "creationtoolversion": "1",
            "segtype": "paragraph",
            "o-tmf": "hanoi-creative",
            "adminlang": "en",
            "srclang": SOURCE,
            "datatype": "plaintext",
        },
    )
    body = etree.SubElement(root, "body")
    for row in rows:
        tu = etree.SubElement(
            body, "tu", tuid=str(row.pk), changedate=row.updated_at.strftime("%Y%m%dT%H%M%SZ")
        )
        etree.SubElement(tu, "prop", type="x-origin").text = f"{row.origin_key}#{row.origin_path}"
        for language, text in ((SOURCE, row.source), (TARGET, row.target)):
            tuv = etree.SubElement(tu, "tuv", attrib={XML_LANG: language})
            etree.SubElement(tuv, "seg").text = plain(row.kind, text)
        if progress:
            progress()
    etree.indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


class Command(BaseCommand):
    help = "Export the whole translation memory as TMX 1.4 for CAT tools."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="File to write ('-' for standard output).")

    def handle(self, *args, **options):
        from django.utils import timezone

        total = MemorySegment.objects.count()
        rows = MemorySegment.objects.order_by("pk").iterator(chunk_size=2000)
        with tqdm(total=total, desc="Export", unit="segment", disable=None) as bar, timezone.override("UTC"):
            data = tmx(rows, progress=bar.update)
        if options["output"] == "-":
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            Path(options["output"]).write_bytes(data)
        self.stderr.write(f"Exported {total} segments to {options['output']}.")
