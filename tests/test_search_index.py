"""What search can find, read from the index the built site serves: each text at its own
page and nowhere else (no block twice in the index), the pages that only repeat it (handouts,
presenter views) left out, the tools whose body repeats it (self-review, cards, the whole
knowledge base ...) by their title and lead alone, sections named so that each says what it
is, and none of the buttons' names."""
from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from kb.addresses import page_url, question_path
from kb.tools import LEAD_ONLY, LEAD_ONLY_KEY
from kb.site import Site
from support import ROOT

# Names of controls, not text of the report: a search for "copy" must not list every page.
CONTROL_NAMES = ("Copy link to", "Add to my self-review", "Permanent address:")


@pytest.fixture(scope="module")
def index(built_site) -> list[dict]:
    return json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="module")
def site() -> Site:
    return Site.from_project(ROOT)


def test_pages_that_repeat_the_report_are_not_in_the_index(index, site):
    repeating = {page_url(p.path) + "/" for p in site.all_pages() if p.meta.get("search", {}).get("exclude")}
    assert repeating, "the handouts, cards and presenter views are pages of the site"
    indexed = {doc["location"].split("#")[0] for doc in index}
    assert not repeating & indexed


def test_every_question_is_found_at_its_own_page(index, site):
    titles = {doc["location"]: doc["title"] for doc in index}
    for placed in site.kb.question.values():
        assert titles.get(page_url(question_path(placed.question.id)) + "/") == placed.question.text


def test_no_control_is_indexed_as_text(index):
    for doc in index:
        for name in CONTROL_NAMES:
            # The trainers' page explains the buttons in its own prose; that text is the site's.
            assert name not in doc["text"] or doc["location"].startswith("trainers/"), (doc["location"], name)


def blocks(text: str) -> list[str]:
    """The paragraphs and list items of an index entry's text, as plain words."""
    parts = re.split(r"</?(?:p|li|ul|ol)>", text)
    return [" ".join(part.split()) for part in parts if part.strip()]


def test_the_index_holds_no_block_twice(index):
    where = defaultdict(set)
    for doc in index:
        for block in blocks(doc["text"]):
            where[block].add(doc["location"])
    twice = {block: sorted(found) for block, found in where.items() if len(found) > 1}
    assert not twice, twice


def test_a_tool_that_repeats_the_report_is_indexed_by_its_title_and_lead(index, site):
    tools = [p for p in site.all_pages() if p.meta.get(LEAD_ONLY_KEY)]
    assert tools, "the self-review, cards and the whole knowledge base are such tools"
    questions = [placed.question.text for placed in site.kb.question.values()]
    for tool in tools:
        url = page_url(tool.path) + "/"
        entries = [doc for doc in index if doc["location"].split("#")[0] == url]
        assert [doc["location"] for doc in entries] == [url], "one entry: the page, no section"
        assert entries[0]["title"] == tool.title
        assert entries[0].get("boost") == LEAD_ONLY["search"]["boost"]
        assert not [q for q in questions if q in entries[0]["text"]]


def test_no_section_title_is_indexed_twice(index):
    """A section's title is what the results list shows for it: "More questions" nine times
    said nothing; each title now names what it holds (or its section stays out)."""
    sections = [doc["title"] for doc in index if "#" in doc["location"]]
    assert not {t for t in sections if sections.count(t) > 1}
