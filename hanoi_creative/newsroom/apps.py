from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "hanoi_creative.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from . import forms, setup

        # Runs after wagtail_modeltranslation (first in INSTALLED_APPS) has built each model's
        # patched admin form, so the guard wraps the final form classes.
        forms.install_translator_guard()
        post_migrate.connect(setup.ensure_newsroom_after_migrate, sender=self, dispatch_uid="newsroom-setup")
        news_index_model = setup.news_index_model()
        if news_index_model is not None:
            post_save.connect(
                setup.news_index_saved, sender=news_index_model, dispatch_uid="newsroom-news-index"
            )
