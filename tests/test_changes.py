"""Change notes (issue 28): an editor's note is checked like every other reference, readers see
a major one ("Last updated", the changes page, the feed, the open data) and never a minor one,
`make check BASE=<ref>` names every page that changed without a note, and two pull requests that
each add a note merge cleanly. Edits are made to the small made-up knowledge base
(tests/fixtures/kb/); one build of it with notes is shared by these tests and the browser's."""
from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

import feedparser
import pytest

from support import line_of, run_build, run_module

from notes_data import REWORDED, THEME, note, reword, write_note


def html(project: Path, address: str) -> str:
    return (project / "site" / address.strip("/") / "index.html").read_text(encoding="utf-8")


# --- readers see a major note, and never a minor one -------------------------------------------

def test_a_major_note_shows_on_its_question_its_focus_area_the_changes_page_and_the_open_data(noted_site):
    question = html(noted_site, "/questions/fixture-second-question/")
    assert "Last updated <time datetime=\"2026-12-01\">1 December 2026</time>" in question
    assert REWORDED.replace("'", "&#39;") in question or REWORDED in question
    assert "first published on this site" in question and 'datetime="2026-11-26"' in question
    area = html(noted_site, "/themes/fixture-theme/fixture-collaborating/")
    assert "Last updated <time datetime=\"2026-12-01\">" in area, "a question's note shows on its focus area"

    changes = html(noted_site, "/changes/")
    assert changes.index("1 December 2026") < changes.index("28 November 2026") < changes.index("26 November 2026")
    assert 'id="2026-12-01-key-players"' in changes and 'href="../questions/fixture-second-question/"' in changes
    assert "A typo" not in changes, "a minor note is not listed"

    data = json.loads((noted_site / "site/open-data/resourceful-leadership.json").read_text(encoding="utf-8"))
    notes = {n["id"]: n for n in data["change_notes"]}
    assert notes["2026-12-01-key-players"]["importance"] == "major"
    assert notes["2026-12-01-key-players"]["pages"][0]["address"].endswith("/questions/fixture-second-question/")
    assert notes["2026-12-02-typo"]["importance"] == "minor", "the open data carries every note"
    schema = json.loads((noted_site / "site/open-data/resourceful-leadership.schema.json").read_text(encoding="utf-8"))
    assert "change_notes" in schema["properties"]


def test_a_minor_note_changes_nothing_a_reader_sees(noted_site):
    third = html(noted_site, "/questions/fixture-third-question/")
    assert "Last updated" not in third and "A typo" not in third
    assert "A typo" not in (noted_site / "site/feed.xml").read_text(encoding="utf-8")


def test_every_page_announces_the_feed(noted_site):
    for address in ("/", "/questions/fixture-second-question/", "/changes/", "/glossary/"):
        assert '<link rel="alternate" type="application/atom+xml"' in html(noted_site, address), address


def test_the_feed_parses_every_entry_has_a_stable_id_and_a_link_to_the_page(noted_site):
    feed = feedparser.parse((noted_site / "site/feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.updated == "2026-12-01T00:00:00Z"
    ids = [entry.id for entry in feed.entries]
    assert len(ids) == len(set(ids)) == 3, "the three major notes, the first edition included"
    first = feed.entries[0]
    assert first.id.endswith("/changes/#2026-12-01-key-players"), "an entry's id is its note's file name"
    assert first.link.endswith("/questions/fixture-second-question/")
    assert first.updated == "2026-12-01T00:00:00Z" and first.summary == REWORDED
    assert feed.entries[-1].title.startswith("First edition")


def test_two_builds_on_different_days_give_the_same_feed(noted_site, tmp_path, monkeypatch):
    """The same commit built a year and a day later (the build's clock moved on): the same bytes."""
    import types

    import kb.site

    class Later(datetime.date):
        @classmethod
        def today(cls):
            return datetime.date.today() + datetime.timedelta(days=366)

    monkeypatch.setattr(kb.site, "datetime", types.SimpleNamespace(date=Later))
    result = run_build(noted_site, tmp_path / "later", record=False)
    assert result.returncode == 0, result.output
    assert (tmp_path / "later/feed.xml").read_bytes() == (noted_site / "site/feed.xml").read_bytes()


# --- the check refuses a note that would mislead ---------------------------------------------------

@pytest.mark.parametrize("date, pages, text, at, message", [
    ("2026-12-01", [("question", "fixture-secnd-question")], REWORDED, "  - {",
     "unknown question 'fixture-secnd-question' (did you mean 'fixture-second-question'?)"),
    ("2026-12-01", [("question", "fixture-second-question")], "Updated.", "text:",
     "change note, text: 'Updated.' does not tell readers what changed; say what changed and why"),
    ("2999-01-01", [("question", "fixture-second-question")], REWORDED, "date:", "is in the future"),
    ("2009-05-01", [("question", "fixture-second-question")], REWORDED, "date:", "is before the report was published (2011)"),
    ("2026-12-01", [("page", "/glosary/")], REWORDED, "  - {", "'/glosary/' is not an address of the site (did you mean '/glossary/'?)"),
])
def test_a_note_that_would_mislead_is_refused_with_file_line_and_fix(fixture_project, date, pages, text, at, message):
    path = write_note(fixture_project, f"{date}-a-note", note(date, "major", "changed", pages, text))
    result = run_module(fixture_project, "kb.check")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert f"data/changes/{path.name}:{line_of(path, at)}: " in result.output and message in result.output, result.output


def test_a_note_naming_a_renamed_id_follows_the_rename(fixture_project):
    write_note(fixture_project, "2026-12-01-old-id", note("2026-12-01", "major", "renamed",
                                                         [("question", "fixture-second-question")], REWORDED))
    text = (fixture_project / THEME).read_text().replace("id: fixture-second-question", "id: fixture-key-players")
    (fixture_project / THEME).write_text(text)
    redirects = fixture_project / "data/redirects.yaml"
    redirects.write_text(redirects.read_text().replace(
        "redirects: []", "redirects:\n  - {kind: question, old: fixture-second-question, new: fixture-key-players}\n"))
    run_module(fixture_project, "kb.urls")
    result = run_module(fixture_project, "kb.check")
    assert result.returncode == 0, result.output
    from kb.site import Site
    site = Site.from_project(fixture_project)
    page = site.renderer.render(site.page("questions/fixture-key-players.md"))
    assert "Last updated" in page and "1 December 2026" in page


# --- make check BASE=<ref> ---------------------------------------------------------------------------

def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                            cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def committed(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    (project / ".gitattributes").write_text((Path(__file__).resolve().parent.parent / ".gitattributes").read_text())
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    return project


def test_a_change_without_a_note_fails_naming_the_page_and_the_fix_and_a_minor_note_passes(fixture_project):
    project = committed(fixture_project)
    reword(project)
    result = run_module(project, "kb.check", "--base", "main")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert ("/questions/fixture-second-question/: what readers see here changed since main (“Who are the fixture's "
            "key players?”) and no change note in this branch names it; add one: `make note`") in result.output
    assert "- {kind: question, id: fixture-second-question}" in result.output

    made = run_module(project, "kb.note", "question:fixture-second-question")
    path = next((project / "data/changes").glob("*-fixture-second-question-*.yaml"))
    assert made.returncode == 0 and path.name in made.stdout
    assert "does not tell readers what changed" in run_module(project, "kb.check", "--base", "main").output, \
        "the note as the helper starts it is refused until its text is written"
    path.write_text(path.read_text().replace("importance: major", "importance: minor")
                    .replace("text: Say what changed.", "text: A word of the question is corrected to the report's."))
    result = run_module(project, "kb.check", "--base", "main")
    assert result.returncode == 0, result.output
    from kb.site import Site
    site = Site.from_project(project)
    for path in ("questions/fixture-second-question.md", "themes/fixture-theme/fixture-collaborating.md"):
        assert "Last updated" not in site.renderer.render(site.page(path)), "a minor note moves no date"


def test_a_branch_whose_only_change_is_a_note_or_a_review_date_passes(fixture_project):
    project = committed(fixture_project)
    write_note(project, "2026-12-01-a-note", note("2026-12-01", "major", "changed",
                                                 [("question", "fixture-third-question")], REWORDED))
    theme = project / THEME
    dates = [line for line in theme.read_text().splitlines() if "last_reviewed:" in line]
    theme.write_text(theme.read_text().replace(dates[0], dates[0].split(":")[0] + ": 2026-12-01", 1))
    result = run_module(project, "kb.check", "--base", "main")
    assert result.returncode == 0, result.output


def test_two_branches_that_each_add_a_note_merge_without_a_conflict(fixture_project):
    project = committed(fixture_project)
    git(project, "checkout", "-q", "-b", "first")
    assert run_module(project, "kb.note", "question:fixture-first-question").returncode == 0
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "a note")
    git(project, "checkout", "-q", "main")
    assert run_module(project, "kb.note", "question:fixture-first-question").returncode == 0
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "another note, on the same page, the same day")
    git(project, "merge", "-q", "--no-edit", "first")
    assert len(list((project / "data/changes").glob("*-fixture-first-question-*.yaml"))) == 2
    for path in (project / "data/changes").glob("*-fixture-first-question-*.yaml"):
        path.write_text(path.read_text().replace("text: Say what changed.", f"text: {REWORDED}"))
    assert run_module(project, "kb.check").returncode == 0
