"""Mozilla HTTP Observatory's scoring rules, applied to one response's headers and HTML.

The rules (tests, modifiers, the 90-point threshold for bonuses and the grade chart) follow the
Observatory's published scoring methodology. Redirection and HSTS preloading need the live
host and the preload list, so they are passed in: a site served over HTTPS with a redirect from
HTTP scores 0 on redirection; a host not on the preload list gets no HSTS bonus.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

GRADES = [
    (100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"),
    (50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F"),
]  # fmt: skip
BONUS_THRESHOLD = 90
BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
PRIVATE_REFERRERS = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
UNSAFE_REFERRERS = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
SIX_MONTHS = 15768000


@dataclass
class Result:
    tests: dict = field(default_factory=dict)  # name -> (outcome, modifier)

    @property
    def score(self):
        penalties = sum(modifier for _outcome, modifier in self.tests.values() if modifier < 0)
        bonuses = sum(modifier for _outcome, modifier in self.tests.values() if modifier > 0)
        score = 100 + penalties
        if score >= BONUS_THRESHOLD:
            score += bonuses
        return max(score, 0)

    @property
    def grade(self):
        return next(grade for floor, grade in GRADES if self.score >= floor)

    @property
    def failing(self):
        return [name for name, (_outcome, modifier) in self.tests.items() if modifier < 0]


def parse_csp(header):
    policy = {}
    for directive in header.split(";"):
        parts = directive.strip().split()
        if parts and parts[0].lower() not in policy:
            policy[parts[0].lower()] = {source for source in parts[1:]}
    return policy


def _csp(headers, https):
    header = headers.get("content-security-policy")
    if not header:
        return "csp-not-implemented", -25, {}
    csp = parse_csp(header)
    default = csp.get("default-src")
    script = set(csp.get("script-src", default if default is not None else {"*"}))
    objects = csp.get("object-src", default if default is not None else {"*"})
    style = set(csp.get("style-src", default if default is not None else {"*"}))
    for sources in (script, style):
        if any(source.startswith(("'sha", "'nonce-")) for source in sources):
            sources.discard("'unsafe-inline'")
    passive = set()
    for name in ("img-src", "media-src"):
        passive |= csp.get(name, default or set())
    active = {s for name, sources in csp.items() if name not in ("img-src", "media-src") for s in sources}
    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline", -20, csp
    if https and any(source.startswith(("http:", "ftp:")) for source in active):
        return "csp-implemented-with-insecure-scheme", -20, csp
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval", -10, csp
    if https and any(source.startswith(("http:", "ftp:")) for source in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, csp
    if style & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0, csp
    if default == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10, csp
    return "csp-implemented-with-no-unsafe", 5, csp


def _cookies(set_cookies, hsts):
    if not set_cookies:
        return "cookies-not-found", 0
    worst = ("cookies-secure-with-httponly-sessions-and-samesite", 5)
    for raw in set_cookies:
        name = raw.split("=", 1)[0].strip().lower()
        attributes = {part.strip().split("=", 1)[0].lower(): part.strip() for part in raw.split(";")[1:]}
        samesite = (
            attributes.get("samesite", "").split("=", 1)[-1].lower() if "samesite" in attributes else None
        )
        session = "login" in name or "sess" in name
        if samesite is not None and samesite not in {"strict", "lax", "none"}:
            return "cookies-samesite-flag-invalid", -20
        if "secure" not in attributes:
            if session:
                return (
                    ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                    if hsts
                    else ("cookies-session-without-secure-flag", -40)
                )
            worst = (
                ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                if hsts
                else ("cookies-without-secure-flag", -20)
            )
            continue
        if session and "httponly" not in attributes:
            return "cookies-session-without-httponly-flag", -30
        if "csrf" in name and samesite is None:
            return "cookies-anticsrf-without-samesite-flag", -20
        if samesite is None and worst[1] > 0:
            worst = ("cookies-secure-with-httponly-sessions", 0)
    return worst


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attributes = dict(attrs)
            if attributes.get("src"):
                self.scripts.append(attributes)


def _sri(html, content_type):
    if "html" not in content_type:
        return "sri-not-implemented-response-not-html", 0
    parser = _Scripts()
    parser.feed(html)
    if not parser.scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    external = [s for s in parser.scripts if re.match(r"^(https?:)?//", s["src"])]
    if any(s["src"].startswith(("http:", "//")) for s in external):
        return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
    if all(s.get("integrity") for s in parser.scripts):
        return "sri-implemented-and-all-scripts-loaded-securely", 5
    if external and not all(s.get("integrity") for s in external):
        return "sri-not-implemented-but-external-scripts-loaded-securely", -5
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0


def grade(headers, set_cookies=(), html="", https=True, redirects_to_https=True, preloaded=False):
    """Score one response. ``headers``: a mapping (any case); ``set_cookies``: raw Set-Cookie
    values; ``html``: the body, for the subresource-integrity test."""
    headers = {key.lower(): value for key, value in headers.items()}
    result = Result()
    csp_outcome, csp_modifier, csp = _csp(headers, https)
    result.tests["content-security-policy"] = (csp_outcome, csp_modifier)

    hsts = headers.get("strict-transport-security", "")
    match = re.search(r"max-age\s*=\s*\"?(\d+)", hsts, re.IGNORECASE)
    if not https:
        result.tests["strict-transport-security"] = ("hsts-not-implemented-no-https", -20)
    elif not match:
        result.tests["strict-transport-security"] = ("hsts-not-implemented", -20)
    elif int(match.group(1)) < SIX_MONTHS:
        result.tests["strict-transport-security"] = ("hsts-implemented-max-age-less-than-six-months", -10)
    elif preloaded:
        result.tests["strict-transport-security"] = ("hsts-preloaded", 5)
    else:
        result.tests["strict-transport-security"] = ("hsts-implemented-max-age-at-least-six-months", 0)
    hsts_on = https and bool(match)

    result.tests["cookies"] = _cookies(list(set_cookies), hsts_on)
    result.tests["redirection"] = (
        ("redirection-to-https", 0) if redirects_to_https else ("redirection-missing", -20)
    )

    referrer = headers.get("referrer-policy", "")
    values = {value.strip().lower() for value in referrer.split(",") if value.strip()}
    last = referrer.split(",")[-1].strip().lower() if referrer else ""
    if not referrer:
        result.tests["referrer-policy"] = ("referrer-policy-not-implemented", 0)
    elif last in PRIVATE_REFERRERS:
        result.tests["referrer-policy"] = ("referrer-policy-private", 5)
    elif values & UNSAFE_REFERRERS:
        result.tests["referrer-policy"] = ("referrer-policy-unsafe", -5)
    else:
        result.tests["referrer-policy"] = ("referrer-policy-header-invalid", -5)

    result.tests["subresource-integrity"] = _sri(html, headers.get("content-type", ""))

    nosniff = headers.get("x-content-type-options", "").strip().lower() == "nosniff"
    result.tests["x-content-type-options"] = (
        ("x-content-type-options-nosniff", 0) if nosniff else ("x-content-type-options-not-implemented", -5)
    )

    ancestors = csp.get("frame-ancestors")
    xfo = headers.get("x-frame-options", "").strip().lower()
    if ancestors is not None and not ancestors & BROAD:
        result.tests["x-frame-options"] = ("x-frame-options-implemented-via-csp", 5)
    elif xfo in {"deny", "sameorigin"}:
        result.tests["x-frame-options"] = ("x-frame-options-sameorigin-or-deny", 0)
    else:
        result.tests["x-frame-options"] = ("x-frame-options-not-implemented", -20)

    corp = headers.get("cross-origin-resource-policy", "").strip().lower()
    result.tests["cross-origin-resource-policy"] = {
        "": ("corp-not-implemented", 0),
        "same-origin": ("corp-implemented-with-same-origin", 10),
        "same-site": ("corp-implemented-with-same-site", 10),
        "cross-origin": ("corp-implemented-with-cross-origin", 0),
    }.get(corp, ("corp-header-invalid", -5))

    origin = headers.get("access-control-allow-origin", "")
    credentials = headers.get("access-control-allow-credentials", "").lower() == "true"
    result.tests["cross-origin-resource-sharing"] = (
        ("cross-origin-resource-sharing-implemented-with-universal-access", -50)
        if origin and credentials
        else ("cross-origin-resource-sharing-not-implemented", 0)
    )
    return result
