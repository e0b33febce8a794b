"""Article body blocks: the site's shared blocks plus a photo gallery with per-photo captions."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from hanoi_creative.core.blocks import BaseStreamBlock


class GalleryPhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Photo")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    photos = blocks.ListBlock(GalleryPhotoBlock(), label=_("Photos"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Photo gallery")
        template = "news/blocks/gallery_block.html"


class ArticleStreamBlock(BaseStreamBlock):
    gallery = GalleryBlock()
