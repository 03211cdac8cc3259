"""
How much of a post survives the import: its visible words, links (`href`), images and
emphasis, in the source as WordPress renders it and in the blocks the importer made.

Words are compared as a multiset (each word counts as often as it occurs), links by address,
images and emphasis (bold, italic) by number; a share is what the import kept of the source,
never above 100%.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment

from .content import accepts_embed, visible_text

KINDS = ("text", "links", "images", "emphasis")
INVISIBLE = {"script", "style", "noscript", "template", "head", "title"}
WORD = re.compile(r"\w+")
BOLD, ITALIC = {"b", "strong"}, {"i", "em"}


@dataclass
class Content:
    words: Counter = field(default_factory=Counter)
    links: Counter = field(default_factory=Counter)
    images: int = 0
    emphasis: Counter = field(default_factory=Counter)  # "bold", "italic" -> n

    def add_text(self, text):
        self.words.update(word.lower() for word in WORD.findall(text))

    def add_html(self, html):
        soup = BeautifulSoup(html, "html.parser")
        for element in soup.find_all(INVISIBLE):
            element.decompose()
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        self.add_text(visible_text(soup))
        for element in soup.find_all(True):
            if element.name == "a" and element.get("href") and element.get_text().strip():
                self.links[element["href"].strip()] += 1
            elif element.name == "img" or (
                element.name == "embed" and element.get("embedtype") == "image"
            ):
                self.images += 1
            elif element.get_text().strip() and element.name in BOLD | ITALIC:
                self.emphasis["bold" if element.name in BOLD else "italic"] += 1

    def totals(self):
        return {
            "text": self.words.total(),
            "links": self.links.total(),
            "images": self.images,
            "emphasis": self.emphasis.total(),
        }


def of_source(html):
    """What a reader sees on the WordPress page: an embed shows its player, not its address."""
    soup = BeautifulSoup(html, "html.parser")
    for wrapper in soup.select(".wp-block-embed__wrapper"):
        wrapper.decompose()
    for paragraph in soup.find_all("p"):
        if accepts_embed(paragraph.get_text().strip()):
            paragraph.decompose()
    content = Content()
    content.add_html(str(soup))
    return content


def kept(source, imported):
    """(kept, of) per kind: what of the source's content the imported blocks still hold."""
    return {
        "text": ((source.words & imported.words).total(), source.words.total()),
        "links": ((source.links & imported.links).total(), source.links.total()),
        "images": (min(source.images, imported.images), source.images),
        "emphasis": ((source.emphasis & imported.emphasis).total(), source.emphasis.total()),
    }


def of_blocks(blocks):
    """What a reader sees in the StoryBlock data the importer made."""
    content = Content()
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            content.add_html(value)
        elif kind == "heading":
            content.add_text(value["text"])
        elif kind == "image":
            content.images += 1
            content.add_text(value["caption"])
        elif kind == "gallery":
            content.images += len(value["images"])
            for item in value["images"]:
                content.add_text(item["caption"])
        elif kind == "pull_quote":
            content.add_text(" ".join((value["quote"], value["name"], value["role"])))
        elif kind == "table":
            cells = [cell for row in value["data"] for cell in row]
            content.add_text(" ".join([*cells, value["table_caption"]]))
    return content


def share(kept_count, of):
    return 1.0 if not of else kept_count / of


def percent(kept_count, of):
    """Rounded down, so that 99.96% never shows as 100%."""
    return f"{int(share(kept_count, of) * 1000) / 10:g}%"
