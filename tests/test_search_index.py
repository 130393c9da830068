"""What search can find, read from the index the built site serves: each text of the report
at its own page, not again on the pages that only repeat it (handouts, cards, presenter
views, the whole knowledge base), and none of the buttons' names."""
from __future__ import annotations

import json

import pytest

from kb.addresses import page_url, question_path
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
