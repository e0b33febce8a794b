"""The page editor, one tab per language.

wagtail-modeltranslation expands each translated field into one panel per language, so the
editor stacked Vietnamese and English: an article's English body started thousands of pixels
below its Vietnamese one. Here the (already expanded) content panels are regrouped: a
"Tiếng Việt" tab with the Vietnamese fields and everything shared (photo, category, tags…), in
the model's own order, then one tab per other language with only its fields, then Promote and
Settings as Wagtail has them. Field names, and so the form and its POST data, do not change.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import ObjectList, PanelGroup, TabbedInterface

from .languages import language_name


def _field_languages(model):
    """{translated column name: language code} for ``model``."""
    found = {}
    for field in translator.get_options_for_model(model).all_fields:
        for code, _name in settings.LANGUAGES:
            found[build_localized_fieldname(field, code)] = code
    return found


def _keep(panels, wanted):
    """The panels (recursing into groups) whose field ``wanted(field_name)`` accepts."""
    kept = []
    for panel in panels:
        if isinstance(panel, PanelGroup):
            children = _keep(panel.children, wanted)
            if children:
                kept.append(type(panel)(**{**panel.clone_kwargs(), "children": children}))
        elif wanted(getattr(panel, "field_name", None)):
            kept.append(panel)
    return kept


def language_tabs(model):
    """A TabbedInterface for ``model``: one content tab per language, Vietnamese first."""
    languages = _field_languages(model)
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    tabs = []
    for code, _name in settings.LANGUAGES:
        if code == default:
            panels = _keep(model.content_panels, lambda name: languages.get(name, default) == default)
        else:
            panels = _keep(model.content_panels, lambda name, code=code: languages.get(name) == code)
        if panels:
            tabs.append(ObjectList(panels, heading=language_name(code)))
    if model.promote_panels:
        tabs.append(ObjectList(model.promote_panels, heading=_("Promote")))
    if model.settings_panels:
        tabs.append(ObjectList(model.settings_panels, heading=_("Settings")))
    return TabbedInterface(tabs)
