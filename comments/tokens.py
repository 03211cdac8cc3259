"""
Signed tokens: the comment form's token, and the links emailed to a commenter.

The form token replaces Django's CSRF token, which would make cached article pages personal: a
reader's browser (or a headless front end) asks for one with a small uncached request. It is
bound to the page and to the signed-in user, if any, so another site cannot post in a signed-in
reader's name, and it carries the time it was issued, which gives the minimum time to fill in.
It also carries a random key, stored with the comment it posts: a token posts one comment, and
sending it again (a retry after a timeout) answers with that comment (decision 0181).
"""

import secrets
import time

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FORM_SALT = "citynet.comments.form"
CONFIRM_SALT = "citynet.comments.confirm"
DELETE_SALT = "citynet.comments.delete"
COMMENTER_SALT = "citynet.comments.commenter"
COMMENTER_COOKIE = "citynet_commenter"
COMMENTER_MAX_AGE = 90 * 24 * 60 * 60
MIN_FILL_SECONDS = 3
FORM_MAX_AGE = 2 * 60 * 60
CONFIRM_MAX_AGE = 14 * 24 * 60 * 60


def form_token(page_id, user_id=None):
    data = {"p": page_id, "u": user_id, "t": time.time(), "k": secrets.token_urlsafe(16)}
    return signing.dumps(data, salt=FORM_SALT)


def check_form_token(token, page_id, user_id=None):
    """
    The token's key (for the one comment it may post); raises ValidationError with a message for
    the reader unless the token is good for this page and user.
    """
    try:
        data = signing.loads(token or "", salt=FORM_SALT, max_age=FORM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("The form has expired. Please send your comment again."), code="expired"
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(
            _("The form could not be checked. Please reload the page and try again."),
            code="bad_token",
        ) from error
    if data.get("p") != page_id or data.get("u") != user_id or not data.get("k"):
        raise ValidationError(
            _("The form could not be checked. Please reload the page and try again."),
            code="bad_token",
        )
    age = time.time() - data.get("t", 0)
    if age > FORM_MAX_AGE:
        raise ValidationError(
            _("The form has expired. Please send your comment again."), code="expired"
        )
    if age < MIN_FILL_SECONDS:
        raise ValidationError(
            _("That was very fast. Please take a moment to check your comment, then send it."),
            code="too_fast",
        )
    return data["k"]


def comment_link_token(comment, salt):
    return signing.dumps({"c": comment.pk, "e": comment.author_email.lower()}, salt=salt)


def comment_from_link_token(token, salt, queryset, max_age=None):
    """The comment a signed link names, or None if the link is forged, expired or stale."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return queryset.filter(pk=data.get("c"), author_email__iexact=data.get("e", "")).first()


def set_commenter_cookie(response, email, secure):
    """Proof, for COMMENTER_MAX_AGE, that this browser confirmed `email` through its link."""
    response.set_signed_cookie(
        COMMENTER_COOKIE,
        email.lower(),
        salt=COMMENTER_SALT,
        max_age=COMMENTER_MAX_AGE,
        secure=secure,
        httponly=True,
        samesite="Lax",  # never sent with another site's POST
    )


def confirmed_email(request):
    """The address this browser proved it owns, or None."""
    return request.get_signed_cookie(
        COMMENTER_COOKIE, default=None, salt=COMMENTER_SALT, max_age=COMMENTER_MAX_AGE
    )
