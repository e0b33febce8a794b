"""Admin forms: sign-in with an optional two-factor code, honest password reset, and image
uploads refused up front when the media disk cannot take them."""

import logging

from django import forms
from django.conf import settings
from django.core.mail import get_connection
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from hanoi_creative.newsroom.forms import SiteImageForm

from .storage import CleanFileSystemStorage

logger = logging.getLogger("hanoi_creative.security.mail")

MAIL_UNAVAILABLE = _(
    "The site cannot send e-mail at the moment, so no reset link was sent. Please try again later "
    "or ask an administrator to reset your password."
)
STORAGE_FULL = _(
    "The file could not be saved: the server's storage is full or read-only. Nothing was uploaded."
)
OTP_REQUIRED = _("Administrators must sign in with a two-factor code.")


class LoginForm(OTPAuthenticationFormMixin, WagtailLoginForm):
    """Wagtail's sign-in form plus a two-factor code, asked of users who have a TOTP device
    (and of every superuser when OTP_REQUIRED_FOR_SUPERUSERS is on)."""

    otp_token = forms.CharField(
        label=_("Two-factor code (if you use one)"),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Enter the code from your authenticator app."),
        "invalid_token": _("That code is not valid. Enter the current code from your authenticator app."),
    }

    def _chosen_device(self, user):
        # One authenticator app per person: the code is checked against their TOTP device.
        return TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None:
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                self.clean_otp(user)
            elif settings.OTP_REQUIRED_FOR_SUPERUSERS and user.is_superuser:
                raise forms.ValidationError(OTP_REQUIRED, code="otp_required")
        return cleaned_data


class PasswordResetForm(WagtailPasswordResetForm):
    """Refuses, with the reason, when the mail server cannot be reached, instead of saying a link
    was sent (Django's form logs the failure and reports success). The check does not depend on
    the address, so it tells nobody whether an account exists."""

    def clean(self):
        cleaned_data = super().clean()
        try:
            connection = get_connection(fail_silently=False)
            connection.open()
            connection.close()
        except Exception as error:  # any backend, any failure: SMTP, DNS, TLS, refused
            logger.error("mail server unreachable, password reset refused: %s", error)
            raise forms.ValidationError(MAIL_UNAVAILABLE, code="mail_unavailable") from error
        return cleaned_data


class StorageCheckedImageForm(SiteImageForm):
    """The newsroom's image form, with a file error when the media disk cannot take the upload
    (the multiple uploader sends the file field's errors back as JSON)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None and "file" in self.files:
            storage = self.instance._meta.get_field("file").storage
            # Room for the original and its first renditions.
            if isinstance(storage, CleanFileSystemStorage) and not storage.can_take(uploaded.size + 2**20):
                raise forms.ValidationError(STORAGE_FULL, code="storage_full")
        return uploaded
