from django import template

register = template.Library()


@register.filter
def is_article(page):
    """True for news articles, whose notice says "article" rather than "page"."""
    return getattr(getattr(page, "_meta", None), "model_name", "") == "articlepage"
