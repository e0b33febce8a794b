"""Translation memory: Vietnamese segments and the English they were translated into.

What is stored are the segment pairs the exchange already produces (``segments.field_segments``),
taken from fields whose English is up to date, so an outdated English never passes for the
translation of the new Vietnamese. Lookups read indexes only:

- exact: ``source_hash`` (SHA-256 of the segment text as stored);
- fuzzy: the similarity is difflib's ratio over the words (Vietnamese syllables) of the
  lower-cased plain text. At least ``MIN_SCORE`` cannot hold between texts whose word counts
  differ by more than a factor of 0.6, so candidates share the first or the last word and fall
  in that band, nearest word count first (four range scans of the (word, length) indexes, up and
  down from the segment's own count, ``MAX_CANDIDATES`` rows in all), then they are ranked in
  Python. A match whose first and last words both changed is not proposed: that is the price of
  never reading the whole table.
"""

import hashlib
import math
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import IntegrityError, transaction

from .glossary import plain
from .models import MemorySegment

MIN_SCORE = 0.75
MAX_CANDIDATES = 240
MAX_MATCHES = 5
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def digest(text):
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def normalise(kind, text):
    return _SPACE.sub(" ", plain(kind, text)).strip().casefold()


def words(kind, text):
    return _WORD.findall(normalise(kind, text))


def _edges(tokens):
    if not tokens:
        return "", ""
    return tokens[0][:40], tokens[-1][:40]


@dataclass
class Match:
    score: int  # percent
    target: str
    source: str
    origin_key: str
    origin_path: str
    origin_title: str
    pk: int

    @property
    def exact(self):
        return self.score == 100


def _row(kind, source, target, origin_key, origin_path, origin_title):
    tokens = words(kind, source)
    first, last = _edges(tokens)
    return MemorySegment(
        source=source,
        target=target,
        kind=kind,
        source_hash=digest(source),
        target_hash=digest(target),
        length=len(tokens),
        first_word=first,
        last_word=last,
        origin_key=origin_key[:120],
        origin_path=origin_path[:255],
        origin_title=(origin_title or "")[:255],
    )


def remember(pairs, origin_key, origin_title):
    """Store (segment, English) pairs of one item; a pair already known takes the new origin."""
    return remember_all([(pairs, origin_key, origin_title)])


def remember_all(batches):
    """Store the pairs of several items, [(pairs, origin key, origin title)]: two queries (a
    lookup of the known pairs, then an insert) whatever their number, plus one update per known
    pair whose origin changed. An import remembers all its items at once (core.deferred)."""
    rows = {}
    for pairs, origin_key, origin_title in batches:
        for segment, target in pairs:
            if not target or not target.strip() or not segment.text.strip():
                continue
            row = _row(segment.kind, segment.text, target, origin_key, segment.path, origin_title)
            rows[(row.source_hash, row.target_hash)] = row
    if not rows:
        return 0
    known = {
        (pk_hash, t_hash): (pk, key, path)
        for pk, pk_hash, t_hash, key, path in MemorySegment.objects.filter(
            source_hash__in={s for s, _t in rows}
        ).values_list("pk", "source_hash", "target_hash", "origin_key", "origin_path")
    }
    new = [row for pair, row in rows.items() if pair not in known]
    for pair, row in rows.items():
        if pair in known and known[pair][1:] != (row.origin_key, row.origin_path):
            MemorySegment.objects.filter(pk=known[pair][0]).update(
                origin_key=row.origin_key, origin_path=row.origin_path, origin_title=row.origin_title
            )
    if new:
        try:
            with transaction.atomic():
                MemorySegment.objects.bulk_create(new, ignore_conflicts=True)
        except IntegrityError:  # pragma: no cover - ignore_conflicts covers both databases
            pass
    return len(new)


def _as_match(row, score):
    return Match(
        score=score,
        target=row.target,
        source=row.source,
        origin_key=row.origin_key,
        origin_path=row.origin_path,
        origin_title=row.origin_title,
        pk=row.pk,
    )


def exact_matches(texts):
    """{segment text: [Match]} for many segments in one query."""
    hashes = {digest(text): text for text in texts if text}
    found = {}
    if not hashes:
        return found
    rows = MemorySegment.objects.filter(source_hash__in=list(hashes)).order_by("-updated_at", "-pk")
    for row in rows:
        text = hashes[row.source_hash]
        if row.source == text:
            found.setdefault(text, []).append(_as_match(row, 100))
    return found


def similarity(a, b):
    """difflib's ratio of two word lists (0 when a cheap upper bound already says < MIN_SCORE)."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < MIN_SCORE or matcher.quick_ratio() < MIN_SCORE:
        return 0.0
    return matcher.ratio()


def fuzzy_matches(kind, text, limit=MAX_MATCHES):
    """Matches of at least MIN_SCORE but not exact, best first (four indexed range scans)."""
    tokens = words(kind, text)
    if not tokens:
        return []
    count = len(tokens)
    # 2·min(a, b) / (a + b) bounds the ratio: the word counts a match can have.
    low = math.ceil(count * MIN_SCORE / (2 - MIN_SCORE))
    high = math.floor(count * (2 - MIN_SCORE) / MIN_SCORE)
    source_hash = digest(text)
    share = MAX_CANDIDATES // 4
    candidates = {}
    for column, word in zip(("first_word", "last_word"), _edges(tokens), strict=True):
        base = MemorySegment.objects.filter(**{column: word}).exclude(source_hash=source_hash)
        nearest = (
            base.filter(length__gte=count, length__lte=high).order_by(column, "length"),
            base.filter(length__gte=low, length__lt=count).order_by(f"-{column}", "-length"),
        )
        for queryset in nearest:
            for row in queryset[:share]:
                candidates[row.pk] = row
    scored = []
    for row in candidates.values():
        score = similarity(tokens, words(row.kind, row.source))
        if score >= MIN_SCORE:
            scored.append((score, row))
    scored.sort(key=lambda pair: (-pair[0], -pair[1].updated_at.timestamp(), -pair[1].pk))
    results, seen = [], set()
    for score, row in scored:
        if row.target in seen:
            continue
        seen.add(row.target)
        # Never 100 for a text that is not the same: that is what "exact" means.
        results.append(_as_match(row, min(99, math.floor(score * 100))))
        if len(results) >= limit:
            break
    return results


def matches(kind, text, exact=None, exclude_targets=()):
    """Exact matches first (newest first), then fuzzy ones, best first, at most MAX_MATCHES;
    one per distinct English, leaving out the English in ``exclude_targets``."""
    found, seen = [], set(exclude_targets)
    candidates = list(exact if exact is not None else exact_matches([text]).get(text, []))
    if len(candidates) < MAX_MATCHES:
        candidates += fuzzy_matches(kind, text)
    for match in candidates:
        if match.target not in seen:
            seen.add(match.target)
            found.append(match)
    return found[:MAX_MATCHES]


def rebuild(progress=None):
    """Fill the memory from every item's current segment pairs; returns pairs added."""
    from . import segments, status
    from .models import Status, TranslatableItem
    from .registry import field_specs

    added = 0
    for item in TranslatableItem.objects.select_related("content_type").iterator(chunk_size=200):
        obj = item.get_object()
        if obj is None:
            continue
        content = status.latest_content(obj)
        rows = {row.field: row.status for row in item.fields.all()}
        pairs = []
        for spec in field_specs(type(obj)):
            if rows.get(spec.name) != Status.UP_TO_DATE:
                continue
            source = segments.source_value(spec, content)
            pairs.extend(segments.field_segments(spec, source, segments.target_value(spec, content)))
        added += remember(pairs, item.key, item.title)
        if progress:
            progress()
    return added
