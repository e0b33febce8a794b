"""The editor names each field's language in words, in both admin languages."""

import pytest

from hanoi_creative.core.models import StandardPage
from tests.translation_helpers import logged_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("admin_language", ["vi", "en"])
def test_field_labels_name_the_language_in_words(client, admin_user, admin_language):
    logged_in(client, admin_user, admin_language)
    page = StandardPage.objects.first()
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "(Tiếng Việt)" in html
    assert "(English)" in html
    assert "[vi]" not in html
    assert "[en]" not in html


def test_optional_english_title_has_no_required_marker(client, admin_user):
    import re

    client.force_login(admin_user)
    page = StandardPage.objects.first()
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    english = re.search(r'<input[^>]*name="title_en"[^>]*>', html).group(0)
    vietnamese = re.search(r'<input[^>]*name="title_vi"[^>]*>', html).group(0)
    assert "*" not in english
    assert 'placeholder="' in english
    assert "*" in vietnamese
