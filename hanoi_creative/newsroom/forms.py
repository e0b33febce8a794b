"""Admin forms: the translators' guard on Vietnamese fields, and the image upload form.

Translators change the English side only. Hiding the Vietnamese inputs would not be enough (a
crafted POST still carries them), so every admin form for translated content refuses, with a
field error, a submission by a translator that changes a Vietnamese (source-language) field.
"""

import copy
import re
import warnings

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from PIL import Image as PILImage
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page

from . import roles

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
DAMAGED_IMAGE = _("This image file is damaged or incomplete. Please upload the original file again.")
SOURCE_FIELD_REFUSED = _(
    "Translators cannot change the Vietnamese text. Only the English fields can be edited."
)


def source_language_fields(model):
    """Names of the model's Vietnamese (source-language) translation fields."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    return {build_localized_fieldname(name, SOURCE_LANGUAGE) for name in options.all_fields}


# Draftail gives every rich-text block a fresh random key on each save; it is not content.
_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _normalised(value):
    if isinstance(value, str):
        return _BLOCK_KEY.sub("", value)
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_normalised(item) for item in value]
    return value


def _really_changed(form, name):
    """Django's has_changed, minus rich text's block keys (a re-save would otherwise count)."""
    field = form.fields[name]
    if name not in form.cleaned_data:
        return False  # invalid anyway; its own error says why
    initial = form.get_initial_for_field(field, name)
    cleaned = form.cleaned_data[name]
    block = getattr(field, "block", None)
    if block is not None:
        return _normalised(block.get_prep_value(initial)) != _normalised(block.get_prep_value(cleaned))
    if isinstance(initial, str) or isinstance(cleaned, str):
        return _normalised(initial or "") != _normalised(cleaned or "")
    return True


def _changed_source_fields(form):
    protected = source_language_fields(form._meta.model) & set(form.fields)
    if not protected:
        return []
    changed = set(form.changed_data)
    return [
        name for name in form.fields if name in protected and name in changed and _really_changed(form, name)
    ]


class SourceLanguageGuardMixin:
    """Refuse changes to ``*_vi`` fields (and to inline children's) from translators."""

    def _newsroom_user(self):
        return getattr(self, "for_user", None) or getattr(self, "newsroom_user", None)

    def _is_guarded(self):
        user = self._newsroom_user()
        return user is not None and not roles.may_edit_source_language(user)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._is_guarded():
            # A hint in the form; the refusal itself happens in clean().
            for name in source_language_fields(self._meta.model) & set(self.fields):
                widget = self.fields[name].widget
                if isinstance(widget, forms.TextInput | forms.Textarea):
                    widget.attrs["readonly"] = True

    def clean(self):
        cleaned_data = super().clean()
        if self._is_guarded():
            for name in _changed_source_fields(self):
                self.add_error(name, SOURCE_FIELD_REFUSED)
            for formset in getattr(self, "formsets", {}).values():
                self._guard_formset(formset)
        return cleaned_data

    def _guard_formset(self, formset):
        protected = source_language_fields(formset.model)
        if not protected:
            return
        for child in formset.forms:
            deleting = formset.can_delete and formset._should_delete_form(child)
            if deleting and child.instance.pk and any(getattr(child.instance, f, None) for f in protected):
                self.add_error(None, SOURCE_FIELD_REFUSED)
                return
            if _changed_source_fields(child):
                self.add_error(None, SOURCE_FIELD_REFUSED)
                return


def guarded(form_class):
    if issubclass(form_class, SourceLanguageGuardMixin):
        return form_class
    return type(f"SourceGuarded{form_class.__name__}", (SourceLanguageGuardMixin, form_class), {})


def install_translator_guard():
    """Wrap the admin form of every translated page and snippet model in the guard.

    Page and snippet models belong to other apps; Wagtail builds their admin forms from the
    model's ``base_form_class``, so wrapping that attribute covers the create, edit and preview
    views alike. Images get the guard through WAGTAILIMAGES_IMAGE_FORM_BASE instead.
    """
    from wagtail.images.models import AbstractImage

    for model in translator.get_registered_models():
        if issubclass(model, AbstractImage) or model._meta.abstract:
            continue
        if issubclass(model, Page):
            if model is Page:
                continue
            model.base_form_class = guarded(model.base_form_class)
            model.get_edit_handler.cache_clear()
        else:
            model.base_form_class = guarded(getattr(model, "base_form_class", WagtailAdminModelForm))


def check_image_decodes(uploaded):
    """Decode the whole image so a truncated or corrupt file fails now, not in a rendition.

    Wagtail's field reads only the header; a file cut short in transfer would be stored and
    break every rendition later. JPEGs decode at 1/8 scale (the decoder still reads every byte,
    at a fraction of the memory).
    """
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(uploaded) as image:
                if image.format == "JPEG":
                    image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                frames = getattr(image, "n_frames", 1)
                image.load()
                if frames > 1:
                    image.seek(frames - 1)
                    image.load()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise forms.ValidationError(
            _("This image has too many pixels to be processed safely."), code="file_too_many_pixels"
        ) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise forms.ValidationError(DAMAGED_IMAGE, code="damaged_image") from error
    finally:
        uploaded.seek(position)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing damaged files with a form error instead of a 500.

    Wagtail's own check reads the image size, which raises OSError on a truncated file; that
    escapes the form as a server error. Here any decoding failure is a validation error.
    """

    @classmethod
    def from_field(cls, field):
        checked = copy.copy(field)
        checked.__class__ = cls
        return checked

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except forms.ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            raise forms.ValidationError(DAMAGED_IMAGE, code="damaged_image") from error
        if uploaded is not None and hasattr(uploaded, "image"):
            check_image_decodes(uploaded)
        return uploaded


class SiteImageForm(SourceLanguageGuardMixin, BaseImageForm):
    """Wagtail's image form with alt text required in Vietnamese and every file fully checked.

    Set as WAGTAILIMAGES_IMAGE_FORM_BASE, so the single, multiple and chooser uploads and the
    edit view all use it.
    """

    def __init__(self, *args, **kwargs):
        self.newsroom_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if isinstance(self.fields.get("file"), WagtailImageField):
            self.fields["file"] = CheckedImageField.from_field(self.fields["file"])
        alt_field = build_localized_fieldname("description", SOURCE_LANGUAGE)
        if alt_field in self.fields:
            self.fields[alt_field].required = True
            self.fields[alt_field].help_text = _(
                "Describe the photo for people who cannot see it (required). Add the English "
                "alt text below, or leave it for the translators."
            )
