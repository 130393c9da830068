"""The bench's dark Lighthouse run counts only on a page that really is dark: the check it makes
first (bench/lighthouse.py DarkCheck) tells a dark page from one that says slate and is white, as
the built site was when a stylesheet trim dropped Material's slate palette."""
from __future__ import annotations

import re
import shutil

import pytest

from bench import lighthouse


@pytest.fixture(scope="module")
def dark_check(browser):
    """The bench's check, its Chromium launched by the browser tests' Playwright (one a thread)."""
    with lighthouse.DarkCheck(browser.browser_type) as check:
        yield check


def without_slate(site, dest):
    """A copy of the site whose stylesheet lost every rule of the slate scheme."""
    shutil.copytree(site, dest)
    for sheet in (dest / "stylesheets").glob("*.css"):
        css = sheet.read_text(encoding="utf-8")
        sheet.write_text(re.sub(r"\[data-md-color-scheme=slate\][^{]*\{[^}]*\}", "", css), encoding="utf-8")
    return dest


def test_the_dark_run_counts_on_a_dark_page_and_not_on_a_white_one(built_site, tmp_path, dark_check):
    server, base = lighthouse.serve(built_site)
    try:
        assert dark_check(base) is None
        assert dark_check(base + "self-review/") is None
    finally:
        server.shutdown()
    server, base = lighthouse.serve(without_slate(built_site, tmp_path / "site"))
    try:
        problem = dark_check(base)
    finally:
        server.shutdown()
    assert problem is not None and "scheme 'slate' but the background is rgb(255, 255, 255)" in problem
