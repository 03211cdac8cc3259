"""
WordPress post content (classic editor, shortcodes or Gutenberg blocks) to StoryBlock data.

Each recognised piece becomes its typed block; everything else is kept as sanitised rich text
with a warning, never dropped silently. Rich text goes through Wagtail's own rich-text
whitelister, so scripts, event handlers and `javascript:` links cannot survive. Nothing here
touches the network or the database: images are looked up through `images`.
"""

import json
import re
from html import unescape

from bs4 import BeautifulSoup, Comment, NavigableString
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.embeds.finders import get_finders

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
MORE = re.compile(r"<!--\s*more\b.*?-->", re.DOTALL)
NEXTPAGE = re.compile(r"<!--\s*nextpage\s*-->")
# The block delimiters of WordPress's own block parser.
BLOCK_COMMENT = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.DOTALL)
GALLERY = re.compile(r"\[gallery([^\]]*)\]")
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.DOTALL)
YOUTUBE = re.compile(r"\[youtube[= ]([^\]\s]+)[^\]]*\]")
SHORTCODE = re.compile(r"\[([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\](?:.*?\[/\1\])?", re.DOTALL)
ATTRIBUTE = re.compile(r'([a-z_]+)="([^"]*)"')
BLOCK_START = re.compile(
    r"^\s*<(p|div|h[1-6]|ul|ol|table|blockquote|figure|pre|hr|dl|address|iframe|script|style|"
    r"form|wxr-)",
    re.IGNORECASE,
)
URL = re.compile(r"^https?://\S+$")
IMAGE_CLASS = re.compile(r"wp-image-(\d+)")
ATTACHMENT_ID = re.compile(r"attachment_(\d+)")
REMOVED = {"script", "style", "noscript", "form", "input", "button", "object", "applet", "link"}
# Decoration without content: left out on purpose.
DECORATION_BLOCKS = {"core/separator", "core/spacer", "core/more", "core/nextpage"}
KNOWN_BLOCKS = {
    "core/paragraph", "core/heading", "core/list", "core/list-item", "core/image",
    "core/gallery", "core/quote", "core/pullquote", "core/embed", "core/table",
}  # fmt: skip


def split_more(content):
    """The text before `<!--more-->` (the teaser), or "" when the post has none."""
    parts = MORE.split(content, maxsplit=1)
    return parts[0] if len(parts) == 2 else ""


def accepts_embed(url):
    """Whether an embed provider Wagtail knows serves this URL; decided without a request."""
    return bool(URL.match(url)) and any(finder.accept(url) for finder in get_finders())


class ContentConverter:
    """
    `images` answers `by_id(id)` and `by_url(url)` with an image, None when the file is missing
    (it reports that itself), or raises KeyError for an image that is not in the export.
    `warn(kind, detail)` collects warnings; `attachments` are the ids of the post's own images.
    """

    def __init__(self, images, warn, attachments=()):
        self.images = images
        self.warn = warn
        self.attachments = list(attachments)
        self.blocks = []
        self.rich_text = []

    def convert(self, content):
        if NEXTPAGE.search(content):
            self.warn("pages joined", "a post split with <!--nextpage--> became one article")
        content = NEXTPAGE.sub("", MORE.sub("", content))
        content = self.expand_shortcodes(content)
        for name, attrs, html in gutenberg_blocks(content):
            self.convert_block(name, attrs, html)
        self.flush()
        return self.blocks

    # Shortcodes become placeholder elements that the walk below knows.
    def expand_shortcodes(self, content):
        def caption(match):
            attributes = dict(ATTRIBUTE.findall(match.group(1)))
            inner = match.group(2)
            image = re.search(r"(<a[^>]*>\s*)?<img[^>]*>(\s*</a>)?", inner)
            text = attributes.get("caption") or (inner[image.end() :] if image else inner)
            found = ATTACHMENT_ID.search(attributes.get("id", ""))
            data_id = f' data-id="{found.group(1)}"' if found else ""
            markup = image.group(0) if image else ""
            return f"<figure{data_id}>{markup}<figcaption>{text.strip()}</figcaption></figure>"

        def gallery(match):
            attributes = dict(ATTRIBUTE.findall(match.group(1)))
            ids = attributes.get("ids") or attributes.get("include") or ""
            return f'\n\n<wxr-gallery ids="{ids}"></wxr-gallery>\n\n'

        def embed(match):
            return f'\n\n<wxr-embed url="{match.group(1).strip()}"></wxr-embed>\n\n'

        def unknown(match):
            self.warn("unknown shortcode", f"[{match.group(1)}] kept as text")
            return match.group(0)

        content = CAPTION.sub(caption, content)
        content = GALLERY.sub(gallery, content)
        content = EMBED.sub(embed, content)
        content = YOUTUBE.sub(embed, content)
        return SHORTCODE.sub(unknown, content)

    def convert_block(self, name, attrs, html):
        if name is None:
            self.walk(parse(autop(html) if "<p" not in html else html))
        elif name in DECORATION_BLOCKS:
            return
        elif name == "core/embed" or name.startswith("core-embed/"):
            self.add_embed(attrs.get("url", "") or strip(html))
        elif name == "core/gallery" and attrs.get("ids") and "<img" not in html:
            self.add_gallery(attrs["ids"])
        elif name in KNOWN_BLOCKS:
            self.walk(parse(html))
        elif not strip(html):
            self.warn("dynamic block dropped", f"{name} has no content in the export")
        else:
            self.warn("unsupported block", f"{name} kept as rich text")
            self.walk(parse(html))

    def walk(self, nodes):
        for node in nodes:
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                if node.strip():
                    self.rich_text.append(f"<p>{escape_text(node)}</p>")
                continue
            self.convert_element(node)

    def convert_element(self, element):
        name = element.name
        classes = element.get("class") or []
        if name in REMOVED:
            self.warn("unsafe markup removed", f"<{name}>")
        elif name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.add_heading(element)
        elif name == "p":
            self.convert_paragraph(element)
        elif name in ("ul", "ol"):
            self.rich_text.append(str(element))
        elif name == "blockquote":
            self.add_quote(element)
        elif name == "wxr-gallery":
            self.add_gallery(element.get("ids", ""))
        elif name == "wxr-embed":
            self.add_embed(element.get("url", ""))
        elif name == "iframe":
            self.add_embed(youtube_watch_url(element.get("src", "")), source="iframe")
        elif name == "table":
            self.add_table(element)
        elif name == "hr":
            return
        elif name == "img" or (name == "a" and element.find("img")):
            for image in element.find_all("img") if name == "a" else [element]:
                self.add_image(image, "")
        elif name == "figure":
            self.convert_figure(element, classes)
        elif name in ("div", "section", "article", "main", "span") and element.find(
            re.compile(r"^(p|h[1-6]|ul|ol|figure|img|table|blockquote|div|iframe)$")
        ):
            self.walk(element.contents)
        elif name in ("div", "section", "article", "main", "span", "a", "strong", "em", "b", "i"):
            self.rich_text.append(f"<p>{element.decode_contents()}</p>")
        else:
            self.warn("unsupported element", f"<{name}> kept as rich text")
            html = (
                element.decode_contents().replace("\n", "<br>") if name == "pre" else str(element)
            )
            self.rich_text.append(f"<p>{html}</p>")

    def convert_figure(self, figure, classes):
        if figure.find("blockquote"):
            self.add_quote(figure.find("blockquote"))
        elif "wp-block-embed" in classes:
            self.add_embed(strip(figure.find("div") or figure))
        elif figure.find("table"):
            self.add_table(figure.find("table"))
        elif "wp-block-gallery" in classes or len(figure.find_all("img")) > 1:
            self.add_gallery_of(figure.find_all("img"), figure)
        elif figure.find("img"):
            caption = figure.find("figcaption")
            self.add_image(figure.find("img"), strip(caption) if caption else "", figure)
        elif strip(figure):
            self.warn("unsupported element", "<figure> without an image kept as rich text")
            self.rich_text.append(f"<p>{figure.decode_contents()}</p>")

    def convert_paragraph(self, paragraph):
        text = strip(paragraph)
        if URL.match(text) and accepts_embed(text):
            self.add_embed(text)
            return
        images = paragraph.find_all("img")
        for image in images:
            (image.parent if image.parent.name == "a" else image).extract()
        if strip(paragraph) or paragraph.find(["a"]):
            self.rich_text.append(str(paragraph))
        for image in images:
            self.add_image(image, "")

    # Typed blocks. Rich text waiting before a block is flushed first to keep the order.
    def add(self, block_type, value):
        self.flush()
        self.blocks.append({"type": block_type, "value": value})

    def flush(self):
        if not self.rich_text:
            return
        html = EditorHTMLConverter(features=PARAGRAPH_FEATURES).to_database_format(
            "".join(self.rich_text)
        )
        self.rich_text = []
        if strip(parse_one(html)):
            self.blocks.append({"type": "paragraph", "value": html})

    def add_heading(self, element):
        level = {"h1": "h2", "h2": "h2", "h3": "h3"}.get(element.name, "h4")
        if text := strip(element):
            self.add("heading", {"text": text[:255], "level": level})

    def add_quote(self, blockquote):
        cite = blockquote.find("cite")
        name = strip(cite.extract()) if cite else ""
        paragraphs = [strip(p) for p in blockquote.find_all("p")] or [strip(blockquote)]
        quote = "\n\n".join(p for p in paragraphs if p)
        if quote:
            self.add("pull_quote", {"quote": quote, "name": name[:255], "role": ""})

    def add_embed(self, url, source="embed"):
        url = url.strip()
        if accepts_embed(url):
            self.add("embed", url)
        elif URL.match(url):
            self.warn("embed kept as a link", f"{url} is not from a known embed provider")
            self.rich_text.append(
                f'<p><a href="{escape_attribute(url)}">{escape_text(url)}</a></p>'
            )
        else:
            self.warn("unsafe markup removed", f"<{source}> without a usable address")

    def add_table(self, table):
        rows = [
            [strip(cell) for cell in row.find_all(["td", "th"])] for row in table.find_all("tr")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        first = table.find("tr")
        caption = table.find("caption") or (table.parent and table.parent.find("figcaption"))
        self.add(
            "table",
            {
                "data": [row + [""] * (width - len(row)) for row in rows],
                "first_row_is_table_header": bool(first and first.find("th")),
                "first_col_is_header": False,
                "table_caption": strip(caption)[:255] if caption else "",
            },
        )

    def resolve(self, img, container=None):
        """The image an <img> shows: by its attachment id, else by its address."""
        found = IMAGE_CLASS.search(" ".join(img.get("class") or []))
        attachment_id = img.get("data-id") or (found.group(1) if found else None)
        if not attachment_id and container is not None:
            attachment_id = container.get("data-id")
        try:
            if attachment_id and str(attachment_id).isdigit():
                return self.images.by_id(int(attachment_id))
            return self.images.by_url(img.get("src", ""))
        except KeyError:
            self.warn("external image not imported", img.get("src", "") or "an image")
            return None

    def add_image(self, img, caption, container=None):
        if image := self.resolve(img, container):
            self.add("image", {"image": image.pk, "caption": caption[:255]})

    def add_gallery(self, ids):
        ids = [int(i) for i in re.findall(r"\d+", ids)] or self.attachments
        images = []
        for attachment_id in ids:
            try:
                images.append(self.images.by_id(attachment_id))
            except KeyError:
                self.warn("external image not imported", f"gallery item {attachment_id}")
        self.add_gallery_images([image for image in images if image], [""] * len(images))

    def add_gallery_of(self, imgs, figure):
        images, captions = [], []
        for img in imgs:
            if image := self.resolve(img):
                item = img.find_parent(["figure", "li"])
                caption = item.find("figcaption") if item and item is not figure else None
                images.append(image)
                captions.append(strip(caption) if caption else "")
        self.add_gallery_images(images, captions)

    def add_gallery_images(self, images, captions):
        items = [
            {"image": image.pk, "caption": caption[:255]}
            for image, caption in zip(images, captions, strict=False)
        ]
        if len(items) >= 2:
            self.add("gallery", {"title": "", "images": items})
        else:  # a gallery needs two photos: one that is left is shown on its own
            for item in items:
                self.add("image", item)


def gutenberg_blocks(content):
    """(block name, attributes, inner HTML) of each top-level block; name None for classic HTML."""
    position, depth, start, current = 0, 0, 0, None
    for match in BLOCK_COMMENT.finditer(content):
        name = block_name(match)
        if depth == 0 and match.start() > position and content[position : match.start()].strip():
            yield None, {}, content[position : match.start()]
        if match.group("void"):
            if depth == 0:
                yield name, load_attrs(match), ""
                position = match.end()
        elif match.group("closer"):
            depth -= 1
            if depth == 0:
                yield current[0], current[1], content[start : match.start()]
                position = match.end()
        else:
            if depth == 0:
                current, start = (name, load_attrs(match)), match.end()
            depth += 1
    if depth == 0 and content[position:].strip():
        yield None, {}, content[position:]
    elif depth:  # an unclosed block: keep what it holds
        yield current[0], current[1], content[start:]


def block_name(match):
    """WordPress writes core blocks without their namespace: `wp:image` is `core/image`."""
    name = match.group("name")
    return name if "/" in name else f"core/{name}"


def load_attrs(match):
    try:
        attrs = json.loads(match.group("attrs") or "{}")
    except ValueError:
        return {}
    return attrs if isinstance(attrs, dict) else {}


def autop(html):
    """WordPress's classic editor stores paragraphs as blank lines: make them <p> elements."""
    chunks = []
    for chunk in re.split(r"\n\s*\n", html.replace("\r\n", "\n")):
        if not chunk.strip():
            continue
        if BLOCK_START.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(chunks)


def parse(html):
    soup = BeautifulSoup(html, "html.parser")
    return list(soup.contents)


def parse_one(html):
    return BeautifulSoup(html, "html.parser")


def strip(node):
    if isinstance(node, str):
        return " ".join(unescape(re.sub(r"<[^>]*>", " ", node)).split())
    return " ".join(node.get_text(" ").split())


def youtube_watch_url(src):
    found = re.match(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", src)
    return f"https://www.youtube.com/watch?v={found.group(1)}" if found else src


def escape_text(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text):
    return escape_text(text).replace('"', "&quot;")
