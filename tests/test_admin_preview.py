"""Preview an article in Vietnamese and in English before publishing; compare revisions."""

import pytest

from tests.newsroom_forms import page_edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_article, reporter):
    return make_article(
        "Không gian sáng tạo mới ở phố cổ", "A new creative space in the Old Quarter", owner=reporter
    )


def preview(client, user, page, mode):
    data = page_edit_data(page, user)
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(url, data).json()["is_valid"]
    return client.get(url, {"mode": mode})


def test_preview_modes_offer_both_languages(draft):
    assert [code for code, _label in draft.preview_modes] == ["vi", "en"]


@pytest.mark.parametrize(
    "mode,shown,hidden",
    [
        ("vi", "Không gian sáng tạo mới ở phố cổ", "A new creative space in the Old Quarter"),
        ("en", "A new creative space in the Old Quarter", "Không gian sáng tạo mới ở phố cổ"),
    ],
)
def test_unpublished_article_previews_in_each_language(client, editor, draft, mode, shown, hidden):
    client.force_login(editor)
    response = preview(client, editor, draft, mode)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{mode}"' in html
    assert shown in html
    assert f"<h1>{hidden}" not in html
    assert not draft.live


def test_reporter_previews_their_own_draft_in_english(client, reporter, draft):
    client.force_login(reporter)
    response = preview(client, reporter, draft, "en")
    assert response.status_code == 200
    assert "A new creative space in the Old Quarter" in response.content.decode()


def test_revisions_compare_side_by_side(client, editor, draft):
    first = draft.get_latest_revision()
    draft.title_en = "A new creative hub in the Old Quarter"
    second = draft.save_revision(user=editor)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{draft.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<span class="deletion">space</span><span class="addition">hub</span>' in html


def test_preview_may_be_framed_by_the_editor(client, editor, draft):
    """Wagtail renders a preview by sending the page's public path through the middleware; its
    answer is shown inside the editor's frame, so it carries the admin's frame-ancestors."""
    client.force_login(editor)
    response = preview(client, editor, draft, "vi")
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "'none'" not in policy.split("frame-ancestors")[1].split(";")[0]
