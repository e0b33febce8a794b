"""Editors open and close comments per article, after N days, and for the whole site; the
public page counts and describes approved comments in a fixed number of queries."""

import json
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hanoi_creative.comments import moderation
from hanoi_creative.comments.models import Comment, CommentSettings, Status
from tests.comments_helpers import anonymous, article_html, comment_article, post_comment
from tests.news_helpers import page_url, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return comment_article()


def test_the_site_wide_switch_closes_every_article(article):
    settings = CommentSettings.load()
    settings.enabled = False
    settings.save()
    html = article_html(article)
    assert 'id="comment-form"' not in html
    assert "Bài viết này đã đóng bình luận." in html
    assert "Nguyễn Minh Anh" in html  # published comments stay
    response = post_comment(anonymous(), article)
    assert response.status_code == 403
    assert "đã đóng bình luận" in response.content.decode()


def test_comments_close_n_days_after_publication(article):
    settings = CommentSettings.load()
    settings.close_after_days = 10
    settings.save()
    type(article).objects.filter(pk=article.pk).update(publication_date=timezone.now() - timedelta(days=11))
    assert post_comment(anonymous(), article, "en", json=True).status_code == 403
    type(article).objects.filter(pk=article.pk).update(publication_date=timezone.now() - timedelta(days=9))
    assert post_comment(anonymous(), article, "en", json=True).status_code == 200


def test_an_editor_closes_one_article(article, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.set_closed(article, True)
    assert 'id="comment-form"' not in article_html(article, "en")
    assert post_comment(anonymous(), article).status_code == 403
    other = type(article).objects.live().exclude(pk=article.pk).first()
    assert post_comment(anonymous(), other).status_code == 200


def test_cards_show_the_approved_comment_count_in_the_page_language(client, article):
    vi = client.get(url("news:index", "vi")).content.decode()
    en = client.get(url("news:index", "en")).content.decode()
    # Vietnamese: two approved comments and one newsroom reply; the pending one is not counted.
    assert "3 bình luận" in vi
    assert "3 comments" in en


def test_json_ld_has_comment_count_and_comments_when_there_are_approved_ones(client, article):
    html = client.get(page_url(article, "en")).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = [json.loads(block) for block in blocks]
    news = next(item for item in data if item.get("@type") == "NewsArticle")
    assert news["commentCount"] == 3
    assert news["comment"][0]["@type"] == "Comment"
    assert news["comment"][0]["author"]["name"] == "Emma Clarke"
    assert news["comment"][0]["comment"][0]["author"]["@type"] == "Organization"

    other = type(article).objects.live().exclude(pk=article.pk).filter(title_en__gt="").first()
    html = client.get(page_url(other, "en")).content.decode()
    assert "commentCount" not in html


def test_article_page_queries_do_not_grow_with_the_number_of_comments(client, article):
    address = page_url(article, "vi")
    client.get(address)
    with CaptureQueriesContext(connection) as before:
        client.get(address)
    parent = Comment.objects.filter(language="vi", status=Status.APPROVED, parent__isnull=True).first()
    Comment.objects.bulk_create(
        [
            Comment(
                article=article,
                language="vi",
                name=f"Độc giả {number}",
                email="a@example.com",
                body=f"Ý kiến số {number}",
                status=Status.APPROVED,
                parent=parent if number % 2 else None,
            )
            for number in range(60)
        ]
    )
    with CaptureQueriesContext(connection) as after:
        response = client.get(address)
    assert "Ý kiến số 59" in response.content.decode()
    assert len(after) == len(before)


def test_ip_addresses_older_than_30_days_are_dropped_keeping_a_hash(article):
    old = Comment.objects.create(
        article=article, language="vi", name="A", email="a@example.com", body="cũ", ip_address="203.0.113.5"
    )
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    recent = Comment.objects.create(
        article=article, language="vi", name="B", email="b@example.com", body="mới", ip_address="203.0.113.6"
    )
    call_command("purge_comment_ips", verbosity=0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_address is None and len(old.ip_hash) == 64
    assert recent.ip_address == "203.0.113.6"


def test_changing_the_settings_reaches_every_cached_article(article, django_capture_on_commit_callbacks):
    from hanoi_creative.core.invalidation import content_changed

    heard = []

    def receiver(sender, pages=(), objects=(), **kwargs):
        heard.extend(page.pk for page in pages)

    content_changed.connect(receiver, weak=False)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            settings = CommentSettings.load()
            settings.enabled = False
            settings.save()
    finally:
        content_changed.disconnect(receiver)
    assert article.pk in heard
