"""Small helpers shared by the news tests."""

from django.urls import reverse
from django.utils import translation


def url(name, language="vi", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def page_url(page, language="vi"):
    with translation.override(language):
        return page.get_url()


def titles_in(response):
    """Article card titles of a listing response, in page order."""
    return [article.title for article in response.context["articles"]]
