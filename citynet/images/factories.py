"""Factories for images."""

import factory
import wagtail_factories

from citynet.images.models import CustomImage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")
    description = factory.LazyAttribute(lambda image: f"Alt text for {image.title}")
    caption = "Delegates at the opening session"
    credit = "Photo: courtesy of CityNet"

    class Meta:
        model = CustomImage
