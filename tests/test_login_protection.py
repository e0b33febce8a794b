"""Admin sign-in protection: lockout per user name and per address, held in the database,
a message in the visitor's language, an unlock command, long passwords, two-factor codes and a
log line for every sign-in."""

import logging

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

LIMIT = 5


def sign_in(client, username, password, language="vi", address="203.0.113.7", **extra):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, **extra},
        headers={"accept-language": language},
        REMOTE_ADDR=address,
    )


def test_repeated_failures_lock_the_user_out_even_with_the_right_password(client, admin_user):
    for _attempt in range(LIMIT - 1):
        assert sign_in(client, "admin", "wrong-password").status_code == 200
    assert sign_in(client, "admin", "wrong-password").status_code == 429
    response = sign_in(client, "admin", "password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_holds_across_addresses_for_one_user(client, admin_user):
    for attempt in range(LIMIT):
        sign_in(client, "admin", "wrong-password", address=f"198.51.100.{attempt}")
    assert sign_in(client, "admin", "password", address="192.0.2.99").status_code == 429


def test_the_lockout_holds_for_one_address_across_user_names(client, admin_user):
    for attempt in range(LIMIT):
        sign_in(client, f"guess{attempt}", "wrong-password", address="203.0.113.50")
    assert sign_in(client, "admin", "password", address="203.0.113.50").status_code == 429
    assert sign_in(client, "admin", "password", address="203.0.113.51").status_code == 302


@pytest.mark.parametrize(
    "language, text",
    [("vi", "Bạn đã đăng nhập sai quá nhiều lần"), ("en", "Too many failed sign-in attempts")],
)
def test_the_lockout_message_is_in_the_visitors_language(client, admin_user, language, text):
    for _attempt in range(LIMIT):
        sign_in(client, "admin", "wrong-password", language=language)
    response = sign_in(client, "admin", "wrong-password", language=language)
    assert response.status_code == 429
    assert text in response.content.decode()


def test_the_unlock_command_lets_the_user_sign_in_again(client, admin_user):
    for _attempt in range(LIMIT):
        sign_in(client, "admin", "wrong-password", address="203.0.113.9")
    assert sign_in(client, "admin", "password", address="203.0.113.10").status_code == 429
    call_command("axes_reset_username", "admin", verbosity=0)
    assert sign_in(client, "admin", "password", address="203.0.113.10").status_code == 302


def test_sign_ins_are_logged_with_user_and_address(client, admin_user, caplog):
    with caplog.at_level(logging.INFO, logger="hanoi_creative.security.logins"):
        sign_in(client, "admin", "wrong-password", address="203.0.113.20")
        sign_in(client, "admin", "password", address="203.0.113.20")
    lines = [r.getMessage() for r in caplog.records if r.name == "hanoi_creative.security.logins"]
    assert "sign-in failed user=admin ip=203.0.113.20" in lines
    assert "sign-in succeeded user=admin ip=203.0.113.20" in lines


def test_the_address_behind_a_trusted_proxy_is_the_forwarded_one(settings, rf):
    from hanoi_creative.security.logins import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.4", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.4"


@pytest.mark.parametrize("password", ["short-pass1", "hanoi2019"])
def test_passwords_shorter_than_twelve_characters_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_twelve_character_password_is_accepted():
    validate_password("Ho-Guom-sang-2019")


def _current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_a_user_with_a_totp_device_needs_the_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = sign_in(client, "editor", "password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    response = sign_in(client, "editor", "password", otp_token=_current_code(device))
    assert response.status_code == 302
    assert client.session["otp_device_id"] == device.persistent_id


def test_superusers_need_a_second_factor_when_required(client, admin_user, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    response = sign_in(client, "admin", "password", language="en")
    assert response.status_code == 200
    assert "two-factor code" in response.content.decode()
    device = TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)
    assert sign_in(client, "admin", "password", otp_token=_current_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_unverified_superuser_session_is_signed_out_when_required(client, admin_user, settings):
    client.force_login(admin_user)
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_add_totp_device_prints_an_otpauth_link(editor, capsys):
    call_command("add_totp_device", "editor")
    assert capsys.readouterr().out.startswith("otpauth://totp/")
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
