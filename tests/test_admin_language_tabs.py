"""The page editor shows one tab per language (Vietnamese first, with the shared fields), so a
translator finds an English field without scrolling past every Vietnamese one."""

import re

import pytest

from hanoi_creative.core.models import HomePage, StandardPage
from news.models import ArticlePage, NewsIndexPage
from tests.newsroom_forms import page_edit_data
from tests.translation_helpers import logged_in

pytestmark = pytest.mark.django_db


def _tabs(html):
    """{tab heading: HTML of its panel} from the editor's tab list."""
    headings = dict(re.findall(r'<a id="tab-label-([\w-]+)"[^>]*role="tab"[^>]*>\s*([^<]+?)\s*<', html))
    panels = {}
    for ident, heading in headings.items():
        start = html.index(f'id="tab-{ident}"')
        following = [html.find(f'id="tab-{other}"', start + 1) for other in headings if other != ident]
        end = min([position for position in following if position > start] or [len(html)])
        panels[heading] = html[start:end]
    return panels


def _edit_page(client, user, language, page):
    logged_in(client, user, language)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("model", [ArticlePage, StandardPage, HomePage, NewsIndexPage])
def test_each_language_has_its_own_tab(client, admin_user, language, model):
    page = model.objects.live().first()
    tabs = _tabs(_edit_page(client, admin_user, language, page))
    names = list(tabs)
    assert names[:2] == ["Tiếng Việt", "English"], names
    vietnamese, english = tabs["Tiếng Việt"], tabs["English"]
    assert 'name="title_vi"' in vietnamese and 'name="title_en"' not in vietnamese
    assert 'name="title_en"' in english and 'name="title_vi"' not in english
    assert "_vi" not in " ".join(re.findall(r'name="([\w-]+)"', english))
    if model is ArticlePage:
        assert 'data-contentpath="body_vi"' in vietnamese and 'data-contentpath="body_en"' in english
        # Shared fields stay with the Vietnamese, where the article is written.
        for shared in ("hero_image", "category", "tags"):
            assert f'name="{shared}"' in vietnamese and f'name="{shared}"' not in english


def test_the_tabbed_editor_saves_both_languages(client, editor):
    article = ArticlePage.objects.live().exclude(title_en="").first()
    client.force_login(editor)
    data = page_edit_data(article, editor)
    data["title_en"] = article.title_en + " (updated)"
    data["lead_vi"] = article.lead_vi + " Cập nhật."
    data["action-publish"] = "publish"
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_en.endswith("(updated)") and article.lead_vi.endswith("Cập nhật.")
