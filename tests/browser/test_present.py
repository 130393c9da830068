"""The presenter view in real Chromium: one question at a time, moved by keyboard, buttons and
a swipe, its position shown and announced and kept in the address; Escape leaves it; reduced
motion means no animation; nothing moves as it opens, however late its script; without
JavaScript (or without its script) every question is listed."""
from __future__ import annotations

import pytest

from browser_support import CONTENT_SHIFTS, FOCUSABLE, PAINTED, held
from kb.addresses import focus_area_path, page_url, presenter_path, question_path
from test_data import KB

SESSIONS = [(theme, area) for theme in KB.themes for area in theme.focus_areas]
THEME, AREA = SESSIONS[0]
COUNT = len(AREA.questions)


def url_of(path: str) -> str:
    return f"{page_url(path)}/"


def clamp(number: int) -> int:
    return max(1, min(COUNT, number))


def open_view(open_page, server, hash="", **options):
    page = open_page(**options)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + url_of(presenter_path(THEME.id, AREA.id)) + hash)
    return page, errors


def shown(page) -> dict:
    """What the audience sees: the visible questions, the position, the address's fragment."""
    return page.evaluate("""() => ({
        visible: [...document.querySelectorAll('.kb-slide')].filter(s => s.checkVisibility()).map(s => s.id),
        position: document.querySelector('.kb-present__position').textContent.trim(),
        hash: location.hash,
    })""")


def assert_at(page, number: int):
    assert shown(page) == {"visible": [f"question-{number}"], "position": f"{number} of {COUNT}",
                           "hash": f"#question-{number}"}
    # The question on screen is the report's question in that place, with its page's address.
    caption = page.locator(f"#question-{number} figcaption").inner_text()
    assert caption.endswith(url_of(question_path(AREA.questions[number - 1].id)))


def test_one_question_at_a_time_with_its_position_announced(open_page, server):
    page, errors = open_view(open_page, server)
    state = shown(page)
    assert state["visible"] == ["question-1"] and state["position"] == f"1 of {COUNT}"
    assert page.locator(".kb-present__controls").is_visible()
    position = page.locator(".kb-present__position")
    assert position.get_attribute("aria-live") == "polite" and position.is_visible()
    assert page.locator("main").count() == 1 and page.locator("h1").count() == 1
    assert not page.locator(".md-header").is_visible() and page.locator(".md-footer").count() == 0
    assert page.locator(".md-sidebar").count() == 0
    font = page.eval_on_selector("#question-1 .kb-slide__question", "q => parseFloat(getComputedStyle(q).fontSize)")
    body = page.eval_on_selector("article p:not(.kb-slide__question)", "p => parseFloat(getComputedStyle(p).fontSize)")
    assert font >= 2 * body, f"the question is not in large type: {font}px against {body}px"
    assert not errors, errors


def test_the_keyboard_moves_forward_and_back(open_page, server):
    page, errors = open_view(open_page, server)
    at = 1
    for key, step in [("ArrowRight", 1), ("Space", 1), ("ArrowLeft", -1), ("ArrowDown", 1), ("PageDown", 1),
                      ("ArrowUp", -1), ("PageUp", -1), ("Shift+Space", -1), ("End", COUNT), ("Home", -COUNT)]:
        page.keyboard.press(key)
        at = clamp(at + step)
        assert_at(page, at)
    page.keyboard.press("ArrowLeft")  # nothing before the first question
    assert_at(page, 1)
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")  # nor after the last
    assert_at(page, COUNT)
    assert not errors, errors


def test_the_buttons_move_and_space_presses_the_focused_button(open_page, server):
    page, _ = open_view(open_page, server)
    page.click(".kb-present__next")
    assert_at(page, clamp(2))
    page.click(".kb-present__previous")
    assert_at(page, 1)
    page.focus(".kb-present__next")
    page.keyboard.press("Space")  # presses Next once: not Next and a second step forward
    assert_at(page, clamp(2))
    page.focus(".kb-present__previous")
    page.keyboard.press("Enter")
    assert_at(page, 1)
    assert page.get_attribute(".kb-present__previous", "aria-disabled") == "true"


def test_a_reload_or_a_link_lands_on_the_question_in_the_address(open_page, server):
    page, _ = open_view(open_page, server, hash=f"#question-{COUNT}")
    assert_at(page, COUNT)
    assert page.evaluate("scrollY") == 0, "the view should start at its top, controls in sight"
    page.keyboard.press("Home")
    page.reload()
    assert_at(page, 1)


def test_escape_and_the_exit_link_leave_for_the_focus_area(open_page, server):
    area_page = server + url_of(focus_area_path(THEME.id, AREA.id))
    page, _ = open_view(open_page, server)
    page.keyboard.press("Escape")
    page.wait_for_url(area_page)
    page.go_back()
    page.click("text=Leave the presenter view")
    page.wait_for_url(area_page)


def test_a_swipe_moves_forward_and_back(open_page, server):
    page, _ = open_view(open_page, server, has_touch=True)
    cdp = page.context.new_cdp_session(page)
    box = page.locator("#question-1").bounding_box()
    y = box["y"] + box["height"] / 2

    def swipe(start_x, end_x):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start_x, "y": y}]})
        for step in range(1, 6):
            x = start_x + (end_x - start_x) * step / 5
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    swipe(900, 300)  # finger moves left: the next question
    assert_at(page, clamp(2))
    swipe(300, 900)
    assert_at(page, 1)


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_reduced_motion_changes_questions_without_animation(open_page, server, motion):
    page, _ = open_view(open_page, server, reduced_motion=motion)
    page.keyboard.press("ArrowRight")
    style = page.eval_on_selector(f"#question-{clamp(2)}", """s => { const c = getComputedStyle(s);
        return {animation: c.animationName, duration: c.animationDuration, transition: c.transitionDuration}; }""")
    if motion == "reduce":
        assert style["animation"] == "none" and style["transition"] in ("0s", "")
    else:  # the check above means something: without the preference the question slides in
        assert style["animation"] != "none" and style["duration"] != "0s"


def test_without_javascript_every_question_is_listed(open_page, server):
    page, _ = open_view(open_page, server, java_script_enabled=False)
    state = shown(page)
    assert state["visible"] == [f"question-{n}" for n in range(1, COUNT + 1)]
    assert not page.locator(".kb-present__controls").is_visible()
    assert page.locator("text=Leave the presenter view").is_visible()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_nothing_moves_as_the_view_opens_however_late_its_script(open_page, server, viewport):
    page = open_page(viewport=viewport)
    script = held(page, "present.js")
    page.goto(server + url_of(presenter_path(THEME.id, AREA.id)), wait_until="commit")
    since = page.evaluate(PAINTED)  # the whole page has been painted, without its script
    # Before the script: the first question alone, the controls' room kept but nothing to reach.
    assert script and shown(page)["visible"] == ["question-1"]
    assert not page.locator(".kb-present__controls").is_visible()
    assert not page.evaluate(FOCUSABLE, ".kb-present__next")
    for route in script:
        route.continue_()
    page.wait_for_selector(".kb-present__controls:not([hidden])")
    assert page.locator(".kb-present__next").is_visible()
    assert page.evaluate(CONTENT_SHIFTS, since) == []


def test_without_its_script_the_view_is_the_list_again(open_page, server):
    page, _ = open_view(open_page, server)
    page.route("**/javascripts/present.js", lambda route, request: route.abort())
    page.reload(wait_until="load")
    assert shown(page)["visible"] == [f"question-{n}" for n in range(1, COUNT + 1)]
    assert not page.locator(".kb-present__controls").is_visible()
    assert not page.locator(".kb-present__help").is_visible()


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: s[1].id)
def test_every_presenter_view_has_a_slide_per_question(open_page, server, session):
    theme, area = session
    page = open_page(viewport="phone")
    page.goto(server + url_of(presenter_path(theme.id, area.id)))
    slides = page.eval_on_selector_all(".kb-slide figure", """fs => fs.map(f =>
        [f.querySelector('figcaption').textContent.trim(), f.querySelector('svg').getAttribute('aria-label'),
         f.querySelector('svg').getAttribute('role')])""")
    assert len(slides) == len(area.questions)
    for (caption, label, role), question in zip(slides, area.questions):
        assert caption.endswith(url_of(question_path(question.id)))
        assert (role, label) == ("img", f"QR code for {caption}"), "the QR code's text alternative gives its address"


# What a projector shows: every box that takes up room, and whether the page scrolls. Only the
# focus area's title, the bar (leave, previous, position, next), the slide on screen and the
# one line of help may show.
ON_SCREEN = """() => {
    const allowed = 'h1, .kb-present__bar, .kb-slide:not([hidden]), .kb-present__help';
    const page = document.documentElement;
    const box = e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
    const slide = document.querySelector('.kb-slide:not([hidden])');
    const help = document.querySelector('.kb-present__help');
    const others = [...document.body.querySelectorAll('*')].filter(e =>
        e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && !e.closest(allowed) && !e.querySelector(allowed)
        && [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.trim()));
    return {
        scroll: [page.scrollWidth, page.scrollHeight], view: [innerWidth, innerHeight],
        parts: Object.fromEntries([['question', slide.querySelector('.kb-slide__question')],
            ['qr', slide.querySelector('svg')], ['address', slide.querySelector('figcaption')],
            ['position', slide.querySelector('.kb-slide__position')], ['controls', document.querySelector('.kb-present__controls')],
            ['help', help]].map(([name, e]) => [name, box(e)])),
        questionFont: parseFloat(getComputedStyle(slide.querySelector('.kb-slide__question')).fontSize),
        helpLines: help.getBoundingClientRect().height / parseFloat(getComputedStyle(help).lineHeight),
        others: others.map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40)),
    };
}"""


def assert_fits_one_screen(page, where: str, settled: bool = True):
    """Nothing scrolls, even while a question slides in; once it has, all of it is on screen."""
    seen = page.evaluate(ON_SCREEN)
    width, height = seen["view"]
    assert seen["scroll"][0] <= width and seen["scroll"][1] <= height, f"{where}: the view scrolls: {seen['scroll']}"
    if not settled:
        return
    for name, box in seen["parts"].items():
        assert box["top"] >= 0 and box["bottom"] <= height and box["left"] >= 0 and box["right"] <= width, \
            f"{where}: the {name} is not all on screen: {box}"
    assert seen["helpLines"] < 1.5, f"{where}: the help takes {seen['helpLines']:.1f} lines"
    assert seen["questionFont"] >= 24, f"{where}: the question is in {seen['questionFont']}px type"
    assert not seen["others"], f"{where}: more than the slide on screen: {seen['others']}"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: s[1].id)
def test_on_a_projector_every_slide_is_on_one_screen_whole_with_its_qr_code(open_page, server, session, size):
    theme, area = session
    page = open_page(viewport={"width": size[0], "height": size[1]})
    page.goto(server + url_of(presenter_path(theme.id, area.id)))
    for number in range(1, len(area.questions) + 1):
        if number > 1:
            page.keyboard.press("ArrowRight")
        page.wait_for_function(f"location.hash === '#question-{number}' || {number} === 1")
        assert_fits_one_screen(page, f"{area.id}, question {number}, {size}, sliding in", settled=False)
        page.wait_for_function("document.getAnimations().every(a => a.playState === 'finished')")
        assert_fits_one_screen(page, f"{area.id}, question {number}, {size}")


def test_a_question_too_long_for_the_screen_gets_smaller_text_that_fits(open_page, server):
    """The text is scaled to fit, whatever the question: here one three times the longest."""
    page, _ = open_view(open_page, server, viewport={"width": 1280, "height": 720})
    longest = max((q.text for q in AREA.questions), key=len)
    before = page.eval_on_selector("#question-1 .kb-slide__question", "q => parseFloat(getComputedStyle(q).fontSize)")
    page.eval_on_selector("#question-1 .kb-slide__question", "(q, text) => { q.textContent = text; }", " ".join([longest] * 3))
    page.evaluate("window.dispatchEvent(new Event('resize'))")
    page.wait_for_function("document.documentElement.scrollHeight <= innerHeight")
    assert_fits_one_screen(page, "a question three times the longest")
    after = page.eval_on_selector("#question-1 .kb-slide__question", "q => parseFloat(getComputedStyle(q).fontSize)")
    assert after < before, "the text did not get smaller"
