"""What a reader gets in the browser: privacy, keyboard use, structure and reflow."""
from urllib.parse import urlparse

import pytest

from browser_support import new_page


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
    # Results update as each letter is typed; Material tags each link with the query it answers.
    page.wait_for_function("""query => {
        const link = document.querySelector('.md-search-result__item a');
        return link && link.href.endsWith('h=' + query); }""", arg=query)
    return page.query_selector(".md-search-result__item a")


def test_no_request_leaves_the_site_and_no_cookie_is_set(browser, server, page_urls):
    context, page = new_page(browser)
    origin = urlparse(server).netloc
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if urlparse(request.url).netloc not in (origin, "") and not request.url.startswith("data:") else None)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for url in page_urls:
        page.goto(server + url, wait_until="networkidle")
    search(page, "collaboration")  # the search worker and its index load too
    cookies = context.cookies()
    context.close()
    assert requested, "the test watched no requests at all"
    assert not outside, f"requests outside the site: {sorted(set(outside))}"
    assert cookies == []


def test_search_finds_a_practice_example(browser, server):
    context, page = new_page(browser)
    page.goto(server)
    first = search(page, "exclusions")
    assert "examples/working-with-partners" in first.get_attribute("href")
    context.close()


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(browser, server):
    context, page = new_page(browser)
    page.goto(server + "examples/working-with-partners/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert page.locator(".md-skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""
    context.close()


def test_focus_is_visible_on_every_kind_of_control(browser, server):
    context, page = new_page(browser)
    page.goto(server + "behaviours/ability-to-collaborate/")
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
def test_colour_scheme_toggle_works_by_keyboard(browser, server, viewport):
    context, page = new_page(browser, viewport=viewport)
    page.goto(server)
    before = page.get_attribute("body", "data-md-color-scheme")
    tab_to(page, "document.activeElement.name === '__palette'", "the colour scheme toggle")
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    context.close()


def test_navigation_drawer_opens_by_keyboard_on_a_phone(browser, server):
    context, page = new_page(browser, viewport="phone")
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
    context.close()


def test_search_opens_by_keyboard_on_a_phone(browser, server):
    context, page = new_page(browser, viewport="phone")
    page.goto(server)
    tab_to(page, "document.activeElement.matches('button[data-kb-toggle=__search]')", "the search button")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    context.close()


def test_every_page_has_its_own_title_and_headings_in_order(browser, server, page_urls):
    context, page = new_page(browser)
    titles = {}
    problems = []
    for url in page_urls:
        page.goto(server + url)
        titles.setdefault(page.title(), []).append(url)
        levels = page.eval_on_selector_all("article h1, article h2, article h3, article h4, article h5, article h6",
                                           "hs => hs.map(h => Number(h.tagName[1]))")
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{url}: needs exactly one h1, first: {levels[:3]}")
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if jumps:
            problems.append(f"{url}: heading levels jump {jumps}")
    context.close()
    # Material titles the 404 page with the site name alone, like the home page.
    repeated = {title: urls for title, urls in titles.items()
                if len([u for u in urls if u != "404.html"]) > 1 or not title}
    assert not repeated, f"titles shared or empty: {repeated}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [320, 640])  # 320 px: WCAG 1.4.10 reflow; 640 px: 200% zoom of 1280
def test_text_reflows_without_horizontal_scrolling(browser, server, page_urls, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    wide = []
    for url in page_urls:
        page.goto(server + url)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append(f"{url}: {scroll}px")
    context.close()
    assert not wide, f"horizontal scrolling at {width}px: {wide}"


def test_a_page_prints_as_a_handout_without_the_navigation(browser, server):
    context, page = new_page(browser)
    page.goto(server + "examples/working-with-partners/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none", "none", "none"]
    assert page.locator("article h1").is_visible()
    pdf = page.pdf()  # Chromium really lays the page out for paper
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    context.close()
