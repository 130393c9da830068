"""A catalogue of bad inputs: each must give an editor one plain sentence with file and line.

Every case breaks a private copy of the data (the `project` fixture), runs the check that
`make check` runs on it, and checks the exact file, line and the key words of each problem,
a non-zero exit and no traceback. The catalogue calls kb.check's main() in the test process
(a Python start-up per case was most of its time); the cases that could hang or run code
(an alias bomb, a YAML tag) run `python -m kb.check` as a process of its own, as does
tests/test_tooling.py's `make check`. A few cases also run `python -m kb.build` to show that
a failed build leaves the previous site/ exactly as it was.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kb import check as kb_check
from support import copy_project

THEME = "data/themes/early-intervention-and-prevention.yaml"
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
    def apply(project: Path):
        assert (project / file).is_file()
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
    """What `python -m kb.check data` prints and returns in the copy, run in this process."""
    stdout, stderr = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(project)  # as run() does: the paths it prints start with data/
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = kb_check.main(Path("data").resolve())
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["kb.check", "data"], code, stdout.getvalue(), stderr.getvalue())


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

    def number(self, project: Path, file: str) -> int:
        # Split on "\n" alone, as YAML and an editor count lines (str.splitlines would also
        # split at control characters); undecodable bytes must not stop the search.
        lines = (project / file).read_bytes().decode("utf-8", errors="replace").split("\n")
        hits = [n for n, line in enumerate(lines, 1) if self.text in line]
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


# --- the catalogue: one bad input each ------------------------------------------------------

CASES = [
    # YAML that cannot be read at all
    pytest.param(
        [replace("data/examples.yaml", "    title: Working with partners on", "    title: 'Working with partners on")],
        [("data/examples.yaml", Line("    title: 'Working with partners on"),
          words("YAML syntax error: the quote opened on this line only closes on line {}", Line("the authority's services were restructured")))],
        id="syntax-unclosed-quote"),
    pytest.param(
        [replace("data/evidence.yaml", "title: 'Early Intervention: The Next Steps'", "title: 'Early Intervention: The Next Step's'")],
        [("data/evidence.yaml", Line("title: 'Early Intervention: The Next Step's'"), "YAML syntax error: the text goes on after its closing quote")],
        id="syntax-apostrophe-closes-quote"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: 1\n     title: Indented one space too far\n")],
        [("data/examples.yaml", Line("     title: Indented one space too far"), "YAML syntax error: a ': ' is in a place it cannot be")],
        id="syntax-bad-indentation"),
    pytest.param(
        [replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partners")],
        [("data/examples.yaml", Line("approaches: [working-with-partners"), "YAML syntax error: the list opened with '[' on this line is not closed")],
        id="syntax-unclosed-list"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "\tnumber: 1\n")],
        [("data/examples.yaml", Line("\tnumber: 1"), "the line is indented with a tab; YAML needs spaces")],
        id="tab-indentation"),
    pytest.param(
        [write("data/glossary.yaml", "")],
        [("data/glossary.yaml", FIRST_LINE, "the file is empty")],
        id="empty-file"),
    pytest.param(
        [write("data/glossary.yaml", "# only a comment\n\n")],
        [("data/glossary.yaml", FIRST_LINE, "the file is empty")],
        id="file-with-only-comments"),
    pytest.param(
        [delete("data/glossary.yaml")],
        [("data/glossary.yaml", FIRST_LINE, "the file is missing; restore it from git")],
        id="missing-file"),
    pytest.param(
        [delete(THEME)],
        [("data/themes", FIRST_LINE, "no theme files found")],
        id="no-theme-files"),
    pytest.param(
        [replace_bytes("data/glossary.yaml", b"common assessment framework", "common assessment framéwork".encode("latin-1"))],
        [("data/glossary.yaml", Line("common assessment fram"), "the file is not UTF-8 text; save it as UTF-8")],
        id="not-utf8-latin1"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: 1\n    number: 6\n")],
        [("data/examples.yaml", Line("    number: 6"), "the key 'number' appears twice in the same block; keep one")],
        id="duplicate-key"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: 1\n    number: 6\n"),
         replace("data/examples.yaml", "    setting: a London borough", "    seting: a London borough")],
        [("data/examples.yaml", Line("    number: 6"), "the key 'number' appears twice in the same block"),
         ("data/examples.yaml", Line("    seting: a London borough"), "example 'targeting-provision-locally': unknown key 'seting' (did you mean 'setting'?)")],
        id="duplicate-key-and-a-typo-in-one-file"),
    pytest.param(
        [replace("data/glossary.yaml", "    expansion: pupil referral unit", "    expansion: pupil\x07 referral unit")],
        [("data/glossary.yaml", Line("    expansion: pupil\x07 referral unit"), "the line holds an invisible control character (#x0007) that YAML does not allow; delete it")],
        id="control-character"),
    pytest.param(
        [write("data/glossary.yaml", "- CAF\n- DCS\n")],
        [("data/glossary.yaml", FIRST_LINE, "the file must be a block of 'key: value' lines")],
        id="file-is-a-list"),

    # YAML that reads, but does not match the shape of the data
    pytest.param(
        [replace("data/examples.yaml", "    title: Working with partners on", "    titel: Working with partners on")],
        [("data/examples.yaml", Line("    titel: Working with partners on"), "example 'working-with-partners': unknown key 'titel' (did you mean 'title'?); rename or remove it")],
        id="unknown-key-typo"),
    pytest.param(
        [replace("data/examples.yaml", "    setting: one authority\n    partners: [health, police]\n", "    partners: [health, police]\n")],
        [("data/examples.yaml", Line("  - id: working-with-partners"), "example 'working-with-partners': missing the required field 'setting'; add it")],
        id="missing-required-field"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: one\n")],
        [("data/examples.yaml", Line("    number: one"), "example 'working-with-partners', number: must be a whole number")],
        id="text-where-number-needed"),
    pytest.param(
        [replace("data/source.yaml", "year: 2011", "year: '2011'")],
        [("data/source.yaml", Line("year: '2011'"), "year: must be a whole number")],
        id="quoted-number"),
    pytest.param(
        [replace("data/examples.yaml", "    setting: one authority\n    partners: [health", "    setting: [one authority]\n    partners: [health")],
        [("data/examples.yaml", Line("    setting: [one authority]"), "example 'working-with-partners', setting: must be a single piece of text, not a list")],
        id="list-where-text-needed"),
    pytest.param(
        [replace("data/examples.yaml", "partners: [health, police]", "partners: health and police")],
        [("data/examples.yaml", Line("partners: health and police"), "example 'working-with-partners', partners: must be a list")],
        id="text-where-list-needed"),
    pytest.param(
        [replace("data/behaviours.yaml", "name: the ability to simplify\n    last_reviewed: 2026-11-26",
                 "name: the ability to simplify\n    last_reviewed: 26/11/2026")],
        [("data/behaviours.yaml", Line("last_reviewed: 26/11/2026"), "behaviour 'ability-to-simplify', last_reviewed: must be a real date written as YYYY-MM-DD, not '26/11/2026'")],
        id="bad-date-format"),
    pytest.param(
        [replace("data/examples.yaml", "    outcome: During the last 3 years exclusions had reduced from 44 to 2\n    last_reviewed: 2026-11-26",
                 "    outcome: During the last 3 years exclusions had reduced from 44 to 2\n    last_reviewed: 2026-13-45")],
        [("data/examples.yaml", Line("last_reviewed: 2026-13-45"), "example 'working-with-partners', last_reviewed: must be a real date written as YYYY-MM-DD, not '2026-13-45'")],
        id="impossible-date"),
    pytest.param(
        [replace("data/examples.yaml", "  - id: working-with-partners", "  - id: Working_With_Partners")],
        [("data/examples.yaml", Line("  - id: Working_With_Partners"), "id: 'Working_With_Partners' is not a valid id")],
        id="id-not-lowercase"),

    # ids that must be unique
    pytest.param(
        [replace("data/behaviours.yaml", "  - id: ability-to-simplify", "  - id: learn-continuously")],
        [("data/behaviours.yaml", Line("  - id: learn-continuously", 2, of=2),
          words("the behaviour id 'learn-continuously' is already used at {}; choose another",
                where("data/behaviours.yaml", "  - id: learn-continuously", 1, of=2)))],
        id="duplicate-behaviour-id"),
    pytest.param(
        [append_copy("data/examples.yaml", "  - id: targeting-provision-locally", (("number: 5", "number: 6"),))],
        [("data/examples.yaml", Line("  - id: targeting-provision-locally", 2, of=2),
          words("the example id 'targeting-provision-locally' is already used at {}",
                where("data/examples.yaml", "  - id: targeting-provision-locally", 1, of=2)))],
        id="duplicate-example-id"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 2\n", "    number: 1\n")],
        [("data/examples.yaml", Line("    number: 1", 2, of=2),
          words("the example number '1' is already used at {}", where("data/examples.yaml", "    number: 1", 1, of=2)))],
        id="duplicate-example-number"),
    pytest.param(
        [replace(THEME, "id: key-players", "id: embedding-good-working-practices")],
        [(THEME, Line("- id: embedding-good-working-practices", 2, of=2),
          words("the question id 'embedding-good-working-practices' is already used at {}",
                where(THEME, "- id: embedding-good-working-practices", 1, of=2)))],
        id="duplicate-question-id"),
    pytest.param(
        [replace(THEME, "text: Who are the key players who can help to identify and address problems early? How can you influence and work with them?",
                 "text: What are you doing to ensure good working practices are embedded throughout children's services and your partners?")],
        [(THEME, Line("text: What are you doing to ensure good working practices", 2, of=2),
          words("question 'key-players': this question repeats the one at {}; keep one",
                where(THEME, "text: What are you doing to ensure good working practices", 1, of=2)))],
        id="same-question-text-twice"),

    # references to ids that do not exist
    pytest.param(
        [replace("data/examples.yaml", "behaviours: [ability-to-collaborate, create-and-sustain-commitment]\n    setting: one authority\n    partners: [health",
                 "behaviours: [ability-to-colaborate, create-and-sustain-commitment]\n    setting: one authority\n    partners: [health")],
        [("data/examples.yaml", Line("behaviours: [ability-to-colaborate"), "example 'working-with-partners', behaviours: unknown behaviour 'ability-to-colaborate' (did you mean 'ability-to-collaborate'?)")],
        id="example-to-unknown-behaviour"),
    pytest.param(
        [replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partner]")],
        [("data/examples.yaml", Line("approaches: [working-with-partner]"), "example 'working-with-partners', approaches: unknown approach 'working-with-partner' (did you mean 'working-with-partners'?)")],
        id="example-to-unknown-approach"),
    pytest.param(
        [replace("data/examples.yaml", "    focus_area: openness-to-possibilities", "    focus_area: opennes-to-possibilities")],
        [("data/examples.yaml", Line("    focus_area: opennes-to-possibilities"), "example 'targeting-provision-locally', focus_area: unknown focus area 'opennes-to-possibilities' (did you mean 'openness-to-possibilities'?)")],
        id="example-to-unknown-focus-area"),
    pytest.param(
        [replace(THEME, "      - example: long-term-prevention", "      - example: long-term-prevent")],
        [(THEME, Line("- example: long-term-prevent"), "approach 'long-term-prevention', block 3, example: unknown example 'long-term-prevent' (did you mean 'long-term-prevention'?)")],
        id="theme-block-to-unknown-example"),
    pytest.param(
        [replace(THEME, "    behaviours: [openness-to-possibilities]", "    behaviours: [openess-to-possibilities]")],
        [(THEME, Line("behaviours: [openess-to-possibilities]"), "focus area 'openness-to-possibilities', behaviours: unknown behaviour 'openess-to-possibilities' (did you mean 'openness-to-possibilities'?)")],
        id="focus-area-to-unknown-behaviour"),
    pytest.param(
        [replace(THEME, "    cites: [leading-for-outcomes]", "    cites: [leading-for-outcome]")],
        [(THEME, Line("cites: [leading-for-outcome]"), "introduction block 2, cites: unknown evidence source 'leading-for-outcome' (did you mean 'leading-for-outcomes'?)")],
        id="paragraph-cites-unknown-source"),
    pytest.param(
        [replace("data/source.yaml", "companion_report: companion-report", "companion_report: companion")],
        [("data/source.yaml", Line("companion_report: companion"), "companion_report: unknown evidence source 'companion'")],
        id="report-to-unknown-companion"),

    # addresses that are not web addresses
    pytest.param(
        [replace("data/evidence.yaml", "original_address: http://media.education.gov.uk/assets/files/pdf/g/graham%20allens%20review%20of%20early%20intervention.pdf",
                 "original_address: javascript:alert(1)")],
        [("data/evidence.yaml", Line("original_address: javascript:alert(1)"), "evidence source 'allen-review', original_address: 'javascript:alert(1)' is not a web address")],
        id="javascript-address"),
    pytest.param(
        [replace("data/evidence.yaml", "original_address: http://media.education.gov.uk/assets/files/pdf/g/graham%20allens%20review%20of%20early%20intervention.pdf",
                 "original_address: ftp://x")],
        [("data/evidence.yaml", Line("original_address: ftp://x"), "evidence source 'allen-review', original_address: 'ftp://x' is not a web address")],
        id="ftp-address"),

    # many problems at once: every one is reported, in every file, in one run
    pytest.param(
        [replace("data/behaviours.yaml", "    name: the ability to simplify", "    nmae: the ability to simplify"),
         replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partner]"),
         replace("data/evidence.yaml", "original_address: http://media.education.gov.uk/assets/files/pdf/g/graham%20allens%20review%20of%20early%20intervention.pdf",
                 "original_address: ftp://x"),
         replace("data/glossary.yaml", "    expansion: pupil referral unit", "    expansion: 'pupil referral unit"),
         replace("data/source.yaml", "place: Nottingham", "place: [Nottingham]"),
         replace(THEME, "      - example: long-term-prevention", "      - example: long-term-prevent")],
        [("data/behaviours.yaml", Line("    nmae: the ability to simplify"), "behaviour 'ability-to-simplify': unknown key 'nmae' (did you mean 'name'?)"),
         ("data/examples.yaml", Line("approaches: [working-with-partner]"), "unknown approach 'working-with-partner'"),
         ("data/evidence.yaml", Line("original_address: ftp://x"), "'ftp://x' is not a web address"),
         ("data/glossary.yaml", Line("    expansion: 'pupil referral unit"), "the quote opened on this line is never closed"),
         ("data/source.yaml", Line("place: [Nottingham]"), "place: must be a single piece of text"),
         (THEME, Line("- example: long-term-prevent"), "unknown example 'long-term-prevent'")],
        id="several-problems-in-several-files"),
    pytest.param(
        # behaviours.yaml cannot be read, so whether 'colaborate' exists is unknown: not reported.
        [replace("data/behaviours.yaml", "  - id: ability-to-simplify", "  - id: 'ability-to-simplify"),
         replace("data/examples.yaml", "behaviours: [openness-to-possibilities]", "behaviours: [colaborate]"),
         replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partner]")],
        [("data/behaviours.yaml", Line("  - id: 'ability-to-simplify"), "YAML syntax error"),
         ("data/examples.yaml", Line("approaches: [working-with-partner]"), "unknown approach 'working-with-partner'")],
        id="no-false-reports-into-a-broken-file"),

    # data that reads and resolves, but would tell a reader something false or empty
    pytest.param(
        [replace("data/examples.yaml", "    outcome: During the last 3 years exclusions had reduced from 44 to 2\n    last_reviewed: 2026-11-26",
                 "    outcome: During the last 3 years exclusions had reduced from 44 to 2\n    last_reviewed: 2999-01-01")],
        [("data/examples.yaml", Line("last_reviewed: 2999-01-01"), "example 'working-with-partners', last_reviewed: 2999-01-01 is in the future; write the date you checked it")],
        id="review-date-in-the-future"),
    pytest.param(
        [replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partners, working-with-partners]")],
        [("data/examples.yaml", Line("approaches: [working-with-partners, working-with-partners]"),
          "example 'working-with-partners', approaches: 'working-with-partners' is listed twice; keep one")],
        id="same-id-twice-in-a-list"),
    pytest.param(
        [replace("data/examples.yaml", "behaviours: [ability-to-collaborate, create-and-sustain-commitment]\n    setting: one authority\n    partners: [health",
                 "behaviours: []\n    setting: one authority\n    partners: [health")],
        [("data/examples.yaml", Line("    behaviours: []"), "example 'working-with-partners', behaviours: must list at least one item")],
        id="empty-list-would-print-an-empty-label"),
    pytest.param(
        [replace("data/examples.yaml", "    title: Working with partners on prevention and intervention", "    title: '   '")],
        [("data/examples.yaml", Line("    title: '   '"), "example 'working-with-partners', title: must hold some text, not only spaces")],
        id="blank-text"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: 0\n")],
        [("data/examples.yaml", Line("    number: 0"), "example 'working-with-partners', number: must be a whole number from 1 up")],
        id="example-number-zero"),
    pytest.param(
        [replace(THEME, "      - example: long-term-prevention", "      - example: targeting-provision-locally")],
        [(THEME, Line("- example: targeting-provision-locally", 1, of=2),
          "the example 'targeting-provision-locally' belongs to the focus area 'openness-to-possibilities'"),
         (THEME, Line("- example: targeting-provision-locally", 2, of=2),
          words("the example 'targeting-provision-locally' is already shown at {}; show it once",
                where(THEME, "- example: targeting-provision-locally", 1, of=2)))],
        id="example-shown-outside-its-focus-area-and-twice"),
    pytest.param(
        [replace(THEME, "- id: allen-recommendation-measurement", "- id: questions")],
        [(THEME, Line("- id: questions"), "the id 'questions' is kept for the site's own anchors")],
        id="id-that-takes-a-site-anchor"),
    pytest.param(
        [replace(THEME, "      - id: protecting-priorities", "      - id: leading-collaboratively")],
        [(THEME, Line("- id: leading-collaboratively", 2, of=2),
          words("'leading-collaboratively' is already the id of a focus area or question at {}",
                where(THEME, "- id: leading-collaboratively", 1, of=2)))],
        id="question-id-equal-to-a-focus-area-id"),
    pytest.param(
        [replace("data/glossary.yaml", "  - abbreviation: ICT", "  - abbreviation: cAf")],
        [("data/glossary.yaml", Line("  - abbreviation: cAf"),
          words("'cAf' is already in the glossary at {}; keep one", where("data/glossary.yaml", "  - abbreviation: CAF")))],
        id="glossary-entry-twice"),
]


@pytest.mark.parametrize("edits, expected", CASES)
def test_check_reports_each_problem_with_file_and_line(project, edits, expected):
    for edit in edits:
        edit(project)
    assert_reports(project, check(project), expected)


def test_a_yaml_tag_is_refused_and_never_run(project):
    marker = project / "tag-payload-ran"
    replace("data/examples.yaml", "    title: Working with partners on prevention and intervention\n",
            f'    title: !!python/object/apply:os.system ["touch {marker}"]\n')(project)
    assert_reports(project, check_process(project), [
        ("data/examples.yaml", Line("!!python/object/apply:os.system"), "the YAML tag '!!python/object/apply:os.system' is not allowed; remove it")])
    assert not marker.exists(), "the tag's payload ran"


ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9 if previous else ['lol'] * 9)}]\n"
    for previous, name in zip([None, *"abcdefgh"], "abcdefghi"))  # 9**9 items if expanded


def test_an_alias_bomb_is_refused_and_never_expanded(project):
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
    project = copy_project(tmp_path_factory.mktemp("good") / "project")
    good = run(project, "kb.build", "--no-offline-copy")
    assert good.returncode == 0, good.stdout + good.stderr
    return project / "site"


@pytest.mark.parametrize("edit, expected", [
    pytest.param(replace("data/examples.yaml", "    title: Working with partners on", "    title: 'Working with partners on"),
                 ("data/examples.yaml", Line("    title: 'Working with partners on"), "YAML syntax error"), id="syntax-error"),
    pytest.param(replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partner]"),
                 ("data/examples.yaml", Line("approaches: [working-with-partner]"), "unknown approach 'working-with-partner'"), id="unknown-reference"),
    pytest.param(replace("data/examples.yaml", "    title: Working with partners on prevention and intervention\n",
                         '    title: !!python/object/apply:os.system ["touch tag-payload-ran"]\n'),
                 ("data/examples.yaml", Line("!!python/object/apply:os.system"), "the YAML tag '!!python/object/apply:os.system' is not allowed"), id="yaml-tag"),
])
def test_a_failed_build_leaves_the_previous_site_untouched(project, good_site, edit, expected):
    site = project / "site"
    shutil.copytree(good_site, site)
    before = snapshot(site)
    assert any(name.endswith("index.html") for name in before)

    edit(project)
    assert_reports(project, run(project, "kb.build"), [expected])
    assert snapshot(site) == before
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()
    assert not (project / "tag-payload-ran").exists()


def test_an_unused_glossary_entry_is_a_warning_not_a_failure(project):
    replace("data/glossary.yaml", "  - abbreviation: ICT\n", "  - abbreviation: XYZ\n    expansion: never used\n  - abbreviation: ICT\n")(project)
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.stdout + result.stderr
    line = Line("  - abbreviation: XYZ").number(project, "data/glossary.yaml")
    assert f"WARNING  -  data/glossary.yaml:{line}: the abbreviation 'XYZ' is not used in any text" in result.stderr
    assert "WARNING" in check(project).stderr
