"""
The reader-facing views. None of them is cached: the article page stays the same for everyone
and its form asks `token` for what is personal (the signed form token, who is signed in).
"""

from allauth.socialaccount.adapter import get_adapter as get_socialaccount_adapter
from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from citynet.security.throttling import client_address
from citynet.visibility import publicly_visible

from . import moderation
from .forms import ReaderCommentForm
from .models import ReaderComment
from .tokens import (
    CONFIRM_MAX_AGE,
    CONFIRM_SALT,
    DELETE_SALT,
    comment_from_link_token,
    confirmed_email,
    form_token,
    set_commenter_cookie,
)


def page_id_from(value):
    """A page id from a query or form value, or None (no database column holds a larger one)."""
    if value and value.isdigit() and 0 < int(value) < 2**31:
        return int(value)
    return None


def public_page(page_id):
    page = publicly_visible(Page.objects).filter(pk=page_id).first() if page_id else None
    if page is None:
        raise Http404
    return page


def sign_in_choices(request):
    """The providers a reader may sign in with (those whose keys are set), and their URLs."""
    adapter = get_socialaccount_adapter(request)
    return [
        {"name": provider.name, "url": provider.get_login_url(request)}
        for provider in adapter.list_providers(request)
    ]


@never_cache
@require_GET
def token(request):
    """
    The form's token and who is signed in: the only per-reader part of an article. Signed-out
    readers are offered the providers to sign in with; signed-in ones, a way out or to another
    account. The page adds `?next=` to come back to the article.
    """
    page_id = page_id_from(request.GET.get("page"))
    if page_id is None:
        return HttpResponseBadRequest("page must be a page id")
    user = request.user if request.user.is_authenticated else None
    response = JsonResponse(
        {
            "token": form_token(page_id, user.pk if user else None),
            "signed_in": user is not None,
            "name": (user.get_full_name() or user.get_username()) if user else "",
            "providers": sign_in_choices(request),
            "log_out_url": reverse("account_logout"),
            "change_url": reverse("account_login"),
        }
    )
    # The sign-in pages (/accounts/, outside the language prefixes: providers know one callback
    # address) speak the article's language: LocaleMiddleware reads Django's language cookie
    # there, as set_language would set it (decision 0196).
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        get_language(),
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@csrf_exempt  # the signed form token, bound to the signed-in user, does the CSRF check's job
@never_cache
@require_POST
def post(request):
    page = public_page(page_id_from(request.POST.get("page")))
    form = ReaderCommentForm(request.POST, page=page, user=request.user)
    outcome = moderation.submit(
        form,
        ip_address=client_address(request),
        language=get_language(),
        confirmed_email=confirmed_email(request),
    )
    if outcome.errors:
        # A fresh token, so that the reader can correct and send again from this page. The form
        # keeps the errors of what was sent (validated now if a rule refused it first):
        # validated with the new token, it would say "That was very fast" as well.
        form.is_valid()
        form.data = form.data.copy()
        form.data["token"] = form_token(page.pk, form.user.pk if form.user else None)
        context = {"commented_page": page, "outcome": outcome, "form": form}
        return render(request, "comments/result.html", context, status=400)
    context = {"commented_page": page, "outcome": outcome}
    return render(request, "comments/result.html", context)


def link_view(salt, template, max_age=None):
    """A page reached from an emailed link: GET asks, POST acts (mail scanners only GET)."""

    @never_cache
    @csrf_exempt  # the signed link is the proof; it acts only on the comment it names
    @require_http_methods(["GET", "POST"])
    def view(request, signed):
        comment = comment_from_link_token(
            signed, salt, ReaderComment.objects.select_related("page"), max_age=max_age
        )
        if comment is None:
            context = {"invalid": True}
            return render(request, template, context, status=404)
        done = request.method == "POST"
        if done and salt == CONFIRM_SALT:
            ReaderComment.objects.by_email(comment.author_email).update(email_confirmed=True)
        elif done:
            comment.delete()
        context = {"comment": comment, "commented_page": comment.page, "done": done}
        response = render(request, template, context)
        if done and salt == CONFIRM_SALT:
            # What lets this browser's next comments skip moderation: a typed address cannot.
            set_commenter_cookie(response, comment.author_email, secure=request.is_secure())
        return response

    return view


confirm = link_view(CONFIRM_SALT, "comments/confirm.html", max_age=CONFIRM_MAX_AGE)
delete = link_view(DELETE_SALT, "comments/delete.html")
