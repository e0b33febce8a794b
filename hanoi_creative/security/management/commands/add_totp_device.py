from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Give a user a TOTP (authenticator app) device and print its otpauth:// link."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="authenticator")

    def handle(self, *args, username, name, **options):
        try:
            user = get_user_model()._default_manager.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"no user named {username}") from error
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(device.config_url)
        self.stdout.write(self.style.SUCCESS(f"{username} now signs in with a code from this device."))
