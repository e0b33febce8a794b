"""Never a link to a 404: a crawl of the demo site in both languages follows every internal
link and every hreflang alternate."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.django_db

SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/django-admin/")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.alternates = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates.append((attrs["hreflang"], attrs["href"]))


def internal_path(base, href):
    url = urldefrag(urljoin(base, href)).url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return None if path.startswith(SKIPPED_PREFIXES) else path


class Fetched:
    """One GET of a path (redirects followed) and what the crawl needs from it."""

    def __init__(self, client, path):
        response = client.get(path, follow=True)
        self.status = response.status_code
        self.redirect_chain = response.redirect_chain
        self.parser = LinkParser()
        self.base = f"http://testserver{response.request['PATH_INFO']}"
        self.html = self.status == 200 and "html" in response.get("Content-Type", "")
        if self.html:
            self.parser.feed(response.content.decode())


def crawl(client, starts):
    """{path: status} of every page reachable from ``starts``; alternates checked on the way.

    Each path is requested once: a page reached both as a link and as another page's alternate
    is the same GET (the site answers GETs the same way each time)."""
    fetched, queue, broken, bad_alternates = {}, list(starts), [], []

    def fetch(path):
        if path not in fetched:
            fetched[path] = Fetched(client, path)
        return fetched[path]

    seen = {}
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        page = fetch(path)
        seen[path] = page.status
        if page.status != 200:
            broken.append((path, page.status, page.redirect_chain))
            continue
        if not page.html:
            continue
        for href in page.parser.links:
            target = internal_path(page.base, href)
            if target and target not in seen:
                queue.append(target)
        for code, href in page.parser.alternates:
            target = internal_path(page.base, href)
            if target is None:
                continue
            if code == "x-default":
                code = "vi"
            alternate = fetch(target)
            if alternate.redirect_chain:  # an alternate must answer 200 itself
                bad_alternates.append((path, code, target, alternate.redirect_chain[0][1]))
                continue
            if alternate.status != 200:
                bad_alternates.append((path, code, target, alternate.status))
                continue
            if alternate.parser.lang != code:
                bad_alternates.append((path, code, target, f"lang={alternate.parser.lang}"))
            queue.append(target)
    return seen, broken, bad_alternates


def test_every_internal_link_and_alternate_of_the_demo_site_resolves(client):
    seen, broken, bad_alternates = crawl(client, ["/vi/", "/en/"])
    # The demo has programme pages, 24 articles, categories, tags and months in both languages.
    assert len(seen) > 100
    assert broken == []
    assert bad_alternates == []


def test_tag_without_english_articles_has_no_english_alternate_or_switch(client):
    response = client.get("/vi/tin-tuc/the/tet/")
    assert response.status_code == 200
    html = response.content.decode()
    assert client.get("/en/news/tag/tet/").status_code == 404
    assert "/en/news/tag/tet/" not in html
    assert 'hreflang="en" href' not in html.split("</head>")[0]
    # The switch still leads to English: to the English news.
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/en/news/"' in switcher


def test_tag_with_articles_in_both_languages_keeps_both_alternates(client):
    from news.models import Tag
    from news.queries import visible_articles

    tag = next(
        tag
        for tag in Tag.objects.all()
        if visible_articles("en").filter(tagged_items__tag=tag).exists()
        and visible_articles("vi").filter(tagged_items__tag=tag).exists()
    )
    html = client.get(f"/vi/tin-tuc/the/{tag.slug_vi}/").content.decode()
    assert f'hreflang="en" href="http://testserver/en/news/tag/{tag.slug_en}/"' in html


def test_untranslated_article_in_english_links_its_tags_in_vietnamese(client):
    from django.db.models import Q

    from news.models import ArticlePage

    article = ArticlePage.objects.live().filter(Q(title_en="") | Q(title_en__isnull=True)).first()
    html = client.get(article.url_in("en")).content.decode()
    tags = html.split('class="article__tags"')[1].split("</nav>")[0]
    assert 'href="/vi/tin-tuc/the/' in tags
    assert "/en/news/tag/" not in tags
