"""Part 7: the team picture and composed sessions, in the browser.

- Merge and draw: 50 self-review exports (made by the site's own store, scripts/team_exports.py)
  dropped on the team page in Chromium, timed in the page from the drop to the picture drawn and
  laid out (reading the files, merging, building the tables and notes, style and layout), the
  median of RUNS, with the time to the next paint beside it.
- First-visit weight (gzip) of the team page and the session page, and of the session's
  presenter view, counted as part 4 counts every kind of page.
"""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

from kb import addresses as paths
from kb.addresses import built_file

from . import ROOT
from .browser import launch
from .lighthouse import serve
from .report import Row
from .sitefiles import kib
from .weight import TEAMWORK_TOOLS, assets, gzipped

PART = "7 Team and sessions"
FILES = 50
RUNS = 5
MERGE_LIMIT_MS = 200
PAGE_LIMIT = 70 * 1024
PAGES = {tool.name: tool.path for tool in TEAMWORK_TOOLS}

# Drop the files on the page; resolve, once the picture is drawn, with the time to it after a
# forced layout and the time to the next paint.
DROP_AND_TIME = """texts => new Promise(done => {
    const data = new DataTransfer();
    texts.forEach((t, i) => data.items.add(new File([t], `review-${i + 1}.json`, {type: 'application/json'})));
    const status = document.getElementById('kb-team--status');
    const start = performance.now();
    new MutationObserver((changes, observer) => {
        if (!status.textContent.startsWith('Opened')) return;
        observer.disconnect();
        document.body.offsetHeight;  // style and layout of what was drawn
        const drawn = performance.now() - start;
        requestAnimationFrame(() => requestAnimationFrame(() => done([drawn, performance.now() - start])));
    }).observe(status, {childList: true, characterData: true, subtree: true});
    const zone = document.getElementById('kb-team--drop');
    zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
})"""


def merge_and_draw(site_dir: Path) -> tuple[list[float], list[float], int]:
    """(drawn-and-laid-out times, to-paint times) in ms over RUNS, and how many reviews were drawn."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from playwright.sync_api import sync_playwright
    from team_exports import exports, generated_people

    server, base = serve(site_dir)
    drawn, painted, shown = [], [], 0
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright.chromium)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(base + paths.page_url(paths.TEAM) + "/")
            page.wait_for_selector("#kb-team--files-section:not([hidden])")
            texts = exports(page, generated_people(page, FILES, seed=50))
            for _ in range(RUNS):
                if page.is_visible("[data-kb-team-action=close-all]"):
                    page.click("[data-kb-team-action=close-all]")
                to_layout, to_paint = page.evaluate(DROP_AND_TIME, texts)
                drawn.append(to_layout)
                painted.append(to_paint)
                shown = page.eval_on_selector_all("#kb-team--file-list > li", "items => items.length")
            browser.close()
    finally:
        server.shutdown()
    return drawn, painted, shown


def measure(site_dir: Path, build_command: str) -> list[Row]:
    drawn, painted, shown = merge_and_draw(site_dir)
    time = statistics.median(drawn)
    rows = [Row(PART, f"merge and draw {FILES} self-review files (Chromium, median of {RUNS})", f"{time:.0f} ms",
                "", f"{shown} files dropped on /self-review/team/ of the built site; from the drop to the picture drawn "
                    f"and laid out (each run: {', '.join(f'{t:.0f}' for t in drawn)} ms; to the next paint, median "
                    f"{statistics.median(painted):.0f} ms)", f"< {MERGE_LIMIT_MS} ms", time < MERGE_LIMIT_MS and shown == FILES)]
    every = _every_page(site_dir)
    for name, path in PAGES.items():
        page = built_file(path)
        shared = assets(site_dir, page)
        first = sum(gzipped(site_dir / f) for f in (page, *shared))
        own = [f for f in shared if not f.startswith("assets/") and f not in every]
        rows.append(Row(PART, f"{name}: first visit (page + {len(shared)} files)", kib(first), build_command,
                        f"gzip level 6 of {page} + {', '.join(shared)}; its own (the page and {', '.join(own)}): "
                        f"{kib(sum(gzipped(site_dir / f) for f in (page, *own)))}",
                        f"< {kib(PAGE_LIMIT)}", first < PAGE_LIMIT))
    return rows


def _every_page(site_dir: Path) -> set[str]:
    """What the home page loads: the part of a first visit that every page shares."""
    return set(assets(site_dir, "index.html"))

