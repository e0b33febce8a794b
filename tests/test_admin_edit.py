"""The Wagtail editor shows every translatable field, StreamField included, in both languages."""

import json
import re

import pytest

from hanoi_creative.core.models import HomePage, StandardPage
from tests.page_forms import standard_page_form

pytestmark = pytest.mark.django_db


def edit_form(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "model,fields",
    [
        (HomePage, ["title", "slug", "intro", "body", "seo_title", "search_description"]),
        (StandardPage, ["title", "slug", "intro", "hero_caption", "body", "seo_title", "search_description"]),
    ],
)
def test_edit_view_shows_both_languages_fields(client, admin_user, model, fields):
    client.force_login(admin_user)
    html = edit_form(client, model.objects.first())
    for field in fields:
        for language in ("vi", "en"):
            # Plain inputs carry the name; a StreamField is a block editor rooted at its id.
            assert f'name="{field}_{language}"' in html or f'id="{field}_{language}"' in html, field


def test_streamfield_content_is_editable_per_language(client, admin_user):
    client.force_login(admin_user)
    page = StandardPage.objects.get(slug_en="action-programme")
    html = edit_form(client, page)
    # Each language's StreamField is its own block editor, initialised with its own content.
    assert 'id="body_vi"' in html and 'id="body_en"' in html
    # The block data is JSON inside an attribute, so non-ASCII letters may be escaped.
    vietnamese = "Đề án của UNESCO với 3 trụ cột"
    assert vietnamese in html or json.dumps(vietnamese)[1:-1] in html
    assert "project and its three pillars" in html


def test_slug_fields_fold_vietnamese_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    html = edit_form(client, StandardPage.objects.first())
    widget = re.search(r'<input[^>]*name="slug_vi"[^>]*>', html).group(0)
    formatters = json.loads(
        re.search(r"data-w-slug-formatters-value=\"([^\"]+)\"", widget).group(1).replace("&quot;", '"')
    )
    replacements = {replace for _pattern, replace in formatters}
    assert {"a", "d", "D", "o", "u"} <= replacements
    # Each formatter is [[regex source, flags], replacement].
    (pattern_for_d, _flags) = next(pattern for pattern, replace in formatters if replace == "d")
    assert "đ" in pattern_for_d


def test_english_title_and_slug_can_be_saved_from_the_editor(client, admin_user):
    client.force_login(admin_user)
    home = HomePage.objects.get()
    data = standard_page_form(
        title_vi="Làng nghề truyền thống",
        title_en="Traditional craft villages",
        intro_vi="Hàng trăm làng nghề truyền thống.",
        intro_en="Hundreds of traditional craft villages.",
        **{"action-publish": "publish"},
    )
    response = client.post(f"/admin/pages/add/core/standardpage/{home.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(title_vi="Làng nghề truyền thống")
    assert page.slug_vi == "lang-nghe-truyen-thong"
    assert page.slug_en == "traditional-craft-villages"
    assert client.get("/en/traditional-craft-villages/").status_code == 200
