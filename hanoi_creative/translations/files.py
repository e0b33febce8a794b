"""Choosing the file format: by name on export, by content on import.

On import the encoding comes from the file itself: a byte-order mark first (UTF-8, UTF-16,
UTF-32), then for XLIFF the XML declaration (lxml reads it), for PO the header's ``charset``;
UTF-8 otherwise.
"""

import codecs
import re

from django.utils.translation import gettext as _

from . import po, xliff
from .exchange import Refused

FORMATS = {"xliff": ("application/x-xliff+xml", "xlf"), "po": ("text/x-gettext-translation", "po")}

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
PO_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
XML_ENCODING = re.compile(r"""^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2""")


def export(file_format, items, target_mode=None):
    """Bytes of the export file (``target_mode`` applies to XLIFF only)."""
    if file_format == "xliff":
        return xliff.export(items, target_mode=target_mode)
    if file_format == "po":
        return po.export(items).encode("utf-8")
    raise ValueError(f"unknown format {file_format!r}")


def bom_encoding(data):
    """(encoding, length of the mark) from a byte-order mark, or (None, 0)."""
    for mark, encoding in BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None, 0


def detect(data):
    """ "xliff" or "po", from the first characters of the file in its own encoding."""
    encoding, skip = bom_encoding(data)
    head = data[skip : skip + 400]
    text = head.decode(encoding or "utf-8", errors="ignore") if encoding else head.decode("latin-1")
    return "xliff" if text.lstrip(" \t\r\n").startswith("<") else "po"


def check_upload(head):
    """Refuse at once what cannot be a translation file (empty, or neither XLIFF nor text)."""
    if not head.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise Refused.file(_("the file is empty"))
    if detect(head) == "po" and b"\x00" in head[:4096] and bom_encoding(head)[0] is None:
        raise Refused.file(_("this is neither an XLIFF nor a PO file"))


def _po_text(data):
    encoding, skip = bom_encoding(data)
    if encoding is None:
        declared = PO_CHARSET.search(data[:4096])
        encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        if encoding == "charset":
            encoding = "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError as error:
        raise Refused.file(_("unknown character encoding %(encoding)s") % {"encoding": encoding}) from error
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        reason = _("the file is not valid %(encoding)s text (byte %(position)s)")
        raise Refused.file(reason % {"encoding": encoding.upper(), "position": error.start + skip}) from error


def _xml_for_stream(data):
    """The XML as the streaming parser can read it: libxml2 reads UTF-32 whole but not as a
    stream, so a UTF-32 file is passed on in UTF-8, its declaration saying so."""
    encoding, skip = bom_encoding(data)
    if encoding is None or not encoding.startswith("utf-32"):
        return data
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        reason = _("the file is not valid %(encoding)s text (byte %(position)s)")
        raise Refused.file(reason % {"encoding": encoding.upper(), "position": error.start + skip}) from error
    return XML_ENCODING.sub(r'\1"UTF-8"', text, count=1).encode("utf-8")


def parse(data):
    """ImportedUnits from the bytes of an XLIFF or PO file."""
    check_upload(data[:4096])
    if detect(data) == "xliff":
        return xliff.parse(_xml_for_stream(data))
    return po.parse(_po_text(data))
