"""Preview every translated page in Vietnamese and in English from the editor.

Wagtail previews in the admin's own language; an editor needs to see both sides of a page
before publishing. Each page model gets two preview modes, one per language, and the
preview renders under that language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {"vi": _("Vietnamese"), "en": _("English")}


def _preview_modes(self):
    return [(code, LANGUAGE_NAMES.get(code, name)) for code, name in settings.LANGUAGES]


def _wrap_serve_preview(original):
    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = original(self, request, "")
            # Render now: a lazy TemplateResponse would render after the override ends.
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response.headers.setdefault("Content-Language", language)
        return response

    serve_preview._newsroom_language_preview = True
    return serve_preview


def install_language_preview_modes():
    from wagtail.models import Page

    from hanoi_creative.core.models import TranslatedPageMixin

    for model in _page_models():
        if not issubclass(model, TranslatedPageMixin) or not issubclass(model, Page):
            continue
        if getattr(model.serve_preview, "_newsroom_language_preview", False) and "serve_preview" not in vars(
            model
        ):
            continue
        model.preview_modes = property(_preview_modes)
        model.serve_preview = _wrap_serve_preview(model.serve_preview)


def _page_models():
    from wagtail.models import get_page_models

    return get_page_models()
