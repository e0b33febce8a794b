"""Spam and floods cost the newsroom little: honeypot, minimum time, rate limits shared through
the cache, link limit, duplicates, and an accent-insensitive word list."""

import shutil
import time

import pytest
from asgiref.local import Local
from django.core.cache import caches

from hanoi_creative.comments import guards
from hanoi_creative.comments.models import Comment, CommentSettings, Status
from tests.comments_helpers import anonymous, comment_article, post_comment
from tests.services import redis_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return comment_article()


def test_a_filled_honeypot_gets_the_usual_answer_and_stores_nothing(article):
    response = post_comment(anonymous(), article, website="http://spam.example", body="Mua ngay hôm nay")
    assert response.status_code == 200
    assert "chờ duyệt" in response.content.decode()
    assert not Comment.objects.filter(body="Mua ngay hôm nay").exists()


def test_a_form_posted_faster_than_a_person_could_is_refused(article):
    fresh = guards.make_token(article.pk, "vi")
    response = post_comment(anonymous(), article, token=fresh, body="Nhanh như robot")
    assert response.status_code == 400
    assert "quá nhanh" in response.content.decode()
    assert not Comment.objects.filter(body="Nhanh như robot").exists()


def test_an_expired_form_is_refused_with_a_fresh_token(article):
    stale = guards.make_token(article.pk, "vi", issued_at=time.time() - 8 * 24 * 3600)
    response = post_comment(anonymous(), article, "en", json=True, token=stale)
    assert response.status_code == 400
    data = response.json()
    assert data["errors"]["token"] == ["This form is not valid any more. Please send your comment again."]
    guards.check_token(data["token"], article.pk, "en", now=time.time() + 10)


def test_too_many_posts_from_one_address_get_a_429_in_the_readers_language(article, settings):
    settings.COMMENTS_RATE_PER_IP = 3
    reader = anonymous()
    for number in range(3):
        response = post_comment(reader, article, ip="198.51.100.9", body=f"Bình luận số {number}")
        assert response.status_code == 200
    refused = post_comment(reader, article, ip="198.51.100.9", body="Bình luận số 4")
    assert refused.status_code == 429
    assert "Vui lòng thử lại sau 10 phút" in refused.content.decode()
    assert refused["Retry-After"] == "600"
    assert "no-store" in refused["Cache-Control"]
    english = post_comment(reader, article, "en", ip="198.51.100.9", json=True, body="Fifth")
    assert english.status_code == 429
    assert english.json()["message"] == "Too many comments have been sent. Please try again in 10 minutes."
    # Another address is not affected.
    assert post_comment(reader, article, ip="198.51.100.10", body="Người khác").status_code == 200
    assert Comment.objects.filter(body__startswith="Bình luận số").count() == 3


def test_too_many_posts_on_one_article_get_a_429(article, settings):
    settings.COMMENTS_RATE_PER_ARTICLE = 2
    for number in range(2):
        response = post_comment(anonymous(), article, ip=f"192.0.2.{number + 1}", body=f"Bài {number}")
        assert response.status_code == 200
    assert post_comment(anonymous(), article, ip="192.0.2.50", body="Bài 3").status_code == 429


@pytest.fixture
def own_redis():
    """A throw-away Redis server, so the test never touches the shared one."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is needed for the shared rate-limit test")
    with redis_server() as server:
        yield server.url


def test_rate_limits_are_shared_through_redis_by_every_worker(article, settings, own_redis):
    """Two workers are two cache connections to one Redis: the count is one."""
    settings.COMMENTS_RATE_PER_IP = 2
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": own_redis}
    }
    ip_hash = guards.hash_ip("203.0.113.99")
    assert guards.over_rate_limit(ip_hash, article.pk) is None  # worker 1
    caches._connections = Local()  # a new connection, as another process would open
    assert guards.over_rate_limit(ip_hash, article.pk) is None  # worker 2
    caches._connections = Local()
    assert guards.over_rate_limit(ip_hash, article.pk) == 600  # worker 3 counts all three posts


def test_a_cache_outage_lets_comments_through_to_moderation(article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    assert guards.over_rate_limit(guards.hash_ip("203.0.113.1"), article.pk) is None


def test_more_than_two_links_are_refused(article):
    body = "Xem http://a.example, www.b.example và spam.com ngay"
    response = post_comment(anonymous(), article, body=body)
    assert response.status_code == 400
    assert "Quá nhiều liên kết" in response.content.decode()
    assert post_comment(anonymous(), article, body="Một liên kết: https://hanoi.gov.vn").status_code == 200


def test_the_same_text_twice_is_refused(article):
    assert post_comment(anonymous(), article, body="Tuyệt vời quá!").status_code == 200
    again = post_comment(anonymous(), article, ip="203.0.113.8", body="  tuyet VOI qua  ")
    assert again.status_code == 400
    assert "đã được gửi trước đó" in again.content.decode()
    other = type(article).objects.live().exclude(pk=article.pk).first()
    # A robot's round: the same text on another article the same day.
    assert post_comment(anonymous(), other, ip="203.0.113.9", body="Tuyệt vời quá!").status_code == 400


@pytest.mark.parametrize("text", ["Vào xem CÁ CƯỢC bóng đá", "vao xem ca cuoc bong da", "Cá  Cuộc? ca-cuoc!"])
def test_a_blocked_word_sends_the_comment_to_the_spam_tab_whatever_its_accents(article, text):
    settings = CommentSettings.load()
    settings.blocked_words = "cá cược\nlô đề"
    settings.save()
    response = post_comment(anonymous(), article, body=text)
    assert response.status_code == 200  # the poster learns nothing
    comment = Comment.objects.get(body=" ".join(text.split()))
    assert comment.status == Status.SPAM
    assert "cá cược" in comment.spam_reason


def test_words_that_only_contain_a_blocked_word_pass(article):
    settings = CommentSettings.load()
    settings.blocked_words = "lô đề"
    settings.save()
    post_comment(anonymous(), article, body="Đề xuất hay cho Hà Nội")
    assert Comment.objects.get(body="Đề xuất hay cho Hà Nội").status == Status.PENDING
