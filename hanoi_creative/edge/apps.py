from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EdgeConfig(AppConfig):
    name = "hanoi_creative.edge"
    label = "edge"
    verbose_name = _("HTTP cache and database routing")

    def ready(self):
        from .signals import connect

        connect()
