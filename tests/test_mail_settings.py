"""E-mail from the environment, and a password reset that tells the truth about sending."""

import os
import subprocess
import sys

import pytest

from tests.services import SPARE_PORTS, free_port
from tests.test_project import ROOT

pytestmark = pytest.mark.django_db


def test_reset_says_so_when_the_mail_server_is_unreachable(client, settings, editor, mailoutbox):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port(SPARE_PORTS)
    settings.EMAIL_TIMEOUT = 2
    response = client.post(
        "/admin/password_reset/", {"email": "editor@example.com"}, headers={"accept-language": "vi"}
    )
    assert response.status_code == 200
    assert "không gửi được e-mail" in response.content.decode()
    assert mailoutbox == []


def test_reset_sends_the_link_when_mail_works(client, editor, mailoutbox):
    response = client.post("/admin/password_reset/", {"email": "editor@example.com"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and "editor@example.com" in mailoutbox[0].to


@pytest.mark.parametrize(
    "env, expected",
    [
        (
            {"EMAIL_URL": "submission://mailer:s3cret@mail.example.org:587"},
            ["mail.example.org", 587, "mailer", True],
        ),
        (
            {
                "EMAIL_HOST": "smtp.example.org",
                "EMAIL_PORT": "465",
                "EMAIL_HOST_USER": "u",
                "EMAIL_USE_TLS": "1",
            },
            ["smtp.example.org", 465, "u", True],
        ),
    ],
)
def test_mail_settings_come_from_the_environment(env, expected):
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS]))"
    )
    base = {key: value for key, value in os.environ.items() if not key.startswith("EMAIL_")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "hanoi_creative.settings.dev", **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(expected).replace("'", '"').replace("True", "true")
