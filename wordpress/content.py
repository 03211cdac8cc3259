"""
WordPress post content (classic editor, shortcodes or Gutenberg blocks) to StoryBlock data.

Classic content is first rendered as WordPress renders it (`wordpress.autop.wpautop`), so that
paragraphs, line breaks and inline markup read as they did on the WordPress page. Each
recognised piece becomes its typed block; everything else is kept in order as sanitised rich
text, never dropped silently. Rich text goes through Wagtail's own rich-text whitelister with
the paragraph block's features, so scripts, event handlers and `javascript:` links cannot
survive. Nothing here touches the network or the database: images are looked up through
`images`.
"""

import json
import re
from html import unescape

from bs4 import BeautifulSoup, Comment, NavigableString

from citynet.wagtail_internals import an_embed_finder_accepts, rich_text_as_stored

from .autop import wpautop

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "image"]
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
URL = re.compile(r"^https?://\S+$")
LIST_SPACE = re.compile(r"\s*(</?(?:ul|ol|li)\b[^>]*>)\s*")
IMAGE_CLASS = re.compile(r"wp-image-(\d+)")
ATTACHMENT_ID = re.compile(r"attachment_(\d+)")
IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif)$", re.IGNORECASE)
REMOVED = {"script", "style", "noscript", "form", "input", "button", "object", "applet", "link"}
# Elements that start a block of their own: anything else is inline, part of a paragraph.
BLOCK_ELEMENTS = {
    "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "iframe", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "ul", "wxr-embed", "wxr-gallery",
    "caption", "tbody", "td", "tfoot", "th", "thead", "tr",
} | REMOVED  # fmt: skip
# Decoration without content: left out on purpose.
DECORATION_BLOCKS = {"core/separator", "core/spacer", "core/more", "core/nextpage"}
# Blocks whose content WordPress builds when the page is shown: the export has none of it.
DYNAMIC_BLOCKS = re.compile(
    r"^core/(latest-posts|latest-comments|archives|calendar|categories|tag-cloud|rss|search|"
    r"navigation.*|page-list.*|query.*|post-.*|comment.*|site-.*|social-link.*|loginout|"
    r"avatar|read-more|term-description|home-link|pattern|template-part|legacy-widget|widget-"
    r"group)$"
)
# Blocks that hold other blocks: their content is walked in reading order.
CONTAINER_BLOCKS = {
    "core/columns", "core/column", "core/group", "core/cover", "core/media-text",
    "core/buttons", "core/details", "core/row", "core/stack",
}  # fmt: skip
# Blocks whose saved HTML is read as a whole (inner block comments are only markers).
KNOWN_BLOCKS = {
    "core/paragraph", "core/heading", "core/list", "core/list-item", "core/image",
    "core/gallery", "core/quote", "core/pullquote", "core/embed", "core/table", "core/code",
    "core/preformatted", "core/verse", "core/button", "core/html", "core/shortcode",
    "core/freeform", "core/file", "core/audio", "core/video",
}  # fmt: skip
ALIGNED = {"alignleft": "left", "alignright": "right", "left": "left", "right": "right"}


def split_more(content):
    """The text before `<!--more-->` (the teaser), or "" when the post has none."""
    parts = MORE.split(content, maxsplit=1)
    return parts[0] if len(parts) == 2 else ""


def accepts_embed(url):
    """Whether an embed provider Wagtail knows serves this URL; decided without a request."""
    return bool(URL.match(url)) and an_embed_finder_accepts(url)


def has_blocks(content):
    return bool(BLOCK_COMMENT.search(content))


def rendered(content, reusable=None):
    """
    The post's HTML as WordPress shows it: a block post's saved HTML with reusable blocks in
    place, else the classic text through wpautop; shortcodes as the importer expands them.
    """
    content = expand_reusable(NEXTPAGE.sub("", MORE.sub("", content)), reusable or {})
    content = expand_shortcodes(content)
    if has_blocks(content):
        return BLOCK_COMMENT.sub("", content)
    return wpautop(content)


def expand_reusable(content, reusable, depth=0):
    """`<!-- wp:block {"ref":N} /-->` is the reusable block N's content, itself expanded."""

    def expand(match):
        if block_name(match) != "core/block" or depth > 5:  # a block that includes itself
            return match.group(0)
        ref = load_attrs(match).get("ref")
        if ref not in reusable:
            return match.group(0)
        return expand_reusable(reusable[ref], reusable, depth + 1)

    return BLOCK_COMMENT.sub(expand, content) if "wp:block" in content else content


# Shortcodes become elements that the walk below knows: WordPress's shortcode_unautop leaves a
# shortcode alone on its line unwrapped, as wpautop leaves these block-level elements.
def expand_shortcodes(content, warn=lambda kind, detail: None):
    def caption(match):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        inner = match.group(2)
        image = re.search(r"(<a[^>]*>\s*)?<img[^>]*>(\s*</a>)?", inner)
        text = attributes.get("caption") or (inner[image.end() :] if image else inner)
        found = ATTACHMENT_ID.search(attributes.get("id", ""))
        data_id = f' data-id="{found.group(1)}"' if found else ""
        align = f' class="{escape_attribute(attributes["align"])}"' if "align" in attributes else ""
        markup = image.group(0) if image else ""
        return f"<figure{data_id}{align}>{markup}<figcaption>{text.strip()}</figcaption></figure>"

    def gallery(match):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        ids = attributes.get("ids") or attributes.get("include") or ""
        return f'\n\n<wxr-gallery ids="{ids}"></wxr-gallery>\n\n'

    def embed(match):
        return f'\n\n<wxr-embed url="{match.group(1).strip()}"></wxr-embed>\n\n'

    def unknown(match):
        warn("unknown shortcode", f"[{match.group(1)}] kept as text")
        return match.group(0)

    content = CAPTION.sub(caption, content)
    content = GALLERY.sub(gallery, content)
    content = EMBED.sub(embed, content)
    content = YOUTUBE.sub(embed, content)
    return SHORTCODE.sub(unknown, content)


class ContentConverter:
    """
    `images` answers `by_id(id)` and `by_url(url)` with an image, None when the file is missing
    (it reports that itself), or raises KeyError for an image that is not in the export.
    `warn(kind, detail)` collects warnings; `attachments` are the ids of the post's own images;
    `reusable` maps the ids of reusable blocks (`wp_block`) to their content; `footnotes` is
    the post's `footnotes` meta (JSON) that the footnotes block shows.
    """

    def __init__(self, images, warn, attachments=(), reusable=None, footnotes=""):
        self.images = images
        self.warn = warn
        self.attachments = list(attachments)
        self.reusable = reusable or {}
        self.footnotes = footnotes
        self.blocks = []
        self.rich_text = []

    def convert(self, content):
        if NEXTPAGE.search(content):
            self.warn("pages joined", "a post split with <!--nextpage--> became one article")
        content = NEXTPAGE.sub("", MORE.sub("", content))
        content = expand_shortcodes(expand_reusable(content, self.reusable), self.warn)
        if has_blocks(content):
            self.convert_blocks(content)
        else:
            self.walk(parse(wpautop(content)))
        self.flush()
        return self.blocks

    def convert_blocks(self, content):
        for name, attrs, html in gutenberg_blocks(content):
            self.convert_block(name, attrs, html)

    def convert_block(self, name, attrs, html):
        if name is None:  # classic HTML between blocks, or a container block's own markup
            self.walk(parse(wpautop(html) if "<p" not in html else html))
        elif name in DECORATION_BLOCKS:
            return
        elif name == "core/block":
            self.warn("reusable block missing", f"block {attrs.get('ref')} is not in the export")
        elif name == "core/footnotes":
            self.add_footnotes()
        elif name == "core/embed" or name.startswith("core-embed/"):
            self.add_embed(attrs.get("url", "") or strip(html))
            for caption in parse_one(html).find_all("figcaption"):
                self.rich_text.append(f"<p>{caption.decode_contents()}</p>")
        elif name == "core/gallery" and attrs.get("ids") and "<img" not in html:
            self.add_gallery(str(attrs["ids"]))
        elif not (strip(BLOCK_COMMENT.sub("", html)) or "<img" in html):
            self.warn("dynamic block dropped", f"{name} has no content in the export")
        elif DYNAMIC_BLOCKS.match(name):  # WordPress shows the blocks it holds as they are
            self.warn("dynamic block dropped", f"{name}: only the content it holds kept")
            self.convert_blocks(html)
        elif name in CONTAINER_BLOCKS:
            self.convert_blocks(html)
        elif name in KNOWN_BLOCKS:
            self.walk(parse(BLOCK_COMMENT.sub("", html)), block_attrs=attrs)
        else:
            self.warn("unsupported block", f"{name} kept as rich text")
            self.walk(parse(BLOCK_COMMENT.sub("", html)))

    def walk(self, nodes, block_attrs=None):
        """Block elements become blocks; runs of text and inline elements, paragraphs."""
        run = []
        for node in nodes:
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString) or node.name not in BLOCK_ELEMENTS:
                run.append(node)
                continue
            self.convert_run(run)
            run = []
            self.convert_element(node, block_attrs or {})
        self.convert_run(run)

    def convert_run(self, nodes):
        html = "".join(str(node) for node in nodes)
        if html.strip():
            self.convert_paragraph(parse_one(f"<p>{html.strip()}</p>").p)

    def convert_element(self, element, block_attrs):
        name = element.name
        classes = element.get("class") or []
        if name in REMOVED:
            self.warn("unsafe markup removed", f"<{name}>")
        elif name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.add_heading(element)
        elif name == "p":
            self.convert_paragraph(element)
        elif name in ("ul", "ol"):  # nested lists too; the line breaks between items go
            self.rich_text.append(LIST_SPACE.sub(r"\1", str(element)))
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
        elif name == "figure":
            self.convert_figure(element, classes, block_attrs)
        elif name == "pre":  # code, verse, preformatted: its lines kept as they were
            for br in element.find_all("br"):
                br.replace_with("\n")
            lines = [escape_text(line) for line in element.get_text().strip("\n").split("\n")]
            self.rich_text.append("<p>" + "<br>".join(lines) + "</p>")
        else:  # div, section, dl, address, details…: their content in reading order
            self.walk(element.contents)

    def convert_figure(self, figure, classes, block_attrs):
        caption = figure.find("figcaption")
        if figure.find("blockquote"):
            self.add_quote(figure.find("blockquote"))
        elif "wp-block-embed" in classes:
            self.add_embed(strip(figure.find("div") or figure))
            if caption is not None:
                self.rich_text.append(f"<p>{caption.decode_contents()}</p>")
        elif figure.find("table"):
            self.add_table(figure.find("table"))
        elif "wp-block-gallery" in classes or len(figure.find_all("img")) > 1:
            self.add_gallery_of(figure.find_all("img"), figure)
        elif figure.find("img"):
            align = alignment(classes) or ALIGNED.get(block_attrs.get("align", ""))
            self.add_image(figure.find("img"), caption, figure, align)
        else:  # a video or audio: its caption stays
            self.walk(figure.contents)

    def convert_paragraph(self, paragraph):
        text = strip(paragraph)
        if URL.match(text) and accepts_embed(text):
            self.add_embed(text)
            return
        images = paragraph.find_all("img")
        for image in images:
            (image.parent if image.parent.name == "a" else image).extract()
        # Images beside the text (aligned left or right) float in the text as in WordPress.
        later = []
        for image in images:
            align = alignment(image.get("class") or [])
            if align and text:
                self.add_image(image, None, None, align)
            else:
                later.append(image)
        first = paragraph.contents[0] if paragraph.contents else None
        if images and isinstance(first, NavigableString):  # the space after a removed image
            first.replace_with(first.lstrip())
        if strip(paragraph) or paragraph.find("a"):
            self.rich_text.append(str(paragraph))
        for image in later:
            self.add_image(image, None)

    # Typed blocks. Rich text waiting before a block is flushed first to keep the order.
    def add(self, block_type, value):
        self.flush()
        self.blocks.append({"type": block_type, "value": value})

    def flush(self):
        if not self.rich_text:
            return
        html = rich_text_as_stored("".join(self.rich_text), PARAGRAPH_FEATURES)
        self.rich_text = []
        if strip(parse_one(html)) or "<embed" in html:
            self.blocks.append({"type": "paragraph", "value": html})

    def keep_links(self, element):
        """A plain-text block (heading, quote, table, caption) cannot hold links: they follow."""
        links = [a for a in element.find_all("a", href=True) if strip(a)]
        if links:
            self.rich_text.append(
                "<p>"
                + " · ".join(
                    f'<a href="{escape_attribute(a["href"])}">{escape_text(a.get_text())}</a>'
                    for a in links
                )
                + "</p>"
            )

    def add_heading(self, element):
        level = {"h1": "h2", "h2": "h2", "h3": "h3"}.get(element.name, "h4")
        if text := visible_text(element):
            self.add("heading", {"text": text[:255], "level": level})
            self.keep_links(element)

    def add_quote(self, blockquote):
        cite = blockquote.find("cite")
        name = visible_text(cite.extract()) if cite else ""
        if quote := visible_text(blockquote, "\n\n"):
            self.add("pull_quote", {"quote": quote, "name": name[:255], "role": ""})
        if cite is not None:
            blockquote.append(cite)
        self.keep_links(blockquote)

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
            [visible_text(cell) for cell in row.find_all(["td", "th"])]
            for row in table.find_all("tr")
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
                "table_caption": visible_text(caption)[:255] if caption else "",
            },
        )
        self.keep_links(table.parent if caption and caption.name == "figcaption" else table)

    def add_footnotes(self):
        try:
            notes = json.loads(self.footnotes or "[]")
        except ValueError:
            notes = []
        items = [note.get("content", "") for note in notes if isinstance(note, dict)]
        if items:
            self.rich_text.append("<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>")

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

    def add_image(self, img, caption, container=None, align=None):
        """
        An image block; an image aligned left or right without a caption floats in the rich
        text instead, as the image block has no alignment. A caption's links follow it.
        """
        link = img.parent if img.parent is not None and img.parent.name == "a" else None
        if link is not None and not links_to_image(link.get("href", "")):
            self.warn("image link dropped", link.get("href", ""))
        image = self.resolve(img, container)
        text = visible_text(caption) if caption is not None else ""
        if image and align and not text:
            alt = escape_attribute(img.get("alt", "") or image.title)
            self.rich_text.append(
                f'<img data-embedtype="image" data-id="{image.pk}" data-format="{align}" '
                f'data-alt="{alt}">'
            )
        elif image:
            caption_text, rest = split_at(text, 255)
            self.add("image", {"image": image.pk, "caption": caption_text})
            if rest:  # the caption field is short: a long caption goes on below the photo
                self.rich_text.append(f"<p>{escape_text(rest)}</p>")
        elif text:  # the photo did not come across: its caption still tells the story
            self.rich_text.append(f"<p>{escape_text(text)}</p>")
        if caption is not None:
            self.keep_links(caption)

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
            item = img.find_parent(["figure", "li"])
            caption = item.find("figcaption") if item and item is not figure else None
            if image := self.resolve(img):
                images.append(image)
                captions.append(visible_text(caption) if caption else "")
            elif caption:
                self.rich_text.append(f"<p>{escape_text(visible_text(caption))}</p>")
        self.add_gallery_images(images, captions)
        for caption in figure.find_all("figcaption"):
            self.keep_links(caption)
        if (caption := figure.find("figcaption", recursive=False)) and strip(caption):
            self.rich_text.append(f"<p>{escape_text(visible_text(caption))}</p>")

    def add_gallery_images(self, images, captions):
        items, rests = [], []
        for image, caption in zip(images, captions, strict=False):
            caption, rest = split_at(caption, 255)
            items.append({"image": image.pk, "caption": caption})
            rests += [f"<p>{escape_text(rest)}</p>"] if rest else []
        if len(items) >= 2:
            self.add("gallery", {"title": "", "images": items})
        else:  # a gallery needs two photos: one that is left is shown on its own
            for item in items:
                self.add("image", item)
        self.rich_text += rests


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


def split_at(text, length):
    """("text cut at a word…", "…the rest"), or (text, "") when it fits."""
    if len(text) <= length:
        return text, ""
    head = text[: length - 1].rsplit(" ", 1)[0]
    return head + "…", "…" + text[len(head) :].lstrip()


def alignment(classes):
    return next((ALIGNED[name] for name in classes if name in ALIGNED), None)


def links_to_image(href):
    """WordPress links an image to its own file or attachment page by default."""
    return not href or bool(IMAGE_FILE.search(href.split("?")[0])) or "attachment" in href


def parse(html):
    soup = BeautifulSoup(html, "html.parser")
    return list(soup.contents)


def parse_one(html):
    return BeautifulSoup(html, "html.parser")


def strip(node):
    if isinstance(node, str):
        return " ".join(unescape(re.sub(r"<[^>]*>", " ", node)).split())
    return " ".join(node.get_text(" ").split())


def visible_text(node, between_blocks=" "):
    """
    The text a reader sees: inline elements run on without added spaces ("a link."), block
    elements are set apart by `between_blocks`.
    """
    if isinstance(node, str):
        node = parse_one(node)
    blocks, current = [], []

    def end_block():
        blocks.append(" ".join("".join(current).split()))
        current.clear()

    def visit(element):
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                current.append(str(child))
            elif child.name == "br":
                current.append(" ")
            elif child.name in BLOCK_ELEMENTS:
                end_block()
                visit(child)
                end_block()
            else:
                visit(child)

    visit(node)
    end_block()
    return between_blocks.join(text for text in blocks if text)


def first_paragraph(html):
    """The first paragraph's text: a standfirst never runs on into the next paragraph."""
    soup = parse_one(html)
    paragraph = next((p for p in soup.find_all("p") if strip(p)), None)
    return visible_text(paragraph) if paragraph else visible_text(soup)


def youtube_watch_url(src):
    found = re.match(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", src)
    return f"https://www.youtube.com/watch?v={found.group(1)}" if found else src


def escape_text(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text):
    return escape_text(text).replace('"', "&quot;")
