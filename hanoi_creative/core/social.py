"""The social-network picture every page type offers (read by ``seo.metadata``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SocialImageMixin(models.Model):
    """The picture shown when the page is shared on social networks.

    Left empty, the page's own main picture is used, then the home page's (see ``seo.metadata``).
    """

    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on social networks (cropped to 1200×630). "
            "Left empty, the page's main photo is used."
        ),
    )

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image or getattr(self, "hero_image", None)


social_image_panel = FieldPanel("social_image")
