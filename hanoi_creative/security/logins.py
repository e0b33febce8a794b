"""Who signs in, from where: the client address behind trusted proxies, and a log line for every
successful and failed sign-in (lockouts are logged by django-axes)."""

import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("hanoi_creative.security.logins")


def client_ip(request):
    """The visitor's address: the peer, or the one the Nth trusted proxy saw.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    with N proxies the Nth entry from the right is the one no visitor can forge.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


@receiver(user_logged_in, dispatch_uid="security-log-login")
def log_login(sender, request, user, **kwargs):
    logger.info("sign-in succeeded user=%s ip=%s", user.get_username(), client_ip(request) if request else "")


@receiver(user_login_failed, dispatch_uid="security-log-login-failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    logger.warning(
        "sign-in failed user=%s ip=%s",
        credentials.get("username", ""),
        client_ip(request) if request else "",
    )
