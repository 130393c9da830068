"""The self-review in a real Chromium: answers kept in this browser only, restored on return,
downloaded and imported back exactly, kept when a question is gone, and damaged storage met
with a message and a way to export it; nothing moves as the page loads. A fresh browser
context (so empty storage) per test."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_support import (COLOUR_RULES, CONTENT_SHIFTS, FOCUSABLE, LAYOUT_RULES, PAINTED, VIEWPORTS, WCAG_AA,
                             axe_failures, held, in_views)
from kb.downloads import OFFLINE_FOLDER, OFFLINE_ZIP
from kb.pages import content_version
from test_data import KB
from support import ROOT

PAGE = "self-review/"
KEY = "kb-self-review"
GONE = "a-question-the-site-no-longer-has"


@pytest.fixture
def review(open_page, server):
    """A fresh context on the self-review page; fails the test on any script error."""
    page = open_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + PAGE)
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    yield page
    assert not errors, f"script errors on the page: {errors}"


def question_ids(page) -> list[str]:
    return page.eval_on_selector_all("[data-kb-sr-question]", "els => els.map(e => e.dataset.kbSrQuestion)")


def answer(page, qid, status=None, notes=None, step=None, owner=None, due=None):
    if status is not None:
        page.check(f"input[name='kb-sr-status-{qid}'][value='{status}']")
    for prefix, value in (("notes", notes), ("step", step), ("owner", owner), ("due", due)):
        if value is not None:
            page.fill(f"#kb-sr--{prefix}-{qid}", value)


def form_values(page) -> dict:
    """Every question's controls as the reader sees them."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-kb-sr-question]')].map(q => {
        const id = q.dataset.kbSrQuestion, value = s => q.querySelector(s).value;
        return [id, {status: q.querySelector('input[type=radio]:checked').value, notes: value('textarea'),
                     nextStep: value('[data-field=nextStep]'), owner: value('[data-field=owner]'), due: value('[data-field=due]')}];
    }))""")


def stored(page):
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return None if text is None else json.loads(text)


def store_raw(page, text: str):
    """Put text into the page's storage as another version (or a fault) might have, and reload."""
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, text])
    page.reload()
    page.wait_for_selector(".kb-sr-controls:not([hidden])")


def fill_some(page) -> dict:
    """Answers to three questions, every kind of field, with text a naive export would break."""
    first, second, last = question_ids(page)[0], question_ids(page)[1], question_ids(page)[-1]
    answer(page, first, status="in-progress", notes="Line one, with “quotes” & <angles>\n\n> not a quote\n# not a heading",
           step="Talk to the partnership board", owner="Director", due="2031-03-04")
    answer(page, second, status="in-place")
    answer(page, last, notes="Only notes here: ünïcödé ✓")
    return {first: "in-progress", second: "in-place", last: ""}


def download(page, action: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(f"[data-kb-sr-action={action}] >> visible=true")
    done = info.value
    return done.suggested_filename, Path(done.path()).read_text(encoding="utf-8")


def today_in_page(page) -> str:
    return page.evaluate("KBSelfReview.isoDate(new Date())")


def import_file(page, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.set_input_files("#kb-sr--import-file", str(path))
    page.wait_for_selector("#kb-sr--preview-panel:not([hidden])")


def preview_counts(page) -> dict:
    items = page.eval_on_selector_all("#kb-sr--preview-list > li > strong", "els => els.map(e => e.textContent)")
    return {label: int(count) for label, count in (item.rsplit(": ", 1) for item in items)}


# --- saving and restoring -------------------------------------------------------------------

def test_answers_are_saved_as_the_reader_types_and_are_back_after_a_reload(review):
    fill_some(review)
    before = form_values(review)
    data = stored(review)
    assert data["format"] == 1
    first = question_ids(review)[0]
    assert data["answers"][first]["status"] == "in-progress"
    assert data["answers"][first]["question"] == KB.question[first].question.text
    review.reload()
    review.wait_for_selector(".kb-sr-controls:not([hidden])")
    assert form_values(review) == before
    assert review.text_content("#kb-sr--status") == ""  # nothing to say until the reader acts


def test_the_summary_counts_statuses_per_focus_area_and_overall_as_text_and_bars(review):
    ids = question_ids(review)
    fill_some(review)
    overall = review.text_content("[data-kb-sr-summary=''] .kb-sr-summary__text")
    assert overall == (f"{len(ids)} questions: 1 in place, 1 in progress, 0 not yet considered, "
                       f"{len(ids) - 2} with no status yet")
    first_area = KB.question[ids[0]].focus_area
    in_area = [q for q in ids if KB.question[q].focus_area.id == first_area.id]
    text = review.text_content(f"[data-kb-sr-summary='{first_area.id}'] .kb-sr-summary__text")
    assert text.startswith(f"{len(in_area)} questions: ")
    widths = review.eval_on_selector_all("[data-kb-sr-summary=''] [data-kb-sr-part]",
                                         "els => Object.fromEntries(els.map(e => [e.dataset.kbSrPart, e.getBoundingClientRect().width]))")
    assert widths["in-place"] > 0 and widths["in-progress"] > 0 and widths["not-yet-considered"] == 0
    assert widths["in-place"] == pytest.approx(widths["in-progress"], abs=1)
    # The bars are hidden from screen readers: the text beside them says the same.
    assert review.get_attribute("[data-kb-sr-summary=''] .kb-sr-chart", "aria-hidden") == "true"
    answer(review, ids[1], status="")  # back to no status: the summary follows at once
    assert "0 in place" in review.text_content("[data-kb-sr-summary=''] .kb-sr-summary__text")


def test_the_status_scale_is_labelled_as_ours_and_the_same_in_the_page_and_the_exports(review):
    labels = review.eval_on_selector_all(f"input[name='kb-sr-status-{question_ids(review)[0]}']",
                                         "els => els.map(e => [e.value, e.parentElement.textContent.trim()])")
    scale = review.evaluate("KBSelfReview.STATUSES.map(s => [s.value, s.label])")
    assert labels == [["", "No status yet"], *scale]
    assert "(our scale, not the report's)" in review.text_content(".kb-sr-choices legend")
    assert "is this site's own wording, not the report's" in review.text_content("article")


def test_the_status_scale_is_written_once_in_the_page_and_the_scripts_read_it(review):
    """templates/_status_scale.md.j2 is its one source: the page gives it to the scripts as JSON,
    and no script spells a status of its own."""
    scale = json.loads(review.get_attribute("#kb-status-scale", "data-json"))
    assert review.evaluate("KBSelfReview.STATUSES") == scale["values"]
    assert review.evaluate("KBSelfReview.NO_STATUS") == scale["none"]
    first = question_ids(review)[0]
    options = review.eval_on_selector_all(f"input[name='kb-sr-status-{first}']",
                                          "els => els.map(e => [e.value, e.parentElement.textContent.trim()])")
    assert options == [["", scale["none"]], *([s["value"], s["label"]] for s in scale["values"])]
    scripts = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "javascripts").glob("*.js"))
    spelt = [word for s in scale["values"] for word in (s["value"], s["label"]) if word in scripts]
    assert not spelt, f"a script spells the status scale itself: {spelt}"


def test_a_name_or_role_is_optional_kept_here_and_written_into_the_downloads(review):
    first = question_ids(review)[0]
    answer(review, first, notes="mine")
    data = json.loads(download(review, "export-json")[1])
    assert "name" not in data["person"] and re.fullmatch(r"[0-9a-f]{16}", data["person"]["id"])
    assert "By " not in download(review, "export-markdown")[1]
    review.fill("#kb-sr--person-name", "Head of early help")
    assert stored(review)["person"] == {"id": data["person"]["id"], "name": "Head of early help"}
    review.reload()
    review.wait_for_selector(".kb-sr-controls:not([hidden])")
    assert review.input_value("#kb-sr--person-name") == "Head of early help"
    again = json.loads(download(review, "export-json")[1])
    assert again["person"] == {"id": data["person"]["id"], "name": "Head of early help"}, "the same id every time"
    assert "\nBy Head of early help.\n" in download(review, "export-markdown")[1]
    review.click("[data-kb-sr-action=clear]")
    review.click("[data-kb-sr-action=clear-confirm]")
    assert stored(review) is None and review.input_value("#kb-sr--person-name") == ""


def test_one_sentence_says_nothing_leaves_the_browser(review):
    assert "Nothing you write here leaves this browser" in review.text_content(".kb-sr-private")


# --- exports --------------------------------------------------------------------------------

def test_markdown_and_json_downloads_name_date_version_wording_and_answers(review):
    statuses = fill_some(review)
    version = review.get_attribute("#kb-sr--app", "data-content-version")
    assert version == content_version(KB)
    name, text = download(review, "export-json")
    day = today_in_page(review)
    assert name == f"self-review-{day}.json"
    data = json.loads(text)
    assert (data["kind"], data["format"], data["exported"], data["contentVersion"]) == ("kb-self-review", 1, day, version)
    assert "not the report's" in data["statusScale"]["note"]
    assert set(data["answers"]) == set(statuses)
    for qid, status in statuses.items():
        exported = data["answers"][qid]
        assert exported["question"] == KB.question[qid].question.text
        assert exported["focusArea"] == KB.question[qid].focus_area.title
        assert exported["inFramework"] is True
        assert exported.get("status", "") == status
    first = question_ids(review)[0]
    assert data["answers"][first]["notes"] == form_values(review)[first]["notes"]
    assert data["answers"][first]["due"] == "2031-03-04"

    name, markdown = download(review, "export-markdown")
    assert name == f"self-review-{day}.md"
    assert f"Exported on {day}, from the site's content version {version}." in markdown
    assert "not the report's" in markdown
    for placed in KB.question.values():  # every question, in the site's order, answered or not
        assert f"#### {placed.question.text}\n" in markdown
    positions = [markdown.index(f"#### {p.question.text}\n") for p in KB.question.values()]
    assert positions == sorted(positions)
    assert "- Status: In progress\n- Next step: Talk to the partnership board; owner: Director; by 2031-03-04" in markdown
    assert "> Line one, with “quotes” & <angles>\n>\n> > not a quote\n> # not a heading" in markdown
    assert "> Only notes here: ünïcödé ✓" in markdown


def test_the_exports_can_be_shown_as_text_to_copy_where_downloads_do_not_work(review):
    fill_some(review)
    review.click("[data-kb-sr-action=show-json]")
    area = review.locator("#kb-sr--text-area")
    assert area.is_visible() and area.evaluate("e => e === document.activeElement")
    assert json.loads(area.input_value())["answers"]
    review.click("[data-kb-sr-action=show-markdown]")
    assert area.input_value().startswith("# Self-review: ")
    review.click("[data-kb-sr-action=hide-text]")
    assert not area.is_visible()


# --- import and start again -----------------------------------------------------------------

def test_clear_then_import_the_json_shows_a_preview_and_every_answer_returns_exactly(review, tmp_path):
    fill_some(review)
    store_raw(review, json.dumps({**stored(review), "answers": {**stored(review)["answers"],
                                                              GONE: {"notes": "kept", "question": "An old question?"}}}))
    _, backup = download(review, "export-json")
    before_form, before_store = form_values(review), stored(review)  # the download gave the review its id
    assert before_store["person"]["id"] == json.loads(backup)["person"]["id"]

    review.click("[data-kb-sr-action=clear]")
    assert review.evaluate("document.activeElement.id") == "kb-sr--clear-question"
    review.click("[data-kb-sr-action=clear-confirm]")
    assert stored(review) is None
    assert all(v == {"status": "", "notes": "", "nextStep": "", "owner": "", "due": ""} for v in form_values(review).values())
    assert not review.is_visible("#kb-sr--removed-section")

    import_file(review, tmp_path, "backup.json", backup)
    assert preview_counts(review) == {"Added": len(before_store["answers"]), "Changed": 0, "Kept as they are": 0,
                                      "Removed (in this browser, not in the file)": 0}
    assert "An old question? (no longer in the framework)" in review.text_content("#kb-sr--preview-list")
    assert review.evaluate("document.activeElement.id") == "kb-sr--preview-heading"
    assert stored(review) is None, "nothing is replaced before the reader confirms"
    review.click("[data-kb-sr-action=import-confirm]")
    assert form_values(review) == before_form
    assert stored(review) == before_store
    assert "Imported" in review.text_content("#kb-sr--status")
    review.reload()
    assert form_values(review) == before_form


def test_the_preview_tells_added_changed_kept_and_removed_and_cancel_changes_nothing(review, tmp_path):
    ids = question_ids(review)
    answer(review, ids[0], notes="one")
    answer(review, ids[1], notes="two")
    _, backup = download(review, "export-json")
    answer(review, ids[1], notes="two, changed since")
    answer(review, ids[2], notes="three, only here")
    data = json.loads(backup)
    data["answers"][ids[3]] = {"status": "in-place"}
    import_file(review, tmp_path, "backup.json", json.dumps(data))
    assert preview_counts(review) == {"Added": 1, "Changed": 1, "Kept as they are": 1,
                                      "Removed (in this browser, not in the file)": 1}
    before = stored(review)
    review.keyboard.press("Escape")  # the same as Cancel
    assert not review.is_visible("#kb-sr--preview-panel")
    assert stored(review) == before
    assert "Nothing was imported." in review.text_content("#kb-sr--status")


def test_a_file_that_is_not_a_self_review_is_refused_with_a_message(review, tmp_path):
    answer(review, question_ids(review)[0], notes="mine")
    before = stored(review)
    path = tmp_path / "other.json"
    path.write_text('{"kind": "something-else"}')
    review.set_input_files("#kb-sr--import-file", str(path))
    review.wait_for_function("document.getElementById('kb-sr--status').textContent.startsWith('Nothing was imported')")
    assert not review.is_visible("#kb-sr--preview-panel")
    assert stored(review) == before


def test_start_again_asks_first_and_cancel_keeps_everything(review):
    fill_some(review)
    before = stored(review)
    review.click("[data-kb-sr-action=clear]")
    assert review.is_visible("#kb-sr--clear-panel")
    assert stored(review) == before, "nothing is deleted by the first press"
    review.click("[data-kb-sr-action=clear-cancel]")
    assert not review.is_visible("#kb-sr--clear-panel")
    assert review.evaluate("document.activeElement.dataset.kbSrAction") == "clear"
    assert stored(review) == before


# --- questions the site no longer has, and reworded ones ------------------------------------

def test_an_answer_to_a_question_the_site_no_longer_has_survives_and_is_exported(review):
    first = question_ids(review)[0]
    store_raw(review, json.dumps({"format": 1, "answers": {
        GONE: {"status": "in-place", "notes": "Still mine", "question": "An old question?"},
        first: {"notes": "Answered under older wording", "question": "An earlier wording of the first question?"}}}))
    section = review.locator("#kb-sr--removed-section")
    assert section.is_visible()
    assert "No longer in the framework" in section.text_content()
    assert "An old question?" in section.text_content() and "Still mine" in section.text_content()
    # A reworded question keeps its answer: it is shown under the question as the site has it now.
    assert form_values(review)[first]["notes"] == "Answered under older wording"
    answer(review, question_ids(review)[1], status="in-progress")  # saving keeps the removed answer
    review.reload()
    assert stored(review)["answers"][GONE] == {"status": "in-place", "notes": "Still mine", "question": "An old question?"}
    assert stored(review)["answers"][first]["question"] == "An earlier wording of the first question?"
    data = json.loads(download(review, "export-json")[1])
    assert data["answers"][GONE]["inFramework"] is False
    assert data["answers"][first]["question"] == KB.question[first].question.text
    markdown = download(review, "export-markdown")[1]
    assert "## No longer in the framework" in markdown
    assert f"### An old question?\n\n- Question id: {GONE}\n- Status: In place" in markdown


# --- damaged, foreign, older and newer storage; a full quota --------------------------------

@pytest.mark.parametrize("raw", ["{not json at all", "[1, 2, 3]", '{"format": 1, "answers": {"x": {"status": 5}}}'])
def test_unreadable_storage_gives_a_message_and_an_export_never_a_crash_or_an_overwrite(review, raw):
    store_raw(review, raw)
    message = review.locator("#kb-sr--problem-text")
    assert message.is_visible() and "cannot be read" in message.text_content()
    assert message.get_attribute("role") == "alert"
    assert review.locator("[data-kb-sr-question] h4 a:not(.headerlink)").count() == len(question_ids(review))  # still the questions
    first = question_ids(review)[0]
    assert review.is_disabled(f"#kb-sr--notes-{first}")
    name, text = download(review, "download-raw")
    assert name.endswith(".txt") and text == raw
    review.click("[data-kb-sr-action=show-raw] >> visible=true")
    assert review.input_value("#kb-sr--text-area") == raw
    assert review.evaluate(f"localStorage.getItem('{KEY}')") == raw
    # Replacing it is the reader's choice, after confirmation.
    review.click("[data-kb-sr-action=clear]")
    review.click("[data-kb-sr-action=clear-confirm]")
    assert not review.is_visible("#kb-sr--problem")
    answer(review, first, notes="a fresh start")
    assert stored(review)["answers"][first]["notes"] == "a fresh start"


def test_unreadable_storage_can_be_replaced_by_an_import(review, tmp_path):
    first = question_ids(review)[0]
    answer(review, first, notes="backed up")
    _, backup = download(review, "export-json")
    store_raw(review, "{broken")
    import_file(review, tmp_path, "backup.json", backup)
    assert "cannot be read: importing replaces it" in review.text_content("#kb-sr--preview-about")
    review.click("[data-kb-sr-action=import-confirm]")
    assert not review.is_visible("#kb-sr--problem")
    assert stored(review)["answers"][first]["notes"] == "backed up"
    assert review.is_enabled(f"#kb-sr--notes-{first}")


def test_an_older_format_is_migrated_and_a_newer_one_is_shown_but_never_written(review):
    first = question_ids(review)[0]
    store_raw(review, json.dumps({first: {"status": "in-place", "notes": "from format 0", "next_step": "Carry on"}}))
    assert form_values(review)[first] == {"status": "in-place", "notes": "from format 0", "nextStep": "Carry on",
                                          "owner": "", "due": ""}
    assert stored(review) == {"format": 1, "answers": {first: {"status": "in-place", "notes": "from format 0",
                                                               "nextStep": "Carry on"}}}
    assert not review.is_visible("#kb-sr--problem")

    newer = json.dumps({"format": 99, "answers": {first: {"status": "in-progress", "notes": "from the future", "mood": 3}}})
    store_raw(review, newer)
    assert "newer version of this site" in review.text_content("#kb-sr--problem-text")
    assert form_values(review)[first]["notes"] == "from the future"
    assert review.is_disabled(f"#kb-sr--notes-{first}")
    assert json.loads(download(review, "export-json")[1])["answers"][first]["notes"] == "from the future"
    assert review.evaluate(f"localStorage.getItem('{KEY}')") == newer


def test_a_full_storage_quota_gives_a_message_and_the_answers_can_still_be_downloaded(open_page, server):
    page = open_page()
    # Storage that is full once the test says so, as a real one would be.
    page.add_init_script("""(() => { const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (window.kbStorageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return setItem.call(this, key, value); }; })()""")
    page.goto(server + PAGE)
    first, second = question_ids(page)[:2]
    answer(page, first, notes="saved before the storage filled up")
    page.evaluate("window.kbStorageFull = true")
    answer(page, second, notes="typed once storage was full")
    message = page.locator("#kb-sr--problem-text")
    assert message.is_visible() and "storage for this site is full" in message.text_content()
    assert page.is_visible("#kb-sr--problem-export")
    with page.expect_download() as info:
        page.click("#kb-sr--problem-export [data-kb-sr-action=export-json]")
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["answers"][second]["notes"] == "typed once storage was full"
    assert data["answers"][first]["notes"] == "saved before the storage filled up"
    page.evaluate("window.kbStorageFull = false")
    answer(page, second, notes="typed once storage had room again")
    assert not page.is_visible("#kb-sr--problem")
    assert stored(page)["answers"][second]["notes"] == "typed once storage had room again"


# --- privacy --------------------------------------------------------------------------------

def test_no_request_at_all_after_the_page_loads_while_answering_exporting_and_importing(open_page, server, tmp_path):
    page = open_page()
    page.goto(server + PAGE, wait_until="networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    fill_some(page)
    _, backup = download(page, "export-json")
    download(page, "export-markdown")
    page.click("[data-kb-sr-action=show-markdown]")
    page.click("[data-kb-sr-action=clear]")
    page.click("[data-kb-sr-action=clear-confirm]")
    import_file(page, tmp_path, "backup.json", backup)
    page.click("[data-kb-sr-action=import-confirm]")
    answer(page, question_ids(page)[0], notes="after the import")
    # A request of the test's own, to show that the listener was listening all along.
    probe = server + "sitemap.xml"
    assert page.evaluate("url => fetch(url).then(response => response.status)", probe) == 200
    assert requests and requests[-1] == probe, requests
    # Downloads are made in the page (blob: addresses): nothing else was requested at all.
    # Chromium may ask for the site's icon late (seen on a busy machine, after the network went
    # idle): a file of the site that carries nothing of the reader's.
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    made = [url for url in requests[:-1] if urlparse(url).scheme not in ("blob", "data") and url != icon]
    assert not made, f"requests while using the self-review: {made}"


# --- accessibility, keyboard, small screens, print, without JavaScript ----------------------

def open_everything(page):
    """The filled state: answers, a removed question, every panel open."""
    fill_some(page)
    data = stored(page)
    data["answers"][GONE] = {"status": "in-place", "notes": "kept", "question": "An old question?"}
    store_raw(page, json.dumps(data))
    page.click("[data-kb-sr-action=show-json]")
    page.click("[data-kb-sr-action=clear]")


# Every WCAG rule in the light scheme on a desktop; the colour rules in the dark scheme and
# the layout rules at phone width (as tests/browser/test_every_page.py does for every page).
DESKTOP, PHONE = VIEWPORTS["desktop"]["width"], VIEWPORTS["phone"]["width"]
AXE_PASSES = {("light", DESKTOP): {"type": "tag", "values": WCAG_AA},
              ("light", PHONE): {"type": "rule", "values": LAYOUT_RULES},
              ("dark", DESKTOP): {"type": "rule", "values": COLOUR_RULES}}


def test_no_axe_violations_empty_filled_and_damaged_in_both_schemes_and_at_phone_width(open_page, server):
    """Each state in the three views of AXE_PASSES, in one visit (browser_support.in_views)."""
    page = open_page("light", "desktop")
    page.goto(server + PAGE)
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    failures = []
    for state in ("empty", "filled", "damaged"):
        if state == "filled":
            open_everything(page)
        elif state == "damaged":
            store_raw(page, "{damaged")
        failures += in_views(page, list(AXE_PASSES), lambda *view: axe_failures(page, state, AXE_PASSES[view]))
    assert not failures, "\n".join(failures)


def test_at_320_px_nothing_scrolls_sideways_empty_or_filled(open_page, server):
    page = open_page(viewport={"width": 320, "height": 700})
    page.goto(server + PAGE)
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    widths = [page.evaluate("document.documentElement.scrollWidth")]
    open_everything(page)
    answer(page, question_ids(page)[0], notes="x" * 300)  # one long word
    page.click("[data-kb-sr-action=show-markdown]")
    widths.append(page.evaluate("document.documentElement.scrollWidth"))
    assert max(widths) <= 320, widths


def test_a_status_and_notes_by_keyboard_alone(review):
    first = question_ids(review)[0]
    review.focus(f"#kb-sr--q-{first} a")
    for _ in range(10):
        review.keyboard.press("Tab")
        if review.evaluate("document.activeElement.type") == "radio":
            break
    assert review.evaluate("document.activeElement.name") == f"kb-sr-status-{first}"
    review.keyboard.press("ArrowRight")
    review.keyboard.press("ArrowRight")
    review.keyboard.press("Tab")
    assert review.evaluate("document.activeElement.id") == f"kb-sr--notes-{first}"
    review.keyboard.type("Typed by keyboard")
    assert stored(review)["answers"][first] == {"status": "in-progress", "notes": "Typed by keyboard",
                                                "question": KB.question[first].question.text,
                                                "saved": today_in_page(review)}  # for change notes (issue 28)
    assert review.text_content("#kb-sr--status") == "Saved in this browser."
    # Start again is confirmed by keyboard too, and Escape backs out.
    review.focus("[data-kb-sr-action=clear]")
    review.keyboard.press("Enter")
    assert review.evaluate("document.activeElement.id") == "kb-sr--clear-question"
    review.keyboard.press("Escape")
    assert review.evaluate("document.activeElement.dataset.kbSrAction") == "clear"
    assert stored(review)["answers"][first]["notes"] == "Typed by keyboard"


def test_the_print_view_shows_the_answers_as_text_without_the_controls(review):
    fill_some(review)
    first = question_ids(review)[0]
    review.emulate_media(media="print")
    assert not review.is_visible(f"#kb-sr--notes-{first}")
    assert not review.is_visible("#kb-sr--tools-section")
    printed = review.locator(f"[data-kb-sr-question='{first}'] .kb-sr-printed")
    assert printed.is_visible()
    assert "Status: In progress" in printed.inner_text()
    assert "Next step: Talk to the partnership board; owner: Director; by 2031-03-04" in printed.inner_text()
    assert "Line one, with “quotes” & <angles>" in printed.inner_text()
    assert review.is_visible("#kb-sr--summary-section")
    review.emulate_media(media="screen")
    assert not printed.is_visible()
    assert review.pdf().startswith(b"%PDF")


def test_without_javascript_the_page_is_a_readable_list_of_the_questions(open_page, server):
    page = open_page(java_script_enabled=False)
    page.goto(server + PAGE)
    links = page.eval_on_selector_all("[data-kb-sr-question] h4 a:not(.headerlink)", "els => els.map(e => [e.textContent, e.getAttribute('href')])")
    assert links == [[p.question.text, f"../questions/{p.question.id}/"] for p in KB.question.values()]
    assert not page.locator(".kb-sr-controls").first.is_visible()
    for hidden in ("#kb-sr--tools-section", "#kb-sr--summary-section", ".kb-sr-jump"):
        assert not page.is_visible(hidden)
    # Nor do they keep room: the questions follow one another with no gaps.
    for hidden in (".kb-sr-controls", "#kb-sr--tools-section", "#kb-sr--summary-section", ".kb-sr-jump"):
        assert page.locator(hidden).first.bounding_box() is None, f"{hidden} keeps room without JavaScript"
    assert page.locator("[data-kb-sr-question] .kb-sr-behaviours a").count() >= len(links)


@pytest.mark.parametrize("linked", [False, True], ids=["top", "linked-question"])
def test_nothing_moves_as_the_page_loads_however_late_its_script(open_page, server, linked):
    page = open_page(viewport="phone")
    target = list(KB.question)[0]
    script = held(page, "self-review.js")
    page.goto(server + PAGE + (f"#{target}" if linked else ""), wait_until="commit")
    since = page.evaluate(PAINTED)  # the whole page has been painted, without its script
    # Before the script: the controls' room kept, but nothing seen or reached that does nothing.
    assert script and not page.locator(".kb-sr-controls").first.is_visible()
    assert not page.is_visible("#kb-sr--summary-section")
    assert not page.evaluate(FOCUSABLE, f"#kb-sr--notes-{target}")
    for route in script:
        route.continue_()
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    assert page.is_visible(f"#kb-sr--notes-{target}") and page.is_visible("#kb-sr--summary-section")
    assert page.evaluate(CONTENT_SHIFTS, since) == []


def test_without_its_script_nothing_is_shown_or_reached_that_does_nothing(open_page, server):
    page = open_page()
    page.route("**/javascripts/*self-review.js", lambda route, request: route.abort())  # its scripts, joined
    page.goto(server + PAGE, wait_until="load")
    for hidden in (".kb-sr-controls", "#kb-sr--summary-section", "#kb-sr--tools-section", ".kb-sr-jump"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert not page.evaluate(FOCUSABLE, f"#kb-sr--notes-{list(KB.question)[0]}")
    assert not page.evaluate(FOCUSABLE, "[data-kb-sr-action=clear]")
    assert page.locator("[data-kb-sr-question] h4").first.is_visible()


def test_it_works_in_the_offline_copy_opened_from_files(open_page, built_site, tmp_path):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    offline = tmp_path / OFFLINE_FOLDER
    page = open_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    first = next(iter(KB.question))
    page.goto((offline / "questions" / f"{first}.html").as_uri())
    page.click("a.kb-sr-link")
    page.wait_for_url(f"**/self-review.html#{first}")
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    answer(page, first, status="in-place", notes="offline")
    page.reload()
    assert form_values(page)[first]["notes"] == "offline"
    name, text = download(page, "export-json")
    assert json.loads(text)["answers"][first]["status"] == "in-place"
    page.click("[data-kb-sr-action=show-json]")
    assert json.loads(page.input_value("#kb-sr--text-area"))["answers"][first]["notes"] == "offline"
    page.goto((offline / "questions" / f"{first}.html").as_uri())
    assert page.locator("a.kb-sr-link").text_content().startswith("You have notes on this question")
    assert not errors, errors


# --- the links from the question pages ------------------------------------------------------

def test_question_pages_offer_the_self_review_and_say_when_the_reader_has_notes(open_page, server):
    page = open_page()
    ids = list(KB.question)
    noted, other = ids[0], ids[1]
    page.goto(server + f"questions/{noted}/")
    link = page.locator("a.kb-sr-link")
    assert link.text_content() == "Add to my self-review"
    link.click()
    page.wait_for_url(re.compile(re.escape(f"{PAGE}#{noted}") + "$"))
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    assert page.evaluate(f"""() => {{ const r = document.getElementById('{noted}').getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight; }}""")
    answer(page, noted, notes="A note")
    page.goto(server + f"questions/{noted}/")
    assert page.locator("a.kb-sr-link").text_content().startswith("You have notes on this question")
    page.goto(server + f"questions/{other}/")
    assert page.locator("a.kb-sr-link").text_content() == "Add to my self-review"
    # The questions page keeps one control per question (its copy link) and leads to the
    # self-review once, in its introduction.
    page.goto(server + "questions/")
    assert page.locator("a.kb-sr-link").count() == 0
    assert page.locator(".kb-lead a[href$='self-review/']").count() == 1


def test_a_due_date_keeps_a_four_digit_year(review):
    """Typed as a reader types it, year 22026 cannot be entered; set by a script or pasted in,
    it is not kept, and the reader is told (issue 20 item 10)."""
    first, second = list(KB.question)[:2]
    due = f"#kb-sr--due-{first}"
    review.focus(due)
    for key in "0101" + "22026":
        review.keyboard.press(key)
    typed = review.input_value(due)
    assert re.fullmatch(r"\d{4}-01-01", typed), f"the field holds {typed!r}"
    review.wait_for_function(f"JSON.parse(localStorage.getItem('{KEY}') || '{{}}').answers?.['{first}']?.due === '{typed}'")
    review.eval_on_selector(f"#kb-sr--due-{second}", """d => { d.value = '22026-01-01';
        d.dispatchEvent(new Event('input', {bubbles: true})); d.dispatchEvent(new Event('change', {bubbles: true})); }""")
    assert "four-digit year" in review.inner_text("#kb-sr--status")
    assert "due" not in ((stored(review) or {}).get("answers", {}).get(second) or {})
    review.reload()
    review.wait_for_selector(".kb-sr-controls:not([hidden])")
    assert form_values(review)[second]["due"] == ""
