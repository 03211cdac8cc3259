"""
The shell blocks of README.md and docs/*.md, read as a user reads them: each ```sh block, and each
command in it (continuation lines joined, here-documents kept whole, comments apart).
"""

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SH_BLOCK = re.compile(r"^ *```sh\n(.*?)^ *```", re.DOTALL | re.MULTILINE)
HEREDOC = re.compile(r"<<'?(\w+)'?")
COMMENT = re.compile(r"(?:^|\s+)#(?: .*)?$")


@dataclass(frozen=True)
class Command:
    document: str  # README.md, docs/api.md...
    heading: str  # the section it is documented under
    text: str  # the command, on one line unless it holds a here-document
    comment: str  # what the docs say beside it


def documents():
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks(path):
    """(heading, block text) of each ```sh block in a Markdown file."""
    text = path.read_text()
    for match in SH_BLOCK.finditer(text):
        prose = re.sub(r"```.*?```", "", text[: match.start()], flags=re.DOTALL)
        headings = re.findall(r"^#+ (.+)$", prose, re.MULTILINE)
        yield headings[-1] if headings else "", match.group(1)


def split_comment(line):
    """A line's command and its trailing comment; a # inside quotes is not a comment."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].rstrip(), line[index + 1 :].strip()
    return line.rstrip(), ""


def balanced(command):
    try:
        shlex.split(command.split("<<")[0])
    except ValueError:  # No closing quotation: the command goes on on the next line
        return False
    return True


def commands_of(block):
    """(command, comment) of each command of a shell block."""
    lines = iter(block.splitlines())
    for line in lines:
        command, comment = split_comment(line.strip())
        if not command:
            continue
        while command.endswith("\\") or not balanced(command):
            more, more_comment = split_comment(next(lines).strip())
            command = f"{command.removesuffix(chr(92)).rstrip()} {more}"
            comment = comment or more_comment
        if heredoc := HEREDOC.search(command):
            body = []
            for body_line in lines:
                if body_line.strip() == heredoc.group(1):
                    break
                body.append(body_line)
            command = "\n".join([command, *body, heredoc.group(1)])
        yield command, comment


def documented_commands():
    for path in documents():
        for heading, block in blocks(path):
            for text, comment in commands_of(block):
                yield Command(str(path.relative_to(ROOT)), heading, text, comment)


def block_under(document, heading):
    """The shell block under `heading` in `document`, as written."""
    found = [block for title, block in blocks(ROOT / document) if title == heading]
    assert len(found) == 1, f"{document} has {len(found)} shell blocks under {heading!r}"
    return found[0]


DEMO_ADDRESS = "http://127.0.0.1:8000"
API_VARIABLE = "$API"


def requests_to_the_demo():
    """
    (command, method, url path with query, headers) of each documented `curl` to the demo of
    `make run`, its `$API` expanded. Commands built from another command's output are left out.
    """
    for command in documented_commands():
        text = command.text
        if not text.startswith("curl ") or "$(" in text or "$TOKEN" in text:
            continue
        text = text.replace(API_VARIABLE, f"{DEMO_ADDRESS}/api/v2")
        words = shlex.split(text.split(" | ")[0])
        urls = [word for word in words if word.startswith(DEMO_ADDRESS)]
        if not urls:
            continue  # another address: the cluster's
        method = words[words.index("-X") + 1] if "-X" in words else "GET"
        headers = dict(
            words[index + 1].split(": ", 1) for index, word in enumerate(words) if word == "-H"
        )
        yield command, method, urls[0].removeprefix(DEMO_ADDRESS), headers
