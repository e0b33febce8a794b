"""Readable ASCII slugs for Vietnamese titles.

Django's ``slugify`` drops ``đ`` ("Đường" -> "uong") and Wagtail's admin JavaScript turns
"Hà Nội" into "ha-ni"; both lose meaning. ``anyascii`` folds every Vietnamese letter to its
base letter, so the slug reads like the title.
"""

from anyascii import anyascii
from django.utils.text import slugify

# Wagtail's slug widget applies these regex replacements before urlifying, which gives the
# admin's slug field the same folding as ``fold_slug`` below.
_VIETNAMESE_LETTERS = {
    "a": "àáảãạăằắẳẵặâầấẩẫậ",
    "e": "èéẻẽẹêềếểễệ",
    "i": "ìíỉĩị",
    "o": "òóỏõọôồốổỗộơờớởỡợ",
    "u": "ùúủũụưừứửữự",
    "y": "ỳýỷỹỵ",
    "d": "đ",
}
SLUG_FORMATTERS = [(f"[{letters}]", base, "g") for base, letters in _VIETNAMESE_LETTERS.items()] + [
    (f"[{letters.upper()}]", base.upper(), "g") for base, letters in _VIETNAMESE_LETTERS.items()
]


def fold_slug(text, max_length=255):
    """Return an ASCII slug for ``text``: "Hà Nội tham gia" -> "ha-noi-tham-gia"."""
    slug = slugify(anyascii(text or ""))
    return slug[:max_length].strip("-")
