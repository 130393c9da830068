"""The colour schemes in real Chromium, as a reader sees them: after pressing the toggle from
light, every kind of page is dark with light text, and the self-review's radios look as they are.
(With the system set to dark or light, every page's colours are checked in the every-page passes
of tests/browser/test_every_page.py, with browser_support.COLOURS.)

Why it is needed: a stylesheet trim once dropped Material's whole slate palette. Every page
kept a white background and dark text in the dark scheme, and axe found nothing wrong, since
dark text on white has contrast. Only computed colours in each scheme show it.
"""
from __future__ import annotations

import io

import pytest
from PIL import Image

from browser_support import COLOURS, SCHEMES, page_kinds, scheme_problems, switch_scheme

KINDS = page_kinds()


def test_pressing_the_toggle_turns_every_kind_of_page_dark(open_page, server):
    page = open_page(scheme="light", viewport="phone")
    page.goto(server)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES["light"]
    switch_scheme(page, "dark")
    problems = scheme_problems(page, "dark", "home, after the toggle")
    # The choice is kept: every kind of page opens dark, the presenter view (which has no
    # toggle of its own) included.
    for kind, url in KINDS.items():
        page.goto(server + url)
        problems += scheme_problems(page, "dark", f"{kind}, after the toggle")
    assert not problems, "\n".join(problems)


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
