"""English slugs for translated pages, folded from the English title like the Vietnamese ones."""

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from hanoi_creative.core.slugs import fold_slug

from .registry import TARGET


def fill_slug(page):
    """Give a page with an English title and no English slug one, unique among its siblings."""
    if not isinstance(page, Page):
        return
    slug_field = build_localized_fieldname("slug", TARGET)
    title = getattr(page, build_localized_fieldname("title", TARGET), "")
    if not title or getattr(page, slug_field, ""):
        return
    base = fold_slug(title) or "page"
    siblings = Page.objects.sibling_of(page, inclusive=False) if page.pk else Page.objects.none()
    candidate, number = base, 1
    while siblings.filter(**{slug_field: candidate}).exists():
        number += 1
        candidate = f"{base}-{number}"
    setattr(page, slug_field, candidate)
