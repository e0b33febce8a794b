"""What changed in the Vietnamese since the English was last saved, segment by segment.

Lines are segments (a title, a paragraph, a heading); a changed line is compared word by word,
so a translator sees the edited words, not a whole rewritten paragraph.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import segments

_WORDS = re.compile(r"\s+|[^\s]+")


def _words(old, new):
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    old_out, new_out = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        before, after = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            old_out.append(before)
            new_out.append(after)
            continue
        if before:
            old_out.append(f"<del>{before}</del>")
        if after:
            new_out.append(f"<ins>{after}</ins>")
    return mark_safe("".join(old_out)), mark_safe("".join(new_out))


def line_diff(old_lines, new_lines):
    """Rows of {"op", "old", "new"} (HTML-safe) for two lists of lines; [] when equal."""
    rows = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    if matcher.ratio() == 1.0 and old_lines == new_lines:
        return []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(
                {"op": "equal", "old": escape(line), "new": escape(line)} for line in old_lines[i1:i2]
            )
        elif op == "replace":
            old_part, new_part = old_lines[i1:i2], new_lines[j1:j2]
            for index in range(max(len(old_part), len(new_part))):
                if index < len(old_part) and index < len(new_part):
                    old_html, new_html = _words(old_part[index], new_part[index])
                    rows.append({"op": "replace", "old": old_html, "new": new_html})
                elif index < len(old_part):
                    rows.append(
                        {"op": "delete", "old": mark_safe(f"<del>{escape(old_part[index])}</del>"), "new": ""}
                    )
                else:
                    rows.append(
                        {"op": "insert", "old": "", "new": mark_safe(f"<ins>{escape(new_part[index])}</ins>")}
                    )
        elif op == "delete":
            rows.extend(
                {"op": "delete", "old": mark_safe(f"<del>{escape(line)}</del>"), "new": ""}
                for line in old_lines[i1:i2]
            )
        else:
            rows.extend(
                {"op": "insert", "old": "", "new": mark_safe(f"<ins>{escape(line)}</ins>")}
                for line in new_lines[j1:j2]
            )
    return rows


def field_diff(spec, snapshot, current):
    """Diff rows between the snapshot (text as stored) and the current Vietnamese value."""
    old = segments.readable_lines(spec, segments.deserialize(spec, snapshot))
    new = segments.readable_lines(spec, current)
    return line_diff(old, new)
