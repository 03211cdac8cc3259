"""Approved comments of a page as threads, fetched in one query (templates and API share it)."""

from citynet.compiled import Argument, CompiledOnce

from .models import ReaderComment

# Compiled once per process (decision 0400): every page's HTML and detail reads it.
APPROVED_COMMENTS = CompiledOnce(
    ReaderComment.objects.approved()
    .filter(page_id=Argument("page_id"))
    .only(
        "pk",
        "parent_id",
        "depth",
        "author_name",
        "author_url",
        "is_staff_reply",
        "text",
        "created_at",
    )
)


def approved_threads(page_id):
    """
    Top-level approved comments, oldest first, each with `.thread_replies` (approved, nested).
    A reply whose parent is not approved is not shown: out of its context it would mislead.
    """
    comments = APPROVED_COMMENTS.run(page_id=page_id)
    by_id = {comment.pk: comment for comment in comments}
    roots = []
    for comment in comments:
        comment.thread_replies = []
    for comment in comments:
        if comment.parent_id is None:
            roots.append(comment)
        elif comment.parent_id in by_id:
            by_id[comment.parent_id].thread_replies.append(comment)
    return roots


def count_visible(threads):
    return sum(1 + count_visible(comment.thread_replies) for comment in threads)
