"""Every page in a real browser, in three passes (one browser for the session):

- light, 1280 px: every WCAG 2.0/2.1/2.2 A and AA rule of axe-core; no request leaves the
  site and no cookie is set;
- dark, 640 px (200% zoom of 1280): axe's colour rules in the other scheme; no sideways scroll;
- light, 320 px (WCAG 1.4.10 reflow): axe's layout rules at phone width; no sideways scroll.

Each page is loaded once per pass, and each rule runs where it can find something. Each pass
is split in two halves of the pages, so that two test workers share it. (Titles and heading
order are read from the built HTML in tests/test_site.py.)
"""
from urllib.parse import urlparse

import pytest
from browser_support import SCHEMES, load_axe

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
LAYOUT_RULES = ["target-size", "meta-viewport", "scrollable-region-focusable", "css-orientation-lock",
                "avoid-inline-spacing"]


def axe_failures(page, url, run_only) -> list[str]:
    # Violations only: axe still runs every rule asked for, but does not gather and send back
    # the nodes that passed or did not apply (a third of its time here).
    load_axe(page)
    violations = page.evaluate("options => axe.run(options).then(results => results.violations)",
                               {"runOnly": run_only, "resultTypes": ["violations"]})
    return [f"{url}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
            for v in violations]


def visit(page, server, page_urls, scheme, check) -> list[str]:
    """Load every page once; check(page, url) returns its problems."""
    problems = []
    for url in page_urls:
        page.goto(server + url)
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], url
        problems += check(page, url)
    return problems


HALVES = [0, 1]


@pytest.mark.parametrize("half", HALVES, ids=["first-half", "second-half"])
def test_every_page_light_desktop_axe_and_privacy(open_page, server, page_urls, half):
    origin, requested = urlparse(server).netloc, []
    page = open_page("light", {"width": 1280, "height": 800})
    page.context.on("request", lambda request: requested.append(request.url))
    problems = visit(page, server, page_urls[half::len(HALVES)], "light",
                     lambda page, url: axe_failures(page, url, {"type": "tag", "values": WCAG_AA}))
    cookies = page.context.cookies()
    outside = sorted({url for url in requested
                      if urlparse(url).netloc not in (origin, "") and not url.startswith("data:")})
    assert requested, "the test watched no requests at all"
    assert not outside, f"requests outside the site: {outside}"
    assert cookies == []
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("half", HALVES, ids=["first-half", "second-half"])
@pytest.mark.parametrize("scheme, width, rules", [("dark", 640, COLOUR_RULES), ("light", 320, LAYOUT_RULES)],
                         ids=["dark-640px-colour", "light-320px-layout"])
def test_every_page_reflows_and_passes_axe_where_it_matters(open_page, server, page_urls, scheme, width, rules, half):
    def check(page, url):
        found = axe_failures(page, url, {"type": "rule", "values": rules})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            found.append(f"{url}: scrolls sideways at {width}px ({scroll}px wide)")
        return found

    page = open_page(scheme, {"width": width, "height": 800})
    problems = visit(page, server, page_urls[half::len(HALVES)], scheme, check)
    assert not problems, "\n".join(problems)
