"""Sessions that trainers compose (/trainers/session/) in real Chromium: composed by keyboard,
its link round-trips through the list for participants, the presenter view (QR codes decode to
each question's address) and the printed handout (A4, read with pypdf); renamed items followed
and a removed one told; a damaged link refused with a message; the example sessions; axe;
no request; the offline copy. Items are chosen from the data, never by name."""
from __future__ import annotations

import re
import zipfile
from urllib.parse import urlparse

import pytest

from browser_support import SCHEMES, SETTLED, WCAG_AA, axe_failures, every_view, in_views, sideways, switch_scheme
from kb.addresses import SESSION, SESSION_PRESENT, TRAINERS, behaviour_path, example_path, page_url, question_path
from kb.downloads import OFFLINE_FOLDER, OFFLINE_ZIP
from test_data import KB
from test_print import decode, permanent, pdf_sheets, site_url, squash  # noqa: F401 - site_url is a fixture

PAGE = page_url(SESSION) + "/"
PRESENT = page_url(SESSION_PRESENT) + "/"
QUESTIONS = list(KB.question.values())


def text_of(kind: str, ident: str) -> str:
    """What the site shows for an item (the report's words, or a title it gives)."""
    if kind == "q":
        return KB.question[ident].question.text
    if kind == "e":
        example = KB.example[ident]
        return f"Example {example.number}: {example.title}"
    return KB.behaviour[ident].name


def path_of(kind: str, ident: str) -> str:
    return {"q": question_path, "e": example_path, "b": behaviour_path}[kind](ident)


# A session out of the site's order: the last question, an example, a behaviour, the first question.
CHOSEN = [("q", QUESTIONS[-1].question.id), ("e", KB.examples[-1].id), ("b", KB.behaviours[0].id),
          ("q", QUESTIONS[0].question.id)]
TITLE = "Team day: “what next?” & more (1/2)"


def open_at(open_page, url, **options):
    page = open_page(**options)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.errors = errors
    return page


def fragment_of(page, title, items) -> str:
    return page.evaluate("([title, items]) => KBSession.format({title, items: items.map(([kind, id]) => ({kind, id}))})",
                         [title, items])


def listed(page) -> list[str]:
    return page.eval_on_selector_all("#kb-ss--list > li .kb-ss-item__text", "els => els.map(e => e.textContent)")


# --- composing, and the link's three views ----------------------------------------------------

def test_compose_by_keyboard_and_the_link_opens_the_same_session_as_a_list(open_page, server, site_url):
    page = open_at(open_page, server + PAGE)
    page.wait_for_selector("#kb-ss--composer:not([hidden])")
    assert not page.is_visible("#kb-ss--view")
    page.focus("#kb-ss--title")
    page.keyboard.type(TITLE)
    # Tick each item with the keyboard alone: focus its checkbox (Tab order: after the title and
    # the list) and press Space, in the session's order.
    for kind, ident in CHOSEN:
        page.focus(f"#kb-ss--pick-{kind}-{ident}")
        page.keyboard.press("Space")
    chosen = page.eval_on_selector_all("#kb-ss--chosen > li", "els => els.length")
    assert chosen == len(CHOSEN)
    # Move the last item up by keyboard: the focus stays with it.
    page.focus(f"#kb-ss--chosen > li:nth-child({len(CHOSEN)}) [data-kb-ss-move=up]")
    page.keyboard.press("Enter")
    order = CHOSEN[:-2] + [CHOSEN[-1], CHOSEN[-2]]
    assert "moved up, to item 3 of 4" in page.text_content("#kb-ss--status")
    assert page.evaluate("document.activeElement.closest('li') === document.querySelector('#kb-ss--chosen > li:nth-child(3)')")

    link = page.input_value("#kb-ss--link")
    assert link.startswith(permanent(site_url, SESSION) + "#session=1&title=") and link.endswith(f"&count={len(order)}")
    assert page.evaluate("location.hash") == "#" + link.split("#", 1)[1], "the page's own address is the session's"
    assert page.evaluate("(h) => KBSession.parse(h)", link.split("#", 1)[1]) == {
        "title": TITLE, "items": [{"kind": k, "id": i} for k, i in order], "position": None}

    # The link, pasted into another browser: the list for participants, in the session's order.
    other = open_at(open_page, server + PAGE + "#" + link.split("#", 1)[1], viewport="phone")
    other.wait_for_selector("#kb-ss--view:not([hidden])")
    assert other.inner_text("h1").rstrip("¶").strip() == TITLE
    assert listed(other) == [text_of(k, i)[:1].upper() + text_of(k, i)[1:] for k, i in order]
    hrefs = other.eval_on_selector_all("#kb-ss--list .kb-ss-item__page", "els => els.map(e => e.href)")
    assert hrefs == [server + page_url(path_of(k, i)) + "/" for k, i in order]
    assert not other.is_visible("#kb-ss--composer") and not other.is_visible("#kb-ss--examples")
    assert not other.is_visible(".kb-ss-intro"), "how to compose is not for participants"
    # On a phone the list leads to each item's page; codes, addresses and ruled lines are for paper.
    assert not other.locator(".kb-ss-item__qr").first.is_visible() and not other.locator(".kb-write").first.is_visible()
    assert not page.errors and not other.errors


def test_the_presenter_view_shows_one_item_a_screen_with_qr_codes_to_each_question(open_page, server, site_url):
    page = open_at(open_page, server + PAGE)
    fragment = fragment_of(page, TITLE, CHOSEN)
    present = open_at(open_page, server + PRESENT + "#" + fragment, viewport={"width": 1280, "height": 720})
    present.wait_for_selector("[data-kb-present=on]")
    assert present.inner_text("h1").strip() == TITLE
    slides = present.locator(".kb-slide")
    assert slides.count() == len(CHOSEN)
    for n, (kind, ident) in enumerate(CHOSEN, 1):
        assert present.evaluate("() => [...document.querySelectorAll('.kb-slide')].filter(s => s.checkVisibility()).map(s => s.id)") == [f"item-{n}"]
        assert present.text_content(".kb-present__position") == f"{n} of {len(CHOSEN)}"
        slide = present.locator(f"#item-{n}")
        words = text_of(kind, ident)
        assert slide.locator(".kb-slide__question p").first.text_content().lower() == words.lower()
        address = permanent(site_url, path_of(kind, ident))
        assert slide.locator("figcaption").text_content() == address
        if kind == "q":
            qr = slide.locator("svg")
            assert qr.get_attribute("aria-label") == f"QR code for {address}"
            assert decode(qr) == [address], ident
        else:
            assert slide.locator("svg").count() == 0
        assert present.evaluate("location.hash") == "#" + fragment + f"&item-{n}" or n == 1
        present.keyboard.press("ArrowRight")
    # A reload lands where the presenter was; Escape leaves for the session itself.
    present.keyboard.press("Home")
    present.keyboard.press("ArrowRight")
    present.reload()
    present.wait_for_selector("[data-kb-present=on]")
    assert present.text_content(".kb-present__position") == f"2 of {len(CHOSEN)}"
    present.keyboard.press("Escape")
    present.wait_for_url(re.compile(re.escape(PAGE) + "#session="))
    present.wait_for_selector("#kb-ss--view:not([hidden])")
    assert present.evaluate("location.hash") == "#" + fragment
    assert not present.errors, present.errors


def test_the_list_prints_as_an_a4_handout_with_a_qr_code_to_each_question(open_page, server, site_url):
    page = open_at(open_page, server + PAGE)
    fragment = fragment_of(page, TITLE, CHOSEN)
    page.goto(server + PAGE + "#" + fragment)
    page.wait_for_selector("#kb-ss--view:not([hidden])")
    page.emulate_media(media="print")
    # Nor the page's own address: it would lead to an empty composer (each item carries its own).
    for hidden in ("#kb-ss--composer", "#kb-ss--examples", ".kb-ss-tools", ".md-header", ".md-sidebar", ".kb-print-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    codes = page.locator("#kb-ss--list .kb-ss-item__qr svg")
    questions = [(k, i) for k, i in CHOSEN if k == "q"]
    assert codes.count() == len(questions), "one QR code per question"
    for qr, (_, ident) in zip(codes.all(), questions):
        address = permanent(site_url, question_path(ident))
        size_mm = qr.evaluate("svg => svg.getBoundingClientRect().width * 25.4 / 96")
        assert size_mm >= 20, f"a QR code {size_mm:.0f} mm wide is hard to scan"
        assert decode(qr) == [address]
    assert page.locator("#kb-ss--list .kb-write").count() == len(questions), "room to write under each question"
    sheets = pdf_sheets(page)
    assert 1 <= len(sheets) <= len(CHOSEN)
    whole = "".join(sheets)
    assert squash(TITLE) in sheets[0] and "citethispage" not in whole
    positions = []
    for kind, ident in CHOSEN:
        words = squash(text_of(kind, ident))
        holding = [n for n, sheet in enumerate(sheets) if words in sheet]
        assert len(holding) == 1, f"{ident} is split across sheets or missing"
        positions.append(whole.index(words))
    assert positions == sorted(positions), "the handout keeps the session's order"


# --- renamed and removed items, damaged links ----------------------------------------------

def test_a_link_made_before_a_rename_still_opens_and_says_which_item_is_gone(open_page, server, changed):
    base, changes = changed
    page = open_at(open_page, server + PAGE)
    old_items = [("q", changes.question[0]), ("e", changes.example[0]), ("q", changes.removed), ("b", changes.behaviour[0])]
    fragment = fragment_of(page, "Before the rename", old_items)

    view = open_at(open_page, base + PAGE + "#" + fragment)
    view.wait_for_selector("#kb-ss--view:not([hidden])")
    texts = listed(view)
    assert texts[0] == text_of("q", changes.question[0]), "the renamed question, under its new id"
    assert texts[1] == text_of("e", changes.example[0])
    assert f"“{changes.removed}”" in texts[2] and "no longer" in view.text_content("#kb-ss--list > li:nth-child(3)").lower()
    assert texts[3].lower() == text_of("b", changes.behaviour[0]).lower()
    assert "One item of this session is no longer on the site" in view.text_content("#kb-ss--problem-text")
    hrefs = view.eval_on_selector_all("#kb-ss--list .kb-ss-item__page", "els => els.map(e => e.href)")
    assert hrefs[0] == base + page_url(question_path(changes.question[1])) + "/"

    present = open_at(open_page, base + PRESENT + "#" + fragment)
    present.wait_for_selector("[data-kb-present=on]")
    assert present.locator(".kb-slide").count() == len(old_items)
    qr = present.locator("#item-1 svg")
    new_address = qr.get_attribute("aria-label").removeprefix("QR code for ")
    assert new_address.endswith(f"/questions/{changes.question[1]}/") and decode(qr) == [new_address]
    present.keyboard.press("End")
    present.keyboard.press("ArrowLeft")
    assert "no longer" in present.text_content("#item-3").lower() or "no " in present.text_content("#item-3")
    assert f"“{changes.removed}”" in present.text_content("#item-3")
    assert not view.errors and not present.errors


@pytest.mark.parametrize("damage", ["cut", "edited", "newer"])
def test_a_damaged_link_is_refused_with_a_message_never_a_blank_page(open_page, server, damage):
    page = open_at(open_page, server + PAGE)
    fragment = fragment_of(page, TITLE, CHOSEN)
    broken = {"cut": fragment[: len(fragment) * 2 // 3], "edited": fragment.replace("count=", "count=9"),
              "newer": fragment.replace("session=1", "session=2")}[damage]
    page.goto(server + PAGE + "#" + broken)
    page.wait_for_selector("#kb-ss--problem:not([hidden])")
    message = page.text_content("#kb-ss--problem-text")
    assert message.startswith("This session cannot be opened: its link ")
    assert ("newer version" if damage == "newer" else "damaged") in message
    assert page.get_attribute("#kb-ss--problem-text", "role") == "alert"
    assert page.is_visible("#kb-ss--composer") and page.is_visible("#kb-ss--examples")

    present = open_at(open_page, server + PRESENT + "#" + broken)
    present.wait_for_selector("#kb-ss--problem:not([hidden])")
    assert "cannot be presented" in present.text_content("#kb-ss--problem-text")
    present.wait_for_load_state("load")
    assert present.is_visible("h1") and present.is_visible(".kb-present__exit")
    assert not present.evaluate("document.documentElement.classList.contains('kb-presenting')")
    assert not page.errors and not present.errors


def test_the_trainers_page_opens_each_example_session_in_one_click(open_page, server):
    page = open_at(open_page, server + page_url(TRAINERS) + "/")
    links = page.locator("a[href*='session/#kb-ss--example--']")
    count = links.count()
    assert 2 <= count <= 3
    areas = [a for t in KB.themes for a in t.focus_areas][:2]
    expected = [len(a.behaviours) + sum(e.focus_area == a.id for e in KB.examples) + len(a.questions) for a in areas]
    expected.append(sum(len(a.questions) for a in KB.themes[0].focus_areas))
    for n in range(count):
        page.goto(server + page_url(TRAINERS) + "/")
        page.locator("a[href*='session/#kb-ss--example--']").nth(n).click()
        page.wait_for_selector("#kb-ss--view:not([hidden])")
        assert page.evaluate("location.hash").startswith("#session=1&")
        assert page.locator("#kb-ss--list > li").count() == expected[n]
        assert page.locator(".kb-ss-item--missing").count() == 0
    assert not page.errors, page.errors


# --- accessibility, privacy, offline, without JavaScript -------------------------------------

def test_no_axe_violations_composing_viewing_and_presenting_in_both_schemes_at_390_and_1280(open_page, server):
    """Each step in both schemes at both widths, in one visit (browser_support.in_views):
    every WCAG A and AA rule of axe, and nothing of the composer scrolls sideways."""
    widths = [1280, 390]
    page = open_at(open_page, server + PAGE, viewport={"width": widths[0], "height": 800})
    page.wait_for_selector("#kb-ss--composer:not([hidden])")
    for kind, ident in CHOSEN:
        page.check(f"#kb-ss--pick-{kind}-{ident}")
    page.evaluate(SETTLED)  # Material's header fades its title in as the page scrolls

    def check(on, step, wide=True):
        def problems(*view):
            return axe_failures(on, step, {"type": "tag", "values": WCAG_AA}) + (sideways(on, step) if wide else [])
        return problems

    failures = in_views(page, every_view(widths), check(page, "composing"))
    page.click("[data-kb-ss-action=view]")
    page.evaluate(SETTLED)
    failures += in_views(page, every_view(widths), check(page, "viewing"))
    # The presenter view has no toggle of its own: it opens in the scheme the reader chose last
    # on another page (the composer is left in the light one).
    for scheme, order in (("light", widths), ("dark", widths[::-1])):
        switch_scheme(page, scheme)
        present = page.context.new_page()
        present.set_viewport_size({"width": order[0], "height": 720})
        present.goto(server + PRESENT + page.evaluate("location.hash"))
        present.wait_for_selector("[data-kb-present=on]")
        assert present.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        failures += in_views(present, [(scheme, width) for width in order], check(present, "presenting", wide=False))
        present.close()
    assert not failures, "\n".join(failures)


def test_nothing_is_requested_or_stored_while_composing_and_opening(open_page, server):
    page = open_at(open_page, server + PAGE)
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.fill("#kb-ss--title", "Private title")
    for kind, ident in CHOSEN:
        page.check(f"#kb-ss--pick-{kind}-{ident}")
    page.click("[data-kb-ss-action=view]")
    page.click("[data-kb-ss-action=edit]")
    probe = server + "sitemap.xml"
    assert page.evaluate("url => fetch(url).then(r => r.status)", probe) == 200
    assert requests[-1] == probe
    # Chromium asks for the site's icon again when a page changes its own address (the composer
    # keeps it in step with the session): a file of the site, and nothing of the session goes with it.
    favicon = page.evaluate("document.querySelector('link[rel=icon]').href")
    assert set(requests[:-1]) <= {favicon}, requests
    assert not any(urlparse(url).fragment or urlparse(url).query or "Private" in url for url in requests)
    stored = page.evaluate("Object.keys(localStorage)")
    assert [key for key in stored if not key.endswith(".__palette")] == [], stored  # Material's colour scheme only
    assert page.evaluate("document.cookie") == ""


def test_it_works_in_the_offline_copy_opened_from_files(open_page, built_site, tmp_path):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / OFFLINE_FOLDER
    page = open_at(open_page, (folder / "trainers" / "index.html").as_uri())
    page.locator("a[href*='session.html#kb-ss--example--']").first.click()
    page.wait_for_selector("#kb-ss--view:not([hidden])")
    assert page.locator("#kb-ss--list > li").count() > 0
    page.click("a.kb-ss-present >> visible=true")
    page.wait_for_selector("[data-kb-present=on]")
    assert page.url.startswith((folder / "trainers" / "session" / "present.html").as_uri() + "#session=1&")
    assert page.locator(".kb-slide").count() == page.evaluate("KBSession.parse(location.hash).items.length")
    assert not page.errors, page.errors


def test_without_javascript_it_says_what_it_needs(open_page, server):
    page = open_page(java_script_enabled=False)
    page.goto(server + PAGE)
    assert page.is_visible(".kb-sr-noscript") or "needs JavaScript" in page.text_content("noscript")
    assert not page.is_visible("#kb-ss--composer") and not page.is_visible("#kb-ss--view")
