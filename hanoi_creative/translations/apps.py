from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "hanoi_creative.translations"
    label = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connected here, after modeltranslation has registered every app's fields, so the
        # receivers see the complete registry.
        from . import signals

        signals.connect()
