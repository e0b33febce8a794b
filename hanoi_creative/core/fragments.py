"""A cache for pieces of markup that stay the same from one request to the next (article cards).

A fragment's key is a digest of everything it shows, read from objects the page has loaded
anyway: an edit (new text, a new revision or publication), a moved page (new URL path), a new
photo, focal point or rendition, or another language gives another key, so a stale fragment is
never found; old ones simply expire. All of a list's fragments are read in one ``get_many`` and
the missing ones written in one ``set_many``. A cache that is down means rendering everything,
never an error.
"""

import hashlib
import logging

from django.core.cache import cache
from django.utils import translation

logger = logging.getLogger(__name__)

# Raise when the markup of a fragment template changes, so no old markup is served after a deploy.
VERSION = 1
SECONDS = 24 * 60 * 60


def fragment_key(kind, *parts):
    """A cache key for a ``kind`` of fragment showing ``parts`` in the active language."""
    text = repr((VERSION, translation.get_language(), *parts))
    return f"fragment:{kind}:{hashlib.sha256(text.encode()).hexdigest()[:40]}"


def image_key(image):
    """What a rendition's URL and size depend on: the file, its hash and the focal point."""
    if image is None:
        return None
    return (
        image.pk,
        image.file.name,
        image.file_hash,
        image.width,
        image.height,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )


def cached_fragments(items, render, prepare=None):
    """The markup of each ``(key, obj)`` of ``items``, in order, rendering only what is missing.

    ``render(obj)`` makes one fragment; ``prepare(objs)``, if given, is called once with every
    object about to be rendered (to load what they need in bulk, e.g. photo renditions).
    """
    keys = [key for key, _obj in items]
    available = True
    try:
        found = cache.get_many(keys) if keys else {}
    except Exception:  # any cache failure: serve uncached
        logger.warning("Fragment cache unavailable; rendering without it", exc_info=True)
        found, available = {}, False
    missing = [(key, obj) for key, obj in items if key not in found]
    if missing:
        if prepare is not None:
            prepare([obj for _key, obj in missing])
        rendered = {key: render(obj) for key, obj in missing}
        found.update(rendered)
        if available:
            try:
                cache.set_many(rendered, SECONDS)
            except Exception:
                logger.warning("Fragment cache unavailable; not storing fragments", exc_info=True)
    return [found[key] for key in keys]
