"""What changed in the Vietnamese since the English was last saved, segment by segment.

Lines are segments (a title, a paragraph, a heading); a changed line is compared word by word,
so a translator sees the edited words, not a whole rewritten paragraph. A segment's inline
markup (``<b>``, ``<i>``, ``<a id="2">``, see richtext.py) is shown as what it is (bold, italic,
an underlined link), never as raw tags; a tag is a token of its own in the comparison, so a
link that moved or a word that became bold still shows as a change.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import segments

_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)\b[^<>]*?(/?)>")
_TOKENS = re.compile(r"<[^<>]*>|\s+|[^\s<]+|<")
# Inline elements as the diff shows them; a link's target stays out of view, as in the desk.
_SHOWN = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "a": "span"}
_SHOWN.update((name, name) for name in ("u", "s", "sub", "sup", "code", "small", "mark"))


def _tag_html(token, changed):
    """Readable HTML for one tag token ("" for tags the diff does not show); an opening tag
    that was added or removed is marked, so a change of formatting shows."""
    closing, name, empty = _TAG.fullmatch(token).groups()
    if name == "br":
        return "<br>"
    shown = _SHOWN.get(name)
    if empty or shown is None:
        return ""
    if closing:
        return f"</{shown}>"
    classes = ["translation-diff__link"] if name == "a" else []
    if changed:
        classes.append("translation-diff__changed")
    return f'<{shown} class="{" ".join(classes)}">' if classes else f"<{shown}>"


def _render(tokens, wrap=None):
    """Markup tokens (text already escaped) as safe HTML; text runs wrapped in ``wrap``
    (del/ins), tags never wrapped, so each column stays as balanced as its segment."""
    out, run = [], []

    def flush():
        if run:
            text = "".join(run)
            out.append(f"<{wrap}>{text}</{wrap}>" if wrap and text.strip() else text)
            run.clear()

    for token in tokens:
        if _TAG.fullmatch(token):
            flush()
            out.append(_tag_html(token, changed=wrap is not None))
        else:
            run.append(escape(token) if token.startswith("<") else token)
    flush()
    return "".join(out)


def readable(line, wrap=None):
    return mark_safe(_render(_TOKENS.findall(line), wrap))


def _words(old, new):
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    old_out, new_out = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            old_out.append(_render(a[i1:i2]))
            new_out.append(_render(b[j1:j2]))
            continue
        old_out.append(_render(a[i1:i2], "del"))
        new_out.append(_render(b[j1:j2], "ins"))
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
                {"op": "equal", "old": readable(line), "new": readable(line)} for line in old_lines[i1:i2]
            )
        elif op == "replace":
            old_part, new_part = old_lines[i1:i2], new_lines[j1:j2]
            for index in range(max(len(old_part), len(new_part))):
                if index < len(old_part) and index < len(new_part):
                    old_html, new_html = _words(old_part[index], new_part[index])
                    rows.append({"op": "replace", "old": old_html, "new": new_html})
                elif index < len(old_part):
                    rows.append({"op": "delete", "old": readable(old_part[index], "del"), "new": ""})
                else:
                    rows.append({"op": "insert", "old": "", "new": readable(new_part[index], "ins")})
        elif op == "delete":
            rows.extend(
                {"op": "delete", "old": readable(line, "del"), "new": ""} for line in old_lines[i1:i2]
            )
        else:
            rows.extend(
                {"op": "insert", "old": "", "new": readable(line, "ins")} for line in new_lines[j1:j2]
            )
    return rows


def field_diff(spec, snapshot, current):
    """Diff rows between the snapshot (text as stored) and the current Vietnamese value."""
    old = segments.readable_lines(spec, segments.deserialize(spec, snapshot))
    new = segments.readable_lines(spec, current)
    return line_diff(old, new)
