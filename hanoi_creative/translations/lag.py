"""Whether a live page's English lags behind its Vietnamese, for readers.

Read from the live page itself against the Vietnamese the desk recorded when the English was
last saved (``FieldTranslation.source_hash``): a Vietnamese draft not yet published does not
make the public English outdated. One query per page, whatever its number of fields.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType

from . import segments
from .models import FieldTranslation
from .registry import SOURCE, TARGET, field_specs, is_tracked


@dataclass
class Lag:
    language: str  # the language that lags (English)
    since: datetime | None  # when that language's text was last updated
    original_url: str  # the page in the source language


def english_lag(page, request=None):
    """A Lag when ``page`` has English and a field's Vietnamese changed since it was last
    translated; else None."""
    model = type(page)
    if not is_tracked(model) or not getattr(page, "pk", None):
        return None
    if hasattr(page, "has_translation") and not page.has_translation(TARGET):
        return None  # untranslated: the "not yet available" notice says so instead
    rows = FieldTranslation.objects.filter(
        item__content_type=ContentType.objects.get_for_model(model), item__object_id=str(page.pk)
    ).values_list("field", "source_hash", "target_hash", "translated_at")
    specs = {spec.name: spec for spec in field_specs(model)}
    outdated, since = False, None
    for name, source_hash, target_hash, translated_at in rows:
        spec = specs.get(name)
        if spec is None or not target_hash or not source_hash:
            continue
        if translated_at and (since is None or translated_at > since):
            since = translated_at
        source = segments.source_value(spec, page)
        if not segments.is_empty(spec, source) and segments.digest(spec, source) != source_hash:
            outdated = True
    if not outdated:
        return None
    url = page.url_in(SOURCE, request) if hasattr(page, "url_in") else page.get_url(request)
    return Lag(TARGET, since or getattr(page, "first_published_at", None), url)
