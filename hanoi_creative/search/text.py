"""Text folding for accent-insensitive Vietnamese search, and highlighting.

"Hà Nội", "Ha Noi" and "ha noi" are the same words to a reader searching the site. Folding maps
every letter to its ASCII base with ``anyascii`` (which, unlike Unicode decomposition, also maps
"đ" to "d") and lowercases it, so documents and queries meet on the same tokens.
"""

import re
import unicodedata

from anyascii import anyascii
from django.utils.html import escape
from django.utils.safestring import mark_safe

# A word is a run of letters and digits in any script; everything else separates words, as in
# PostgreSQL's parser once punctuation is gone.
_WORD = re.compile(r"[^\W_]+")
_FOLDED_WORD = re.compile(r"[a-z0-9]+")

# The longest query the search form accepts, and the most distinct words it searches for: enough
# for any real question, small enough that a pasted essay cannot make an expensive query.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12


def normalize(text):
    """NFC text without NUL or other control characters (PostgreSQL refuses NUL)."""
    text = unicodedata.normalize("NFC", text or "")
    # isprintable() is false for every control/format character (and for separators other than
    # the space, which are kept): most text passes it and skips the character-by-character pass,
    # which dominates the cost of indexing many pages.
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return text
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text)


def words(text):
    """The words of ``text`` (accents kept) joined by single spaces."""
    return " ".join(_WORD.findall(normalize(text)))


def fold(text):
    """ASCII, lowercase, punctuation-free form of ``text``: "Thành phố, Hà Nội" -> "thanh pho ha noi"."""
    return " ".join(_FOLDED_WORD.findall(anyascii(words(text)).lower()))


def fold_word(word):
    return "".join(_FOLDED_WORD.findall(anyascii(word).lower()))


def query_terms(query):
    """Distinct folded words of a query, in order, at most ``MAX_TERMS``."""
    terms = []
    for term in fold(query).split():
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def highlight(text, terms):
    """``text`` escaped, with each word whose folded form is a search term wrapped in <mark>."""
    terms = set(terms)
    text = normalize(text)
    parts, last = [], 0
    for match in _WORD.finditer(text):
        if fold_word(match.group()) in terms:
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def snippet(text, terms, length=30):
    """About ``length`` words of ``text`` around the first search term, highlighted.

    Falls back to the opening words when no term is in the text (the match was in the title).
    """
    tokens = normalize(text).split()
    if not tokens:
        return ""
    terms = set(terms)
    first = next((i for i, token in enumerate(tokens) if terms & set(fold(token).split())), 0)
    start = max(0, first - length // 3)
    end = min(len(tokens), start + length)
    start = max(0, min(start, end - length))
    excerpt = " ".join(tokens[start:end])
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(escape(prefix) + highlight(excerpt, terms) + escape(suffix))
