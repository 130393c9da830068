"""The team picture (/self-review/team/) in real Chromium: self-review exports made by the
site's own store, opened together; the spread of statuses, everyone's notes, the next steps and
the answers to questions the site no longer has, as the files say; the same person twice, a
renamed and a removed question, a corrupt file; downloads; keeping at the reader's choice;
keyboard only; no request; axe; the offline copy."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_support import SETTLED, WCAG_AA, axe_failures, every_view, in_views, sideways
from kb.addresses import TEAM, page_url
from kb.downloads import OFFLINE_FOLDER, OFFLINE_ZIP
from team_exports import exports, generated_people, page_facts
from test_print import pdf_sheets, squash

PAGE = page_url(TEAM) + "/"
KEEP_KEY = "kb-team-review"


def open_team(open_page, base, **options):
    page = open_page(**options)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + PAGE)
    page.wait_for_selector("#kb-team--files-section:not([hidden])")
    page.errors = errors
    return page


def payload(texts: list[str], names: list[str] | None = None) -> list[dict]:
    names = names or [f"self-review-{i + 1}.json" for i in range(len(texts))]
    return [{"name": name, "mimeType": "application/json", "buffer": text.encode("utf-8")}
            for name, text in zip(names, texts)]


def open_files(page, files: list[dict]):
    page.set_input_files("#kb-team--files", files)
    page.wait_for_function("document.getElementById('kb-team--status').textContent.startsWith('Opened')")


def labels(people: list[dict]) -> list[str]:
    """The names the page gives people, in order: their own, or Person 1, 2, ..."""
    unnamed, out = 0, []
    for person in people:
        if not person["name"]:
            unnamed += 1
        out.append(person["name"] or f"Person {unnamed}")
    return out


def expected_counts(people, questions, statuses) -> dict:
    counts = {q["id"]: {s: 0 for s in [*statuses, "none"]} for q in questions}
    for person in people:
        for q in questions:
            counts[q["id"]][person["answers"].get(q["id"], {}).get("status") or "none"] += 1
    return counts


def shown_counts(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('tr[data-kb-team-row]')]
        .filter(r => r.dataset.kbTeamRow).map(r => [r.dataset.kbTeamRow, Object.fromEntries(
            [...r.querySelectorAll('[data-kb-team-count]')].map(c => [c.dataset.kbTeamCount, +c.textContent]))]))""")


def notes_under(page, question_id) -> dict:
    return dict(page.eval_on_selector_all(
        f"#kb-team--q-{question_id} .kb-team-note",
        "els => els.map(e => [e.querySelector('.kb-team-note__person').textContent, e.querySelector('.kb-team-note__notes').textContent])"))


# --- ten files: the same person twice, a renamed and a removed question, a corrupt file -------

def test_ten_exports_with_conflicts_make_one_picture(open_page, changed):
    base, changes = changed
    page = open_team(open_page, base)
    facts = page_facts(page)
    questions, statuses = facts["questions"], facts["statuses"]
    old, new = changes.question
    assert new in [q["id"] for q in questions] and changes.removed not in [q["id"] for q in questions]
    people = generated_people(page, 8, seed=22)
    # Made before the content changed: the first person answered the renamed question under its
    # old id, and the removed one too.
    first = people[0]
    first["answers"][old] = {"status": statuses[-1], "notes": "Under the old id", "question": "Its old wording?",
                             "nextStep": "First of all", "due": "2000-01-01"}
    first["answers"].pop(new, None)
    first["answers"][changes.removed] = {"status": statuses[0], "notes": "On the removed question",
                                         "question": changes.removed_text}
    # The same person twice (by the id in the file): the older file, with other answers, loses.
    older = json.loads(json.dumps(people[2]))
    older["exportedAt"] = "2030-01-01T00:00:00.000Z"
    older["answers"] = {q["id"]: {"status": statuses[0], "notes": "older"} for q in questions}
    texts = exports(page, people + [older])
    files = payload(texts[:3] + [texts[-1]] + texts[3:-1]) + payload(['{"kind": "kb-self-review", "answers": {'], ["corrupt.json"])
    assert len(files) == 10
    open_files(page, files)

    assert page.text_content("#kb-team--status").startswith(f"Opened 10 files. The picture shows {len(people)} reviews.")
    assert "“corrupt.json”: the file is not valid JSON" in page.text_content("#kb-team--problem-list")
    file_list = page.eval_on_selector_all("#kb-team--file-list > li", "els => els.map(e => e.textContent)")
    assert "left out, the same person's as file 3, which is newer" in file_list[3]
    assert file_list[2].startswith("self-review-3.json: " + labels(people)[2])

    # The spread: each question's counts are those of the files (the older duplicate left out,
    # the old id's answer on the renamed question).
    merged = json.loads(json.dumps(people))
    merged[0]["answers"][new] = merged[0]["answers"].pop(old)
    assert shown_counts(page) == expected_counts(merged, questions, statuses)
    bar = page.eval_on_selector(f"tr[data-kb-team-row='{new}'] [data-kb-team-part='{statuses[-1]}']",
                                "e => e.getBoundingClientRect().width")
    assert bar > 0
    assert page.get_attribute(f"tr[data-kb-team-row='{new}'] .kb-sr-chart", "aria-hidden") == "true"

    # Everyone's notes under their names; the renamed question's note from the old id.
    names = labels(people)
    for q in questions:
        expected = {names[i]: p["answers"][q["id"]].get("notes", "") for i, p in enumerate(merged) if q["id"] in p["answers"]}
        assert notes_under(page, q["id"]) == expected, q["id"]
    assert "older" not in page.text_content("#kb-team--notes-section")

    # The removed question's answer, listed apart with its wording.
    gone = page.text_content("#kb-team--gone")
    assert changes.removed_text in gone and "On the removed question" in gone and names[0] in gone
    assert page.is_visible("#kb-team--gone-section")

    # One list of next steps, by due date (those without one last).
    steps = page.eval_on_selector_all("#kb-team--steps tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    dated = [row[0] for row in steps if row[0] != "no date"]
    assert dated == sorted(dated) and steps[0][:2] == ["2000-01-01", "First of all"]
    assert [row[0] for row in steps[len(dated):]] == ["no date"] * (len(steps) - len(dated))
    expected_steps = sum(1 for p in merged for a in p["answers"].values() if a.get("nextStep") or a.get("owner") or a.get("due"))
    assert len(steps) == expected_steps
    assert not page.errors, page.errors


def test_the_picture_downloads_as_markdown_and_as_csv_one_row_per_person_and_question(open_page, server):
    page = open_team(open_page, server)
    people = generated_people(page, 3, seed=5)
    questions = page_facts(page)["questions"]
    open_files(page, payload(exports(page, people)))
    with page.expect_download() as info:
        page.click("[data-kb-team-action=export-csv]")
    assert info.value.suggested_filename.startswith("team-picture-") and info.value.suggested_filename.endswith(".csv")
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(people) * len(questions)
    names = labels(people)
    for row in rows:
        person = people[names.index(row["person"])]
        answer = person["answers"].get(row["question_id"], {})
        assert row["notes"] == answer.get("notes", "")
        assert row["due"] == answer.get("due", "")
    with page.expect_download() as info:
        page.click("[data-kb-team-action=export-markdown]")
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith("# Team picture: ")
    assert all(f"#### {q['wording']}" in markdown for q in questions)
    assert all(f"**{name}**" in markdown for name in names)
    # Where downloads do not work: the same text, shown to copy.
    page.click("[data-kb-team-action=show-csv]")
    assert page.input_value("#kb-team--text-area").startswith('\ufeff"person"')


# --- keeping, privacy -------------------------------------------------------------------------

def test_nothing_is_kept_unless_the_reader_asks_and_forgetting_removes_it(open_page, server):
    page = open_team(open_page, server)
    people = generated_people(page, 2, seed=9)
    open_files(page, payload(exports(page, people)))
    assert page.evaluate(f"localStorage.getItem('{KEEP_KEY}')") is None
    page.reload()
    page.wait_for_selector("#kb-team--files-section:not([hidden])")
    assert not page.is_visible("#kb-team--spread-section"), "nothing kept, nothing shown after a reload"

    open_files(page, payload(exports(page, people)))
    page.check("#kb-team--keep")
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEEP_KEY}')"))["files"][0]["name"] == "self-review-1.json"
    page.reload()
    page.wait_for_selector("#kb-team--spread-section:not([hidden])")
    assert "you kept in this browser" in page.text_content("#kb-team--status")
    assert page.is_checked("#kb-team--keep")
    assert page.locator("#kb-team--file-list > li").count() == 2
    page.uncheck("#kb-team--keep")
    assert page.evaluate(f"localStorage.getItem('{KEEP_KEY}')") is None
    assert page.is_visible("#kb-team--spread-section"), "still open until the reader leaves"
    page.reload()
    page.wait_for_selector("#kb-team--files-section:not([hidden])")
    assert not page.is_visible("#kb-team--spread-section")


def test_no_request_at_all_while_opening_merging_and_downloading(open_page, server):
    page = open_team(open_page, server)
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    people = generated_people(page, 4, seed=2)
    open_files(page, payload(exports(page, people)))
    page.check("#kb-team--keep")
    for action in ("export-markdown", "export-csv"):
        with page.expect_download():
            page.click(f"[data-kb-team-action={action}]")
    page.click("[data-kb-team-action=close-all]")
    probe = server + "sitemap.xml"
    assert page.evaluate("url => fetch(url).then(r => r.status)", probe) == 200
    assert requests and requests[-1] == probe
    # Chromium may ask for the site's icon late (seen on a busy machine, after the network went
    # idle): a file of the site that carries nothing of the reader's.
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    made = [url for url in requests[:-1] if urlparse(url).scheme not in ("blob", "data") and url != icon]
    assert not made, f"requests while using the team page: {made}"
    assert page.evaluate("document.cookie") == ""


# --- by keyboard, dropped files, closing one ----------------------------------------------

def test_by_keyboard_alone_open_files_close_one_keep_and_download(open_page, server):
    page = open_team(open_page, server)
    people = generated_people(page, 3, seed=4)
    texts = exports(page, people)
    # Ask Chromium to hand file choosers to Playwright now, not when the key is pressed:
    # expect_file_chooser() turns that on without waiting, and under load the Space key
    # could reach the page first (puppeteer#6040), so no chooser event ever came (CI, stop 32).
    page.on("filechooser", lambda chooser: None)
    page.focus("article a[href$='../']")  # the link to the self-review, just above the controls
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kb-team--files":
            break
    assert page.evaluate("document.activeElement.id") == "kb-team--files"
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(payload(texts))
    page.wait_for_selector("#kb-team--spread-section:not([hidden])")
    # Tab on to the first file's Close button, and close it with Enter.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.kbTeamRemove") == "0":
            break
    page.keyboard.press("Enter")
    assert page.locator("#kb-team--file-list > li").count() == 2
    assert page.evaluate("document.activeElement.dataset.kbTeamRemove") == "0", "focus stays on the list"
    assert "Closed “self-review-1.json”" in page.text_content("#kb-team--status")
    # Keep, by Space on the checkbox; download, by Enter on the button.
    page.focus("#kb-team--keep")
    page.keyboard.press("Space")
    assert page.evaluate(f"localStorage.getItem('{KEEP_KEY}')") is not None
    page.focus("[data-kb-team-action=export-markdown]")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".md")
    assert not page.errors, page.errors


def test_files_dropped_on_the_page_are_opened(open_page, server):
    page = open_team(open_page, server)
    texts = exports(page, generated_people(page, 2, seed=7))
    page.evaluate("""texts => {
        const data = new DataTransfer();
        texts.forEach((t, i) => data.items.add(new File([t], `dropped-${i}.json`, {type: 'application/json'})));
        const zone = document.getElementById('kb-team--drop');
        zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
    }""", texts)
    page.wait_for_selector("#kb-team--spread-section:not([hidden])")
    assert page.text_content("#kb-team--status").startswith("Opened 2 files. The picture shows 2 reviews.")


# --- accessibility, print, offline, without JavaScript ------------------------------------

def test_no_axe_violations_empty_and_filled_in_both_schemes_at_390_and_1280(open_page, changed):
    """Each state in both schemes at both widths, in one visit (browser_support.in_views):
    every WCAG A and AA rule of axe, and nothing scrolls sideways."""
    base, changes = changed
    page = open_team(open_page, base, viewport={"width": 1280, "height": 900})

    def check(state):
        return lambda *view: axe_failures(page, state, {"type": "tag", "values": WCAG_AA}) + sideways(page, state)

    failures = in_views(page, every_view([1280, 390]), check("empty"))
    people = generated_people(page, 3, seed=1)
    people[0]["answers"][changes.removed] = {"notes": "gone", "question": changes.removed_text}
    open_files(page, payload(exports(page, people)) + payload(["{"], ["corrupt.json"]))
    page.click("[data-kb-team-action=show-markdown]")
    page.evaluate(SETTLED)  # Material's header fades its title in as the page scrolls
    failures += in_views(page, every_view([1280, 390]), check("filled"))
    assert not failures, "\n".join(failures)


def test_the_printout_shows_the_picture_without_the_controls(open_page, server):
    page = open_team(open_page, server)
    open_files(page, payload(exports(page, generated_people(page, 2, seed=3))))
    page.emulate_media(media="print")
    assert not page.is_visible("#kb-team--files-section") and not page.is_visible("#kb-team--tools-section")
    assert page.is_visible("#kb-team--spread-section") and page.is_visible("#kb-team--steps-section")
    sheets = pdf_sheets(page)
    # The spread starts on the first sheet: its tables run on between rows, not whole onto the next.
    first = page_facts(page)["questions"][0]["wording"]
    assert squash(first) in sheets[0]
    assert "openthereviews" not in "".join(sheets)


def test_it_works_in_the_offline_copy_opened_from_files(open_page, built_site, tmp_path):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    page = open_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((tmp_path / OFFLINE_FOLDER / "self-review" / "team.html").as_uri())
    page.wait_for_selector("#kb-team--files-section:not([hidden])")
    open_files(page, payload(exports(page, generated_people(page, 2, seed=8))))
    assert page.is_visible("#kb-team--spread-section")
    page.check("#kb-team--keep")
    page.reload()
    page.wait_for_selector("#kb-team--spread-section:not([hidden])")
    assert not errors, errors


def test_without_javascript_it_says_what_it_needs(open_page, server):
    page = open_page(java_script_enabled=False)
    page.goto(server + PAGE)
    assert "turned off" in page.text_content("noscript") or page.is_visible(".kb-sr-noscript")
    assert not page.is_visible("#kb-team--files-section")
    assert page.get_by_role("link", name="self-review", exact=True).is_visible()
