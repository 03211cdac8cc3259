"""Every decision record is listed in the index a newcomer opens first."""

from pathlib import Path

from django.conf import settings

DECISIONS = Path(settings.BASE_DIR) / "docs" / "decisions"


def unlisted_records(folder):
    index = (folder / "README.md").read_text()
    return [path.name for path in sorted(folder.glob("[0-9]*.md")) if f"({path.name})" not in index]


def test_every_decision_is_in_the_index():
    assert unlisted_records(DECISIONS) == []


def test_a_record_missing_from_the_index_is_found(tmp_path):
    (tmp_path / "README.md").write_text("- [0001](0001-listed.md) Listed\n")
    (tmp_path / "0001-listed.md").write_text("# 0001 Listed\n")
    (tmp_path / "0002-forgotten.md").write_text("# 0002 Forgotten\n")
    assert unlisted_records(tmp_path) == ["0002-forgotten.md"]
