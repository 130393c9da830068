"""The stylesheet readers get: Material's, trimmed to what our pages use (styles/trim.mjs, `make
css`), then ours, minified (kb/assets.py). Every page is checked as it loads, in both schemes, by
tests/browser/test_every_page.py (browser_support.trim_problems). Here: the parts Material's
script builds as a reader uses a page, checked while they show; that the check fails a trim
that loses something; and that minifying changes none of our rules.
"""
from __future__ import annotations

import json
from pathlib import Path

from browser_support import SCHEMES, TRIM_LOSSES, page_kinds, search_results, trim_inputs, trim_problems

ROOT = Path(__file__).resolve().parents[2]
KINDS = page_kinds()
QUERY = "early intervention"
SHOWN_TOP = "() => { const top = document.querySelector('.md-top'); return top && !top.hidden; }"


def test_what_materials_script_shows_as_a_reader_uses_a_page_lost_nothing_in_the_trim(open_page, server, trim_losses):
    problems = []
    for scheme in SCHEMES:
        page = open_page(scheme=scheme)
        page.goto(server)
        page.click("input.md-search__input")
        page.keyboard.type(QUERY)
        assert search_results(page, QUERY)
        problems += trim_problems(page, f"{scheme}: search results", trim_losses)
        page.keyboard.press("Escape")

        page.goto(server + KINDS["framework"])
        page.locator(".md-content abbr[title]").first.hover()
        page.wait_for_selector(".md-tooltip2--active")
        problems += trim_problems(page, f"{scheme}: an abbreviation's tooltip", trim_losses)
        page.mouse.wheel(0, 3000)
        page.mouse.wheel(0, -400)  # Material shows "Back to top" as the reader scrolls up
        page.wait_for_function(SHOWN_TOP)
        problems += trim_problems(page, f"{scheme}: back to top", trim_losses)

        page.set_viewport_size({"width": 390, "height": 800})
        page.click("button[data-kb-toggle=__drawer]")
        assert page.is_checked("#__drawer")
        problems += trim_problems(page, f"{scheme}: the drawer on a phone", trim_losses)
    assert not problems, "\n".join(problems)


def test_a_trim_that_loses_a_rule_or_a_variable_the_dark_scheme_reads_fails_the_check(browser, built_site, server):
    served = (built_site / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert "--md-hue:225deg;" in served and ".md-header{" in served
    # What a trim once did: dropped the variable the slate palette reads, and a whole rule.
    damaged = served.replace("--md-hue:225deg;", "").replace(".md-header{", ".md-header-gone{", 1)
    page = browser.new_page()
    try:
        losses = page.evaluate(TRIM_LOSSES, trim_inputs(built_site, damaged))
        page.goto(server)
        problems = "\n".join(trim_problems(page, "home", losses))
    finally:
        page.close()
    assert "--md-hue: 225deg" in problems and ".md-header would set position: sticky" in problems, problems


# Every rule of a stylesheet as the browser reads it: minifying must change none of them. A value
# holding var() is kept as written, so its spaces and leading zeros are evened out first
# ("1px),\n   var(" and "1px),var(", ".3rem" and "0.3rem" read the same).
RULES = """texts => texts.map(text => { const sheet = new CSSStyleSheet(); sheet.replaceSync(text);
  return [...sheet.cssRules].map(rule => rule.cssText.replace(/\\s+/g, ' ').replace(/\\s*([,()])\\s*/g, '$1')
    .replace(/(^|[^\\d.])0\\.(?=\\d)/g, '$1.')); })"""


def test_minifying_our_stylesheets_changes_none_of_their_rules(browser, built_site):
    from kb.assets import minified

    sources = sorted(path for path in (ROOT / "docs" / "stylesheets").glob("*.css") if path.name != "material.css")
    texts = [path.read_text(encoding="utf-8") for path in sources]
    page = browser.new_page()
    try:
        written = page.evaluate(RULES, texts)
        readers_get = page.evaluate(RULES, [minified(f"stylesheets/{path.name}", text) for path, text in zip(sources, texts)])
    finally:
        page.close()
    served = (built_site / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert minified("stylesheets/site.css", texts[[p.name for p in sources].index("site.css")]) in served, "site.css is not served minified"
    for path, before, after in zip(sources, written, readers_get):
        assert before and after == before, f"{path.name}: {json.dumps([r for r in before if r not in after][:3])}"
