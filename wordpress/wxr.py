"""
Reading a WordPress eXtended RSS export (WXR 1.0 to 1.2) safely into plain records.

The whole file is parsed before anything is written, with defusedxml: a DTD that declares
entities (billion laughs) or refers to external ones is refused, and a malformed or truncated
file is reported with its line, so a bad file imports nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

# WXR namespaces vary by version and by host (WordPress.com writes https://).
WXR_NAMESPACE = re.compile(r"^\{https?://wordpress\.org/export/1\.[0-2]/(excerpt/)?\}")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


class WXRError(Exception):
    """The file cannot be imported; the message says why and where."""


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Comment:
    id: int
    author: str
    author_email: str
    author_url: str
    date_gmt: datetime | None
    content: str
    approved: str  # "1", "0", "spam" or "trash"
    type: str  # "" or "comment", "pingback", "trackback"
    parent: int


@dataclass
class Item:
    post_id: int
    post_type: str
    status: str
    title: str
    link: str
    creator: str
    content: str
    excerpt: str
    post_name: str
    post_date: datetime | None
    post_date_gmt: datetime | None
    password: str
    sticky: bool
    parent: int
    attachment_url: str
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, nicename, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    def terms_in(self, domain):
        return [
            (nicename, name) for term_domain, nicename, name in self.terms if term_domain == domain
        ]


@dataclass
class Export:
    title: str
    link: str
    base_blog_url: str
    authors: dict[str, Author]
    items: list[Item]

    @property
    def site_key(self):
        """What identifies the WordPress site across runs: its blog URL without the scheme."""
        url = self.base_blog_url or self.link
        return re.sub(r"^https?://", "", url).rstrip("/").lower()


def read_export(path_or_file):
    try:
        tree = parse(path_or_file, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        message = f"refused: the file declares XML entities ({error}); nothing imported"
        raise WXRError(message) from error
    except ParseError as error:
        line, column = error.position
        message = f"not valid XML at line {line}, column {column}; nothing imported"
        raise WXRError(message) from error
    root = tree.getroot()
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = WXR_NAMESPACE.sub(
                lambda m: "excerpt:" if m.group(1) else "wp:", element.tag
            )
    channel = root.find("channel")
    if root.tag != "rss" or channel is None or channel.find("wp:wxr_version") is None:
        raise WXRError("not a WordPress export (no rss/channel/wp:wxr_version); nothing imported")
    authors = {}
    for element in channel.findall("wp:author"):
        author = Author(
            login=text(element, "wp:author_login"),
            email=text(element, "wp:author_email"),
            display_name=text(element, "wp:author_display_name"),
            first_name=text(element, "wp:author_first_name"),
            last_name=text(element, "wp:author_last_name"),
        )
        authors[author.login] = author
    return Export(
        title=text(channel, "title"),
        link=text(channel, "link"),
        base_blog_url=text(channel, "wp:base_blog_url"),
        authors=authors,
        items=[read_item(element) for element in channel.findall("item")],
    )


def read_item(element):
    return Item(
        post_id=number(element, "wp:post_id"),
        post_type=text(element, "wp:post_type"),
        status=text(element, "wp:status"),
        title=text(element, "title"),
        link=text(element, "link"),
        creator=text(element, CREATOR),
        content=text(element, CONTENT),
        excerpt=text(element, "excerpt:encoded"),
        post_name=text(element, "wp:post_name"),
        post_date=date(element, "wp:post_date"),
        post_date_gmt=date(element, "wp:post_date_gmt"),
        password=text(element, "wp:post_password"),
        sticky=text(element, "wp:is_sticky") == "1",
        parent=number(element, "wp:post_parent"),
        attachment_url=text(element, "wp:attachment_url"),
        terms=[
            (term.get("domain", ""), term.get("nicename", ""), (term.text or "").strip())
            for term in element.findall("category")
        ],
        meta={
            text(meta, "wp:meta_key"): text(meta, "wp:meta_value")
            for meta in element.findall("wp:postmeta")
        },
        comments=[read_comment(comment) for comment in element.findall("wp:comment")],
    )


def read_comment(element):
    return Comment(
        id=number(element, "wp:comment_id"),
        author=text(element, "wp:comment_author"),
        author_email=text(element, "wp:comment_author_email"),
        author_url=text(element, "wp:comment_author_url"),
        date_gmt=date(element, "wp:comment_date_gmt"),
        content=text(element, "wp:comment_content"),
        approved=text(element, "wp:comment_approved"),
        type=text(element, "wp:comment_type"),
        parent=number(element, "wp:comment_parent"),
    )


def text(element, path):
    found = element.find(path)
    return "" if found is None or found.text is None else found.text.strip()


def number(element, path):
    value = text(element, path)
    return int(value) if value.isdigit() else 0


def date(element, path):
    """A WordPress date ("2012-01-07 07:07:21"); None for the "0000-00-00" of drafts."""
    value = text(element, path)
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
