"""Bring the site search up to date with the demo pages (safe to rerun: it rebuilds)."""

from django.db import transaction
from wagtail.models import Page

from .documents import index_pages, is_indexable
from .models import SearchDocument


@transaction.atomic
def rebuild(log=print):
    SearchDocument.objects.all().delete()
    pages = [page for page in Page.objects.filter(depth__gt=1).specific() if is_indexable(type(page))]
    count = index_pages(pages)
    log(f"Search index: {count} documents for {len(pages)} pages.")
    return count


def load(log=print):
    return rebuild(log)
