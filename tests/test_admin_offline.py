"""No admin page calls out to another site: no gravatar.com avatars, no Wagtail update check."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/account/"])
def test_admin_pages_reference_no_outside_service(admin_client, path):
    html = admin_client.get(path, follow=True).content.decode()
    assert "gravatar.com" not in html
    assert "releases.wagtail.org" not in html
    assert "data-w-upgrade" not in html
