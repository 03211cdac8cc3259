"""The page mixin for headless preview; the endpoint the front end calls is in preview.py."""

from django.conf import settings
from wagtail_headless_preview import models as headless


class HeadlessPreviewMixin(headless.HeadlessPreviewMixin):
    """For page models: preview on the external front end when one is configured."""

    def get_client_root_url(self, request):
        return settings.HEADLESS_PREVIEW_URL

    def serve_preview(self, request, mode_name):
        if not settings.HEADLESS_PREVIEW_URL:  # no front end: Wagtail's own HTML preview
            return super(headless.HeadlessPreviewMixin, self).serve_preview(request, mode_name)
        return super().serve_preview(request, mode_name)
