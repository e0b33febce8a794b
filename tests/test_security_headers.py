"""Security headers, graded by Mozilla HTTP Observatory's rules: a strict CSP on public pages,
the admin's own policy, HSTS, COOP, CORP, Referrer-Policy, Permissions-Policy, cookies."""

import json
import subprocess
import sys

import pytest

from hanoi_creative.security.observatory import grade, parse_csp
from news.models import ArticlePage
from tests.news_helpers import page_url, url
from tests.test_project import PRODUCTION_ENV, ROOT

pytestmark = pytest.mark.django_db

PRODUCTION_SECURITY = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER",
]


@pytest.fixture(scope="module")
def production_values():
    """The security settings production really has, read from its settings module."""
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {PRODUCTION_SECURITY!r}}}))"
    )
    env = {key: value for key, value in __import__("os").environ.items() if not key.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production(settings, production_values):
    for name, value in production_values.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    return settings


def public_addresses():
    article = ArticlePage.objects.live().public().first()
    return {
        "home": "/vi/",
        "article": page_url(article, "vi"),
        "search": url("search", "vi") + "?q=ha+noi",
        "feed": url("news:feed", "vi", format="rss"),
    }


def fetch(client, address):
    response = client.get(address, secure=True, headers={"accept-language": "vi"})
    assert response.status_code == 200, (address, response.status_code)
    return response


def set_cookies(response):
    return [morsel.OutputString() for morsel in response.cookies.values()]


@pytest.mark.parametrize("name", ["home", "article", "search", "feed"])
def test_public_pages_send_the_strict_policy(client, production, name):
    response = fetch(client, public_addresses()[name])
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["default-src"] == {"'none'"}
    assert csp["script-src"] == {"'self'"}
    assert csp["style-src"] == {"'self'"}
    assert csp["frame-ancestors"] == {"'none'"}
    assert csp["object-src"] == {"'none'"}
    assert csp["base-uri"] == {"'none'"}
    assert csp["form-action"] == {"'self'"}
    assert not any("nonce" in source for sources in csp.values() for source in sources)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("name", ["home", "article"])
def test_observatory_grades_home_and_an_article_a_plus(client, production, name):
    response = fetch(client, public_addresses()[name])
    result = grade(response.headers, set_cookies(response), response.content.decode())
    print(f"Observatory {name}: {result.score} {result.grade} {result.tests}")
    assert result.failing == []
    assert result.score >= 100
    assert result.grade == "A+"


def test_public_html_has_no_inline_script_or_style(client, production):
    """What the policy forbids must not be in the pages: no inline script, style or handler."""
    import re

    for address in public_addresses().values():
        html = fetch(client, address).content.decode()
        for script in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
            attributes, body = script
            assert "src=" in attributes or 'type="application/ld+json"' in attributes, (address, script)
        assert "<style" not in html, address
        assert not re.search(r"\son[a-z]+\s*=", html), address
        assert not re.search(r"\sstyle\s*=", html), address


def test_admin_login_has_the_admin_policy_and_safe_cookies(client, production):
    response = fetch(client, "/admin/login/")
    csp = parse_csp(response["Content-Security-Policy"])
    # Wagtail's admin needs inline scripts; it still loads nothing from other origins.
    assert csp["script-src"] == {"'self'", "'unsafe-inline'"}
    assert csp["default-src"] == {"'self'"}
    assert csp["object-src"] == {"'none'"}
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["form-action"] == {"'self'"}
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    result = grade(response.headers, set_cookies(response), response.content.decode())
    print(f"Observatory admin login: {result.score} {result.grade} {result.tests}")
    assert result.failing == ["content-security-policy"]
    assert result.grade == "B+"


def test_session_cookie_is_secure_httponly_and_samesite(client, production, admin_user):
    response = client.post("/admin/login/", {"username": "admin", "password": "password"}, secure=True)
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_plain_http_is_redirected_to_https(client, production):
    response = client.get("/vi/", headers={"accept-language": "vi"})
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_grader_fails_a_site_without_a_policy():
    """The grading itself: the headers the site had before (no CSP, no CORP) grade B at best."""
    before = {
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Content-Type": "text/html; charset=utf-8",
    }
    result = grade(before, html="<p>hi</p>")
    assert result.score == 75 and result.grade == "B"
    assert "content-security-policy" in result.failing
