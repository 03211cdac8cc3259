"""
WordPress comments. Reader comments do not exist on this branch yet: until they do, every
comment is counted in the report so that none is lost silently. Wiring them up is this one
function (see docs/import.md).
"""

PINGBACKS = {"pingback", "trackback"}


def import_comments(page, comments, report):
    """Bring a post's comments to its article `page`; today: count them as not imported."""
    for comment in comments:
        if comment.type in PINGBACKS:
            report.not_imported["pingbacks and trackbacks (skipped)"] += 1
        else:
            report.not_imported["comments (reader comments not available yet)"] += 1
