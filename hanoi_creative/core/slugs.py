"""Readable ASCII slugs for Vietnamese titles.

Django's ``slugify`` drops ``đ`` ("Đường" -> "uong") and Wagtail's admin JavaScript turns
"Hà Nội" into "ha-ni"; both lose meaning. ``anyascii`` folds every Vietnamese letter to its
base letter, so the slug reads like the title.
"""

from anyascii import anyascii
from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname, get_language

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


def slug_condition(slug, language=None):
    """Condition: the slug in ``language`` (default: active) is ``slug``; an object without a
    slug of its own in that language answers to its Vietnamese one, as its URL does."""
    language = language or get_language()
    field = build_localized_fieldname("slug", language)
    condition = Q(**{field: slug})
    if language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        default_field = build_localized_fieldname("slug", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        untranslated = Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
        condition |= untranslated & Q(**{default_field: slug})
    return condition


def get_by_slug_or_404(model_or_queryset, slug, language=None):
    """The one object of ``model_or_queryset`` at ``slug`` in ``language`` (``slug_condition``)."""
    return get_object_or_404(model_or_queryset, slug_condition(slug, language))
