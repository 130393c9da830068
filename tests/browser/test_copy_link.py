"""Copy link and cite this page in real Chromium: by keyboard, the right absolute address on the
clipboard, said aloud through the live region; a field to copy from where there is no clipboard."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from mkdocs.config import load_config

from browser_support import CHROMIUM_ARGS, VIEWPORTS
from ensure_browser import find_test_chromium
from support import ROOT
from test_data import KB

STATUS = ".kb-copy-status"
# A name that resolves to the local test server inside Chromium only: plain http on a name that
# is not loopback is not a secure context, so the page has no navigator.clipboard at all.
INSECURE_HOST = "kb-insecure.test"


@pytest.fixture(scope="session")
def site_url() -> str:
    return load_config(str(ROOT / "mkdocs.yml")).site_url


def clipboard_page(open_page, origin: str | None = None):
    page = open_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], **({"origin": origin} if origin else {}))
    return page


def origin_of(server: str) -> str:
    parsed = urlparse(server)
    return f"{parsed.scheme}://{parsed.netloc}"


def button_for(page, url: str):
    return page.locator(f'button.kb-copy[data-url="{url}"]').first


def announced(page, message: str):
    page.wait_for_function("([s, m]) => document.querySelector(s)?.textContent === m", arg=[STATUS, message])


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_link_by_keyboard_puts_the_page_address_on_the_clipboard(open_page, server, site_url):
    example = KB.examples[len(KB.examples) // 2]
    address = f"{site_url}examples/{example.id}/"
    page = clipboard_page(open_page, origin_of(server))
    page.goto(server + f"examples/{example.id}/")
    button = button_for(page, address)
    assert button.is_visible(), "the script did not show the copy button"
    for _ in range(100):  # Tab from the top until the button has focus: it is keyboard-reachable
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("the copy-link button cannot be reached by keyboard")
    page.keyboard.press("Enter")
    announced(page, "Link copied")
    assert clipboard(page) == address
    assert page.locator(f"{STATUS}[role=status][aria-live=polite]").count() == 1
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, f"target smaller than 24 px: {box}"


def test_copy_link_on_listed_items_copies_each_ones_address(open_page, server, site_url):
    page = clipboard_page(open_page, origin_of(server))
    example = KB.examples[-1]
    page.goto(server + "examples/")
    button_for(page, f"{site_url}examples/{example.id}/").focus()
    page.keyboard.press("Space")
    announced(page, "Link copied")
    assert clipboard(page) == f"{site_url}examples/{example.id}/"

    placed = [p for p in KB.approach.values() if p.parent is None][-1]
    area_url = f"themes/{placed.theme.id}/{placed.focus_area.id}/"
    page.goto(server + area_url)
    button_for(page, f"{site_url}{area_url}#{placed.approach.id}").focus()
    page.keyboard.press("Enter")
    announced(page, "Link copied")
    assert clipboard(page) == f"{site_url}{area_url}#{placed.approach.id}"
    # Copying again announces again: the region is emptied, then filled.
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelector('{STATUS}').textContent === ''")
    announced(page, "Link copied")


def test_cite_this_page_copies_the_citation(open_page, server, site_url):
    behaviour = KB.behaviours[-1]
    page = clipboard_page(open_page, origin_of(server))
    page.goto(server + f"behaviours/{behaviour.id}/")
    cite = page.locator("button.kb-copy[data-copy-text]")
    assert cite.count() == 1
    cite.focus()
    page.keyboard.press("Enter")
    announced(page, "Citation copied")
    copied = clipboard(page)
    report = KB.report
    assert copied == page.locator(".kb-cite__text").inner_text()
    assert copied.startswith(f"{report.publisher} ({report.year}) {report.title}.")
    assert copied.endswith(f"Available at: {site_url}behaviours/{behaviour.id}/")


def test_copy_link_works_in_a_page_opened_from_disk(open_page, built_site, site_url):
    """Chromium treats file:// as a secure context: the offline copy copies like the site."""
    page = clipboard_page(open_page)
    example = KB.examples[0]
    page.goto((built_site / "examples" / example.id / "index.html").as_uri())
    button_for(page, f"{site_url}examples/{example.id}/").focus()
    page.keyboard.press("Enter")
    announced(page, "Link copied")
    assert clipboard(page) == f"{site_url}examples/{example.id}/"


@pytest.fixture(scope="module")
def insecure_browser(browser):
    """A second Chromium in which INSECURE_HOST is the local test server (no DNS is asked)."""
    chromium = browser.browser_type.launch(
        executable_path=find_test_chromium(), args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INSECURE_HOST} 127.0.0.1"])
    yield chromium
    chromium.close()


def test_without_a_clipboard_the_address_is_selected_in_a_field_to_copy(insecure_browser, server, site_url):
    port = urlparse(server).port
    with insecure_browser.new_context(viewport=VIEWPORTS["phone"]) as context:
        expect_a_field_to_copy_from(context.new_page(), port, site_url)


def expect_a_field_to_copy_from(page, port, site_url):
    example = KB.examples[-1]
    page.goto(f"http://{INSECURE_HOST}:{port}/examples/")
    assert page.evaluate("window.isSecureContext === false && navigator.clipboard === undefined")
    address = f"{site_url}examples/{example.id}/"
    button_for(page, address).focus()
    page.keyboard.press("Enter")
    announced(page, "Press Ctrl+C to copy the link")
    field = page.locator("input.kb-copy__field")
    assert field.count() == 1 and field.is_visible()
    assert field.input_value() == address
    assert field.get_attribute("readonly") is not None and field.get_attribute("aria-label") == "Link to copy"
    state = field.evaluate("f => [f === document.activeElement, f.selectionStart, f.selectionEnd]")
    assert state == [True, 0, len(address)], "the address is not focused and selected"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS["phone"]["width"], f"the field makes the page scroll sideways ({width}px)"
    # Pressing the button again reuses the field rather than adding another.
    button_for(page, address).focus()
    page.keyboard.press("Enter")
    announced(page, "Press Ctrl+C to copy the link")
    assert page.locator("input.kb-copy__field").count() == 1


# --- one clear share control per item (issue 20 item 7) --------------------------------------

TOUCH_PAGES = ["questions", "question", "example", "behaviour", "focus area", "home", "examples"]


def test_each_question_in_the_list_has_one_control_that_copies_its_link(open_page, server, site_url):
    page = clipboard_page(open_page, origin_of(server))
    page.goto(server + "questions/")
    items = page.eval_on_selector_all("ol.kb-questions > li", """items => items.map(li => ({
        id: li.id, question: li.querySelector('a')?.textContent.trim(),
        controls: [...li.querySelectorAll('a, button, input')].filter(c => c.checkVisibility())
                      .map(c => c.tagName === 'BUTTON' ? 'button ' + c.dataset.url : 'link ' + c.getAttribute('href'))}))""")
    assert [item["id"] for item in items] == list(KB.question)
    for item in items:
        placed = KB.question[item["id"]]
        address = f"{site_url}questions/{placed.question.id}/"
        # The question itself links to its page; beside it, one button, which copies its address.
        assert item["question"] == placed.question.text
        assert item["controls"] == [f"link {placed.question.id}/", f"button {address}"], item["controls"]
    last = items[-1]["id"]
    button_for(page, f"{site_url}questions/{last}/").click()
    announced(page, "Link copied")
    assert clipboard(page) == f"{site_url}questions/{last}/"
    note = page.locator(f"#{last} .kb-copy__done")
    assert note.inner_text() == "Link copied" and note.is_visible(), "the copy is not shown as well as said"


def test_on_a_touch_screen_every_copy_control_is_at_least_44_pixels_square(open_page, server):
    from browser_support import page_kinds
    kinds = page_kinds()
    page = open_page(viewport="phone", has_touch=True)
    for kind in TOUCH_PAGES:
        page.goto(server + kinds[kind])
        sizes = page.eval_on_selector_all("button.kb-copy", """bs => bs.filter(b => b.checkVisibility()).map(b => {
            const r = b.getBoundingClientRect();
            return [b.textContent.trim(), r.width, r.height, parseFloat(getComputedStyle(b).fontSize)]; })""")
        assert sizes, f"{kind}: no copy control shown"
        small = [s for s in sizes if s[1] < 44 or s[2] < 44 or s[3] < 14]
        assert not small, f"{kind}: copy controls too small to touch or read: {small[:3]}"


@pytest.mark.parametrize("touch", [False, True], ids=["mouse", "touch"])
def test_nothing_moves_when_the_copy_buttons_appear_however_late_their_script(open_page, server, touch):
    """The buttons keep their room from the first paint, unseen and out of reach until share.js
    shows them: Lighthouse counted their arrival as a layout shift (0.19 on an example page)."""
    from browser_support import CONTENT_SHIFTS, FIRST_PAINT, FOCUSABLE, held, page_kinds
    kinds = page_kinds()
    for kind in ("example", "behaviour", "focus area", "question", "questions"):
        page = open_page(viewport="phone", has_touch=touch)
        script = held(page, "site.js")  # share.js, joined with every page's other scripts
        page.goto(server + kinds[kind], wait_until="commit")
        # site.js blocks the parser where it is, after the content: the content,
        # its citation last, is there and painted without it.
        page.evaluate(FIRST_PAINT)
        page.wait_for_selector(".kb-cite", state="attached")
        since = page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))")
        assert script, "share.js was not held"
        assert not page.locator("button.kb-copy").first.is_visible()
        assert not page.evaluate(FOCUSABLE, "button.kb-copy"), f"{kind}: a copy button can be reached before its script"
        for route in script:
            route.continue_()
        page.wait_for_selector("button.kb-copy:not([hidden])")
        assert page.evaluate(CONTENT_SHIFTS, since) == [], f"{kind}: the page moved as the copy buttons appeared"
