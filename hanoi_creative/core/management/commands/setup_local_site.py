import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from hanoi_creative.core.models import HomePage


class Command(BaseCommand):
    help = "For `make run`: load the demo if the database is empty and print a local admin login."

    def handle(self, *args, **options):
        if not HomePage.objects.exists():
            call_command("load_demo", stdout=self.stdout)
        password_file = settings.BASE_DIR / "var" / "local-admin-password"
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            os.makedirs(password_file.parent, exist_ok=True)
            password_file.write_text(password)
            if user is None:
                # A name from the start: the admin's account page will not save a language
                # preference for a user without one.
                user = User.objects.create_superuser(
                    "admin", "admin@localhost", password, first_name="Local", last_name="Admin"
                )
            else:
                user.set_password(password)
                user.save()
        port = os.environ.get("PORT", "8000")
        self.stdout.write(
            self.style.SUCCESS(
                f"\nSite:  http://127.0.0.1:{port}/vi/  ·  http://127.0.0.1:{port}/en/\n"
                f"Admin: http://127.0.0.1:{port}/admin/  user: admin  password: {password_file.read_text()}\n"
            )
        )
