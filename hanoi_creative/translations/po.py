"""gettext PO files: one entry per segment, ``msgctxt`` naming the unit.

Outdated segments are ``fuzzy`` with the Vietnamese they were translated from as
``#| msgid``, as gettext tools expect; like gettext, a fuzzy entry's translation is not used
until the translator clears the flag. The header states how many units were exported, so a
truncated file is caught even when it still parses.
"""

import re
from urllib.parse import unquote

import polib
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .exchange import ImportedUnit, Refused
from .registry import SOURCE, TARGET

UNIT_COUNT = "X-Translation-Units"
# The last entry of every export, already translated: a file cut anywhere before its end loses
# it, which the unit count alone would not notice when the cut falls between two lines.
END_CONTEXT = "hanoi-creative#end-of-file"
END_TEXT = "End of the export file"


def _context(key, path):
    return f"{key}#{path}"


def export(items):
    """PO text (str) for a list of exchange.ExportItem."""
    po = polib.POFile(wrapwidth=0)
    entries = []
    for item in items:
        for fld in item.fields:
            for unit in fld.units:
                comment = f"{item.type_label}: {item.title} · {fld.label}"
                if unit.label and unit.label != fld.label:
                    comment += f" · {unit.label}"
                entries.append(
                    polib.POEntry(
                        msgctxt=_context(item.key, unit.path),
                        msgid=unit.source,
                        msgstr=unit.target or "",
                        comment=comment,
                        flags=["fuzzy"] if unit.needs_review else [],
                        previous_msgid=unit.previous if unit.needs_review and unit.previous else None,
                    )
                )
    po.metadata = {
        "Project-Id-Version": "hanoi-creative",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": TARGET,
        "X-Source-Language": SOURCE,
        UNIT_COUNT: str(len(entries)),
    }
    po.extend(entries)
    po.append(
        polib.POEntry(
            msgctxt=END_CONTEXT,
            msgid=END_TEXT,
            msgstr=END_TEXT,
            comment="Marks the end of the file; leave it as it is.",
        )
    )
    return str(po) + "\n"


_STRING = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(
    rf"^(?:\s*|#.*|(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_STRING}\s*|(?:#~\s*)?{_STRING}\s*)$"
)


def _at_line(number):
    return pgettext("import location", "line %(number)s") % {"number": number}


def check_syntax(text):
    """Refuse what polib would quietly accept: a file cut in the middle of a line."""
    if text and not text.endswith("\n"):
        raise Refused.file(_("the file does not end with a newline: it looks truncated"))
    for number, line in enumerate(text.splitlines(), start=1):
        if not _LINE.match(line):
            raise Refused(
                [(_at_line(number), _("not valid PO syntax: the file may be truncated or damaged"))]
            )


def parse(text):
    check_syntax(text)
    try:
        po = polib.pofile(text, encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        reason = _("not a valid PO file, it may be truncated (%(detail)s)") % {"detail": error}
        raise Refused.file(reason) from error
    entries = [entry for entry in po if not entry.obsolete]
    expected = po.metadata.get(UNIT_COUNT)
    if expected is not None:
        end = entries.pop() if entries and entries[-1].msgctxt == END_CONTEXT else None
        if end is None or end.msgid != END_TEXT or end.msgstr != END_TEXT:
            raise Refused.file(_("the file is truncated: its last entry is missing or cut"))
        if not expected.isdigit():
            raise Refused.file(_("the %(header)s header is not a number") % {"header": UNIT_COUNT})
        if int(expected) != len(entries):
            reason = _("the file is truncated or damaged: %(expected)s units exported, %(found)s found")
            raise Refused.file(reason % {"expected": expected, "found": len(entries)})
    units = []
    for entry in entries:
        where = _at_line(entry.linenum) + (f" ({entry.msgctxt})" if entry.msgctxt else "")
        named = entry.msgctxt if "#" in (entry.msgctxt or "") else _location(entry)
        key, _sep, path = (named or "").partition("#")
        fuzzy = "fuzzy" in entry.flags
        units.append(
            ImportedUnit(
                key=key,
                path=path,
                source=entry.msgid,
                # gettext's rule: a fuzzy translation is a suggestion, not a translation.
                target=None if fuzzy else entry.msgstr,
                confirmed=not fuzzy and bool(entry.msgstr),
                where=where,
                error=None if named else _("unknown unit: the entry has no msgctxt naming its unit"),
            )
        )
    return units


def _location(entry):
    """ "<key>#<path>" from a ``#:`` location (translate-toolkit's xliff2po writes our XLIFF's
    location context there, with "#" as "%23"), else None."""
    for place, _line in entry.occurrences:
        text = unquote(place or "")
        if "#" in text and ":" in text.split("#", 1)[0]:
            return text
    return None
