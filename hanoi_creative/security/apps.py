from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "hanoi_creative.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from . import logins  # noqa: F401  (connects the sign-in log receivers)
