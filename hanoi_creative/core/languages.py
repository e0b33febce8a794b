"""Language names as the site shows them."""

import unicodedata

from django.utils.translation import get_language_info


def language_name(code):
    """The language named in itself ("Tiếng Việt", "English"), from Django's table, in NFC:
    Django spells the Vietnamese name with combining marks, which compares unequal to the
    same name typed on a keyboard and can render with misplaced accents."""
    return unicodedata.normalize("NFC", get_language_info(code)["name_local"])
