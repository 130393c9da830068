"""A catalogue of bad inputs: each must give an editor one plain sentence with file and line.

Every case breaks a private copy of the data (the `project` fixture), runs `python -m
kb.check` on it as an editor would, and checks the exact file, line and the key words of
each problem, a non-zero exit and no traceback. A few cases also run `python -m kb.build`
to show that a failed build leaves the previous site/ exactly as it was.
"""
from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

THEME = "data/themes/early-intervention-and-prevention.yaml"
# One problem as the loader prints it: "  data/examples.yaml:16: example 'x', behaviours: ..."
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


def check(project: Path) -> subprocess.CompletedProcess:
    return run(project, "kb.check", str(project / "data"))


def assert_reports(result: subprocess.CompletedProcess, expected: list[tuple[str, int, str]]):
    """Exactly the expected problems, each at its file and line, and no traceback."""
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    found = [(m["file"], int(m["line"]), m["message"]) for m in PROBLEM.finditer(output)]
    assert len(found) == len(expected), output
    for file, line, words in expected:
        assert any(f == file and n == line and words in message for f, n, message in found), (
            f"expected {file}:{line}: ...{words}... in:\n{output}")
    noun = "problem" if len(expected) == 1 else "problems"
    assert f"The content has {len(expected)} {noun}" in output


# --- the catalogue: one bad input each ------------------------------------------------------

CASES = [
    # YAML that cannot be read at all
    pytest.param(
        [replace("data/examples.yaml", "    title: Working with partners on", "    title: 'Working with partners on")],
        [("data/examples.yaml", 12, "YAML syntax error: the quote opened on this line only closes on line 74")],
        id="syntax-unclosed-quote"),
    pytest.param(
        [replace("data/evidence.yaml", "title: 'Early Intervention: The Next Steps'", "title: 'Early Intervention: The Next Step's'")],
        [("data/evidence.yaml", 11, "YAML syntax error: the text goes on after its closing quote")],
        id="syntax-apostrophe-closes-quote"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: 1\n     title: Indented one space too far\n")],
        [("data/examples.yaml", 12, "YAML syntax error: a ': ' is in a place it cannot be")],
        id="syntax-bad-indentation"),
    pytest.param(
        [replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partners")],
        [("data/examples.yaml", 15, "YAML syntax error: the list opened with '[' on this line is not closed")],
        id="syntax-unclosed-list"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "\tnumber: 1\n")],
        [("data/examples.yaml", 11, "the line is indented with a tab; YAML needs spaces")],
        id="tab-indentation"),
    pytest.param(
        [write("data/glossary.yaml", "")],
        [("data/glossary.yaml", 1, "the file is empty")],
        id="empty-file"),
    pytest.param(
        [write("data/glossary.yaml", "# only a comment\n\n")],
        [("data/glossary.yaml", 1, "the file is empty")],
        id="file-with-only-comments"),
    pytest.param(
        [delete("data/glossary.yaml")],
        [("data/glossary.yaml", 1, "the file is missing; restore it from git")],
        id="missing-file"),
    pytest.param(
        [delete(THEME)],
        [("data/themes", 1, "no theme files found")],
        id="no-theme-files"),
    pytest.param(
        [replace_bytes("data/glossary.yaml", b"common assessment framework", "common assessment framéwork".encode("latin-1"))],
        [("data/glossary.yaml", 8, "the file is not UTF-8 text; save it as UTF-8")],
        id="not-utf8-latin1"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: 1\n    number: 6\n")],
        [("data/examples.yaml", 12, "the key 'number' appears twice in the same block; keep one")],
        id="duplicate-key"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: 1\n    number: 6\n"),
         replace("data/examples.yaml", "    setting: a London borough", "    seting: a London borough")],
        [("data/examples.yaml", 12, "the key 'number' appears twice in the same block"),
         ("data/examples.yaml", 83, "example 'targeting-provision-locally': unknown key 'seting' (did you mean 'setting'?)")],
        id="duplicate-key-and-a-typo-in-one-file"),
    pytest.param(
        [replace("data/glossary.yaml", "    expansion: pupil referral unit", "    expansion: pupil\x07 referral unit")],
        [("data/glossary.yaml", 22, "the line holds an invisible control character (#x0007) that YAML does not allow; delete it")],
        id="control-character"),
    pytest.param(
        [write("data/glossary.yaml", "- CAF\n- DCS\n")],
        [("data/glossary.yaml", 1, "the file must be a block of 'key: value' lines")],
        id="file-is-a-list"),

    # YAML that reads, but does not match the shape of the data
    pytest.param(
        [replace("data/examples.yaml", "    title: Working with partners on", "    titel: Working with partners on")],
        [("data/examples.yaml", 12, "example 'working-with-partners': unknown key 'titel' (did you mean 'title'?); rename or remove it")],
        id="unknown-key-typo"),
    pytest.param(
        [replace("data/examples.yaml", "    setting: one authority\n    partners: [health, police]\n", "    partners: [health, police]\n")],
        [("data/examples.yaml", 10, "example 'working-with-partners': missing the required field 'setting'; add it")],
        id="missing-required-field"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 1\n", "    number: one\n")],
        [("data/examples.yaml", 11, "example 'working-with-partners', number: must be a whole number")],
        id="text-where-number-needed"),
    pytest.param(
        [replace("data/source.yaml", "year: 2011", "year: '2011'")],
        [("data/source.yaml", 6, "year: must be a whole number")],
        id="quoted-number"),
    pytest.param(
        [replace("data/examples.yaml", "    setting: one authority\n    partners: [health", "    setting: [one authority]\n    partners: [health")],
        [("data/examples.yaml", 17, "example 'working-with-partners', setting: must be a single piece of text, not a list")],
        id="list-where-text-needed"),
    pytest.param(
        [replace("data/examples.yaml", "partners: [health, police]", "partners: health and police")],
        [("data/examples.yaml", 18, "example 'working-with-partners', partners: must be a list")],
        id="text-where-list-needed"),
    pytest.param(
        [replace("data/behaviours.yaml", "name: the ability to simplify\n    last_reviewed: 2026-11-26",
                 "name: the ability to simplify\n    last_reviewed: 26/11/2026")],
        [("data/behaviours.yaml", 48, "behaviour 'ability-to-simplify', last_reviewed: must be a real date written as YYYY-MM-DD, not '26/11/2026'")],
        id="bad-date-format"),
    pytest.param(
        [replace("data/examples.yaml", "    outcome: During the last 3 years exclusions had reduced from 44 to 2\n    last_reviewed: 2026-11-26",
                 "    outcome: During the last 3 years exclusions had reduced from 44 to 2\n    last_reviewed: 2026-13-45")],
        [("data/examples.yaml", 20, "example 'working-with-partners', last_reviewed: must be a real date written as YYYY-MM-DD, not '2026-13-45'")],
        id="impossible-date"),
    pytest.param(
        [replace("data/examples.yaml", "  - id: working-with-partners", "  - id: Working_With_Partners")],
        [("data/examples.yaml", 10, "id: 'Working_With_Partners' is not a valid id")],
        id="id-not-lowercase"),

    # ids that must be unique
    pytest.param(
        [replace("data/behaviours.yaml", "  - id: ability-to-simplify", "  - id: learn-continuously")],
        [("data/behaviours.yaml", 49, "the behaviour id 'learn-continuously' is already used at data/behaviours.yaml:46; choose another")],
        id="duplicate-behaviour-id"),
    pytest.param(
        [append_copy("data/examples.yaml", "  - id: targeting-provision-locally", (("number: 5", "number: 6"),))],
        [("data/examples.yaml", 89, "the example id 'targeting-provision-locally' is already used at data/examples.yaml:75")],
        id="duplicate-example-id"),
    pytest.param(
        [replace("data/examples.yaml", "    number: 2\n", "    number: 1\n")],
        [("data/examples.yaml", 29, "the example number '1' is already used at data/examples.yaml:11")],
        id="duplicate-example-number"),
    pytest.param(
        [replace(THEME, "id: key-players", "id: embedding-good-working-practices")],
        [(THEME, 124, f"the question id 'embedding-good-working-practices' is already used at {THEME}:122")],
        id="duplicate-question-id"),
    pytest.param(
        [replace(THEME, "text: Who are the key players who can help to identify and address problems early? How can you influence and work with them?",
                 "text: What are you doing to ensure good working practices are embedded throughout children's services and your partners?")],
        [(THEME, 125, f"question 'key-players': this question repeats the one at {THEME}:123; keep one")],
        id="same-question-text-twice"),

    # references to ids that do not exist
    pytest.param(
        [replace("data/examples.yaml", "behaviours: [ability-to-collaborate, create-and-sustain-commitment]\n    setting: one authority\n    partners: [health",
                 "behaviours: [ability-to-colaborate, create-and-sustain-commitment]\n    setting: one authority\n    partners: [health")],
        [("data/examples.yaml", 16, "example 'working-with-partners', behaviours: unknown behaviour 'ability-to-colaborate' (did you mean 'ability-to-collaborate'?)")],
        id="example-to-unknown-behaviour"),
    pytest.param(
        [replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partner]")],
        [("data/examples.yaml", 15, "example 'working-with-partners', approaches: unknown approach 'working-with-partner' (did you mean 'working-with-partners'?)")],
        id="example-to-unknown-approach"),
    pytest.param(
        [replace("data/examples.yaml", "    focus_area: openness-to-possibilities", "    focus_area: opennes-to-possibilities")],
        [("data/examples.yaml", 79, "example 'targeting-provision-locally', focus_area: unknown focus area 'opennes-to-possibilities' (did you mean 'openness-to-possibilities'?)")],
        id="example-to-unknown-focus-area"),
    pytest.param(
        [replace(THEME, "      - example: long-term-prevention", "      - example: long-term-prevent")],
        [(THEME, 117, "approach 'long-term-prevention', block 3, example: unknown example 'long-term-prevent' (did you mean 'long-term-prevention'?)")],
        id="theme-block-to-unknown-example"),
    pytest.param(
        [replace(THEME, "    behaviours: [openness-to-possibilities]", "    behaviours: [openess-to-possibilities]")],
        [(THEME, 134, "focus area 'openness-to-possibilities', behaviours: unknown behaviour 'openess-to-possibilities' (did you mean 'openness-to-possibilities'?)")],
        id="focus-area-to-unknown-behaviour"),
    pytest.param(
        [replace(THEME, "    cites: [leading-for-outcomes]", "    cites: [leading-for-outcome]")],
        [(THEME, 19, "introduction block 2, cites: unknown evidence source 'leading-for-outcome' (did you mean 'leading-for-outcomes'?)")],
        id="paragraph-cites-unknown-source"),
    pytest.param(
        [replace("data/source.yaml", "companion_report: companion-report", "companion_report: companion")],
        [("data/source.yaml", 9, "companion_report: unknown evidence source 'companion'")],
        id="report-to-unknown-companion"),

    # addresses that are not web addresses
    pytest.param(
        [replace("data/evidence.yaml", "original_address: http://media.education.gov.uk/assets/files/pdf/g/graham%20allens%20review%20of%20early%20intervention.pdf",
                 "original_address: javascript:alert(1)")],
        [("data/evidence.yaml", 15, "evidence source 'allen-review', original_address: 'javascript:alert(1)' is not a web address")],
        id="javascript-address"),
    pytest.param(
        [replace("data/evidence.yaml", "original_address: http://media.education.gov.uk/assets/files/pdf/g/graham%20allens%20review%20of%20early%20intervention.pdf",
                 "original_address: ftp://x")],
        [("data/evidence.yaml", 15, "evidence source 'allen-review', original_address: 'ftp://x' is not a web address")],
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
        [("data/behaviours.yaml", 47, "behaviour 'ability-to-simplify': unknown key 'nmae' (did you mean 'name'?)"),
         ("data/examples.yaml", 15, "unknown approach 'working-with-partner'"),
         ("data/evidence.yaml", 15, "'ftp://x' is not a web address"),
         ("data/glossary.yaml", 22, "the quote opened on this line is never closed"),
         ("data/source.yaml", 7, "place: must be a single piece of text"),
         (THEME, 117, "unknown example 'long-term-prevent'")],
        id="several-problems-in-several-files"),
    pytest.param(
        # behaviours.yaml cannot be read, so whether 'colaborate' exists is unknown: not reported.
        [replace("data/behaviours.yaml", "  - id: ability-to-simplify", "  - id: 'ability-to-simplify"),
         replace("data/examples.yaml", "behaviours: [openness-to-possibilities]", "behaviours: [colaborate]"),
         replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partner]")],
        [("data/behaviours.yaml", 46, "YAML syntax error"),
         ("data/examples.yaml", 15, "unknown approach 'working-with-partner'")],
        id="no-false-reports-into-a-broken-file"),
]


@pytest.mark.parametrize("edits, expected", CASES)
def test_check_reports_each_problem_with_file_and_line(project, edits, expected):
    for edit in edits:
        edit(project)
    assert_reports(check(project), expected)


def test_a_yaml_tag_is_refused_and_never_run(project):
    marker = project / "tag-payload-ran"
    replace("data/examples.yaml", "    title: Working with partners on prevention and intervention\n",
            f'    title: !!python/object/apply:os.system ["touch {marker}"]\n')(project)
    assert_reports(check(project), [
        ("data/examples.yaml", 12, "the YAML tag '!!python/object/apply:os.system' is not allowed; remove it")])
    assert not marker.exists(), "the tag's payload ran"


ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9 if previous else ['lol'] * 9)}]\n"
    for previous, name in zip([None, *"abcdefgh"], "abcdefghi"))  # 9**9 items if expanded


def test_an_alias_bomb_is_refused_quickly_and_never_expanded(project):
    replace("data/glossary.yaml", "abbreviations:\n", ALIAS_BOMB + "abbreviations:\n")(project)
    start = time.monotonic()
    result = check(project)
    elapsed = time.monotonic() - start
    expected = [("data/glossary.yaml", 4, "YAML anchors and aliases ('&a') are not allowed; write the value out in full")]
    expected += [("data/glossary.yaml", 4 + i, f"('&{b}', '*{a}')") for i, (a, b) in enumerate(zip("abcdefgh", "bcdefghi"), 1)]
    assert_reports(result, expected)
    assert elapsed < 3, f"the check took {elapsed:.1f}s: the aliases were expanded"


# --- a failed build leaves the previous site/ exactly as it was -------------------------

def snapshot(site: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file's bytes and mtime, and every folder, under site/."""
    return {str(path.relative_to(site)): (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
            for path in sorted(site.rglob("*"))}


@pytest.mark.parametrize("edit, expected", [
    pytest.param(replace("data/examples.yaml", "    title: Working with partners on", "    title: 'Working with partners on"),
                 ("data/examples.yaml", 12, "YAML syntax error"), id="syntax-error"),
    pytest.param(replace("data/examples.yaml", "approaches: [working-with-partners]", "approaches: [working-with-partner]"),
                 ("data/examples.yaml", 15, "unknown approach 'working-with-partner'"), id="unknown-reference"),
    pytest.param(replace("data/examples.yaml", "    title: Working with partners on prevention and intervention\n",
                         '    title: !!python/object/apply:os.system ["touch tag-payload-ran"]\n'),
                 ("data/examples.yaml", 12, "the YAML tag '!!python/object/apply:os.system' is not allowed"), id="yaml-tag"),
])
def test_a_failed_build_leaves_the_previous_site_untouched(project, edit, expected):
    good = run(project, "kb.build")
    assert good.returncode == 0, good.stdout + good.stderr
    site = project / "site"
    before = snapshot(site)
    assert any(name.endswith("index.html") for name in before)

    edit(project)
    assert_reports(run(project, "kb.build"), [expected])
    assert snapshot(site) == before
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()
    assert not (project / "tag-payload-ran").exists()
