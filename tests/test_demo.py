"""load_demo builds the programme's pages in both languages and is safe to rerun."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from hanoi_creative.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def snapshot():
    pages = list(
        Page.objects.order_by("path").values_list(
            "path", "title_vi", "title_en", "slug_vi", "slug_en", "live", "last_published_at"
        )
    )
    return {
        "pages": pages,
        "revisions": Revision.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", "file")),
        "sites": list(Site.objects.values_list("pk", "root_page_id", "is_default_site")),
    }


def test_load_demo_is_idempotent():
    before = snapshot()
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_demo_has_home_and_three_programme_pages_in_both_languages():
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    pages = StandardPage.objects.child_of(home)
    assert {page.title_en for page in pages} >= {
        "The UNESCO Creative Cities Network",
        "Hanoi's 2019 designation",
        "The action programme",
    }
    for page in pages:
        assert page.live and page.title_vi and page.title_en and page.body_vi and page.body_en
        assert page.hero_image is not None
        assert page.url_path_en.startswith("/home/")


def test_demo_content_is_article_text_not_page_chrome():
    for page in StandardPage.objects.all():
        text = f"{page.intro_vi} {page.body_vi.raw_data}"
        assert "ĐANG TẢI DỮ LIỆU" not in text.upper()
        assert "Phiên bản di động" not in text


def test_demo_pages_state_the_programmes_facts():
    designation = StandardPage.objects.get(slug_en="hanoi-2019-designation")
    assert "31/10/2019" in designation.intro_vi and "31 October 2019" in designation.intro_en
    assert "Creative City of Design" in designation.intro_en
    action = StandardPage.objects.get(slug_en="action-programme")
    body_en = str(action.body_en.raw_data)
    for fact in (
        "education",
        "urbanisation",
        "culture and soft power",
        "2030",
        "2045",
        "green, smart and modern",
    ):
        assert fact in body_en
    network = StandardPage.objects.get(slug_en="unesco-creative-cities-network")
    assert "180" in network.intro_en and "72" in network.intro_en and "2004" in str(network.body_en.raw_data)


def test_demo_images_have_alt_text_in_both_languages():
    for image in get_image_model().objects.all():
        assert image.description_vi and image.description_en
