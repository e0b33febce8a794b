"""Page numbers from the query string, for every paginated public list."""


def page_number(raw, last_page):
    """The page to show for ``?page=raw``: anything unreadable or below 1 is the first page,
    anything past the end is the last, so a hand-edited or stale link still lands somewhere."""
    try:
        number = int(raw)
    except (TypeError, ValueError):  # "abc", "", and digit strings longer than Python parses
        return 1
    return min(max(number, 1), max(last_page, 1))
