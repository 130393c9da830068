"""The self-review after a change note (issue 28): an answer saved before a major change to its
question is marked with the date and the note, one saved after is not, and the answers stay as
they were. On the made-up knowledge base with notes (noted_site, tests/notes_data.py)."""
import json

import pytest

from conftest import serving
from notes_data import NEW, OLD, REWORDED


@pytest.fixture(scope="module")
def noted_server(noted_site):
    with serving(noted_site / "site") as url:
        yield url


def test_an_answer_saved_before_a_major_change_is_marked_and_one_saved_after_is_not(open_page, noted_server):
    stored = {"format": 1, "answers": {
        # saved before the note of 1 December 2026 about this question, with its wording then
        "fixture-second-question": {"notes": "Our key players, as we saw them", "question": OLD, "saved": "2026-11-30"},
        # saved after the note of 28 November 2026 about this one
        "fixture-first-question": {"notes": "Looked at after the change", "saved": "2026-11-29"},
    }}
    page = open_page()
    page.add_init_script(f"localStorage.setItem('kb-self-review', {json.dumps(json.dumps(stored))})")
    page.goto(noted_server + "self-review/")
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    marked = page.locator("#fixture-second-question .kb-sr-changed")
    assert marked.count() == 1
    text = marked.inner_text()
    assert "This question changed after you answered it" in text and "1 December 2026" in text and REWORDED in text
    assert page.locator("#fixture-first-question .kb-sr-changed").count() == 0, "saved after its change: no mark"
    assert page.locator("#fixture-second-question textarea").first.input_value() == "Our key players, as we saw them"
    assert NEW in page.locator("#fixture-second-question h4").inner_text()
    kept = json.loads(page.evaluate("localStorage.getItem('kb-self-review')"))
    assert kept["answers"]["fixture-second-question"]["notes"] == "Our key players, as we saw them", "nothing is lost"
