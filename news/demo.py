"""Build the demo newsroom: the news section, categories, authors, tags and 24 articles.

``load_demo`` calls ``load`` after the programme pages exist. Safe to rerun: whatever is
already there (matched by its Vietnamese slug or name) is left exactly as it is.
"""

import datetime
import io
import re

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model

from hanoi_creative.core import demo as core_demo
from hanoi_creative.core.models import HomePage
from hanoi_creative.core.slugs import fold_slug

from . import demo_content as content
from .demo_images import draw_png
from .models import ArticlePage, Author, Category, NewsIndexPage, Tag

_PLACEHOLDER = re.compile(r"\{([\w:-]+)\}")


def short_slug(text, max_length=80):
    """A folded slug cut at a word boundary, so long Vietnamese headlines stay readable URLs."""
    slug = fold_slug(text)
    if len(slug) <= max_length:
        return slug
    return slug[:max_length].rsplit("-", 1)[0]


def get_or_create_image(key):
    title, alt_vi, alt_en = content.IMAGES[key]
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(
            title=title,
            description_vi=alt_vi,
            description_en=alt_en,
            credit_vi=content.IMAGE_CREDIT[0],
            credit_en=content.IMAGE_CREDIT[1],
        )
        image.file = ImageFile(io.BytesIO(draw_png(key)), name=f"news-{key}.png")
        image.save()
    return image


def image_for(source, key):
    return core_demo.get_or_create_image(key) if source == "core" else get_or_create_image(key)


def ensure_index(home):
    index = NewsIndexPage.objects.first()
    if index is not None:
        return index
    index = NewsIndexPage(**content.INDEX, show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def ensure_categories():
    categories = {}
    for order, spec in enumerate(content.CATEGORIES):
        category = Category.objects.filter(name_vi=spec["name_vi"]).first()
        if category is None:
            category = Category.objects.create(
                name_vi=spec["name_vi"],
                name_en=spec["name_en"],
                slug_en=spec["slug_en"],
                description_vi=spec["description_vi"],
                description_en=spec["description_en"],
                sort_order=order,
            )
        categories[spec["key"]] = category
    return categories


def ensure_authors():
    authors = {}
    for spec in content.AUTHORS:
        author = Author.objects.filter(name_vi=spec["name_vi"]).first()
        if author is None:
            author = Author.objects.create(
                name_vi=spec["name_vi"],
                name_en=spec["name_en"] or None,
                role_vi=spec["role_vi"],
                role_en=spec["role_en"],
            )
        authors[spec["key"]] = author
    return authors


def ensure_tags():
    tags = {}
    for key, (name_vi, name_en) in content.TAGS.items():
        tag = Tag.objects.filter(name_vi=name_vi).first()
        if tag is None:
            tag = Tag(name_vi=name_vi, name_en=name_en)
            tag.save()
        tags[key] = tag
    return tags


def resolve(value, pages, images):
    """Replace ``{article-key}`` and ``{image:key}`` placeholders in block data with ids."""
    if isinstance(value, str):

        def replace(match):
            name = match.group(1)
            if name.startswith("image:"):
                return str(images[name.removeprefix("image:")].pk)
            return str(pages[name].pk) if name in pages else match.group(0)

        replaced = _PLACEHOLDER.sub(replace, value)
        # An image chooser holds the id itself, not a string containing it.
        return int(replaced) if value.startswith("{image:") else replaced
    if isinstance(value, dict):
        return {key: resolve(item, pages, images) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, pages, images) for item in value]
    return value


def local_datetime(text):
    return timezone.make_aware(datetime.datetime.strptime(text, "%Y-%m-%d %H:%M"))


@transaction.atomic
def load(log=print):
    home = HomePage.objects.first()
    if home is None:
        log("News: no home page yet, nothing done.")
        return None
    index = ensure_index(home)
    categories = ensure_categories()
    authors = ensure_authors()
    tags = ensure_tags()
    images = {"meeting": get_or_create_image("meeting")}
    pages = {}
    created = 0
    for spec in content.ARTICLES:
        slug_vi = short_slug(spec["title_vi"])
        article = ArticlePage.objects.child_of(index).filter(slug_vi=slug_vi).first()
        if article is None:
            article = ArticlePage(
                title_vi=spec["title_vi"],
                title_en=spec["title_en"],
                slug_vi=slug_vi,
                slug_en=short_slug(spec["title_en"]),
                lead_vi=spec["lead_vi"],
                lead_en=spec["lead_en"],
                hero_image=image_for(*spec["image"]),
                hero_caption_vi=spec.get("hero_caption_vi", ""),
                hero_caption_en=spec.get("hero_caption_en", ""),
                body_vi=resolve(spec.get("body_vi", []), pages, images),
                body_en=resolve(spec.get("body_en", []), pages, images),
                category=categories[spec["category"]],
                publication_date=local_datetime(spec["date"]),
                must_see=spec["must_see"],
            )
            index.add_child(instance=article)
            article.authors.set([authors[key] for key in spec["authors"]])
            article.tags.set([tags[key] for key in spec["tags"]])
            article.save_revision().publish()
            created += 1
        pages[spec["key"]] = article
    log(f"News: {created} articles created, {len(content.ARTICLES) - created} already there.")
    return index
