"""Every page in a real browser, in two passes (one browser for the session). Each page is
loaded once per pass and checked there for everything that pass can see:

- light, loaded at 1280 px: every WCAG 2.0/2.1/2.2 A and AA rule of axe-core; no request
  leaves the site and no cookie is set; links that read the same lead to the same place (WCAG
  2.4.4); the page is light with dark text (browser_support.COLOURS); nothing Material's whole
  stylesheet would style on it was trimmed away (browser_support.trim_problems); then the same page
  narrowed to 320 px, as a reader zooming to 400% narrows it (WCAG 1.4.10 reflow): axe's layout
  rules at phone width; no sideways scroll; no file name, line number or edit control in what a
  reader sees (tests/browser/test_editing.py);
- dark, 640 px (200% zoom of 1280): axe's colour rules in the other scheme; the page follows
  the system's dark scheme, dark with light text; nothing of the dark scheme was trimmed away;
  no sideways scroll.

Each rule runs where it can find something. Each pass is split in two halves of the pages, so
that two test workers share it. (Titles and heading order are read from the built HTML in
tests/test_site.py.)
"""
from urllib.parse import urlparse

import pytest

from browser_support import (COLOUR_RULES, LAYOUT_RULES, PAINTED, SCHEMES, VIEWPORTS, WCAG_AA, axe_failures,
                             page_kinds, scheme_problems, sideways, trim_problems)
from test_editing import plumbing_in_sight

SELF_REVIEW = page_kinds()["self-review"]

# Every visible link of the page, named as a screen reader names it (aria-label, else its text,
# else its title), with its whole target. A link in a named navigation landmark (Material's
# navigation, its table of contents, the footer) is heard with the landmark's name as its
# context. Material's permalinks beside headings are left out: their context is the heading
# they end.
LINKS = """() => [...document.querySelectorAll('a[href]')]
    .filter(a => a.checkVisibility({visibilityProperty: true}) && !a.classList.contains('headerlink'))
    .map(a => { const nav = a.closest('nav[aria-label]');
                const name = (a.getAttribute('aria-label') || a.innerText || a.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
                return [name && nav ? `${nav.getAttribute('aria-label')}: ${name}` : name, a.href]; })"""


def links_that_read_alike(page, url) -> list[str]:
    """Where two links share a text, they must share a target too, so that a reader who lists
    a page's links can tell them apart; and every link has a name."""
    targets: dict[str, set[str]] = {}
    problems = []
    for name, href in page.evaluate(LINKS):
        if not name:
            problems.append(f"{url}: a link with no name, to {href}")
        targets.setdefault(name.lower(), set()).add(href)
    return problems + [f"{url}: {name!r} leads to {sorted(hrefs)}" for name, hrefs in targets.items()
                       if name and len(hrefs) > 1]


def visit(page, server, page_urls, scheme, check) -> list[str]:
    """Load every page once; check(page, url) returns its problems. The self-review is checked
    as its script leaves it, with its controls shown."""
    problems = []
    for url in page_urls:
        page.goto(server + url)
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], url
        if url == SELF_REVIEW:
            page.wait_for_selector(".kb-sr-controls:not([hidden])")
        problems += check(page, url)
    return problems


HALVES = [0, 1]


DESKTOP, NARROW = VIEWPORTS["desktop"], {"width": 320, "height": 800}


@pytest.mark.parametrize("half", HALVES, ids=["first-half", "second-half"])
def test_every_page_light_axe_privacy_links_colours_and_reflow_at_320px(open_page, server, page_urls, trim_losses, half):
    origin, requested = urlparse(server).netloc, []
    page = open_page("light", DESKTOP)
    page.context.on("request", lambda request: requested.append(request.url))

    def check(page, url):
        wide = (axe_failures(page, url, {"type": "tag", "values": WCAG_AA})
                + links_that_read_alike(page, url) + scheme_problems(page, "light", url or "home")
                + trim_problems(page, url or "home", trim_losses))
        page.set_viewport_size(NARROW)
        page.evaluate(PAINTED)  # laid out and painted again at the new width
        narrow = (axe_failures(page, f"{url} at 320px", {"type": "rule", "values": LAYOUT_RULES})
                  + sideways(page, url) + plumbing_in_sight(page, url))
        page.set_viewport_size(DESKTOP)  # for the next page, loaded as a desktop loads it
        return wide + narrow

    problems = visit(page, server, page_urls[half::len(HALVES)], "light", check)
    cookies = page.context.cookies()
    outside = sorted({url for url in requested
                      if urlparse(url).netloc not in (origin, "") and not url.startswith("data:")})
    assert requested, "the test watched no requests at all"
    assert not outside, f"requests outside the site: {outside}"
    assert cookies == []
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("half", HALVES, ids=["first-half", "second-half"])
def test_every_page_follows_the_systems_dark_scheme_and_passes_axes_colour_rules(open_page, server, page_urls, trim_losses,
                                                                                half):
    def check(page, url):
        return (axe_failures(page, url, {"type": "rule", "values": COLOUR_RULES})
                + scheme_problems(page, "dark", url or "home") + sideways(page, url)
                + trim_problems(page, url or "home", trim_losses))

    page = open_page("dark", {"width": 640, "height": 800})
    problems = visit(page, server, page_urls[half::len(HALVES)], "dark", check)
    assert not problems, "\n".join(problems)
