"""The colour schemes in real Chromium, as a reader sees them: with the system set to dark, and
after pressing the toggle from light, every kind of page is dark with light text, and our own
components (copy buttons, cards, the self-review's controls, slides, handouts) follow the scheme.

Why it is needed: a stylesheet trim once dropped Material's whole slate palette. Every page
kept a white background and dark text in the dark scheme, and axe found nothing wrong, since
dark text on white has contrast. Only computed colours in each scheme show it.
"""
from __future__ import annotations

import io

import pytest
from PIL import Image

from browser_support import SCHEMES, page_kinds

KINDS = page_kinds()

# What a reader sees of a page's colours: the page's background behind the content, the text of
# the content's first paragraph, and every visible piece of text in the content, each with the
# background it is painted on (the nearest ancestor's that is not transparent). Luminance is
# WCAG's relative luminance, 0 (black) to 1 (white).
COLOURS = """() => {
    const rgba = value => { const m = value.match(/[\\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; };
    const channel = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    const luminance = value => { const [r, g, b] = rgba(value);
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
    const background = element => {
        for (let e = element; e; e = e.parentElement) {
            const colour = getComputedStyle(e).backgroundColor;
            if (rgba(colour)[3] > 0.5) return colour;
        }
        return 'rgb(255, 255, 255)';  // the canvas: what the browser paints with nothing set
    };
    const content = document.querySelector('.md-content');
    const texts = [];
    for (const element of content.querySelectorAll('*')) {
        const own = [...element.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.trim());
        const box = element.getBoundingClientRect();
        if (!own || !element.checkVisibility({visibilityProperty: true}) || box.width < 2 || box.height < 2) continue;
        // A control's text is painted by the browser's own form styles: see the radios below.
        if (element.closest('svg, option')) continue;
        const colour = getComputedStyle(element).color, behind = background(element);
        texts.push({what: `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.trim().slice(0, 40)}`,
                    text: luminance(colour), background: luminance(behind), colour, behind});
    }
    return {scheme: document.body.getAttribute('data-md-color-scheme'),
            page: luminance(background(content)), texts};
}"""


def contrast(text: dict) -> float:
    """WCAG's contrast ratio of a text and what it is painted on."""
    lighter, darker = max(text["text"], text["background"]), min(text["text"], text["background"])
    return (lighter + 0.05) / (darker + 0.05)


def assert_follows(colours: dict, scheme: str, where: str):
    """Dark: a dark page and every text lighter than what it is painted on; light: the reverse."""
    assert colours["scheme"] == SCHEMES[scheme], f"{where}: body is in the {colours['scheme']!r} scheme"
    assert colours["texts"], f"{where}: no text found in the content"
    if scheme == "dark":
        assert colours["page"] < 0.05, f"{where}: the page's background is not dark ({colours['page']:.2f})"
        wrong = [t for t in colours["texts"] if not (t["text"] > t["background"] and contrast(t) >= 3)]
    else:
        assert colours["page"] > 0.9, f"{where}: the page's background is not light ({colours['page']:.2f})"
        wrong = [t for t in colours["texts"] if not (t["text"] < t["background"] and contrast(t) >= 3)]
    assert not wrong, f"{where}, {scheme}: text that does not follow the scheme: " + "; ".join(
        f"{t['what']!r} {t['colour']} on {t['behind']}" for t in wrong[:5])


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_every_kind_of_page_follows_the_systems_scheme(open_page, server, scheme):
    page = open_page(scheme=scheme)
    for kind, url in KINDS.items():
        page.goto(server + url)
        if kind == "self-review":
            page.wait_for_selector(".kb-sr-controls:not([hidden])")
        assert_follows(page.evaluate(COLOURS), scheme, kind)


def test_pressing_the_toggle_turns_every_kind_of_page_dark(open_page, server):
    page = open_page(scheme="light", viewport="phone")
    page.goto(server)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES["light"]
    page.click("label[title='Switch to dark mode']")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert_follows(page.evaluate(COLOURS), "dark", "home, after the toggle")
    # The choice is kept: every kind of page opens dark, the presenter view (which has no
    # toggle of its own) included.
    for kind, url in KINDS.items():
        page.goto(server + url)
        assert_follows(page.evaluate(COLOURS), "dark", f"{kind}, after the toggle")


def radio_centre(locator) -> tuple[int, int, int]:
    """The colour a reader sees at the middle of a radio button, from a real screenshot."""
    image = Image.open(io.BytesIO(locator.screenshot())).convert("RGB")
    return image.getpixel((image.width // 2, image.height // 2))


def lum(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_self_reviews_status_radios_look_unselected_until_selected(open_page, server, scheme):
    page = open_page(scheme=scheme)
    page.goto(server + KINDS["self-review"])
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    question = page.locator("[data-kb-sr-question]").first
    radios = question.locator("input[type=radio]")
    unselected, selected = radios.nth(1), radios.nth(0)
    assert selected.is_checked() and not unselected.is_checked()
    page.mouse.move(0, 0)  # no hover on either
    off, on = radio_centre(unselected), radio_centre(selected)
    page_luminance = page.evaluate(COLOURS)["page"]
    # An unselected radio's middle is on the page's side of the scale (dark in the dark scheme,
    # light in the light one); a selected one's is marked, and clearly unlike it.
    assert abs(lum(off) - page_luminance) < 0.25, f"{scheme}: an unselected radio looks filled: {off}"
    assert sum(abs(a - b) for a, b in zip(on, off)) > 120, f"{scheme}: selected {on} and unselected {off} look alike"
