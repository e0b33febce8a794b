from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import HomePage, PublisherSettings, SiteImage, StandardPage


@register(SiteImage)
class SiteImageTR(TranslationOptions):
    fields = ("description", "credit")


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro", "body")


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "hero_caption", "body")


@register(PublisherSettings)
class PublisherSettingsTR(TranslationOptions):
    fields = ("name", "address", "licence")
