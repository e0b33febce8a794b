"""Choosing the file format: by name on export, by content on import."""

from django.utils.translation import gettext as _

from . import po, xliff
from .exchange import Refused

FORMATS = {"xliff": ("application/x-xliff+xml", "xlf"), "po": ("text/x-gettext-translation", "po")}


def export(file_format, items):
    """Bytes of the export file."""
    if file_format == "xliff":
        return xliff.export(items)
    if file_format == "po":
        return po.export(items).encode("utf-8")
    raise ValueError(f"unknown format {file_format!r}")


def detect(data):
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return "xliff" if head.startswith(b"<") else "po"


def parse(data):
    """ImportedUnits from the bytes of an XLIFF or PO file."""
    if not data.strip():
        raise Refused.file(_("the file is empty"))
    if detect(data) == "xliff":
        return xliff.parse(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refused.file(_("a PO file must be UTF-8")) from error
    return po.parse(text)
