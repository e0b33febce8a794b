"""Moderation in the Wagtail admin, over HTTP as each role, in both admin languages."""

import re

import pytest
from wagtail.users.models import UserProfile

from hanoi_creative.comments.models import ArticleCommentState, Comment, Status
from hanoi_creative.core.invalidation import content_changed
from tests.comments_helpers import anonymous, article_html, comment_article, post_comment

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/"


@pytest.fixture
def article():
    return comment_article()


@pytest.fixture
def heard():
    pages = []

    def receiver(sender, pages=(), objects=(), **kwargs):
        heard_pages.extend(page.pk for page in pages)

    heard_pages = pages
    content_changed.connect(receiver, weak=False)
    yield pages
    content_changed.disconnect(receiver)


def refused(response):
    """Wagtail answers a refused admin request by sending the user back to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


def speak(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_an_editor_sees_the_queue_with_tabs_and_the_pending_comment(client, editor, article):
    speak(editor, "vi")
    client.force_login(editor)
    html = client.get(QUEUE).content.decode()
    assert "Lê Thu Hà" in html and "thuha@example.com" in html
    assert "Nguyễn Minh Anh" not in html  # approved: another tab
    for tab in ("Chờ duyệt (1)", "Đã duyệt (6)", "Đã từ chối (0)", "Thư rác (0)"):
        assert tab in html
    assert article.title_vi in html
    approved = client.get(QUEUE + "?status=approved").content.decode()
    assert "Nguyễn Minh Anh" in approved and "Emma Clarke" in approved


def test_the_queue_speaks_english_to_an_english_editor(client, editor):
    speak(editor, "en")
    client.force_login(editor)
    html = client.get(QUEUE).content.decode()
    assert "Pending (1)" in html and "Mark as spam" in html


def test_bulk_approve_shows_comments_on_the_next_request(
    client, editor, article, heard, django_capture_on_commit_callbacks
):
    for number in range(2):
        post_comment(anonymous(), article, body=f"Chờ duyệt số {number}", ip=f"203.0.113.{number + 20}")
    ids = list(Comment.objects.filter(body__startswith="Chờ duyệt số").values_list("pk", flat=True))
    assert "Chờ duyệt số 0" not in article_html(article)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(QUEUE + "bulk/", {"comment": ids, "action": "approve", "next": QUEUE})
    assert response.status_code == 302
    assert heard == [article.pk]
    html = article_html(article)
    assert "Chờ duyệt số 0" in html and "Chờ duyệt số 1" in html

    with django_capture_on_commit_callbacks(execute=True):
        client.post(QUEUE + "bulk/", {"comment": ids[:1], "action": "spam"})
    assert Comment.objects.get(pk=ids[0]).status == Status.SPAM
    assert "Chờ duyệt số 0" not in article_html(article)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(QUEUE + "bulk/", {"comment": ids[1:], "action": "delete"})
    assert not Comment.objects.filter(pk=ids[1]).exists()
    assert "Chờ duyệt số 1" not in article_html(article)
    assert heard == [article.pk] * 3


def test_a_reporter_moderates_only_comments_on_their_own_articles(client, reporter, make_article, article):
    own = make_article("Bài của phóng viên", "Reporter's article", owner=reporter, live=True)
    mine = Comment.objects.create(
        article=own, language="vi", name="X", email="x@example.com", body="Về bài của tôi"
    )
    client.force_login(reporter)
    html = client.get(QUEUE).content.decode()
    assert "Về bài của tôi" in html
    assert "Lê Thu Hà" not in html
    others = Comment.objects.get(name="Lê Thu Hà")
    client.post(QUEUE + "bulk/", {"comment": [mine.pk, others.pk], "action": "approve"})
    mine.refresh_from_db()
    others.refresh_from_db()
    assert mine.status == Status.APPROVED
    assert others.status == Status.PENDING
    # Replies as the newsroom, commenters' data and open/close are the editors'.
    assert refused(client.get(f"{QUEUE}{mine.pk}/reply/"))
    assert refused(client.get(QUEUE + "erase/"))
    assert refused(client.post(f"{QUEUE}article/{own.pk}/open-close/", {"closed": "1"}))
    assert not ArticleCommentState.objects.filter(article=own).exists()
    assert refused(client.post(QUEUE + "bulk/", {"comment": [mine.pk], "action": "delete"}))
    assert Comment.objects.filter(pk=mine.pk).exists()


def test_translators_see_no_comments(client, translator):
    client.force_login(translator)
    assert refused(client.get(QUEUE))
    pending = Comment.objects.get(name="Lê Thu Hà")
    assert refused(client.post(QUEUE + "bulk/", {"comment": [pending.pk], "action": "approve"}))
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    home = client.get("/admin/").content.decode()
    assert "comments-awaiting-moderation" not in home
    assert 'href="/admin/comments/"' not in home


def test_the_dashboard_counts_comments_awaiting_moderation(client, editor, reporter, article):
    speak(editor, "vi")
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert re.search(r'data-comments-pending="1"', html)
    assert "Bình luận chờ duyệt" in html
    speak(editor, "en")
    assert "Comments awaiting moderation" in client.get("/admin/").content.decode()
    client.force_login(reporter)
    assert 'data-comments-pending="0"' in client.get("/admin/").content.decode()


def test_an_editor_replies_as_the_newsroom(client, editor, article, django_capture_on_commit_callbacks):
    parent = Comment.objects.get(name="Trần Quốc Bảo")
    speak(editor, "en")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{QUEUE}{parent.pk}/reply/", {"body": "Cảm ơn ý kiến của bạn."})
    assert response.status_code == 302
    reply = Comment.objects.get(body="Cảm ơn ý kiến của bạn.")
    assert reply.by_newsroom and reply.parent == parent and reply.status == Status.APPROVED
    assert reply.name == "Tòa soạn"  # the comment's language, not the editor's
    html = article_html(article)
    assert "Cảm ơn ý kiến của bạn." in html
    assert html.count("comment__badge") >= 2


def test_an_editor_closes_and_reopens_an_article(client, editor, article, django_capture_on_commit_callbacks):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}article/{article.pk}/open-close/", {"closed": "1"})
    assert ArticleCommentState.objects.get(article=article).closed
    assert 'id="comment-form"' not in article_html(article)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}article/{article.pk}/open-close/", {"closed": "0"})
    assert 'id="comment-form"' in article_html(article)


def test_an_editor_deletes_a_commenters_data_by_email(client, editor, article):
    client.force_login(editor)
    response = client.post(QUEUE + "erase/", {"email": "MINHANH@example.com"})
    assert 'data-found="1"' in response.content.decode()
    client.post(QUEUE + "erase/", {"email": "minhanh@example.com", "confirm": "1"})
    assert not Comment.objects.filter(email__iexact="minhanh@example.com").exists()
    assert "Nguyễn Minh Anh" not in article_html(article)
    assert client.post(QUEUE + "erase/", {"email": "không hợp lệ"}).status_code == 200


def test_editors_change_the_comment_settings(client, editor):
    client.force_login(editor)
    response = client.get("/admin/settings/comments/commentsettings/", follow=True)
    assert response.status_code == 200
    assert "blocked_words" in response.content.decode()


def test_the_article_listing_links_to_its_comments(client, editor, article):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f"/admin/comments/?article={article.pk}" in html.replace("&amp;", "&")
