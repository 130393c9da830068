"""A catalogue of bad inputs: each must give an editor one plain sentence with file and line.

Every case breaks a private copy of the data (the `project` fixture), runs the check that
`make check` runs on it, and checks the exact file, line and the key words of each problem,
a non-zero exit and no traceback. The catalogue calls kb.check's main() in the test process
(a Python start-up per case was most of its time); the cases that could hang or run code
(an alias bomb, a YAML tag) run `python -m kb.check` as a process of its own, as does
tests/test_tooling.py's `make check`. A few cases also run kb.build (in this process too) to
show that a failed build leaves the previous site/ exactly as it was.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kb.problems import ContentError
from kb.site import Site
from support import FIXTURE_KB, copy_project, made_once, run_module

THEME = "data/themes/fixture-theme.yaml"
MANIFEST = "published-addresses.txt"
# One problem as the loader prints it: "  data/examples.yaml:<line>: example 'x', behaviours: ..."
PROBLEM = re.compile(r"^  (?P<file>[^:\n]+):(?P<line>\d+): (?P<message>.+)$", re.MULTILINE)


# --- ways to break the copy: each checks that it really changed something -------------

def replace(file: str, old: str, new: str):
    """Replace the one occurrence of old in file (a test cannot pass on an edit that missed)."""
    def apply(project: Path):
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur exactly once in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return apply


def replace_bytes(file: str, old: bytes, new: bytes):
    def apply(project: Path):
        path = project / file
        raw = path.read_bytes()
        assert raw.count(old) == 1, f"{old!r} must occur exactly once in {file}"
        path.write_bytes(raw.replace(old, new))
    return apply


def write(file: str, text: str):
    """Write the file: one that exists, or a new one in data/ (a file an editor added)."""
    def apply(project: Path):
        assert (project / file).is_file() or (project / file).parent.is_dir()
        (project / file).write_text(text, encoding="utf-8")
    return apply


def delete(file: str):
    def apply(project: Path):
        (project / file).unlink()
    return apply


def append_copy(file: str, start: str, changes: tuple[tuple[str, str], ...]):
    """Append a copy of the record from `start` to the end of the file, with changes."""
    def apply(project: Path):
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert text.count(start) == 1 and text.endswith("\n")
        record = text[text.index(start):]
        for old, new in changes:
            assert old in record
            record = record.replace(old, new)
        path.write_text(text + record, encoding="utf-8")
    return apply


# --- running the check and the build -----------------------------------------------------

def run(project: Path, module: str, *args: str) -> subprocess.CompletedProcess:
    """`python -m <module>` in the copy, so the paths it prints start with data/."""
    return subprocess.run([sys.executable, "-m", module, *args], cwd=project,
                          capture_output=True, text=True, timeout=120)


def check_process(project: Path) -> subprocess.CompletedProcess:
    return run(project, "kb.check", str(project / "data"))


def check(project: Path) -> subprocess.CompletedProcess:
    """What `python -m kb.check` prints and returns in the copy, run in this process."""
    return run_module(project, "kb.check")


# --- where a problem is expected: found from the text of the edited file, never a number ---
# Editors add and remove lines in data/*.yaml all the time; a test that wrote the line
# numbers of the live data down would break on every such edit, so each expected line is
# found in the file as edited, at test time.

FIRST_LINE = 1  # a problem with the whole file (missing, empty, not a mapping) is at line 1


@dataclass(frozen=True)
class Line:
    """The 1-based number of the line, in the file as edited, that contains `text`.

    The text must be on exactly `of` lines (one unless given), so a locator can never
    settle on the wrong line: an edit that makes it ambiguous fails the test. `occurrence`
    picks one of them, counting from the top, for a problem about a repeated line.
    """
    text: str
    occurrence: int = 1
    of: int = 1
    exact: bool = False  # the whole line, not a part of it

    def number(self, project: Path, file: str) -> int:
        # Split on "\n" alone, as YAML and an editor count lines (str.splitlines would also
        # split at control characters); undecodable bytes must not stop the search.
        lines = (project / file).read_bytes().decode("utf-8", errors="replace").split("\n")
        hits = [n for n, line in enumerate(lines, 1) if (line == self.text if self.exact else self.text in line)]
        assert len(hits) == self.of, f"{self.text!r} is on lines {hits} of {file}, expected {self.of}"
        return hits[self.occurrence - 1]


@dataclass(frozen=True)
class Where:
    """`file:line` of a located line, as a message names another place."""
    file: str
    line: Line


def where(file: str, text: str, occurrence: int = 1, of: int = 1) -> Where:
    return Where(file, Line(text, occurrence, of))


@dataclass(frozen=True)
class Words:
    """Message words that name other lines: each {} is filled with a located line.

    A `Where` fills in as "data/x.yaml:N"; a bare `Line` as "N", found in the problem's file.
    """
    template: str
    places: tuple[Line | Where, ...]


def words(template: str, *places: Line | Where) -> Words:
    assert template.count("{}") == len(places)
    return Words(template, places)


def locate(project: Path, file: str, at: Line | int) -> int:
    if isinstance(at, Line):
        return at.number(project, file)
    assert at == FIRST_LINE, f"line {at} of {file} is a literal line number of the data: use Line(...)"
    return at


def spell(project: Path, file: str, text: str | Words) -> str:
    if isinstance(text, str):
        return text
    return text.template.format(*(
        f"{place.file}:{place.line.number(project, place.file)}" if isinstance(place, Where)
        else place.number(project, file) for place in text.places))


Expected = tuple[str, Line | int, str | Words]


def assert_reports(project: Path, result: subprocess.CompletedProcess, expected: list[Expected]):
    """Exactly the expected problems, each at its file and line, and no traceback.

    Every line is found in the project as edited, so `project` must be the edited copy.
    """
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    found = [(m["file"], int(m["line"]), m["message"]) for m in PROBLEM.finditer(output)]
    assert len(found) == len(expected), output
    for file, at, text in expected:
        line, text = locate(project, file, at), spell(project, file, text)
        assert any(f == file and n == line and text in message for f, n, message in found), (
            f"expected {file}:{line}: ...{text}... in:\n{output}")
    noun = "problem" if len(expected) == 1 else "problems"
    assert f"The content has {len(expected)} {noun}" in output


# --- the catalogue: one bad input each, on the small made-up knowledge base ------------------

EXAMPLES, BEHAVIOURS, EVIDENCE, GLOSSARY, SOURCE = (f"data/{name}.yaml" for name in ("examples", "behaviours", "evidence", "glossary", "source"))
REDIRECTS = "data/redirects.yaml"
TITLE = "    title: The first fixture example"
OUTCOME = "    outcome: Exclusions fell from 44 to 2"
SETTING = "    setting: one fixture authority"


def gone(address: str) -> Expected:
    """The problem a change that drops an address also brings: the address is gone."""
    return (MANIFEST, Line(address, exact=True), f"the published address {address} is gone")


CASES = [
    # YAML that cannot be read at all
    pytest.param([replace(EXAMPLES, TITLE, "    title: 'The first fixture example")],
                 [(EXAMPLES, Line("    title: 'The first fixture example"), "YAML syntax error: the quote opened on this line is never closed")],
                 id="syntax-unclosed-quote"),
    pytest.param([replace(EVIDENCE, "title: 'The Fixture Guide: A Second Look'", "title: 'The Fixture Guide: A Second's Look'")],
                 [(EVIDENCE, Line("A Second's Look"), "YAML syntax error: the text goes on after its closing quote")],
                 id="syntax-apostrophe-closes-quote"),
    pytest.param([replace(EXAMPLES, "    number: 1\n", "    number: 1\n     title: Indented one space too far\n")],
                 [(EXAMPLES, Line("     title: Indented one space too far"), "YAML syntax error: a ': ' is in a place it cannot be")],
                 id="syntax-bad-indentation"),
    pytest.param([replace(EXAMPLES, "approaches: [fixture-partners]", "approaches: [fixture-partners")],
                 [(EXAMPLES, Line("approaches: [fixture-partners"), "YAML syntax error: the list opened with '[' on this line is not closed")],
                 id="syntax-unclosed-list"),
    pytest.param([replace(EXAMPLES, "    number: 1\n", "\tnumber: 1\n")],
                 [(EXAMPLES, Line("\tnumber: 1"), "the line is indented with a tab; YAML needs spaces")], id="tab-indentation"),
    pytest.param([replace(EXAMPLES, SETTING, "    setting one fixture authority")],
                 [(EXAMPLES, Line("    setting one fixture authority"), "YAML syntax error: a line here has no ': ' after its key")],
                 id="syntax-missing-colon"),
    pytest.param([write(GLOSSARY, "")], [(GLOSSARY, FIRST_LINE, "the file is empty")], id="empty-file"),
    pytest.param([write(GLOSSARY, "# only a comment\n\n")], [(GLOSSARY, FIRST_LINE, "the file is empty")], id="file-with-only-comments"),
    pytest.param([delete(GLOSSARY)], [(GLOSSARY, FIRST_LINE, "the file is missing; restore it from git")], id="missing-file"),
    pytest.param([delete("data/themes/fixture-theme.yaml")], [("data/themes", FIRST_LINE, "no theme files found")], id="no-theme-files"),
    pytest.param([replace_bytes(GLOSSARY, b"common assessment framework", "common assessment framéwork".encode("latin-1"))],
                 [(GLOSSARY, Line("common assessment fram"), "the file is not UTF-8 text; save it as UTF-8")], id="not-utf8-latin1"),
    pytest.param([replace(EXAMPLES, "    number: 1\n", "    number: 1\n    number: 6\n")],
                 [(EXAMPLES, Line("    number: 6"), "the key 'number' appears twice in the same block; keep one")], id="duplicate-key"),
    pytest.param([replace(EXAMPLES, "    number: 1\n", "    number: 1\n    number: 6\n"),
                  replace(EXAMPLES, "    setting: a fixture borough", "    seting: a fixture borough")],
                 [(EXAMPLES, Line("    number: 6"), "the key 'number' appears twice in the same block"),
                  (EXAMPLES, Line("    seting: a fixture borough"), "example 'fixture-second-example': unknown key 'seting' (did you mean 'setting'?)")],
                 id="duplicate-key-and-a-typo-in-one-file"),
    pytest.param([replace(GLOSSARY, "    expansion: common assessment framework", "    expansion: common\x07 assessment framework")],
                 [(GLOSSARY, Line("common\x07 assessment"), "the line holds an invisible control character (#x0007) that YAML does not allow; delete it")],
                 id="control-character"),
    pytest.param([write(GLOSSARY, "- CAF\n- DCS\n")], [(GLOSSARY, FIRST_LINE, "the file must be a block of 'key: value' lines")], id="file-is-a-list"),
    pytest.param([replace(EXAMPLES, "    number: 2\n", "<<<<<<< HEAD\n    number: 2\n=======\n    number: 3\n>>>>>>> rename\n")],
                 [(EXAMPLES, Line("<<<<<<< HEAD"), words("a merge conflict is left in the file here (from '<<<<<<<' to line {})", Line(">>>>>>> rename")))],
                 id="merge-conflict-markers"),
    pytest.param([write("data/themes/another-theme.yml", "id: another-theme\n")],
                 [("data/themes/another-theme.yml", FIRST_LINE, "this file is not read: data files end in .yaml: rename it to themes/another-theme.yaml")],
                 id="yml-file-is-named-not-ignored"),
    pytest.param([write("data/example.yaml", "examples: []\n")],
                 [("data/example.yaml", FIRST_LINE, "this file is not read: did you mean data/examples.yaml?")], id="unknown-file-is-named"),

    # Text that YAML reads as something else: refused with the fix, never published changed
    pytest.param([replace(EXAMPLES, OUTCOME, OUTCOME + " #schools")],
                 [(EXAMPLES, Line("from 44 to 2 #schools"), "example 'fixture-first-example', outcome: the text stops at '#schools', because YAML reads ' #' as the start of a comment, so the page would show only 'Exclusions fell from 44 to 2'; put the whole text in quotes")],
                 id="text-cut-short-by-a-comment"),
    pytest.param([replace(EXAMPLES, "      - Leaders in a fixture borough looked at outsourcing.", "      - Leaders in a fixture borough looked at outsourcing #2 of 3.")],
                 [(EXAMPLES, Line("outsourcing #2 of 3"), "example 'fixture-second-example', text: the text stops at '#2 of 3.', because YAML reads ' #' as the start of a comment, so the page would show only 'Leaders in a fixture borough looked at outsourcing'")],
                 id="list-item-cut-short-by-a-comment"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: *The first* fixture example")],
                 [(EXAMPLES, Line("    title: *The first*"), "the text starts with '*', which YAML reads as a reference to another value (an alias), not as text; put the whole text in quotes: title: \"*The first* fixture example\"")],
                 id="text-starting-with-emphasis"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: *first*")],
                 [(EXAMPLES, Line("    title: *first*"), "the text starts with '*'")], id="text-that-is-one-emphasised-word"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: &more fixture example")],
                 [(EXAMPLES, Line("    title: &more"), "the text starts with '&', which YAML reads as a name for the value (an anchor)")], id="text-starting-with-ampersand"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: [Draft] The first fixture example")],
                 [(EXAMPLES, Line("    title: [Draft]"), "the text starts with '[', which YAML reads as the start of a list")], id="text-starting-with-a-bracket"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: [Draft]")],
                 [(EXAMPLES, Line("    title: [Draft]"), "title: must be a single piece of text, not a list or block (if the brackets are part of the text, put the whole text in quotes)")],
                 id="text-that-is-all-in-brackets"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: {Draft} The first fixture example")],
                 [(EXAMPLES, Line("    title: {Draft}"), "the text starts with '{'")], id="text-starting-with-a-brace"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: !important fixture example")],
                 [(EXAMPLES, Line("    title: !important"), "the text starts with '!', which YAML reads as a tag")], id="text-starting-with-an-exclamation-mark"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: @home with the fixture")],
                 [(EXAMPLES, Line("    title: @home"), "the text starts with '@'")], id="text-starting-with-an-at-sign"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: `code` fixture")],
                 [(EXAMPLES, Line("    title: `code`"), "the text starts with '`'")], id="text-starting-with-a-backquote"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: > 5 children")],
                 [(EXAMPLES, Line("    title: > 5 children"), "the text starts with '>', which YAML reads as the start of a block of text on the lines below")],
                 id="text-starting-with-a-greater-than-sign"),
    pytest.param([replace(EXAMPLES, SETTING, "    setting: yes")],
                 [(EXAMPLES, Line("    setting: yes"), "setting: must be text, but YAML reads yes, no, true, false, on and off as a yes-or-no value; put the text in quotes")],
                 id="text-that-yaml-reads-as-yes-or-no"),
    pytest.param([replace(EXAMPLES, SETTING, "    setting: 1999")],
                 [(EXAMPLES, Line("    setting: 1999"), "setting: must be text, but YAML reads it as a number; put it in quotes")], id="text-that-yaml-reads-as-a-number"),
    pytest.param([replace(EXAMPLES, SETTING, "    setting:")],
                 [(EXAMPLES, Line("    setting:", exact=True), "setting: has no text after its colon; write the text there")], id="text-left-empty"),
    pytest.param([replace(EXAMPLES, "      - Leaders in a fixture borough looked", "      - Leaders in a fixture bor\u00adough looked")],
                 [(EXAMPLES, Line("fixture bor\u00adough"), "text: holds an invisible character (a soft hyphen, U+00AD) after 'Leaders in a fixture bor'")],
                 id="invisible-soft-hyphen"),
    pytest.param([replace(EXAMPLES, "      - Leaders in a fixture borough looked", "      - Leaders in a fixture\u200bborough looked")],
                 [(EXAMPLES, Line("fixture\u200bborough"), "holds an invisible character (a zero-width space, U+200B)")], id="invisible-zero-width-space"),

    # YAML that reads, but does not match the shape of the data
    pytest.param([replace(EXAMPLES, TITLE, "    titel: The first fixture example")],
                 [(EXAMPLES, Line("    titel: The first"), "example 'fixture-first-example': unknown key 'titel' (did you mean 'title'?); rename or remove it")],
                 id="unknown-key-typo"),
    pytest.param([replace(EXAMPLES, SETTING + "\n", "")],
                 [(EXAMPLES, Line("  - id: fixture-first-example"), "example 'fixture-first-example': missing the required field 'setting'; add it")],
                 id="missing-required-field"),
    pytest.param([replace(EXAMPLES, "    number: 1\n", "    number: one\n")],
                 [(EXAMPLES, Line("    number: one"), "example 'fixture-first-example', number: must be a whole number")], id="text-where-number-needed"),
    pytest.param([replace(SOURCE, "year: 2011", "year: '2011'")], [(SOURCE, Line("year: '2011'"), "year: must be a whole number")], id="quoted-number"),
    pytest.param([replace(EXAMPLES, "partners: [health, police]", "partners: health and police")],
                 [(EXAMPLES, Line("partners: health and police"), "example 'fixture-first-example', partners: must be a list")], id="text-where-list-needed"),
    pytest.param([replace(BEHAVIOURS, "name: the fixture ability to simplify\n    last_reviewed: 2026-01-15",
                          "name: the fixture ability to simplify\n    last_reviewed: 15/01/2026")],
                 [(BEHAVIOURS, Line("last_reviewed: 15/01/2026"), "behaviour 'fixture-simplicity', last_reviewed: must be a real date written as YYYY-MM-DD, not '15/01/2026'")],
                 id="bad-date-format"),
    pytest.param([replace(EXAMPLES, OUTCOME + "\n    last_reviewed: 2026-01-15", OUTCOME + "\n    last_reviewed: 2026-13-45")],
                 [(EXAMPLES, Line("last_reviewed: 2026-13-45"), "example 'fixture-first-example', last_reviewed: must be a real date written as YYYY-MM-DD, not '2026-13-45'")],
                 id="impossible-date"),
    pytest.param([replace(EXAMPLES, OUTCOME + "\n    last_reviewed: 2026-01-15", OUTCOME + "\n    last_reviewed: '2026-01-15'")],
                 [(EXAMPLES, Line("last_reviewed: '2026-01-15'"), "example 'fixture-first-example', last_reviewed: must be a date without quotes around it, like last_reviewed: 2026-01-15")],
                 id="quoted-date"),
    pytest.param([replace(EXAMPLES, "  - id: fixture-first-example", "  - id: Fixture_First_Example")],
                 [(EXAMPLES, Line("  - id: Fixture_First_Example"), "id: 'Fixture_First_Example' is not a valid id")], id="id-not-lowercase"),
    pytest.param([replace(REDIRECTS, "redirects: []", "redirects:\n  - {kind: example, old: gone-example, new: fixture-first-example, retired_to: /examples/}")],
                 [(REDIRECTS, Line("  - {kind: example"), "a redirect needs either new (the id it was renamed to) or retired_to (where its readers go now), not both")],
                 id="redirect-both-renamed-and-retired"),

    # ids that must be unique
    pytest.param([replace(BEHAVIOURS, "  - id: fixture-simplicity", "  - id: fixture-openness")],
                 [(BEHAVIOURS, Line("  - id: fixture-openness", 2, of=2),
                   words("the behaviour id 'fixture-openness' is already used at {}; choose another", where(BEHAVIOURS, "  - id: fixture-openness", 1, of=2))),
                  gone("/behaviours/fixture-simplicity/")],
                 id="duplicate-behaviour-id"),
    pytest.param([append_copy(EXAMPLES, "  - id: fixture-second-example", (("number: 2", "number: 3"),))],
                 [(EXAMPLES, Line("  - id: fixture-second-example", 2, of=2),
                   words("the example id 'fixture-second-example' is already used at {}", where(EXAMPLES, "  - id: fixture-second-example", 1, of=2)))],
                 id="duplicate-example-id"),
    pytest.param([replace(EXAMPLES, "    number: 2\n", "    number: 1\n")],
                 [(EXAMPLES, Line("    number: 1", 2, of=2), words("the example number '1' is already used at {}", where(EXAMPLES, "    number: 1", 1, of=2)))],
                 id="duplicate-example-number"),
    pytest.param([replace(THEME, "id: fixture-second-question", "id: fixture-first-question")],
                 [(THEME, Line("- id: fixture-first-question", 2, of=2),
                   words("the question id 'fixture-first-question' is already used at {}", where(THEME, "- id: fixture-first-question", 1, of=2))),
                  gone("/questions/fixture-second-question/"), gone("/questions/#fixture-second-question")],
                 id="duplicate-question-id"),
    pytest.param([replace(THEME, "text: Who are the fixture's key players?", "text: How do you work with the fixture partners?")],
                 [(THEME, Line("text: How do you work with the fixture partners?", 2, of=2),
                   words("question 'fixture-second-question': this question repeats the one at {}; keep one",
                         where(THEME, "text: How do you work with the fixture partners?", 1, of=2)))],
                 id="same-question-text-twice"),
    # Told apart only by case, even where a letter changes as its case does ("ﬁ" in capitals is "FI").
    pytest.param([replace(THEME, "text: Who are the fixture's key players?", "text: HOW DO YOU WORK WITH THE ﬁXTURE PARTNERS?")],
                 [(THEME, Line("text: HOW DO YOU WORK WITH THE ﬁXTURE PARTNERS?"),
                   words("question 'fixture-second-question': this question repeats the one at {}; keep one",
                         where(THEME, "text: How do you work with the fixture partners?")))],
                 id="same-question-in-other-case"),

    # references to ids that do not exist
    pytest.param([replace(EXAMPLES, "behaviours: [fixture-openness]", "behaviours: [fixture-opennes]")],
                 [(EXAMPLES, Line("behaviours: [fixture-opennes]"), "example 'fixture-second-example', behaviours: unknown behaviour 'fixture-opennes' (did you mean 'fixture-openness'?)")],
                 id="example-to-unknown-behaviour"),
    pytest.param([replace(EXAMPLES, "approaches: [fixture-partners]", "approaches: [fixture-partner]")],
                 [(EXAMPLES, Line("approaches: [fixture-partner]"), "example 'fixture-first-example', approaches: unknown approach 'fixture-partner' (did you mean 'fixture-partners'?)")],
                 id="example-to-unknown-approach"),
    pytest.param([replace(EXAMPLES, "    focus_area: fixture-opening", "    focus_area: fixture-openin")],
                 [(EXAMPLES, Line("    focus_area: fixture-openin"), "example 'fixture-second-example', focus_area: unknown focus area 'fixture-openin' (did you mean 'fixture-opening'?)")],
                 id="example-to-unknown-focus-area"),
    pytest.param([replace(THEME, "          - example: fixture-second-example", "          - example: fixture-second-exampel")],
                 [(THEME, Line("- example: fixture-second-exampel"), "approach 'fixture-innovating', block 2, example: unknown example 'fixture-second-exampel' (did you mean 'fixture-second-example'?)")],
                 id="theme-block-to-unknown-example"),
    pytest.param([replace(THEME, "    behaviours: [fixture-openness]", "    behaviours: [fixture-opennes]")],
                 [(THEME, Line("behaviours: [fixture-opennes]"), "focus area 'fixture-opening', behaviours: unknown behaviour 'fixture-opennes' (did you mean 'fixture-openness'?)")],
                 id="focus-area-to-unknown-behaviour"),
    pytest.param([replace(THEME, "    cites: [fixture-companion]", "    cites: [fixture-companio]")],
                 [(THEME, Line("cites: [fixture-companio]"), "introduction block 1, cites: unknown evidence source 'fixture-companio' (did you mean 'fixture-companion'?)")],
                 id="paragraph-cites-unknown-source"),
    pytest.param([replace(SOURCE, "companion_report: fixture-companion", "companion_report: companion")],
                 [(SOURCE, Line("companion_report: companion"), "companion_report: unknown evidence source 'companion'")], id="report-to-unknown-companion"),
    pytest.param([replace(REDIRECTS, "redirects: []", "redirects:\n  - {kind: example, old: gone-example, new: fixture-first-exampel}")],
                 [(REDIRECTS, Line("  - {kind: example"), "redirect 1, new: unknown example 'fixture-first-exampel' (did you mean 'fixture-first-example'?); a redirect must point at an id that exists")],
                 id="redirect-to-unknown-id"),

    # addresses that are not web addresses
    pytest.param([replace(EVIDENCE, "original_address: http://www.example.org/fixture-guide.pdf", "original_address: javascript:alert(1)")],
                 [(EVIDENCE, Line("original_address: javascript:alert(1)"), "evidence source 'fixture-guide', original_address: 'javascript:alert(1)' is not a web address")],
                 id="javascript-address"),
    pytest.param([replace(EVIDENCE, "original_address: http://www.example.org/fixture-guide.pdf", "original_address: ftp://x")],
                 [(EVIDENCE, Line("original_address: ftp://x"), "evidence source 'fixture-guide', original_address: 'ftp://x' is not a web address")],
                 id="ftp-address"),

    # many problems at once: every one is reported, in every file, in one run
    pytest.param([replace(BEHAVIOURS, "    name: the fixture ability to simplify", "    nmae: the fixture ability to simplify"),
                  replace(EXAMPLES, "approaches: [fixture-partners]", "approaches: [fixture-partner]"),
                  replace(EVIDENCE, "original_address: http://www.example.org/fixture-guide.pdf", "original_address: ftp://x"),
                  replace(GLOSSARY, "    expansion: common assessment framework", "    expansion: 'common assessment framework"),
                  replace(SOURCE, "place: Nottingham", "place: [Nottingham]"),
                  replace(THEME, "          - example: fixture-second-example", "          - example: fixture-second-exampel"),
                  write("data/themes/notes.yml", "id: notes\n")],
                 [(BEHAVIOURS, Line("    nmae: the fixture ability to simplify"), "behaviour 'fixture-simplicity': unknown key 'nmae' (did you mean 'name'?)"),
                  (EXAMPLES, Line("approaches: [fixture-partner]"), "unknown approach 'fixture-partner'"),
                  (EVIDENCE, Line("original_address: ftp://x"), "'ftp://x' is not a web address"),
                  (GLOSSARY, Line("    expansion: 'common assessment framework"), "the quote opened on this line only closes on line"),
                  (SOURCE, Line("place: [Nottingham]"), "place: must be a single piece of text"),
                  (THEME, Line("- example: fixture-second-exampel"), "unknown example 'fixture-second-exampel'"),
                  ("data/themes/notes.yml", FIRST_LINE, "this file is not read")],
                 id="several-problems-in-several-files"),
    pytest.param(
        # behaviours.yaml cannot be read, so whether 'fixture-colaboration' exists is unknown: not reported.
        [replace(BEHAVIOURS, "  - id: fixture-simplicity", "  - id: 'fixture-simplicity"),
         replace(EXAMPLES, "behaviours: [fixture-openness]", "behaviours: [fixture-colaboration]"),
         replace(EXAMPLES, "approaches: [fixture-partners]", "approaches: [fixture-partner]")],
        [(BEHAVIOURS, Line("  - id: 'fixture-simplicity"), "YAML syntax error"),
         (EXAMPLES, Line("approaches: [fixture-partner]"), "unknown approach 'fixture-partner'")],
        id="no-false-reports-into-a-broken-file"),

    # data that reads and resolves, but would tell a reader something false or empty
    pytest.param([replace(EXAMPLES, OUTCOME + "\n    last_reviewed: 2026-01-15", OUTCOME + "\n    last_reviewed: 2999-01-01")],
                 [(EXAMPLES, Line("last_reviewed: 2999-01-01"), "example 'fixture-first-example', last_reviewed: 2999-01-01 is in the future; write the date you checked it")],
                 id="review-date-in-the-future"),
    pytest.param([replace(EXAMPLES, OUTCOME + "\n    last_reviewed: 2026-01-15", OUTCOME + "\n    last_reviewed: 2010-06-30")],
                 [(EXAMPLES, Line("last_reviewed: 2010-06-30"), "example 'fixture-first-example', last_reviewed: 2010-06-30 is before the report was published (2011)")],
                 id="review-date-before-the-report"),
    pytest.param([replace(EXAMPLES, "approaches: [fixture-partners]", "approaches: [fixture-partners, fixture-partners]")],
                 [(EXAMPLES, Line("approaches: [fixture-partners, fixture-partners]"), "example 'fixture-first-example', approaches: 'fixture-partners' is listed twice; keep one")],
                 id="same-id-twice-in-a-list"),
    pytest.param([replace(EXAMPLES, "behaviours: [fixture-openness]", "behaviours: []")],
                 [(EXAMPLES, Line("    behaviours: []"), "example 'fixture-second-example', behaviours: must list at least one item")],
                 id="empty-list-would-print-an-empty-label"),
    pytest.param([replace(EXAMPLES, TITLE, "    title: '   '")],
                 [(EXAMPLES, Line("    title: '   '"), "example 'fixture-first-example', title: must hold some text, not only spaces")], id="blank-text"),
    pytest.param([replace(EXAMPLES, "    number: 1\n", "    number: 0\n")],
                 [(EXAMPLES, Line("    number: 0"), "example 'fixture-first-example', number: must be a whole number from 1 up")], id="example-number-zero"),
    pytest.param([replace(THEME, "          - example: fixture-second-example", "          - example: fixture-first-example")],
                 [(THEME, Line("- example: fixture-first-example", 2, of=2),
                   "the example 'fixture-first-example' belongs to the focus area 'fixture-collaborating'"),
                  (THEME, Line("- example: fixture-first-example", 2, of=2),
                   words("the example 'fixture-first-example' is already shown at {}; show it once", where(THEME, "- example: fixture-first-example", 1, of=2)))],
                 id="example-shown-outside-its-focus-area-and-twice"),
    pytest.param([replace(THEME, "- id: fixture-anchored-paragraph", "- id: questions")],
                 [(THEME, Line("- id: questions"), "the id 'questions' is kept for the site's own anchors")], id="id-that-takes-a-site-anchor"),
    pytest.param([replace(THEME, "      - id: fixture-third-question", "      - id: fixture-collaborating")],
                 [(THEME, Line("- id: fixture-collaborating", 2, of=2),
                   words("'fixture-collaborating' is already the id of a focus area or question at {}", where(THEME, "- id: fixture-collaborating", 1, of=2))),
                  gone("/questions/fixture-third-question/"), gone("/questions/#fixture-third-question")],
                 id="question-id-equal-to-a-focus-area-id"),
    pytest.param([replace(GLOSSARY, "  - abbreviation: DCS", "  - abbreviation: cAf")],
                 [(GLOSSARY, Line("  - abbreviation: cAf"), words("'cAf' is already in the glossary at {}; keep one", where(GLOSSARY, "  - abbreviation: CAF")))],
                 id="glossary-entry-twice"),
]


@pytest.mark.parametrize("edits, expected", CASES)
def test_check_reports_each_problem_with_file_and_line(fixture_project, edits, expected):
    for edit in edits:
        edit(fixture_project)
    assert_reports(fixture_project, check(fixture_project), expected)


def test_a_yaml_tag_is_refused_and_never_run(fixture_project):
    project = fixture_project
    marker = project / "tag-payload-ran"
    replace(EXAMPLES, TITLE + "\n", f'    title: !!python/object/apply:os.system ["touch {marker}"]\n')(project)
    assert_reports(project, check_process(project), [
        ("data/examples.yaml", Line("!!python/object/apply:os.system"), "the YAML tag '!!python/object/apply:os.system' is not allowed; remove it")])
    assert not marker.exists(), "the tag's payload ran"


ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9 if previous else ['lol'] * 9)}]\n"
    for previous, name in zip([None, *"abcdefgh"], "abcdefghi"))  # 9**9 items if expanded


def test_an_alias_bomb_is_refused_and_never_expanded(fixture_project):
    project = fixture_project
    # Expanded, the aliases would take minutes and gigabytes: check()'s timeout is only a
    # guard against a hang. How long the check takes is for the benchmark, not a unit test.
    replace("data/glossary.yaml", "abbreviations:\n", ALIAS_BOMB + "abbreviations:\n")(project)
    expected = [("data/glossary.yaml", Line("a: &a ["), "YAML anchors and aliases ('&a') are not allowed; write the value out in full")]
    expected += [("data/glossary.yaml", Line(f"{b}: &{b} ["), f"('&{b}', '*{a}')") for a, b in zip("abcdefgh", "bcdefghi")]
    assert_reports(project, check_process(project), expected)


# --- a failed build leaves the previous site/ exactly as it was -------------------------

def snapshot(site: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file's bytes and mtime, and every folder, under site/."""
    return {str(path.relative_to(site)): (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
            for path in sorted(site.rglob("*"))}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """A site that `make build` made from the unchanged data: the site a failed build must
    leave as it was (made once, copied into each test's project)."""
    def build(folder: Path):
        good = run_module(copy_project(folder, data=FIXTURE_KB), "kb.build", "--no-offline-copy")
        assert good.returncode == 0, good.output

    return made_once(tmp_path_factory, "good", build) / "site"


@pytest.mark.parametrize("edit, expected", [
    pytest.param(replace(EXAMPLES, TITLE, "    title: 'The first fixture example"),
                 (EXAMPLES, Line("    title: 'The first fixture example"), "YAML syntax error"), id="syntax-error"),
    pytest.param(replace(EXAMPLES, "approaches: [fixture-partners]", "approaches: [fixture-partner]"),
                 (EXAMPLES, Line("approaches: [fixture-partner]"), "unknown approach 'fixture-partner'"), id="unknown-reference"),
    pytest.param(replace(EXAMPLES, TITLE + "\n", '    title: !!python/object/apply:os.system ["touch tag-payload-ran"]\n'),
                 (EXAMPLES, Line("!!python/object/apply:os.system"), "the YAML tag '!!python/object/apply:os.system' is not allowed"), id="yaml-tag"),
    pytest.param(replace(EXAMPLES, OUTCOME, OUTCOME + " #schools"),
                 (EXAMPLES, Line("#schools"), "the text stops at '#schools'"), id="text-cut-short"),
])
def test_a_failed_build_leaves_the_previous_site_untouched(fixture_project, good_site, edit, expected):
    project = fixture_project
    site = project / "site"
    shutil.copytree(good_site, site)
    before = snapshot(site)
    assert any(name.endswith("index.html") for name in before)

    edit(project)
    assert_reports(project, run_module(project, "kb.build"), [expected])
    assert snapshot(site) == before
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()
    assert not (project / "tag-payload-ran").exists()


def test_an_unused_glossary_entry_is_a_warning_not_a_failure(fixture_project):
    project = fixture_project
    replace(GLOSSARY, "  - abbreviation: DCS\n", "  - abbreviation: XYZ\n    expansion: never used\n  - abbreviation: DCS\n")(project)
    result = run_module(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.stdout + result.stderr
    line = Line("  - abbreviation: XYZ").number(project, "data/glossary.yaml")
    assert f"WARNING  -  data/glossary.yaml:{line}: the abbreviation 'XYZ' is not used in any text" in result.stderr
    assert "WARNING" in check(project).stderr


@pytest.mark.parametrize("edits, expected", CASES)
def test_build_and_serve_refuse_with_exactly_what_check_says(fixture_project, edits, expected):
    """`make build` and `make serve` load the site through Site.from_project (kb/hooks.py's
    on_config): for every case of the catalogue, it refuses with the very problems `make check`
    prints. (The failed-build tests above and tests/test_serve.py run the real commands.)"""
    for edit in edits:
        edit(fixture_project)
    checked = [f"{m['file']}:{m['line']}: {m['message']}" for m in PROBLEM.finditer(check(fixture_project).stderr)]
    with pytest.raises(ContentError) as refused:
        Site.from_project(fixture_project)
    assert [str(problem) for problem in refused.value.problems] == checked
