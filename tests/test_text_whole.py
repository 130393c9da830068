"""The word-for-word promise, as a property: any text the schema accepts, written into a data
file the way an editor writes it (unquoted, in single or double quotes, or as a folded block),
is either published exactly as typed or refused with its file and line. YAML never changes it
on the way (a ` #` that starts a comment, a value read as a date or a yes/no, ...).

"Exactly" is what a page shows: the site shows text on one line, so its runs of spaces and
line breaks are one space (kb/text.py); nothing else may differ.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kb.problems import ContentError
from kb.site import knowledge_base
from kb.text import InlineText
from kbgen import ANY_CHARACTER, TOKENS
from support import FIXTURE_KB

TITLE = "    title: The second fixture example\n"


def plain(text: str) -> str | None:
    # One line, as an editor types a short value; a value wholly in quotes is quoting, not text.
    return None if "\n" in text or text.lstrip()[:1] in ("'", '"') else f"    title: {text}\n"


def single(text: str) -> str:
    return "    title: '" + text.replace("'", "''") + "'\n"


def double(text: str) -> str:
    return '    title: "' + text.replace("\\", "\\\\").replace('"', '\\"') + '"\n'


def folded(text: str) -> str:
    return "    title: >-\n" + "".join(f"      {line}\n" for line in text.split("\n"))


STYLES = {"plain": plain, "single": single, "double": double, "folded": folded}
texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(ANY_CHARACTER, min_size=1, max_size=4)), min_size=1, max_size=8).map("".join)


@pytest.fixture(scope="module")
def data_dir():
    folder = Path(tempfile.mkdtemp(prefix="kb-text-")) / "data"
    shutil.copytree(FIXTURE_KB, folder)
    yield folder
    shutil.rmtree(folder.parent, ignore_errors=True)


def shown(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=texts.filter(lambda t: t.strip()), style=st.sampled_from(sorted(STYLES)))
@example(text="Exclusions fell from 44 to 2 #schools", style="plain")
@example(text="*Leaders* in one authority", style="plain")
@example(text="2026-11-26", style="plain")
@example(text="yes", style="plain")
@example(text="=", style="plain")
def test_text_is_published_exactly_or_refused_with_its_line(data_dir, text, style):
    written = STYLES[style](text)
    if written is None:
        return
    examples = data_dir / "examples.yaml"
    original = (FIXTURE_KB / "examples.yaml").read_text(encoding="utf-8")
    examples.write_text(original.replace(TITLE, written), encoding="utf-8")
    lines = len(examples.read_text(encoding="utf-8").split("\n"))
    try:
        kb = knowledge_base(data_dir)
    except ContentError as error:
        for problem in error.problems:  # refused: each problem names a file of data/ and a line in it
            assert problem.file.startswith("data/") and 1 <= problem.line <= max(lines, 1), str(problem)
        return
    title = kb.example["fixture-second-example"].title
    assert shown(title) == shown(text), f"{style}: typed {text!r}, published {title!r}"
    inline = InlineText(kb.abbreviations)
    assert inline(title) == inline(text), "the page shows the typed text"
