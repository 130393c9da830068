"""Part 6: Lighthouse (mobile) on one page of every kind, as a host serves the site.

npm's lighthouse (pinned in bench/node/package.json, installed there by `npm ci`) drives
Debian's Chromium (CHROME_PATH) against the built site, served gzip-compressed by a small
local server. Three runs per kind of page in the light scheme give the median of each
category; one run in the dark scheme (--force-dark-mode) checks accessibility, best
practices and SEO there too. Every audit that lost points is named.

A dark run counts only if the page really is dark. Before it, the page is loaded in the same
Chromium with the same flags (Playwright, no colour-scheme emulation of its own): Material must
have put the body in the slate scheme and the computed background must be dark. After it,
Lighthouse's own screenshot of the page must be dark too (mean grey level). Otherwise the row
says "not in the dark scheme" and why, in place of the dark scores, and misses its target.

The smoke run (`python -m bench --smoke`) serves the site and reads two real reports kept in
bench/fixtures/lighthouse-sample.json instead of running Lighthouse, so the parsing and the
rows are checked in `make test` without a minute per page.
"""
from __future__ import annotations

import base64
import functools
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import ROOT
from .browser import CHROME_FLAGS, chromium, launch, not_dark, scheme_of
from .report import Row

PART = "6 Lighthouse"
NODE = ROOT / "bench" / "node"
SAMPLE = ROOT / "bench" / "fixtures" / "lighthouse-sample.json"
LIGHTHOUSE = NODE / "node_modules" / ".bin" / "lighthouse"
RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
DARK_FLAG = "--force-dark-mode"
LIGHTHOUSE_VIEWPORT = {"width": 412, "height": 823}  # Lighthouse's mobile screen (moto g power)
DARK_SHOT = 0.35  # mean grey level (0 black, 1 white) of a dark screenshot at most; slate's pages are about 0.17
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files as a host serves them: gzip for text, a cache lifetime for assets."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600" if path.suffix == ".html" else "max-age=31536000")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that stops a download (Lighthouse ends a run once it has measured) is not an
        error worth a traceback in the bench's output; anything else is."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site_dir: Path):
    server = _Server(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def install() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=NODE, check=True)


def sample_audit(url: str, dark: bool) -> dict:
    """A kept real report in place of a Lighthouse run (the smoke run): light or dark."""
    return json.loads(SAMPLE.read_text(encoding="utf-8"))["dark" if dark else "light"]


def audit(url: str, dark: bool) -> dict:
    flags = CHROME_FLAGS + (f" {DARK_FLAG}" if dark else "")
    categories = CATEGORIES[1:] if dark else CATEGORIES
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet", f"--chrome-flags={flags}",
         f"--only-categories={','.join(categories)}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium()},
        timeout=300, check=True)
    return json.loads(result.stdout)


class DarkCheck:
    """Loads a page as the dark Lighthouse run's Chromium shows it (the same flags, no emulation
    of Playwright's own) and says why it is not in the dark scheme, or None when it is.

    Starts Playwright itself, or launches its Chromium with a running one's browser type (one
    thread can hold only one Playwright: the browser tests pass theirs)."""

    def __init__(self, browser_type=None):
        self._browser_type = browser_type
        self._playwright = None

    def __enter__(self):
        if self._browser_type is None:
            from playwright.sync_api import sync_playwright
            self._playwright = sync_playwright().start()
            self._browser_type = self._playwright.chromium
        try:
            self._browser = launch(self._browser_type, DARK_FLAG)
        except BaseException:
            self._stop()
            raise
        return self

    def __call__(self, url: str) -> str | None:
        context = self._browser.new_context(color_scheme="null", viewport=LIGHTHOUSE_VIEWPORT)
        try:
            page = context.new_page()
            page.goto(url, wait_until="load")
            return not_dark(*scheme_of(page))
        finally:
            context.close()

    def __exit__(self, *exc):
        try:
            self._browser.close()
        finally:
            self._stop()

    def _stop(self):
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None


def screenshot_grey(report: dict) -> float | None:
    """The mean grey level (0 black, 1 white) of the screenshot Lighthouse took, None without one."""
    from PIL import Image, ImageStat
    data = ((report.get("fullPageScreenshot") or {}).get("screenshot") or {}).get("data", "")
    if not data.startswith("data:image/"):
        return None
    image = Image.open(io.BytesIO(base64.b64decode(data.split(",", 1)[1])))
    return ImageStat.Stat(image.convert("L")).mean[0] / 255


def shot_not_dark(report: dict) -> str | None:
    """Why Lighthouse's own screenshot of a dark run is not dark, or None when it is."""
    grey = screenshot_grey(report)
    if grey is None:
        return "Lighthouse gave no screenshot to check"
    return None if grey <= DARK_SHOT else f"Lighthouse's screenshot is light (mean grey {grey:.2f})"


def scores(report: dict) -> dict[str, int]:
    return {key: round(category["score"] * 100) for key, category in report["categories"].items()}


def lost(report: dict) -> list[str]:
    """The audits that cost points: name, and what Lighthouse says it costs."""
    found = []
    for key, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit_ = report["audits"][ref["id"]]
            if ref["weight"] and audit_["score"] is not None and audit_["score"] < 1:
                cost = audit_.get("displayValue") or ""
                found.append(f"{key}: {ref['id']}{f' ({cost})' if cost else ''}")
    return found


def measure(site_dir: Path, kinds: dict[str, str], build_command: str, smoke: bool = False) -> list[Row]:
    """Every kind of page in turn; one whose audit fails gets a row saying so (the bench then
    exits non-zero) and the others still run. Smoke: the kept sample reports, one run each."""
    if not smoke:
        install()
    run_audit, runs = (sample_audit, 1) if smoke else (audit, RUNS)
    server, base = serve(site_dir)
    rows, medians = [], {key: [] for key in CATEGORIES}
    try:
        with DarkCheck() as dark_check:
            for kind, page in kinds.items():
                url = base + page.removesuffix("index.html")
                command = f"lighthouse {url} (x{runs}, median; dark: {DARK_FLAG}, checked dark first)"
                try:
                    light = [run_audit(url, dark=False) for _ in range(runs)]
                    problem = dark_check(url)  # before the dark run: its scores count only on a dark page
                    dark = None if problem else run_audit(url, dark=True)
                    row, median = kind_row(kind, light, dark, problem or shot_not_dark(dark), command)
                except Exception as error:  # noqa: BLE001 - one page's failure is its row; the others still count
                    message = " ".join(str(error).split())[:300]
                    rows.append(Row(PART, f"{kind}: FAILED to measure", f"{type(error).__name__}: {message}", command,
                                    ok=False, failed=True))
                    continue
                rows.append(row)
                for key in CATEGORIES:
                    medians[key].append(median[key])
    finally:
        server.shutdown()
    if not medians["performance"]:
        return rows
    perf = statistics.median(medians["performance"])
    rows.append(Row(PART, "performance: median across kinds of page", f"{perf:g}", build_command,
                    f"median of the {len(medians['performance'])} per-kind medians above", f"≥ {TARGETS['performance']}",
                    perf >= TARGETS["performance"]))
    return rows


def kind_row(kind: str, light: list[dict], dark: dict | None, not_dark: str | None,
             command: str) -> tuple[Row, dict[str, float]]:
    """One kind of page's row from its light runs and its dark run, and the light medians. A dark
    run on a page that was not dark (not_dark says why) has no scores: the row says so and misses."""
    median = {key: statistics.median(scores(r)[key] for r in light) for key in CATEGORIES}
    value = " / ".join(f"{median[key]:g}" for key in CATEGORIES)
    missed = lost(light[0])
    ok = all(median[key] >= TARGETS[key] for key in CATEGORIES[1:])
    if not_dark:
        value += f" (dark: not in the dark scheme: {not_dark})"
        ok = False
    else:
        dark_scores = scores(dark)
        value += " (dark: " + " / ".join(f"{dark_scores[key]}" for key in CATEGORIES[1:]) + ")"
        missed += [f"dark {item}" for item in lost(dark)]
        ok = ok and all(dark_scores[key] >= TARGETS[key] for key in CATEGORIES[1:])
    missed = sorted(set(missed))
    return Row(PART, f"{kind}: performance / accessibility / best practices / SEO", value, command,
               "lost: " + "; ".join(missed) if missed else "nothing lost",
               "a11y, BP, SEO 100 in both schemes, the dark one really dark", ok), median
