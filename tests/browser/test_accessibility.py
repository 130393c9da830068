"""WCAG 2.2 AA in a real browser: axe-core on every page, both colour schemes, both sizes."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import SCHEMES, VIEWPORTS, new_page

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_axe_violations_on_any_page(browser, server, page_urls, scheme, viewport):
    axe = Axe()
    context, page = new_page(browser, scheme, viewport)
    failures = []
    for url in page_urls:
        page.goto(server + url)
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            failures.append(f"{url}: {violation['id']} ({violation['help']}) at {targets}")
    context.close()
    assert not failures, "\n".join(failures)
