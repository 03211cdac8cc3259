"""
Guessing is throttled by django-axes (decision 0072). Admin logins go through axes' own backend;
the other secrets a visitor can guess (a private page's password, an API token) and password
reset requests are counted here as failures of a named "account", so one lockout rule covers
them all: AXES_FAILURE_LIMIT per IP address and per account at one address (decision 0180),
cleared by time or an administrator.
"""

import functools
import hashlib
import ipaddress

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models import Sum
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from citynet.wagtail_internals import api_problem

# The same words whatever account was tried, so that a lockout tells nothing about accounts.
LOCKOUT_MESSAGE = _(
    "Too many failed attempts from this address or for this account. For your security, "
    "further attempts are refused for 15 minutes. If you need access sooner, ask a CityNet "
    "administrator to unlock it."
)


def client_address(request):
    """
    The client's address (AXES_CLIENT_IP_CALLABLE): behind TRUSTED_PROXY_COUNT proxies, the
    entry of X-Forwarded-For that the outermost of them appended; what a client wrote into the
    header itself stands further left and is never read. Without proxies, REMOTE_ADDR.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [entry.strip() for entry in request.headers.get("x-forwarded-for", "").split(",")]
    if count and len(forwarded) >= count:
        try:
            return str(ipaddress.ip_address(forwarded[-count]))
        except ValueError:
            pass  # not an address: a proxy is missing or misconfigured
    return request.META.get("REMOTE_ADDR")


def credentials(account):
    return {"username": account}


def is_locked(request, account):
    return AxesProxyHandler.is_locked(request, credentials(account))


def record_failure(request, account):
    user_login_failed.send(sender=__name__, credentials=credentials(account), request=request)


def locked_out(request):
    """The same answer for every locked account, existing or not: 429, a page or JSON."""
    if request.path.startswith("/api/"):
        return api_problem(429, str(LOCKOUT_MESSAGE))
    return render(request, "security/locked_out.html", {"message": LOCKOUT_MESSAGE}, status=429)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE, used by AxesMiddleware for refused logins."""
    return locked_out(request)


@receiver(user_logged_in)
def tell_of_failed_attempts(sender, request, user, **kwargs):
    """
    Someone who signs in while their user name is locked at other addresses is told so: the
    lockout did not stop them, and the attempts may be someone guessing their password.
    """
    if request is None:
        return
    failures = (
        AccessAttempt.objects.filter(
            username=user.get_username(),
            attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
        )
        .exclude(ip_address=client_address(request))
        .aggregate(total=Sum("failures_since_start"))["total"]
    )
    if failures:
        message = ngettext(
            "Someone failed to sign in as you %(count)d time from another address recently. "
            "If that was not you, change your password.",
            "Someone failed to sign in as you %(count)d times from other addresses recently. "
            "If that was not you, change your password.",
            failures,
        ) % {"count": failures}
        messages.warning(request, message, fail_silently=True)


def throttle_page_passwords(view):
    """Wagtail's private-page password form: a re-shown form (200) is a wrong password."""

    @functools.wraps(view)
    def wrapped(request, page_view_restriction_id, page_id):
        account = f"page-password:{page_view_restriction_id}"
        if request.method != "POST":
            return view(request, page_view_restriction_id, page_id)
        if is_locked(request, account):
            return locked_out(request)
        response = view(request, page_view_restriction_id, page_id)
        if response.status_code == 200:
            record_failure(request, account)
        return response

    return wrapped


def throttle_password_resets(view):
    """Every reset request counts, per IP and per address, whether the address exists or not."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        account = "password-reset:" + request.POST.get("email", "").strip().lower()
        if is_locked(request, account):
            return locked_out(request)
        record_failure(request, account)
        if request.axes_locked_out:  # that request was the last one allowed
            return locked_out(request)
        return view(request, *args, **kwargs)

    return wrapped


def token_account(request):
    token = request.headers.get("authorization", "").encode()
    return "api-token:" + hashlib.sha256(token).hexdigest()[:16]


def throttle_api_tokens(view):
    """
    A v3 request whose token was refused (401) counts as a failure from its address, and once
    that address is locked its refused tokens get 429. A good token is always served: nobody
    guesses one (they are long and random), so others' failures must not stop its holder.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if "authorization" not in request.headers:
            return view(request, *args, **kwargs)
        response = view(request, *args, **kwargs)
        if response.status_code != 401:
            return response
        account = token_account(request)
        if is_locked(request, account):
            return locked_out(request)
        record_failure(request, account)
        return response

    return wrapped
