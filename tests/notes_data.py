"""The made-up knowledge base (tests/fixtures/kb/) with change notes, as tests/test_changes.py and
tests/browser/test_changes_browser.py use it (built once: the `noted_site` fixture, tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

THEME = "data/themes/fixture-theme.yaml"
OLD, NEW = "Who are the fixture's key players?", "Who are the fixture's key players now?"
REWORDED = "The question now ends as the report prints it, where it asked about key players before."


def write_note(project: Path, name: str, body: str) -> Path:
    path = project / "data" / "changes" / f"{name}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def note(date: str, importance: str, change: str, pages: list[tuple[str, str]], text: str) -> str:
    listed = "".join(f"  - {{kind: {kind}, id: '{ident}'}}\n" for kind, ident in pages)
    return f"date: {date}\nimportance: {importance}\nchange: {change}\npages:\n{listed}text: {text}\n"


def reword(project: Path, old: str = OLD, new: str = NEW):
    theme = project / THEME
    text = theme.read_text(encoding="utf-8")
    assert text.count(old) == 1
    theme.write_text(text.replace(old, new), encoding="utf-8")


def with_notes(project: Path) -> Path:
    """The made-up knowledge base with its second question reworded and a major note for it, a
    major note for the first question (answers saved after it are not marked), and a minor note."""
    reword(project)
    write_note(project, "2026-12-01-key-players", note("2026-12-01", "major", "changed",
                                                        [("question", "fixture-second-question")], REWORDED))
    write_note(project, "2026-11-28-first-question", note("2026-11-28", "major", "changed",
                                                           [("question", "fixture-first-question")],
                                                           "The question's page now names its behaviours."))
    write_note(project, "2026-12-02-typo", note("2026-12-02", "minor", "changed", [("question", "fixture-third-question")],
                                                "A typo in the question's page is corrected."))
    return project
