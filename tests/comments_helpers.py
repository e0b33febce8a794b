"""Helpers shared by the comment tests."""

import re
import time

from django.test import Client

from hanoi_creative.comments.guards import make_token
from tests.news_helpers import page_url, url

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def comment_article():
    """The demo article that carries the demo comments (the newest with an English version)."""
    from news.queries import latest_articles

    return latest_articles("en").first()


def post_url(article, language="vi"):
    return url("comments:post", language, article_id=article.pk)


def old_token(article, language="vi", seconds=60):
    """A token as if the form had been shown ``seconds`` ago (past the minimum time)."""
    return make_token(article.pk, language, issued_at=time.time() - seconds)


def form_data(article, language="vi", **fields):
    data = {
        "name": "Phạm Văn Đức",
        "email": "duc@example.com",
        "body": f"Bài viết rất hay, cảm ơn tòa soạn. {time.monotonic_ns()}",
        "token": old_token(article, language),
        "parent": "",
        "website": "",
    }
    data.update(fields)
    return data


def post_comment(client, article, language="vi", json=False, ip="203.0.113.7", **fields):
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    data = form_data(article, language, **fields)
    return client.post(post_url(article, language), data, REMOTE_ADDR=ip, **headers)


def anonymous():
    """A reader with no cookies who enforces CSRF like a browser would."""
    return Client(enforce_csrf_checks=True)


def article_html(article, language="vi"):
    return anonymous().get(page_url(article, language)).content.decode()
