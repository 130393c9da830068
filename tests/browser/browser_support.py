"""What the browser tests share: colour schemes, viewports, Chromium flags, a fresh page, axe."""
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python

# axe-core as the axe-playwright-python package carries it, served by the tests' server at
# AXE_PATH (conftest.py) beside every site it serves.
AXE_FILE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
AXE_PATH = "/__tests__/axe.min.js"

# Two colour schemes (Material's default and slate) and two viewports, as the issue asks.
SCHEMES = {"light": "default", "dark": "slate"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
# The repository address of the site built by the edit_site fixture (extra.edit_base).
EDIT_BASE = "https://example.org/repo/blob/main/"
# Flags for a closed network: no background calls home, no component updates. The last two
# only spend less CPU on pages that live a second: V8 stops at its baseline compiler (no
# optimising compiler's work on the two cores the tests share), and a site's pages in one
# context share a renderer. Measured on four browser test files (farm-bench, 3 pairs, wall):
# 0.964 for the first against none, 0.973 for both against the first.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--js-flags=--max-opt=1", "--process-per-site"]



# Resolves at the page's first paint (a script that blocks the parser may still be held).
FIRST_PAINT = "() => new Promise(done => new PerformanceObserver(done).observe({type: 'paint', buffered: true}))"


# Resolves once the whole page has been parsed and then painted, with the time: what moves
# after it moved because a script ran, not because the page was still arriving. (The parser
# marks the document "interactive" before it runs deferred scripts, however late they are;
# a held script that blocks the parser would hold this too: use FIRST_PAINT for those.)
PAINTED = """() => new Promise(done => {
    const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));
    if (document.readyState !== 'loading') painted();
    else document.addEventListener('readystatechange', painted, {once: true});
})"""


# The layout shifts of the page's own content since a time (Material's header is not this
# page's), as Lighthouse counts them: each moved element and how far, with the shift's score.
CONTENT_SHIFTS = """since => new Promise(done => {
    const found = [];
    new PerformanceObserver(list => list.getEntries().filter(e => !e.hadRecentInput && e.startTime > since).forEach(e => {
        const moved = e.sources.filter(s => s.node && s.node.closest && s.node.closest('.md-content'));
        if (moved.length) found.push([e.value, moved.map(s => [s.node.id || s.node.className,
                                                               s.previousRect.y, s.currentRect.y])]);
    })).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done(found), 300);
})"""


# Whether the element can take focus, asked without a key press: layout shifts just after
# input are not counted, so a key press would hide them from the test.
# Resolves once the page looks as it will stay: no scrolling and no animation for three checks
# in a row, each two frames apart. Material fades its header's title in once a scroll passes the
# heading, and that transition can start frames after the scroll, so "no animation now" alone
# let axe catch the title half faded (a colour-contrast failure seen once in CI-like runs).
SETTLED = """async () => {
    const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    let last = null, still = 0;
    while (still < 3) {
        await frames();
        const running = document.getAnimations().filter(animation => animation.playState === 'running');
        await Promise.all(running.map(animation => animation.finished.catch(() => null)));
        still = running.length === 0 && window.scrollY === last ? still + 1 : 0;
        last = window.scrollY;
    }
}"""

FOCUSABLE = "selector => { const e = document.querySelector(selector); e.focus(); return document.activeElement === e; }"


def search_results(page, query: str) -> list[str]:
    """The addresses the search lists for `query`, once they answer the whole of it: results
    update as each letter is typed, and Material tags each result's link with the query it
    answers (?h=...), so results for a first letter are never taken for the word's."""
    page.wait_for_function("""query => [...document.querySelectorAll('.md-search-result__item a')]
        .some(link => new URL(link.href).searchParams.get('h') === query)""", arg=query, timeout=60_000)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")


def held(page, script: str) -> list:
    """The page's own script held back (a slow network) until the test lets it go:
    `for route in routes: route.continue_()`."""
    routes = []
    page.route(f"**/javascripts/*{script}", lambda route, request: routes.append(route))  # alone or joined last
    return routes


def page_kinds(kb=None) -> dict[str, str]:
    """One page of every kind the site has, by kind, as site-relative URLs chosen from the model
    (so an editor's change to data/ never breaks a test): of the real data, or of `kb`."""
    from kb import addresses as paths
    from test_data import KB

    kb = kb or KB
    theme = kb.themes[0]
    area = theme.focus_areas[0]

    def url(path: str) -> str:
        found = paths.page_url(path)
        return f"{found}/" if found else ""

    return {
        "home": "",
        "framework": url(paths.FRAMEWORK),
        "behaviours": url("behaviours/index.md"),
        "behaviour": url(paths.behaviour_path(kb.behaviours[0].id)),
        "themes": url("themes/index.md"),
        "theme": url(paths.theme_path(theme.id)),
        "focus area": url(paths.focus_area_path(theme.id, area.id)),
        "handout": url(paths.handout_path(theme.id, area.id)),
        "presenter view": url(paths.presenter_path(theme.id, area.id)),
        "examples": url("examples/index.md"),
        "example": url(paths.example_path(kb.examples[0].id)),
        "questions": url(paths.QUESTIONS),
        "question": url(paths.question_path(next(iter(kb.question)))),
        "self-review": url(paths.SELF_REVIEW),
        "trainers": url(paths.TRAINERS),
        "cards": url(paths.CARDS),
        "whole knowledge base": url(paths.PRINT_ALL),
        "evidence": url(paths.EVIDENCE),
        "glossary": url(paths.GLOSSARY),
        "about": url(paths.ABOUT),
        "tags": "tags/",
        "accessibility": "accessibility/",
        "not found": "404.html",
    }


def sideways(page, where: str) -> list[str]:
    """Whether the page scrolls sideways at its viewport's width (WCAG 1.4.10)."""
    width, scroll = page.viewport_size["width"], page.evaluate("document.documentElement.scrollWidth")
    return [f"{where}: scrolls sideways at {width}px ({scroll}px wide)"] if scroll > width else []


def switch_scheme(page, scheme: str) -> None:
    """The page turned to `scheme` ("light" or "dark") with Material's toggle in its header, as a
    reader turns it, and painted again; nothing else of the page changes. (Our stylesheets and
    scripts follow Material's data-md-color-scheme alone, never the system's setting, so a page
    toggled dark is drawn as one opened dark: tests/browser/test_schemes.py.)"""
    if page.get_attribute("body", "data-md-color-scheme") != SCHEMES[scheme]:
        page.click(f"label[title='Switch to {scheme} mode']")
        page.wait_for_function("scheme => document.body.getAttribute('data-md-color-scheme') === scheme",
                               arg=SCHEMES[scheme])
    page.evaluate(SETTLED)


def every_view(widths: list[int]) -> list[tuple[str, int]]:
    """Both schemes at each width, in an order that changes one thing at a time."""
    return [("light", width) for width in widths] + [("dark", width) for width in widths[::-1]]


def in_views(page, views: list[tuple[str, int]], check) -> list[str]:
    """check(scheme, width) with the page in each (scheme, width) of `views`, in one visit: what
    the reader did on the page (files opened, items chosen) stays, where a page opened again for
    each view would have to be done again. Widths change as a reader zooming changes them (WCAG
    1.4.10); the height stays, and the page is seen from its top. Starts from the end of `views`
    when the page is there already. Returns what check found, each prefixed with its view."""
    height = page.viewport_size["height"]
    now = ("dark" if page.get_attribute("body", "data-md-color-scheme") == SCHEMES["dark"] else "light",
           page.viewport_size["width"])
    problems = []
    for scheme, width in views[::-1] if now == views[-1] else views:
        if page.viewport_size["width"] != width:
            # From the top, as the page is loaded: a scroll kept across the reflow would leave
            # some control half under Material's sticky header, which axe counts against its size.
            page.set_viewport_size({"width": width, "height": height})
            page.evaluate("window.scrollTo(0, 0)")
        switch_scheme(page, scheme)
        problems += [f"{scheme}, {width}px: {problem}" for problem in check(scheme, width)]
    return problems


def load_axe(page) -> None:
    """axe-core in a page the tests' server serves, once per document, by address: Chromium
    compiles it once and keeps it. The script element goes again once it has run: the page is
    checked as readers get it."""
    if page.evaluate("typeof window.axe !== 'undefined'"):
        return
    where = urlsplit(page.url)
    page.add_script_tag(url=f"{where.scheme}://{where.netloc}{AXE_PATH}").evaluate("script => script.remove()")


# axe-core's WCAG 2.0/2.1/2.2 A and AA rules; the rules about colour, run in the other scheme;
# the rules about layout, run at phone width.
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


# What a reader sees of a page's colours (checked in both schemes on every page, and after the
# toggle on every kind): the page's scheme, the page's background behind the content, and every
# visible piece of text in the content, each with the background it is painted on (the nearest ancestor's that is not transparent). Luminance is
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
        // A control's text is painted by the browser's own form styles: see the radios' test
        // in tests/browser/test_schemes.py.
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


def scheme_problems(page, scheme: str, where: str) -> list[str]:
    """What of the page does not follow the scheme, from its COLOURS: dark, a dark page
    and every text lighter than what it is painted on; light, the reverse. Empty when it does."""
    colours = page.evaluate(COLOURS)
    if colours["scheme"] != SCHEMES[scheme]:
        return [f"{where}: body is in the {colours['scheme']!r} scheme"]
    if not colours["texts"]:
        return [f"{where}: no text found in the content"]
    if scheme == "dark" and not colours["page"] < 0.05:
        return [f"{where}: the page's background is not dark ({colours['page']:.2f})"]
    if scheme == "light" and not colours["page"] > 0.9:
        return [f"{where}: the page's background is not light ({colours['page']:.2f})"]
    darker = scheme == "light"  # the text is darker than what it is painted on
    wrong = [t for t in colours["texts"] if (t["text"] < t["background"]) != darker or contrast(t) < 3]
    return [f"{where}, {scheme}: text that does not follow the scheme: " + "; ".join(
        f"{t['what']!r} {t['colour']} on {t['behind']}" for t in wrong[:5])] if wrong else []


# Material's stylesheets reach readers trimmed to what our pages use (styles/trim.mjs, `make
# css`). TRIM_LOSSES reads Material's whole stylesheets and the trimmed one as the browser parses
# them, and lists each selector (within its @media or @supports) whose declarations the trim lost:
# every declaration, when the rule went, or a variable the trim dropped that something still uses.
# A loss matters where its selector finds an element of the page: state-dependent pseudo-classes
# and pseudo-elements are taken away first (:hover, ::before), so "could match" counts as "does".
TRIM_LOSSES = r"""([whole, trimmed, used]) => {
  const split = (list) => {
    const parts = []; let depth = 0, start = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (c === ',' && depth === 0) { parts.push(list.slice(start, i).trim()); start = i + 1; }
    }
    return [...parts, list.slice(start).trim()];
  };
  const rules = (text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const found = [];
    const walk = (list, context) => {
      for (const rule of list) {
        if (rule instanceof CSSStyleRule) {
          const declarations = [...rule.style].map(name => `${name}: ${rule.style.getPropertyValue(name).trim()}`);
          for (const selector of split(rule.selectorText)) found.push({context, selector, declarations});
        } else if (rule.cssRules && !(rule instanceof CSSKeyframesRule)) {
          walk(rule.cssRules, `${context}@${rule.conditionText ?? rule.media?.mediaText ?? ''} `);
        }
      }
    };
    walk(sheet.cssRules, '');
    return found;
  };
  const kept = new Map();
  for (const rule of rules(trimmed)) {
    const key = rule.context + '\n' + rule.selector;
    kept.set(key, new Set([...(kept.get(key) || []), ...rule.declarations]));
  }
  const usedVariables = new Set(used);
  const valid = (selector) => { try { document.querySelector(selector); return true; } catch (error) { return false; } };
  const STATE = /::?(?:hover|focus-visible|focus-within|focus|active|visited|target|checked|disabled|enabled|indeterminate|placeholder-shown|invalid|valid|required|optional|read-only|read-write|before|after|marker|placeholder|selection|first-line|first-letter|backdrop|-webkit-[a-z-]+|-moz-[a-z-]+)(?![\w-])/g;
  const losses = [];
  for (const rule of rules(whole)) {
    const here = kept.get(rule.context + '\n' + rule.selector) || new Set();
    const lost = rule.declarations.filter(d => !here.has(d) && (!d.startsWith('--') || usedVariables.has(d.split(':')[0])));
    if (!lost.length) continue;
    // Combinators without their spaces, then a * for each compound left empty (":hover > a").
    const probe = rule.selector.replace(STATE, '').replace(/:not\(\s*\)/g, '').replace(/\s*([>+~])\s*/g, '$1')
      .trim().replace(/(^|[\s>+~(])(?=$|[>+~)])/g, '$1*');
    losses.push({where: `${rule.context}${rule.selector}`, probe: valid(probe) ? probe : '*', lost});
  }
  // One selector for them all: on most pages it finds nothing, and one call tells.
  return {losses, any: [...new Set(losses.map(loss => loss.probe))].join(',')};
}"""

# The losses (TRIM_LOSSES) that find an element on the page as it is now. Playwright is slow to
# pass a thousand objects (0.2 s a page), so the one selector is asked first, and the list goes
# as JSON, only when it finds something.
FINDS = "selector => document.querySelector(selector) !== null"
LOST_HERE = """losses => JSON.parse(losses).filter(loss => document.querySelector(loss.probe) !== null)
  .map(loss => `${loss.where} would set ${loss.lost.slice(0, 3).join('; ')}`)"""


def trim_problems(page, where: str, losses: dict) -> list[str]:
    """What the trimmed stylesheet lost that would style this page as it is now (in its scheme
    and state), from TRIM_LOSSES: empty when the trim changed nothing a reader sees here."""
    if not page.evaluate(FINDS, losses["any"]):
        return []
    return [f"{where}: Material's stylesheet styles this page with {lost}, but the trimmed "
            "docs/stylesheets/material.css lacks it: run `make css` (it needs npm) and commit the file"
            for lost in page.evaluate(LOST_HERE, json.dumps(losses["losses"]))]


def trim_inputs(site: Path, served: str | None = None) -> list:
    """TRIM_LOSSES' arguments for a built site: Material's whole stylesheets, the stylesheet
    readers get (served, else the site's), and every variable something reads: a var() in a
    stylesheet readers get or a template, or a name in a script (Material's included)."""
    import material  # its own stylesheets, which the site no longer carries (kb/assets.py)

    styles = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    whole = "\n".join(next(styles.glob(f"{name}.*.min.css")).read_text(encoding="utf-8") for name in ("main", "palette"))
    served = served if served is not None else (site / "stylesheets" / "site.css").read_text(encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    read = [served, *(p.read_text(encoding="utf-8") for p in [*site.glob("stylesheets/*.css"), *root.glob("overrides/**/*.html"),
                                                            *root.glob("templates/**/*.j2")])]
    scripts = [p.read_text(encoding="utf-8") for p in [*site.glob("javascripts/**/*.js"), *site.glob("assets/javascripts/bundle.*.js")]]
    used = {name for text in read for name in re.findall(r"var\(\s*(--[\w-]+)", text)}
    used |= {name for text in scripts for name in re.findall(r"--md-[\w-]+", text)}
    return [whole, served, sorted(used)]
