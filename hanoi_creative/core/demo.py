"""Build the programme's pages (home and three standard pages) in both languages.

Safe to rerun: anything that already exists is left exactly as it is.
"""

import io

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from . import demo_content as content
from .demo_images import draw_png
from .models import HomePage, PublisherSettings, StandardPage


def get_or_create_image(key):
    spec = content.IMAGES[key]
    Image = get_image_model()
    image = Image.objects.filter(title=spec["title"]).first()
    if image is None:
        image = Image(
            title=spec["title"],
            description_vi=spec["alt_vi"],
            description_en=spec["alt_en"],
            credit_vi=spec["credit_vi"],
            credit_en=spec["credit_en"],
        )
        image.file = ImageFile(io.BytesIO(draw_png(key)), name=f"demo-{key}.png")
        image.save()
    return image


def _resolve_stream(blocks, pages):
    """Replace page keys in call-to-action blocks with page ids."""
    resolved = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "call_to_action" and isinstance(value.get("page"), str):
            value = {**value, "page": pages[value["page"]].pk}
        resolved.append({"type": block["type"], "value": value})
    return resolved


def publish(page):
    page.save_revision().publish()


def ensure_home():
    """Return the site's HomePage, replacing Wagtail's default welcome page the first time."""
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    # Wagtail's migrations leave a plain "Welcome" page as the site root; it would clash with
    # the home page's slug, so it goes (with its Site, which points at it) when it is empty.
    for welcome in root.get_children().filter(
        content_type__model="page", content_type__app_label="wagtailcore"
    ):
        if not welcome.get_children().exists():
            welcome.delete()
    spec = content.HOME
    home = HomePage(
        title_vi=spec["title_vi"],
        title_en=spec["title_en"],
        slug_vi=spec["slug_vi"],
        slug_en=spec["slug_en"],
        intro_vi=spec["intro_vi"],
        intro_en=spec["intro_en"],
        hero_image=get_or_create_image(spec["image"]),
    )
    root.add_child(instance=home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    publish(home)
    return home, True


@transaction.atomic
def load(log=print):
    home, created_home = ensure_home()
    created = []
    pages = {}
    for spec in content.PAGES:
        page = StandardPage.objects.child_of(home).filter(slug_vi=spec["slug_vi"]).first()
        if page is None:
            page = StandardPage(
                title_vi=spec["title_vi"],
                title_en=spec["title_en"],
                slug_vi=spec["slug_vi"],
                slug_en=spec["slug_en"],
                intro_vi=spec["intro_vi"],
                intro_en=spec["intro_en"],
                hero_caption_vi=spec["hero_caption_vi"],
                hero_caption_en=spec["hero_caption_en"],
                hero_image=get_or_create_image(spec["image"]),
                body_vi=spec["body_vi"],
                body_en=spec["body_en"],
                show_in_menus=True,
            )
            home.add_child(instance=page)
            publish(page)
            created.append(page)
        pages[spec["key"]] = page
    if created_home:
        home.body_vi = _resolve_stream(content.HOME["body_vi"], pages)
        home.body_en = _resolve_stream(content.HOME["body_en"], pages)
        home.save()
        publish(home)
    load_publisher(home)
    log(
        f"Programme pages: {len(created) + int(created_home)} created, "
        f"{len(content.PAGES) + 1 - len(created) - int(created_home)} already there."
    )
    return home


def load_publisher(home):
    """The footer's publisher details, filled once (an administrator's edits stay)."""
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    publisher = PublisherSettings.for_site(site)
    if publisher.name_vi:
        return
    for field, value in content.PUBLISHER.items():
        setattr(publisher, field, value)
    publisher.save()
