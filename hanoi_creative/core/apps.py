from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hanoi_creative.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        # Runs after wagtail_modeltranslation has patched every registered page model
        # (it is earlier in INSTALLED_APPS); replace its per-child Python slug scan.
        from modeltranslation.translator import translator
        from wagtail.models import Page

        from .routing import indexed_route

        for model in translator.get_registered_models():
            if issubclass(model, Page):
                model.route = indexed_route
