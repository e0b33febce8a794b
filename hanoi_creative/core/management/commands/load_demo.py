from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Load the demo site in Vietnamese and English: the programme's pages, then each app's own "
        "demo content (an app joins in with a `demo.load(log)` function). Safe to rerun."
    )

    def handle(self, *args, **options):
        # The programme pages come first: other apps hang their content under the home page.
        ordered = sorted(apps.get_app_configs(), key=lambda config: config.label != "core")
        for config in ordered:
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
                continue
            if hasattr(module, "load"):
                module.load(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
