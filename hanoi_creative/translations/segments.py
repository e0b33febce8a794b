"""A field's Vietnamese value as translatable segments, the English aligned with them, and the
English value rebuilt from translated segments.

Segment paths keep the structure: ``title`` for a plain field, ``body.<block id>.caption`` for
a StreamField block's child, ``body.<block id>.2`` for the third paragraph of a rich-text
block. The English is rebuilt on the Vietnamese structure (same blocks, same block ids, same
images and links), so the two stay aligned from the first import on; before that, English
blocks are matched by id, then by position and type.
"""

import copy
import hashlib
import json

from django.utils.html import escape
from wagtail import blocks
from wagtail.rich_text import RichText

from . import richtext
from .registry import RICH_TEXT, STREAM, source_name, target_name


def raw_value(spec, obj, language_field):
    value = getattr(obj, language_field, None)
    if spec.kind == STREAM:
        if not value:
            return []
        if hasattr(value, "get_prep_value"):
            return value.get_prep_value()
        return spec.stream_block.get_prep_value(value)
    if isinstance(value, RichText):
        value = value.source
    return value or ""


def source_value(spec, obj):
    return raw_value(spec, obj, source_name(spec.name))


def target_value(spec, obj):
    return raw_value(spec, obj, target_name(spec.name))


def serialize(spec, value):
    """Stable text of a value: what is hashed and what the snapshot stores."""
    if spec.kind == STREAM:
        return json.dumps(value or [], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return value or ""


def deserialize(spec, text):
    if spec.kind == STREAM:
        try:
            return json.loads(text or "[]")
        except ValueError:
            return []
    return text or ""


def digest(spec, value):
    return hashlib.sha256(serialize(spec, value).encode("utf-8")).hexdigest()


def is_empty(spec, value):
    if spec.kind == STREAM:
        return not value
    return not (value or "").strip()


def _block_label(block):
    return str(getattr(block, "label", "") or getattr(block, "name", ""))


def _match(items_en, index, item):
    by_id = {entry.get("id"): entry for entry in items_en if isinstance(entry, dict) and entry.get("id")}
    found = by_id.get(item.get("id")) if isinstance(item, dict) else None
    if found is None and index < len(items_en):
        candidate = items_en[index]
        if (
            isinstance(candidate, dict)
            and isinstance(item, dict)
            and candidate.get("type") == item.get("type")
        ):
            found = candidate
    return found


def _slots(block, vi, en, path, label):
    """Yield (path, leaf block, container, key, aligned English leaf, label) for every
    translatable leaf in a StreamField value; ``container[key]`` is the Vietnamese leaf."""
    if isinstance(block, blocks.StreamBlock):
        items_en = en if isinstance(en, list) else []
        for index, item in enumerate(vi if isinstance(vi, list) else []):
            if not isinstance(item, dict):
                continue
            child = block.child_blocks.get(item.get("type"))
            if child is None:
                continue
            match = _match(items_en, index, item)
            ident = item.get("id") or str(index)
            yield from _slots_in(
                child,
                item,
                "value",
                match.get("value") if match else None,
                f"{path}.{ident}",
                _block_label(child),
            )
    elif isinstance(block, blocks.ListBlock):
        items_en = en if isinstance(en, list) else []
        for index, item in enumerate(vi if isinstance(vi, list) else []):
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                match = _match(items_en, index, item)
                ident = item.get("id") or str(index)
                yield from _slots_in(
                    block.child_block,
                    item,
                    "value",
                    match.get("value") if match else None,
                    f"{path}.{ident}",
                    label,
                )
            else:
                match = items_en[index] if index < len(items_en) else None
                yield from _slots_in(block.child_block, vi, index, match, f"{path}.{index}", label)
    elif isinstance(block, blocks.StructBlock):
        if not isinstance(vi, dict):
            return
        en = en if isinstance(en, dict) else {}
        for name, child in block.child_blocks.items():
            if name in vi:
                yield from _slots_in(
                    child, vi, name, en.get(name), f"{path}.{name}", f"{label} · {_block_label(child)}"
                )


def _slots_in(block, container, key, en, path, label):
    value = container[key]
    if isinstance(block, (blocks.StreamBlock, blocks.ListBlock, blocks.StructBlock)):
        yield from _slots(block, value, en, path, label)
    elif isinstance(block, (blocks.RichTextBlock, blocks.CharBlock, blocks.TextBlock)):
        yield path, block, container, key, en, label


def _leaf_segments(path, kind, vi, en, label, features=None):
    """[(segment, aligned English text or None)] for one text or rich-text leaf."""
    if kind == "richtext":
        sources = richtext.html_segments(vi or "", path)
        targets = richtext.html_segments(en or "", path) if isinstance(en, str) else []
        pairs = []
        for index, segment in enumerate(sources):
            segment.label = label
            target = targets[index].text if index < len(targets) else None
            pairs.append((segment, target or None))
        return pairs
    if not isinstance(vi, str) or not vi.strip():
        return []
    return [
        (richtext.Segment(path, "text", vi, label=label), en if isinstance(en, str) and en.strip() else None)
    ]


def field_segments(spec, source, target):
    """[(Segment, English text or None)] for one field's values (raw, as ``raw_value`` gives)."""
    if spec.kind == STREAM:
        pairs = []
        for path, block, container, key, en, label in _slots(
            spec.stream_block, source, target, spec.name, ""
        ):
            kind = "richtext" if isinstance(block, blocks.RichTextBlock) else "text"
            leaf = _leaf_segments(path, kind, container[key], en, label.strip(" ·"))
            for segment, _target in leaf:
                segment.label = segment.label or str(spec.label)
            pairs.extend(leaf)
        return pairs
    kind = "richtext" if spec.kind == RICH_TEXT else "text"
    return _leaf_segments(spec.name, kind, source, target, str(spec.label))


def features_for(spec, source, path):
    """The rich-text editor features that apply at a segment path (None: Wagtail's default)."""
    if spec.kind == RICH_TEXT:
        return spec.features
    if spec.kind != STREAM:
        return None
    return leaf_features(spec, source).get(path.rsplit(".", 1)[0])


def leaf_features(spec, source):
    """Map each rich-text leaf path of a StreamField value to its editor features."""
    found = {}
    for path, block, _container, _key, _en, _label in _slots(spec.stream_block, source, None, spec.name, ""):
        if isinstance(block, blocks.RichTextBlock):
            found[path] = block.features
    return found


def build_value(spec, source, translated):
    """The English value: the Vietnamese structure with every segment's translation.

    ``translated`` maps segment path -> plain text (text segments) or a list of rich-text
    children (html segments). Every segment of the field must be present.
    """
    if spec.kind == STREAM:
        value = copy.deepcopy(source)
        for path, block, container, key, _en, _label in _slots(spec.stream_block, value, None, spec.name, ""):
            if isinstance(block, blocks.RichTextBlock):
                container[key] = _rebuild_html(container[key], path, translated)
            elif path in translated:
                container[key] = translated[path]
        return value
    if spec.kind == RICH_TEXT:
        return _rebuild_html(source, spec.name, translated)
    return translated.get(spec.name, "")


def _rebuild_html(html, path, translated):
    parts = {}
    for index, _segment in enumerate(richtext.html_segments(html or "", path)):
        children = translated.get(f"{path}.{index}")
        if children is not None:
            parts[index] = children
    return richtext.rebuild(html or "", parts)


def readable_lines(spec, value):
    """The value as one line of markup per segment, for the diff: a rich-text segment's text
    already is markup (inline tags, escaped text); a plain-text segment is escaped to match."""
    return [
        segment.text if segment.kind == "html" else escape(segment.text)
        for segment, _target in field_segments(spec, value, None)
    ]
