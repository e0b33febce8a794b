"""The local admin user that `make run` creates can switch the admin to Vietnamese at once."""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """The values a browser would submit from the account page's form."""

    def __init__(self):
        super().__init__()
        self.data, self._select = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def test_generated_admin_user_switches_the_admin_to_vietnamese(client, settings, tmp_path):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    settings.BASE_DIR = tmp_path
    call_command("setup_local_site", stdout=open("/dev/null", "w"))
    user = get_user_model().objects.get(username="admin")
    client.force_login(user)

    page = client.get("/admin/account/")
    parser = FormFields()
    parser.feed(page.content.decode())
    language_field = next(name for name in parser.data if name.endswith("preferred_language"))
    parser.data[language_field] = "vi"
    response = client.post("/admin/account/", parser.data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert UserProfile.get_for_user(user).preferred_language == "vi"
    assert '<html lang="vi"' in client.get("/admin/", follow=True).content.decode()
