from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    name = "hanoi_creative.seo"
    label = "seo"
    verbose_name = _("Search engines and social networks")
