from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminPageForm

from .slug_checks import free_slug
from .slugs import fold_slug


class TranslatedPageForm(WagtailAdminPageForm):
    """Page editor form: a slug left empty is folded from the same language's title, with
    "-2", "-3"… added when a sibling (an abandoned draft, say) already has that address.

    The admin's slug widget already does this in the browser; this covers editors without
    JavaScript, API clients and crafted requests, so the server alone decides the slug.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            slug_field = build_localized_fieldname("slug", code)
            if slug_field in self.fields:
                self.fields[slug_field].required = False
            # Wagtail's title placeholder ends in "*"; only the Vietnamese title is required.
            title_field = build_localized_fieldname("title", code)
            if code != settings.LANGUAGE_CODE and title_field in self.fields:
                self.fields[title_field].widget.attrs["placeholder"] = _("Page title (optional)")

    def clean(self):
        for code, _name in settings.LANGUAGES:
            slug_field = build_localized_fieldname("slug", code)
            title = self.cleaned_data.get(build_localized_fieldname("title", code))
            if slug_field in self.fields and not self.cleaned_data.get(slug_field) and title:
                self.cleaned_data[slug_field] = self._free_slug(fold_slug(title) or "page", code)
        return super().clean()

    def _free_slug(self, slug, code):
        parent = self.parent_page
        if parent is None:
            return slug
        return free_slug(parent.path, parent.depth + 1, slug, code, self.instance.pk)
