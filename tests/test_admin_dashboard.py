"""Dashboard panels: awaiting my review, scheduled, recently published, missing English."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import ArticlePage

pytestmark = pytest.mark.django_db


def panel(html, panel_id):
    """(count, the panel's HTML up to the next panel) for one newsroom panel."""
    match = re.search(rf'data-newsroom-panel="{panel_id}" data-newsroom-count="(\d+)"', html)
    assert match, f"panel {panel_id} missing"
    rest = html[match.end() :]
    end = rest.find("data-newsroom-panel=")
    return int(match.group(1)), rest if end < 0 else rest[:end]


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_awaiting_my_review_lists_submissions_for_editors(client, editor, reporter, make_article):
    article = make_article("Triển lãm thiết kế đô thị", owner=reporter)
    article.get_workflow().start(article, reporter)
    count, html = panel(dashboard(client, editor), "newsroom-awaiting-review")
    assert count == 1
    assert f"/admin/pages/{article.pk}/edit/" in html
    assert "Triển lãm thiết kế đô thị" in html
    # Reporters review nothing.
    assert panel(dashboard(client, reporter), "newsroom-awaiting-review")[0] == 0


def test_scheduled_panel_lists_go_live_and_expiry(client, editor, make_article):
    coming = make_article("Bài lên lịch")
    coming.go_live_at = timezone.now() + timedelta(days=1)
    coming.save_revision().publish()
    leaving = make_article("Bài sắp hết hạn", live=True)
    leaving.expire_at = timezone.now() + timedelta(days=2)
    leaving.save(update_fields=["expire_at"])
    count, html = panel(dashboard(client, editor), "newsroom-scheduled")
    assert count >= 2
    assert f"/admin/pages/{coming.pk}/edit/" in html
    assert f"/admin/pages/{leaving.pk}/edit/" in html


def test_recently_published_lists_new_articles_first(client, editor, make_article):
    older = make_article("Bài đăng trước", "Published earlier", live=True)
    article = make_article("Bài vừa đăng", "Just published", live=True)
    ArticlePage.objects.filter(pk=older.pk).update(last_published_at=timezone.now() - timedelta(minutes=5))
    count, html = panel(dashboard(client, editor), "newsroom-recently-published")
    assert count >= 2
    assert html.index(f"/admin/pages/{article.pk}/edit/") < html.index(f"/admin/pages/{older.pk}/edit/")
    assert article.url_in("vi") in html or article.get_url() in html


def test_missing_english_counts_published_pages_without_english(client, translator, make_article):
    before = panel(dashboard(client, translator), "newsroom-missing-english")[0]
    article = make_article("Bài chưa dịch", live=True)
    count, html = panel(dashboard(client, translator), "newsroom-missing-english")
    assert count == before + 1
    assert f"/admin/pages/{article.pk}/edit/" in html
    article.title_en = "Now translated"
    article.save_revision().publish()
    assert panel(dashboard(client, translator), "newsroom-missing-english")[0] == before


def test_dashboard_queries_do_not_grow_with_the_newsroom(client, editor, reporter, make_article):
    def queries():
        client.force_login(editor)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured)

    def add(count, prefix):
        for i in range(count):
            article = make_article(f"{prefix} nộp {i}", owner=reporter)
            article.get_workflow().start(article, reporter)
            make_article(f"{prefix} đăng {i}", live=True)

    add(2, "Bài")
    queries()  # the first visit also sets up the user's admin profile
    few = queries()
    add(10, "Thêm bài")
    assert queries() == few
