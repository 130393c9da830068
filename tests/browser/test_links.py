"""Link texts that say where they go (WCAG 2.4.4, issue 20 item 8), in real Chromium: on every
page, links that read the same lead to the same place. A link's text is what a screen reader
names it (aria-label, else its text, else its title); where two links share a text, they must
share a target too, so that a reader who lists a page's links can tell them apart."""
from __future__ import annotations

import pytest

# Every visible link of the page, named as a screen reader names it, with its whole target. A
# link in a named navigation landmark (Material's navigation, its table of contents, the footer)
# is heard with the landmark's name as its context. Material's permalinks beside headings are
# left out: their context is the heading they end.
LINKS = """() => [...document.querySelectorAll('a[href]')]
    .filter(a => a.checkVisibility({visibilityProperty: true}) && !a.classList.contains('headerlink'))
    .map(a => { const nav = a.closest('nav[aria-label]');
                const name = (a.getAttribute('aria-label') || a.innerText || a.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
                return [name && nav ? `${nav.getAttribute('aria-label')}: ${name}` : name, a.href]; })"""

HALVES = [0, 1]


@pytest.mark.parametrize("half", HALVES, ids=["first-half", "second-half"])
def test_links_that_read_the_same_lead_to_the_same_place(open_page, server, page_urls, half):
    page = open_page(viewport="desktop")
    problems = []
    for url in page_urls[half::len(HALVES)]:
        page.goto(server + url)
        targets: dict[str, set[str]] = {}
        for name, href in page.evaluate(LINKS):
            assert name, f"{url}: a link with no name, to {href}"
            targets.setdefault(name.lower(), set()).add(href)
        problems += [f"{url}: {name!r} leads to {sorted(hrefs)}" for name, hrefs in targets.items() if len(hrefs) > 1]
    assert not problems, "\n".join(problems)
