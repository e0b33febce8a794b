"""Readers post comments without an account, with or without JavaScript, on a page that may
come from a shared cache; nothing shows before an editor approves it."""

import re

import pytest
from django.utils import translation

from hanoi_creative.comments import moderation
from hanoi_creative.comments.models import Comment, Status
from hanoi_creative.core.invalidation import content_changed
from tests.comments_helpers import (
    TOKEN,
    anonymous,
    article_html,
    comment_article,
    post_comment,
    post_url,
)
from tests.news_helpers import page_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return comment_article()


@pytest.fixture
def heard():
    """Pages the cache layers were told about."""
    pages = []

    def receiver(sender, pages=(), objects=(), **kwargs):
        heard_pages.extend(page.pk for page in pages)

    heard_pages = pages
    content_changed.connect(receiver, weak=False)
    yield pages
    content_changed.disconnect(receiver)


def test_article_page_shows_the_approved_comments_of_its_own_language(client, article):
    vi = client.get(page_url(article, "vi")).content.decode()
    en = client.get(page_url(article, "en")).content.decode()
    assert "Nguyễn Minh Anh" in vi and "Emma Clarke" not in vi
    assert "Emma Clarke" in en and "Nguyễn Minh Anh" not in en
    # The pending demo comment shows nowhere.
    assert "Lê Thu Hà" not in vi and "Lê Thu Hà" not in en
    assert "Bình luận" in vi and "Comments" in en
    assert "comment--newsroom" in vi and "Tòa soạn" in vi


def test_article_html_holds_no_per_reader_state(article):
    response = anonymous().get(page_url(article))
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert TOKEN.search(html)
    # No inline script: the enhancement is an external file.
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>(?!\s*\{)", html.split('id="comments"')[1]) is None
    assert "/static/js/comments.js" in html


def test_a_reader_posts_from_cached_html_without_a_session(article, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    html = article_html(article)  # as a page cache would have stored it for someone else
    token = TOKEN.search(html).group(1)
    reader = anonymous()
    response = post_comment(reader, article, token=token, body="Tôi rất thích bài này!")
    assert response.status_code == 200
    text = response.content.decode()
    assert "chờ duyệt" in text
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    comment = Comment.objects.get(body="Tôi rất thích bài này!")
    assert comment.status == Status.PENDING
    assert comment.language == "vi"
    assert comment.ip_address == "203.0.113.7" and len(comment.ip_hash) == 64
    assert "Tôi rất thích bài này!" not in article_html(article)


def test_an_approved_comment_shows_on_the_next_request_and_the_caches_hear_of_it(
    article, heard, editor, django_capture_on_commit_callbacks
):
    post_comment(anonymous(), article, body="Mong sớm có bản đồ các không gian sáng tạo.")
    comment = Comment.objects.get(body="Mong sớm có bản đồ các không gian sáng tạo.")
    assert "bản đồ các không gian" not in article_html(article)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.set_status(Comment.objects.filter(pk=comment.pk), Status.APPROVED, editor)
    assert heard == [article.pk]
    assert "Mong sớm có bản đồ các không gian sáng tạo." in article_html(article)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.set_status(Comment.objects.filter(pk=comment.pk), Status.REJECTED, editor)
    assert heard == [article.pk, article.pk]
    assert "bản đồ các không gian" not in article_html(article)


def test_an_english_reader_gets_english_answers(article):
    response = post_comment(anonymous(), article, "en", body="Lovely article.")
    assert response.status_code == 200
    assert "awaits moderation" in response.content.decode()
    assert Comment.objects.get(body="Lovely article.").language == "en"


def test_posting_with_javascript_answers_in_json(article):
    response = post_comment(anonymous(), article, json=True, body="Gửi bằng JavaScript.")
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is True and "chờ duyệt" in data["message"]
    assert "no-store" in response["Cache-Control"]
    bad = post_comment(anonymous(), article, json=True, email="không-phải-email")
    assert bad.status_code == 400
    assert "email" in bad.json()["errors"]


def test_a_reader_replies_to_an_approved_top_level_comment_only(article):
    parent = Comment.objects.get(name="Trần Quốc Bảo")
    ok = post_comment(anonymous(), article, parent=str(parent.pk), body="Đồng ý với bạn.")
    assert ok.status_code == 200
    assert Comment.objects.get(body="Đồng ý với bạn.").parent == parent

    pending = Comment.objects.get(name="Lê Thu Hà")
    refused = post_comment(anonymous(), article, parent=str(pending.pk), body="Trả lời bình luận chờ duyệt.")
    assert refused.status_code == 400
    newsroom_reply = Comment.objects.filter(by_newsroom=True, language="vi").first()
    refused = post_comment(anonymous(), article, parent=str(newsroom_reply.pk), body="Trả lời một trả lời.")
    assert refused.status_code == 400
    english = Comment.objects.get(name="Emma Clarke")
    refused = post_comment(anonymous(), article, parent=str(english.pk), body="Trả lời bình luận tiếng Anh.")
    assert refused.status_code == 400


def test_the_reply_form_without_javascript_names_the_comment(article):
    parent = Comment.objects.get(name="Trần Quốc Bảo")
    response = anonymous().get(post_url(article) + f"?reply={parent.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trả lời Trần Quốc Bảo" in html
    assert f'name="parent"\n           value="{parent.pk}"' in html or f'value="{parent.pk}"' in html
    assert "no-store" in response["Cache-Control"]


def test_text_is_escaped_links_are_not_clickable_and_line_breaks_stay(article, editor):
    body = '<script>alert("x")</script> <b>đậm</b>\nXem http://example.com/a'
    assert post_comment(anonymous(), article, body=body).status_code == 200
    moderation.set_status(Comment.objects.filter(body__startswith="<script>"), Status.APPROVED, editor)
    html = article_html(article)
    assert "<script>alert" not in html
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;đậm&lt;/b&gt;"
    assert f"{escaped}<br>Xem http://example.com/a" in html
    assert 'href="http://example.com/a"' not in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "Có ký tự\x00 rỗng"}, "Null characters are not allowed"),
        ({"body": "x" * 100_000}, "2000"),
        ({"email": "không-phải-email"}, "email"),
        ({"name": "   "}, "bắt buộc"),
        ({"body": "  \n "}, "bắt buộc"),
        ({"token": "giả-mạo"}, "không còn hợp lệ"),
        ({"parent": "abc"}, ""),
    ],
)
def test_bad_input_gets_a_form_error_never_a_500(article, fields, message):
    response = post_comment(anonymous(), article, **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vui lòng sửa các lỗi bên dưới" in html
    if message:
        assert message.lower() in html.lower() or message in html
    assert not Comment.objects.filter(email="duc@example.com").exists()


def test_a_token_for_another_article_or_language_is_refused(article):
    from tests.comments_helpers import old_token

    other = type(article).objects.exclude(pk=article.pk).live().first()
    assert post_comment(anonymous(), article, token=old_token(other)).status_code == 400
    assert post_comment(anonymous(), article, token=old_token(article, "en")).status_code == 400


def test_unknown_or_untranslated_article_is_a_404(article, make_article):
    assert anonymous().post("/vi/binh-luan/999999/", {}).status_code == 404
    vietnamese_only = make_article("Chỉ có tiếng Việt", live=True)
    assert post_comment(anonymous(), vietnamese_only, "en").status_code == 404
    assert post_comment(anonymous(), vietnamese_only, "vi").status_code == 200


def test_the_form_and_answers_carry_a_privacy_notice_in_both_languages(article):
    assert "không bao giờ hiển thị" in article_html(article, "vi")
    assert "never shown" in article_html(article, "en")
    with translation.override("vi"):
        assert "30 ngày" in article_html(article, "vi")
