"""
Headless preview: Preview in the admin sends the editor to the external front end
(HEADLESS_PREVIEW_URL) with a short-lived, single-use token; the front end fetches the draft from
/api/v2/preview/ in the same shape as the live pages API.
"""

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.db import transaction
from django.utils.cache import patch_cache_control
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail_headless_preview import models as headless

from citynet.api.pages import CityNetPagesAPIViewSet


class TokenGone(APIException):
    status_code = 410
    default_detail = "This preview token has expired or has already been used."


def take_preview_page(content_type, token):
    """The draft page for a valid token, which can be used only once."""
    if not content_type or not token:
        raise BadRequestError("content_type and token are required")
    try:
        headless.HeadlessPreviewMixin.get_preview_signer().unsign(
            token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE
        )
    except SignatureExpired as error:
        raise TokenGone() from error
    except BadSignature as error:
        raise PermissionDenied("Invalid preview token.") from error
    with transaction.atomic():
        preview = (
            headless.PagePreview.objects.select_for_update()
            .select_related("content_type")
            .filter(token=token)
            .first()
        )
        if preview is None:
            raise TokenGone()
        label = f"{preview.content_type.app_label}.{preview.content_type.model}"
        if label != content_type.lower():
            raise PermissionDenied("The token is not for this content type.")
        page = preview.as_page()
        preview.delete()
    return page


class PreviewAPIViewSet(CityNetPagesAPIViewSet):
    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = take_preview_page(
                self.request.GET.get("content_type", ""), self.request.GET.get("token", "")
            )
        return self._cached_object

    def preview_view(self, request):
        return Response(self.serialize(self.get_object(), many=False))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response


def preview_view(router):
    view = PreviewAPIViewSet.as_view({"get": "preview_view"})

    def wrapped(request):
        request.wagtailapi_router = router
        return view(request)

    return wrapped
