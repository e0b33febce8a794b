"""Glossary checks: a Vietnamese term requires its English rendering; a name stays as it is.

The terms live in the admin (``GlossaryTerm``, a snippet); they were first seeded from the
programme table of ``data/GLOSSARY.md`` (the project's glossary). Checks work on plain text:
a term is found in the Vietnamese as a whole word, case-insensitively; the English rendering is
looked for case-insensitively anywhere in the English (so "pillars" satisfies "pillar").
"""

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from django.utils.translation import gettext as _

SEED_FILE = Path(__file__).resolve().parent / "data" / "GLOSSARY.md"
SEED_SECTION = "## The programme"
# Names the site never translates; editors add more in the admin.
SEED_NAMES = ("UNESCO", "UCCN")

_TAG = re.compile(r"<[^>]*>")
_PAREN = re.compile(r"\s*\([^)]*\)")


def plain(kind, text):
    """A segment's text without inline markup (rich-text segments carry <b>, <a id=…>)."""
    if kind == "html":
        return unescape(_TAG.sub("", text or ""))
    return text or ""


def _clean(cell, english=False):
    value = _PAREN.sub("", cell).strip()
    if english and value.lower().startswith("the "):
        value = value[4:]
    return value.strip()


def seed_pairs(text=None):
    """[(Vietnamese, English)] from the glossary file's programme table.

    Cells listing several terms ("quận / huyện / phường") pair up one by one; several
    Vietnamese terms with one English rendering all map to it. Parenthesised notes and a
    leading "the" are dropped ("the Capital (Hanoi)" requires "Capital").
    """
    if text is None:
        text = SEED_FILE.read_text(encoding="utf-8")
    pairs, inside = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            inside = line.strip() == SEED_SECTION
            continue
        if not inside or not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("Vietnamese", "---"):
            continue
        sources = [_clean(part) for part in cells[0].split(" / ")]
        targets = [_clean(part, english=True) for part in cells[1].split(" / ")]
        if len(targets) == 1:
            targets = targets * len(sources)
        if len(sources) != len(targets):
            continue
        for source, target in zip(sources, targets, strict=True):
            if source and target and (source, target) not in pairs:
                pairs.append((source, target))
    return pairs


@dataclass(frozen=True)
class Term:
    source: str
    target: str
    do_not_translate: bool
    pattern: re.Pattern

    @classmethod
    def build(cls, source, target, do_not_translate):
        pattern = re.compile(rf"(?<!\w){re.escape(source.strip())}(?!\w)", re.IGNORECASE)
        return cls(source.strip(), (target or "").strip(), do_not_translate, pattern)


class Glossary:
    """The terms, loaded once per request, import or save (one query)."""

    def __init__(self, terms):
        self.terms = [term for term in terms if term.source]
        names = sorted({t.source for t in self.terms if t.do_not_translate}, key=len, reverse=True)
        self.protected = (
            re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names)) if names else None
        )

    @classmethod
    def load(cls):
        from .models import GlossaryTerm

        rows = GlossaryTerm.objects.values_list("source", "target", "do_not_translate")
        return cls([Term.build(*row) for row in rows])

    def __bool__(self):
        return bool(self.terms)

    def problems(self, source, target):
        """Readable problems of one English segment against its Vietnamese (plain texts)."""
        if not target or not target.strip():
            return []
        found = []
        folded = target.casefold()
        for term in self.terms:
            if not term.pattern.search(source):
                continue
            if term.do_not_translate:
                if term.source not in target:
                    found.append(
                        _("“%(name)s” is a name that is not translated: keep it as it is")
                        % {"name": term.source}
                    )
            elif term.target.casefold() not in folded:
                found.append(
                    _("“%(term)s” must be rendered as “%(english)s” (glossary)")
                    % {"term": term.source, "english": term.target}
                )
        return found

    def protected_spans(self, text):
        """[(start, end)] of do-not-translate names in ``text``."""
        if self.protected is None or not text:
            return []
        return [match.span() for match in self.protected.finditer(text)]
