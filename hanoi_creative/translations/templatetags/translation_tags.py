from django import template

register = template.Library()


@register.filter
def is_article(page):
    """True for news articles, whose notice says "article" rather than "page"."""
    return getattr(getattr(page, "_meta", None), "model_name", "") == "articlepage"


@register.simple_tag(takes_context=True)
def translation_lag(context):
    """The page's Lag (its English is behind the Vietnamese) on the page's own address in
    either language, else None. Computed once per render and kept in the context."""
    cached = context.get("_translation_lag", False)
    if cached is not False:
        return cached
    from django.utils import translation
    from wagtail.models import Page

    from hanoi_creative.translations.lag import english_lag

    page, request, lag = context.get("page"), context.get("request"), None
    if isinstance(page, Page) and request is not None and hasattr(page, "url_in"):
        # Only the page's own address: a news listing passes its section as "page".
        if request.path == page.url_in(translation.get_language(), request):
            lag = english_lag(page, request)
    context.dicts[0]["_translation_lag"] = lag
    return lag
