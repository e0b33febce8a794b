from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ArticlePage, Author, Category, NewsIndexPage, Tag


@register(Category)
class CategoryTR(TranslationOptions):
    fields = ("name", "slug", "description")
    required_languages = ("vi",)
    empty_values = {"slug": None}


@register(Author)
class AuthorTR(TranslationOptions):
    fields = ("name", "role")
    required_languages = ("vi",)


@register(Tag)
class TagTR(TranslationOptions):
    fields = ("name", "slug")
    required_languages = ("vi",)
    # NULL, not "", for a missing translation: the translated columns keep ``unique``.
    empty_values = None


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTR(TranslationOptions):
    fields = ("lead", "hero_caption", "body")
