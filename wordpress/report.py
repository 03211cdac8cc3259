"""What an import run did, for the final report on the terminal."""

from collections import Counter
from dataclasses import dataclass, field

from .fidelity import KINDS, percent


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
    fidelity: dict = field(default_factory=dict)  # post id -> (title, {kind: (kept, of)})

    def count(self, what, outcome):
        self.counts[(what, outcome)] += 1

    def warn(self, post_id, kind, detail):
        self.warnings[kind] += 1
        self.warning_details.append((post_id, kind, detail))

    def measure(self, post_id, title, kept):
        self.fidelity[post_id] = (title, kept)

    def fidelity_lines(self):
        """The totals over the posts converted in this run, and each post that lost anything."""
        if not self.fidelity:
            return
        totals = {kind: [0, 0] for kind in KINDS}
        for _title, kept in self.fidelity.values():
            for kind in KINDS:
                totals[kind][0] += kept[kind][0]
                totals[kind][1] += kept[kind][1]
        yield (
            f"  fidelity over {len(self.fidelity)} converted posts: "
            + ", ".join(
                f"{kind} {percent(*totals[kind])} ({k}/{n})" for kind, (k, n) in totals.items()
            )
        )
        under = [
            (
                post_id,
                title,
                {kind: counts for kind, counts in kept.items() if counts[0] < counts[1]},
            )
            for post_id, (title, kept) in self.fidelity.items()
        ]
        under = [entry for entry in under if entry[2]]
        if under:
            yield f"  posts under 100% ({len(under)}):"
        for post_id, title, losses in under:
            yield f"    post {post_id} {title}: " + ", ".join(
                f"{kind} {percent(*counts)} ({counts[0]}/{counts[1]})"
                for kind, counts in losses.items()
            )

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
        yield from self.fidelity_lines()
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
