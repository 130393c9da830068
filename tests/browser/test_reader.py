"""What a reader gets in the browser: search, keyboard use, focus, printing. (Every page's
privacy, titles, headings and reflow are checked with axe in test_every_page.py.)"""
import pytest

from browser_support import FIRST_PAINT, FOCUSABLE, held, search_results
from test_data import KB, distinctive_word


def tab_to(page, condition: str, what: str, presses: int = 15):
    """Press Tab until `condition` (JavaScript) holds: the control is keyboard-reachable."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return
    pytest.fail(f"{what} cannot be reached by keyboard")


def search(page, query: str):
    """Search as a reader does, once Material's search worker has built its index."""
    page.click("input.md-search__input")
    page.wait_for_function("""() => {
        const meta = document.querySelector('.md-search-result__meta');
        return meta && !/Initializing/i.test(meta.textContent); }""")
    page.keyboard.type(query)
    return search_results(page, query)


def test_search_finds_a_practice_example(open_page, server):
    page = open_page()
    page.goto(server)
    example = KB.examples[0]
    results = search(page, distinctive_word(example))
    assert any(f"examples/{example.id}/" in href for href in results), results


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(open_page, server):
    page = open_page()
    page.goto(server + f"examples/{KB.examples[0].id}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert page.locator(".md-skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""


def test_focus_is_visible_on_every_kind_of_control(open_page, server):
    page = open_page()
    page.goto(server + f"behaviours/{KB.behaviours[0].id}/")
    seen = 0
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return [document.activeElement.tagName, s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }""")
        tag, outline, width, shadow = style
        if tag == "BODY":
            continue
        seen += 1
        assert (outline != "none" and width >= 2) or shadow != "none", f"no visible focus on {tag}: {style}"
    assert seen >= 20


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_colour_scheme_toggle_works_by_keyboard(open_page, server, viewport):
    page = open_page(viewport=viewport)
    page.goto(server)
    before = page.get_attribute("body", "data-md-color-scheme")
    tab_to(page, "document.activeElement.name === '__palette'", "the colour scheme toggle")
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")


def test_navigation_drawer_opens_by_keyboard_on_a_phone(open_page, server):
    page = open_page(viewport="phone")
    page.goto(server + "framework/")
    button = "button.md-header__button[data-kb-toggle=__drawer]"
    tab_to(page, f"document.activeElement.matches('{button}')", "the navigation button")
    assert page.get_attribute(button, "aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer") and page.get_attribute(button, "aria-expanded") == "true"
    page.reload()
    page.focus(button)
    page.keyboard.press("Space")
    assert page.is_checked("#__drawer")
    link = page.locator(".md-nav--primary a[href$='examples/']").first
    link.wait_for(state="visible")


def test_search_opens_by_keyboard_on_a_phone(open_page, server):
    page = open_page(viewport="phone")
    page.goto(server)
    tab_to(page, "document.activeElement.matches('button[data-kb-toggle=__search]')", "the search button")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")


def test_a_page_prints_as_a_handout_without_the_navigation(open_page, server):
    page = open_page()
    page.goto(server + f"examples/{KB.examples[0].id}/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none", "none", "none"]
    assert page.locator("article h1").is_visible()
    pdf = page.pdf()  # Chromium really lays the page out for paper
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_header_does_not_move_when_its_buttons_appear(open_page, server, viewport):
    """header.js (in site.js, just before Material's bundle) shows the menu and search buttons,
    and the bundle the colour-scheme toggle and, on a desktop, the search box; on a slow network
    the page is painted before either runs. Until they run, their room is kept (and nothing in it
    can be reached), so the title stays where it was first painted."""
    page = open_page(viewport=viewport)
    script = held(page, "site.js")  # header.js, joined with every page's other scripts
    bundle = []
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route, request: bundle.append(route))
    page.goto(server + "framework/", wait_until="commit")
    page.evaluate(FIRST_PAINT)  # the bundle blocks the parser: the rest is not parsed yet
    title = ".md-header__title"
    page.wait_for_selector(title)
    before = page.locator(title).bounding_box()
    search = "button[data-kb-toggle=__search]"
    assert not page.evaluate(FOCUSABLE, search), "a button that does nothing took focus"
    assert script and bundle, "header.js or the bundle was not requested"
    for route in bundle + script:
        route.continue_()
    page.wait_for_selector("button[data-kb-toggle]:not([hidden])", state="attached")
    page.wait_for_selector("[data-md-component=palette] label:not([hidden])", state="attached")
    assert page.locator(title).bounding_box() == before


EXAMPLE_HEADING_STYLE = """() => [...document.querySelectorAll('.kb-example > :is(h2, h3, h4, h5, h6):first-child')].map(h => {
    const s = getComputedStyle(h);
    return {level: h.tagName, text: h.textContent.trim().slice(0, 30),
            style: [s.fontSize, s.fontWeight, s.fontStyle, s.lineHeight, s.letterSpacing, s.textTransform, s.color].join(' ')};
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_example_headings_look_alike_at_every_level(open_page, server, scheme):
    """On a focus area's page, its handout and the whole knowledge base, every practice
    example's heading has one style, though the outline puts them at different levels."""
    from kb.addresses import PRINT_ALL, focus_area_path, handout_path, page_url
    from test_data import KB

    urls = [page_url(PRINT_ALL) + "/"] + [page_url(path(t.id, a.id)) + "/" for t in KB.themes for a in t.focus_areas
                                          for path in (focus_area_path, handout_path)]
    page = open_page(scheme=scheme)
    seen = 0
    for url in urls:
        page.goto(server + url)
        headings = page.evaluate(EXAMPLE_HEADING_STYLE)
        seen += len(headings)
        styles = {h["style"] for h in headings}
        assert len(styles) <= 1, f"{url}: example headings differ: {headings}"
    assert seen >= 2, "the example headings were not found"


def test_the_glossary_asks_nothing_a_phone_cannot_do(open_page, server):
    """A phone cannot hover: the glossary lists every expansion and never tells a reader to hover."""
    from test_data import KB

    page = open_page(viewport="phone", has_touch=True)
    page.goto(server + "glossary/")
    text = page.inner_text(".md-content")
    assert "hover" not in text.lower()
    terms = page.eval_on_selector_all(".kb-glossary dt", "ts => ts.map(t => t.id)")
    assert terms == sorted(a.abbreviation.lower() for a in KB.abbreviations)


# Every run of letters and digits in the element's text that the browser laid out over two
# lines: a word broken in the middle ("protect-" / "ing").
BROKEN_WORDS = """selector => [...document.querySelectorAll(selector)].filter(e => e.checkVisibility()).flatMap(element => {
    const broken = [], walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, words = /[A-Za-z0-9]+/g;
        for (let m; (m = words.exec(node.data)); ) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (lines.size > 1) broken.push(`${m[0]} in ${element.textContent.trim().slice(0, 60)}`);
        }
    }
    return broken;
})"""
ADDRESSES = ".kb-share__address, .kb-address__original, .kb-cite__text, figcaption, .kb-facts dd"


@pytest.mark.parametrize("width", [320, 390])
def test_long_addresses_wrap_at_their_slashes_never_inside_a_word_on_phones(open_page, server, width):
    from browser_support import page_kinds
    kinds = page_kinds()
    page = open_page(viewport={"width": width, "height": 800})
    found = 0
    for kind in ("question", "example", "behaviour", "focus area", "evidence", "cards", "handout", "presenter view",
                 "whole knowledge base", "home"):
        page.goto(server + kinds[kind])
        found += page.locator(ADDRESSES).count()
        broken = page.evaluate(BROKEN_WORDS, ADDRESSES)
        assert not broken, f"{kind} at {width}px: words broken across lines: {broken[:4]}"
    assert found > 10
