"""
The StreamField blocks every plugin's body is made of. Each block knows what it holds: besides
its HTML and API shapes, `get_images(value)` (what to prefetch renditions for) and
`get_plain_text(value)` (what a reader reads, for reading time); the StoryBlock asks its
children. Search reads Wagtail's own per-block `get_searchable_content`.
"""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from citynet.images.api import (
    absolute_media_urls,
    image_representation,
    preload_stream_images,
    preloaded_images,
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=255, label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Financing urban energy", "level": "h2"}
        description = _("A section heading")
        label = _("Heading")

    def get_images(self, value):
        return []

    def get_plain_text(self, value):
        return value["text"]


class CaptionedImageBlock(blocks.StructBlock):
    """A photo with its caption; the credit and alt text come from the image itself."""

    image = ImageChooserBlock(label=_("Image"))
    # "" when a value leaves it out (the API, an import): wagtail-localize extracts strings only.
    caption = blocks.CharBlock(
        required=False,
        default="",
        max_length=255,
        label=_("Caption"),
        help_text=_("Leave empty to use the image's own caption."),
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        description = _("A photo with caption and credit")
        label = _("Image")

    def bulk_to_python(self, values):
        images = preloaded_images()
        if images is None:
            return super().bulk_to_python(values)
        # The API has loaded the images already (citynet/images/api.py): convert the rest.
        without_images = [{k: v for k, v in value.items() if k != "image"} for value in values]
        struct_values = super().bulk_to_python(without_images)
        for struct_value, value in zip(struct_values, values, strict=True):
            struct_value["image"] = images.get(value.get("image"))
        return struct_values

    def get_images(self, value):
        return [value["image"]] if value["image"] else []

    def get_plain_text(self, value):
        return ""

    def get_api_representation(self, value, context=None):
        image = value["image"]
        if image is None:  # deleted since the page was saved
            return None
        return {**image_representation(image), "caption": value["caption"] or image.caption}


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, default="", max_length=255, label=_("Title"))
    images = blocks.ListBlock(CaptionedImageBlock(), min_num=2, label=_("Images"))

    class Meta:
        icon = "image"
        template = "blocks/gallery_block.html"
        description = _("Two or more photos shown together")
        label = _("Gallery")

    def get_images(self, value):
        image_block = self.child_blocks["images"].child_block
        return [image for item in value["images"] for image in image_block.get_images(item)]

    def get_plain_text(self, value):
        return ""

    def get_api_representation(self, value, context=None):
        image_block = self.child_blocks["images"].child_block
        images = [image_block.get_api_representation(item, context) for item in value["images"]]
        return {"title": value["title"], "images": [image for image in images if image]}


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    name = blocks.CharBlock(
        required=False, default="", max_length=255, label=_("Name"), help_text=_("Who said it.")
    )
    role = blocks.CharBlock(
        required=False,
        default="",
        max_length=255,
        label=_("Role"),
        help_text=_("Their role or title."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/pull_quote_block.html"
        preview_value = {
            "quote": "Cities learn fastest from other cities.",
            "name": "A member city mayor",
            "role": "Mayor",
        }
        description = _("A quotation set apart from the text")
        label = _("Pull quote")

    def get_images(self, value):
        return []

    def get_plain_text(self, value):
        return value["quote"]


class StoryBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "image", "embed"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>CityNet connects local governments across the Asia-Pacific.</p>",
        description=_("Rich text"),
        label=_("Paragraph"),
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    pull_quote = PullQuoteBlock()
    embed = EmbedBlock(
        icon="media",
        template="blocks/embed_block.html",
        description=_("A video or post from YouTube, Vimeo and similar sites"),
        label=_("Embed"),
    )
    # Tables of figures, as WordPress posts and reports have them; plain-text cells.
    table = TableBlock(icon="table", description=_("A table of figures"), label=_("Table"))

    def clean(self, value):
        try:
            return super().clean(value)
        except blocks.StreamBlockValidationError as error:
            # Wagtail words this error in English, outside gettext: the page editor lists it
            # after the field's label ("Body: …") when the form has an error of its own too.
            error.message = _("Some blocks have errors: see them below.")
            raise

    def get_images(self, value):
        """
        Every image the stream shows, in order: a page fetches their renditions at once. The
        blocks are converted here, with every image of the stream loaded in one query (Wagtail
        makes one per block type: the image blocks', the galleries').
        """
        with preload_stream_images(value):
            return [
                image
                for child in value
                if hasattr(child.block, "get_images")
                for image in child.block.get_images(child.value)
            ]

    def get_plain_text(self, value):
        """The readable text: paragraphs without markup, headings, quotes."""
        parts = []
        for child in value:
            if child.block_type == "paragraph":
                parts.append(strip_tags(child.value.source))
            elif hasattr(child.block, "get_plain_text"):
                parts.append(child.block.get_plain_text(child.value))
        return " ".join(part for part in parts if part)

    def get_api_representation(self, value, context=None):
        blocks = super().get_api_representation(value, context)
        for block in blocks:
            if block["type"] == "paragraph":
                block["value"] = absolute_media_urls(block["value"])
        return blocks
