"""
Guessing is throttled by django-axes (decision 0072). Admin logins go through axes' own backend;
the other secrets a visitor can guess (a private page's password, an API token) and password
reset requests are counted here as failures of a named "account", so one lockout rule covers
them all: AXES_FAILURE_LIMIT per IP address and per account, cleared by time or an administrator.
"""

import functools
import hashlib

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.api.v3.errors import problem_response

# The same words whatever account was tried, so that a lockout tells nothing about accounts.
LOCKOUT_MESSAGE = _(
    "Too many failed attempts from this address or for this account. For your security, "
    "further attempts are refused for 15 minutes. If you need access sooner, ask a CityNet "
    "administrator to unlock it."
)


def credentials(account):
    return {"username": account}


def is_locked(request, account):
    return AxesProxyHandler.is_locked(request, credentials(account))


def record_failure(request, account):
    user_login_failed.send(sender=__name__, credentials=credentials(account), request=request)


def locked_out(request):
    """The same answer for every locked account, existing or not: 429, a page or JSON."""
    if request.path.startswith("/api/"):
        return problem_response(status=429, detail=str(LOCKOUT_MESSAGE))
    return render(request, "security/locked_out.html", {"message": LOCKOUT_MESSAGE}, status=429)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE, used by AxesMiddleware for refused logins."""
    return locked_out(request)


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
    """A v3 request whose token was refused (401) counts as a failure from its IP."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if "authorization" not in request.headers:
            return view(request, *args, **kwargs)
        account = token_account(request)
        if is_locked(request, account):
            return locked_out(request)
        response = view(request, *args, **kwargs)
        if response.status_code == 401:
            record_failure(request, account)
        return response

    return wrapped
