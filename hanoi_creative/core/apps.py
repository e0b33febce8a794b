from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hanoi_creative.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        # Runs after wagtail_modeltranslation has patched every registered page model
        # (it is earlier in INSTALLED_APPS); replace its scans over every child page, in
        # routing and in the slug checks, with indexed queries; and show each page's title in
        # the admin's language.
        from modeltranslation.translator import translator
        from wagtail.models import Page

        from . import signals
        from .models import admin_display_title
        from .panels import language_tabs
        from .routing import indexed_route
        from .slug_checks import indexed_clean, indexed_form_clean

        for model in translator.get_registered_models():
            if issubclass(model, Page):
                model.route = indexed_route
                model.clean = indexed_clean
                model.get_admin_display_title = admin_display_title
                if model is not Page and model.content_panels:
                    model.edit_handler = language_tabs(model)
                    model.get_edit_handler.cache_clear()
                form_class = model.base_form_class
                if form_class.__name__ == "WagtailFixedAdminPageForm" and "clean" in form_class.__dict__:
                    indexed_form_clean(form_class)

        signals.connect(self)
