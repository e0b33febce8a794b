"""Grade live URLs with Mozilla HTTP Observatory's rules (hanoi_creative/security/observatory.py).

    python scripts/observatory_score.py https://sangtao.hanoi.gov.vn/vi/ ...
    python scripts/observatory_score.py --behind-proxy http://127.0.0.1:8000/vi/   # gunicorn
                                        # without TLS: sends X-Forwarded-Proto: https

Prints each URL's score, grade and every test's outcome.
"""

import argparse
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hanoi_creative.security.observatory import grade  # noqa: E402


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--behind-proxy", action="store_true", help="send X-Forwarded-Proto: https")
    options = parser.parse_args()
    opener = urllib.request.build_opener(NoRedirect)
    worst = 200
    for url in options.urls:
        request = urllib.request.Request(url)
        if options.behind_proxy:
            request.add_header("X-Forwarded-Proto", "https")
        with opener.open(request, timeout=30) as response:
            body = response.read().decode("utf-8", "replace")
            result = grade(dict(response.headers.items()), response.headers.get_all("Set-Cookie") or [], body)
        worst = min(worst, result.score)
        print(f"{url}: {result.score} ({result.grade})")
        for name, (outcome, modifier) in result.tests.items():
            print(f"  {name:32} {modifier:+4d}  {outcome}")
    return 0 if worst >= 100 else 1


if __name__ == "__main__":
    sys.exit(main())
