"""
WordPress comments → reader comments (comments.ReaderComment), recorded by WordPress site and
comment id so that a second run adds only the comments written since.

Rows are written with bulk_create, one insert per thread level: ReaderComment.save() would
invalidate the page's cached responses once per comment, so the importer does that once per run
(Importer.run). Nothing here emails anyone: moderators hear about new held comments from the
comment form (comments.moderation), never about old ones brought across.
"""

import datetime
import re
from collections import Counter

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone

from comments.models import MAX_DEPTH, MAX_LENGTH, ReaderComment

from .content import strip
from .models import ImportedItem

PINGBACKS = {"pingback", "trackback"}
Status = ReaderComment.Status
STATUSES = {
    "1": Status.APPROVED,
    "0": Status.PENDING,
    "spam": Status.SPAM,
    "trash": Status.REMOVED,
}
# The report's words for them.
OUTCOMES = {
    Status.APPROVED: "approved",
    Status.PENDING: "held",
    Status.SPAM: "spam",
    Status.REMOVED: "removed",
}
BLOCKS = ["p", "div", "blockquote", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6"]
validate_url = URLValidator(schemes=["http", "https"])
author_url_length = ReaderComment._meta.get_field("author_url").max_length
author_name_length = ReaderComment._meta.get_field("author_name").max_length


def import_comments(page, comments, site):
    """Bring a post's comments to its article `page`; returns the counts for the report."""
    counts = Counter(pingbacks=sum(comment.type in PINGBACKS for comment in comments))
    wanted = sorted((c for c in comments if c.type not in PINGBACKS), key=lambda c: c.id)
    records = ImportedItem.objects.filter(
        site=site, kind=ImportedItem.Kind.COMMENT, wp_id__in=[str(c.id) for c in wanted]
    )
    done = dict(records.values_list("wp_id", "object_id"))
    comment_for = {}  # WordPress id -> reader comment, for the parents of new replies
    existing = ReaderComment.objects.select_related("parent").in_bulk(done.values())
    for wp_id, pk in done.items():
        if pk in existing:  # else a moderator deleted it here: not brought back
            comment_for[int(wp_id)] = existing[pk]
    counts["already imported"] = len(done)
    language = page.locale.language_code
    new = []
    for comment in wanted:
        if str(comment.id) in done:
            continue
        parent = comment_for.get(comment.parent) if comment.parent else None  # 0: top level
        reader_comment = reader_comment_for(comment, page, parent)
        reader_comment.language = language
        comment_for[comment.id] = reader_comment
        new.append((comment.id, reader_comment))
        counts[OUTCOMES[reader_comment.status]] += 1
    # Parents before replies: each level's insert gives the next level its parents' ids.
    for depth in range(1, MAX_DEPTH + 1):
        ReaderComment.objects.bulk_create([c for _id, c in new if c.depth == depth])
    ImportedItem.objects.bulk_create(
        ImportedItem(site=site, kind=ImportedItem.Kind.COMMENT, wp_id=str(wp_id), object_id=c.pk)
        for wp_id, c in new
    )
    return counts


def reader_comment_for(comment, page, parent):
    if parent is not None and parent.depth >= MAX_DEPTH:
        parent = parent.parent  # deeper WordPress replies join the level-2 ancestor's thread
    # Any other value ("post-trashed", a plugin's own) is kept out of sight.
    status = STATUSES.get(comment.approved, Status.REMOVED)
    return ReaderComment(
        page=page,
        parent=parent,
        depth=parent.depth + 1 if parent else 1,  # what save() would set
        author_name=strip(comment.author)[:author_name_length] or "Anonymous",
        author_email=valid_email(comment.author_email),
        author_url=valid_url(comment.author_url),
        text=plain_text(comment.content),
        status=status,
        held_because="held in WordPress" if status == Status.PENDING else "",
        created_at=comment.date_gmt.replace(tzinfo=datetime.UTC)
        if comment.date_gmt
        else timezone.now(),
        ip_address=None,  # never imported (the parser does not even read it)
    )


def valid_email(value):
    try:
        validate_email(value.strip())
    except ValidationError:
        return ""
    return value.strip()


def valid_url(value):
    value = value.strip()
    if len(value) > author_url_length:
        return ""
    try:
        validate_url(value)
    except ValidationError:
        return ""
    return value


def plain_text(html):
    """The comment as the plain text reader comments hold: paragraphs kept, links as URLs."""
    soup = BeautifulSoup(html, "html.parser")
    for code in soup.find_all(["script", "style"]):
        code.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for link in soup.find_all("a", href=re.compile(r"^https?://")):
        if link.get_text().strip() != link["href"]:
            link.append(f" ({link['href']})")
    for block in soup.find_all(BLOCKS):
        block.insert_after("\n\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(text) > MAX_LENGTH:
        text = text[: MAX_LENGTH - 1].rstrip() + "…"
    return text
