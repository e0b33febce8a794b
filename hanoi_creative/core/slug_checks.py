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


def _siblings(parent_path, depth, exclude_pk=None):
    siblings = Page.objects.filter(path__startswith=parent_path, depth=depth)
    return siblings.exclude(pk=exclude_pk) if exclude_pk else siblings


def _holder(siblings, slug, code):
    """(title, live) of the sibling at ``slug`` in language ``code``, or None."""
    return siblings.filter(slug_condition(slug, code)).values_list("draft_title", "live").first()


def conflict_message(slug, title, live):
    """The editor is told which page holds the address: an abandoned draft (an autosave, say)
    is otherwise invisible from the form, and the slug field may even be empty."""
    if live:
        message = _("The address “%(slug)s” is already used by the page “%(title)s”. Choose another address.")
        return message % {"slug": slug, "title": title}
    return _(
        "The address “%(slug)s” is already used by the unpublished draft “%(title)s”. Choose another "
        "address, or delete that draft if nobody needs it."
    ) % {"slug": slug, "title": title}


def slug_conflicts(parent_path, depth, slugs, exclude_pk=None):
    """Field errors for each language whose slug a sibling already uses (with fallbacks)."""
    siblings = _siblings(parent_path, depth, exclude_pk)
    errors = {}
    for code, slug in slugs.items():
        if not slug:
            continue
        holder = _holder(siblings, slug, code)
        if holder:
            errors[build_localized_fieldname("slug", code)] = conflict_message(slug, *holder)
    return errors


def free_slug(parent_path, depth, slug, code, exclude_pk=None, tries=20):
    """``slug``, or ``slug-2``, ``slug-3``… : the first that no sibling uses in language ``code``.

    For a slug the editor left empty (folded from the title): the site picks a free address
    rather than refusing one the editor never typed. After ``tries`` it gives up and returns
    ``slug`` (the form then says who holds it)."""
    siblings = _siblings(parent_path, depth, exclude_pk)
    for number in range(1, tries + 1):
        candidate = slug if number == 1 else f"{slug}-{number}"
        if not siblings.filter(slug_condition(candidate, code)).exists():
            return candidate
    return slug


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
