"""What an import run did, for the final report on the terminal."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)  # (what, outcome) -> n
    skipped: Counter = field(default_factory=Counter)  # reason -> n
    warnings: Counter = field(default_factory=Counter)  # kind -> n
    warning_details: list = field(default_factory=list)  # (post id, kind, detail)
    not_imported: Counter = field(default_factory=Counter)  # what -> n
    comments: Counter = field(default_factory=Counter)  # outcome -> n (wordpress/comments.py)
    missing_media: list = field(default_factory=list)
    unmapped_categories: set = field(default_factory=set)
    failures: list = field(default_factory=list)  # (post id, error)

    def count(self, what, outcome):
        self.counts[(what, outcome)] += 1

    def warn(self, post_id, kind, detail):
        self.warnings[kind] += 1
        self.warning_details.append((post_id, kind, detail))

    def lines(self, dry_run=False):
        yield "Dry run: nothing was written." if dry_run else "Import finished."
        for what in ("articles", "images", "people", "users", "redirects", "featured"):
            outcomes = {o: n for (w, o), n in sorted(self.counts.items()) if w == what}
            if outcomes:
                yield f"  {what}: " + ", ".join(f"{n} {o}" for o, n in outcomes.items())
        if self.comments.total():
            yield "  comments: " + self.comment_line()
        for title, counter in (
            ("skipped", self.skipped),
            ("warnings", self.warnings),
            ("not imported", self.not_imported),
        ):
            if counter:
                yield f"  {title}: " + ", ".join(f"{n} {k}" for k, n in sorted(counter.items()))
        if self.unmapped_categories:
            names = ", ".join(sorted(self.unmapped_categories))
            yield f"  categories without a theme, kept as tags: {names}"
        if self.missing_media:
            yield f"  missing media ({len(self.missing_media)} files not in the media folder):"
            for url in self.missing_media:
                yield f"    {url}"
        for post_id, error in self.failures:
            yield f"  FAILED post {post_id}: {error} (nothing of it was imported)"

    def comment_line(self):
        statuses = ("approved", "held", "spam", "removed")
        imported = sum(self.comments[status] for status in statuses)
        parts = [
            f"{imported} imported ("
            + ", ".join(f"{self.comments[status]} {status}" for status in statuses)
            + ")"
        ]
        if self.comments["already imported"]:
            parts.append(f"{self.comments['already imported']} already imported")
        parts.append(f"{self.comments['pingbacks']} pingbacks and trackbacks skipped")
        return ", ".join(parts)
