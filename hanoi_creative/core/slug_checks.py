"""Sibling-slug uniqueness per language, as indexed queries.

wagtail-modeltranslation checks that a page's slug is free in every language by loading all
its siblings and comparing slugs in Python, once in the model's ``clean`` and again in the
admin form: with thousands of articles in the news section, every save read them all twice.
These checks ask the database for one matching sibling per language instead.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from .slugs import slug_condition

DEFAULT = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def effective_slugs(values):
    """``{language: slug}`` as the site routes them: an empty slug falls back to Vietnamese."""
    default = values.get(build_localized_fieldname("slug", DEFAULT)) or ""
    return {
        code: values.get(build_localized_fieldname("slug", code)) or default
        for code, _name in settings.LANGUAGES
    }


def slug_conflicts(parent_path, depth, slugs, exclude_pk=None):
    """Field errors for each language whose slug a sibling already uses (with fallbacks)."""
    siblings = Page.objects.filter(path__startswith=parent_path, depth=depth)
    if exclude_pk:
        siblings = siblings.exclude(pk=exclude_pk)
    errors = {}
    for code, slug in slugs.items():
        if not slug:
            continue
        field = build_localized_fieldname("slug", code)
        if siblings.filter(slug_condition(slug, code)).exists():
            errors[field] = _("This slug is already in use")
    return errors


def _values(obj):
    return {
        build_localized_fieldname("slug", code): getattr(obj, build_localized_fieldname("slug", code), None)
        for code, _name in settings.LANGUAGES
    }


def indexed_clean(self):
    """Replaces the patched ``Page.clean``: per-language sibling check, then Wagtail's own."""
    if self.path and self.depth and self.depth > 1:
        errors = slug_conflicts(
            self.path[: -Page.steplen], self.depth, effective_slugs(_values(self)), self.pk
        )
        if errors:
            raise ValidationError(errors)
    super(Page, self).clean()
    self._check_slug_is_unique()


def indexed_form_clean(form_class):
    """Give a page form's per-language slug check indexed queries, keeping its messages."""

    def clean(self):
        # Skip the patched class's own clean (the sibling scan) and run its parents'.
        cleaned_data = super(form_class, self).clean()
        parent = self.parent_page
        current = _values(self.instance)
        slugs = effective_slugs({name: cleaned_data.get(name, value) for name, value in current.items()})
        for field, message in slug_conflicts(parent.path, parent.depth + 1, slugs, self.instance.pk).items():
            if field in self.fields:
                self.add_error(field, message)
        return cleaned_data

    form_class.clean = clean
    return form_class
