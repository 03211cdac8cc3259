"""
The README is a newcomer's first page: short, and a map to every guide in docs/. Every relative
link in it and in docs/ leads to a file that exists and, with an anchor, to a heading of that file.
"""

import re
from urllib.parse import unquote

from tests.docs.documented import ROOT, documents

LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#+ (.+)$", re.MULTILINE)
CODE = re.compile(r"```.*?```", re.DOTALL)


def anchor(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_the_readme_is_short_and_links_every_guide():
    readme = (ROOT / "README.md").read_text()

    assert len(readme.splitlines()) < 150
    guides = {f"docs/{path.name}" for path in (ROOT / "docs").glob("*.md")}
    assert {guide for guide in guides if f"({guide}" not in readme} == set()


def broken_links():
    for document in documents():
        text = CODE.sub("", document.read_text())
        for target in LINK.findall(text):
            if re.match(r"^[a-z]+:", target):
                continue  # http:, https:, mailto:
            path, _, fragment = target.partition("#")
            linked = (document.parent / unquote(path)).resolve() if path else document
            if not linked.exists():
                yield document.name, target
            elif fragment and linked.suffix == ".md":
                anchors = {anchor(h) for h in HEADING.findall(CODE.sub("", linked.read_text()))}
                if fragment not in anchors:
                    yield document.name, target


def test_every_relative_link_in_the_docs_opens():
    assert list(broken_links()) == []
