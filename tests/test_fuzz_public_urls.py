"""Hostile input over every public URL pattern (hypothesis): generated path segments, query
parameters, Accept-Language and language cookies, and methods. No 5xx, no unescaped reflection
of the input, and a bounded response time.

A bounded number of examples keeps CI fast; ``FUZZ_EXAMPLES=5000 make test
PYTEST_ARGS=tests/test_fuzz_public_urls.py`` runs a long campaign.
"""

import os
import time
from urllib.parse import quote, urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news.models import ArticlePage, Category

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
# Generous: CI machines are shared; a request that takes longer is stuck, not slow.
MAX_SECONDS = float(os.environ.get("FUZZ_MAX_SECONDS", "20"))
# Top-level public patterns besides the newsroom's; Wagtail's catch-all is "page".
TOP_LEVEL = {"root", "sitemap", "robots-txt", "search", "healthz", "readyz"}

MARKUP = ["<script>alert(1)</script>", '"><svg onload=alert(1)>', "<hc-probe x='1'>", "javascript:alert(1)"]
NASTY = st.one_of(
    st.text(max_size=40),
    st.sampled_from(MARKUP),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20).map(lambda s: s + "\x00"),
    st.sampled_from(
        ["", "0", "-1", "999999999999999999999", "1e9", "NaN", "../../etc/passwd", "%00", "Hà Nội"]
    ),
    st.just("x" * 5000),
    st.integers().map(str),
)
PARAMS = st.dictionaries(
    st.one_of(st.sampled_from(["page", "q", "partial", "format"]), st.text(min_size=1, max_size=10)),
    NASTY,
    max_size=4,
)
LANGUAGES = st.one_of(
    st.sampled_from(["vi", "en", "fr", "vi-VN,vi;q=0.9", "en-US,en;q=0.5", "*", "", "zz-ZZ;q=abc"]),
    st.text(max_size=30),
)
METHODS = st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "OPTIONS", "PUT"])


def named_patterns(resolver=None, namespace=""):
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in ("wagtailadmin",) or str(pattern.pattern).startswith(
                ("admin", "documents")
            ):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


@pytest.fixture
def public_paths(db):
    article = ArticlePage.objects.live().public().order_by("-first_published_at").first()
    category = Category.objects.first()
    tag = article.tags.first()
    date = article.first_published_at
    kwargs = {
        "news:index": {},
        "news:feed": {"format": "rss"},
        "news:category": {"slug": category.slug},
        "news:category-feed": {"slug": category.slug, "format": "atom"},
        "news:tag": {"slug": tag.slug if tag else "van-hoa"},
        "news:tag-feed": {"slug": tag.slug if tag else "van-hoa", "format": "rss"},
        "news:month": {"year": f"{date.year:04d}", "month": f"{date.month:02d}"},
        "news:related-json": {"slug": article.slug_vi},
        "news:related-feed": {"slug": article.slug_vi, "format": "atom"},
        "search": {},
        "sitemap-section": {"section": "pages"},
        "comments:post": {"article_id": article.pk},
    }
    paths = []
    for language in ("vi", "en"):
        with translation.override(language):
            for name, values in kwargs.items():
                paths.append(reverse(name, kwargs=values or None))
            paths.append(article.get_url())
            paths.append(f"/{language}/")
            # Wagtail's forms for private pages.
            paths.append(reverse("wagtailcore_login"))
            paths.append(reverse("wagtailcore_authenticate_with_password", args=[1, article.pk]))
    paths += ["/", "/sitemap.xml", "/robots.txt", "/healthz", "/readyz", "/vi/khong-co-trang-nay/"]
    covered = (
        set(kwargs)
        | TOP_LEVEL
        # "page" is Wagtail's serve pattern with kept routes (caching.routing): the same paths.
        | {"wagtail_serve", "page", "wagtailcore_login", "wagtailcore_authenticate_with_password"}
    )
    return paths, covered


def test_every_public_pattern_is_fuzzed(public_paths):
    _paths, covered = public_paths
    public = {name for name in named_patterns() if not name.startswith(("wagtailadmin", "wagtaildocs"))}
    assert public - covered == set(), "add the new public URL pattern to the fuzz test"


def as_wsgi(value):
    return value.encode("utf-8").decode("latin-1")


def _assert_not_reflected(body, values):
    for value in values:
        if "<" in value and len(value) > 3:
            assert value not in body, value


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_requests_never_break_a_public_page(client, public_paths, data):
    paths, _covered = public_paths
    if not getattr(client, "_warmed", False):
        # The first request of a run builds caches (templates, site roots); time the rest.
        for address in paths:
            client.get(address)
        client._warmed = True
    path = data.draw(st.sampled_from(paths), label="path")
    if data.draw(st.booleans(), label="mutate segment"):
        segment = data.draw(NASTY, label="segment")
        trimmed = path.rstrip("/").rsplit("/", 1)[0] if path.count("/") > 2 else path.rstrip("/")
        path = f"{trimmed}/{quote(segment, safe='')}/"
    params = data.draw(PARAMS, label="query")
    method = data.draw(METHODS, label="method")
    # A WSGI server hands header bytes to Django decoded as latin-1; do the same here.
    headers = {"accept-language": as_wsgi(data.draw(LANGUAGES, label="accept-language"))}
    client.cookies.clear()
    cookie = data.draw(st.one_of(st.none(), LANGUAGES), label="language cookie")
    if cookie is not None:
        client.cookies["django_language"] = as_wsgi(cookie.replace("\x00", ""))

    started = time.monotonic()
    if method in ("GET", "HEAD", "OPTIONS"):
        response = client.generic(method, f"{path}?{urlencode(params)}" if params else path, headers=headers)
    else:
        response = client.generic(
            method, path, urlencode(params), "application/x-www-form-urlencoded", headers=headers
        )
    elapsed = time.monotonic() - started

    assert response.status_code < 500, (method, path, params, response.status_code)
    assert elapsed < MAX_SECONDS, (method, path, params, elapsed)
    if not getattr(response, "streaming", False):
        body = response.content.decode("utf-8", "replace")
        _assert_not_reflected(body, [*params.values(), *params.keys(), path])
