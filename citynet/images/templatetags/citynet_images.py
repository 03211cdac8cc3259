"""
Wagtail's `{% image %}`, with its filter parsed once per template instead of at every render.
Wagtail builds a new `Filter` for each image it renders, and checks each operation's arguments
with `inspect` again: 40 % of the tag's time, and an article shows nine images (decision 0350).
"""

from django import template
from django.utils.functional import cached_property
from wagtail.images.models import Filter
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class ImageNode(wagtailimages_tags.ImageNode):
    @cached_property
    def filter(self):
        # Shared by every render of this node: a Filter keeps nothing of the images it serves.
        return Filter(spec="|".join(self.filter_specs))

    def get_filter(self):
        return self.filter


@register.tag
def image(parser, token):
    node = wagtailimages_tags.image(parser, token)
    return ImageNode(node.image_expr, node.filter_specs, node.output_var_name, node.attrs)
