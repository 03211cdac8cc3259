"""
Images in the API: every image is an object with alt text, caption, credit and a small named set
of WebP renditions, so that a front end never needs a second request or an image id lookup.
"""

from collections import defaultdict
from collections.abc import Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from rest_framework.fields import Field
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from citynet.wagtail_internals import renditions_or_placeholders

RENDITIONS = {
    "thumbnail": "fill-320x320|format-webp",
    "card": "fill-800x450|format-webp",
    "full_width": "width-1600|format-webp",
}
# Parsed once: Wagtail would parse the specs again for every image.
RENDITION_FILTERS = [Filter(spec) for spec in RENDITIONS.values()]
# Within one response an image is often shown many times (a shared hero, an author's photo).
_representations = ContextVar("image_representations", default=None)


def absolute_url(url):
    """Media URLs made absolute when API_PUBLIC_BASE_URL is set (external sites need them)."""
    if settings.API_PUBLIC_BASE_URL and url.startswith("/"):
        return settings.API_PUBLIC_BASE_URL + url
    return url


def absolute_media_urls(html):
    """Rich text's embedded images with absolute URLs when API_PUBLIC_BASE_URL is set."""
    if not settings.API_PUBLIC_BASE_URL:
        return html
    return html.replace(' src="/', f' src="{settings.API_PUBLIC_BASE_URL}/')


@contextmanager
def reused_image_representations():
    token = _representations.set({})
    try:
        yield
    finally:
        _representations.reset(token)


def image_representation(image):
    known = _representations.get()
    if known is None:
        return build_image_representation(image)
    if image.pk not in known:
        known[image.pk] = build_image_representation(image)
    return known[image.pk]


def build_image_representation(image):
    # Like {% image %}: a missing source file gives "not-found" renditions, not a 500.
    renditions = renditions_or_placeholders(image, RENDITION_FILTERS)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": absolute_url(renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITIONS.items()
        },
    }


def prefetch_renditions(images):
    """Load the API renditions of many images in one query (Wagtail reads them from there)."""
    images = [image for image in images if image is not None]
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    renditions = defaultdict(list)
    for rendition in rendition_model.objects.filter(
        image__in={image.pk for image in images}, filter_spec__in=list(RENDITIONS.values())
    ):
        renditions[rendition.image_id].append(rendition)
    for image in images:
        image.prefetched_renditions = renditions[image.pk]


# Images loaded ahead for the StreamField blocks being converted (see CaptionedImageBlock).
_preloaded_images = ContextVar("preloaded_images", default=None)


def preloaded_images():
    return _preloaded_images.get()


@contextmanager
def preload_stream_images(stream_value):
    """
    Load every image of a StreamField value in one query, for its blocks to use instead of one
    query per block type.
    """
    ids = set(raw_image_ids(stream_value.raw_data))
    images = get_image_model().objects.in_bulk(ids) if ids else {}
    token = _preloaded_images.set(images)
    try:
        yield
    finally:
        _preloaded_images.reset(token)


def raw_image_ids(raw):
    """The ids under every "image" key of a StreamField's stored JSON."""
    if isinstance(raw, dict):
        for key, value in raw.items():
            if key == "image" and isinstance(value, int):
                yield value
            else:
                yield from raw_image_ids(value)
    elif isinstance(raw, Sequence) and not isinstance(raw, str):  # incl. StreamValue.raw_data
        for item in raw:
            yield from raw_image_ids(item)


class ImageField(Field):
    """The v2 serializer for image foreign keys (hero images, logos, photos)."""

    schema = {"anyOf": [{"$ref": "#/components/schemas/Image"}, {"type": "null"}]}

    def to_representation(self, image):
        return image_representation(image)
