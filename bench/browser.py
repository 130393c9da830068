"""The installed Chromium, as the bench drives it (Lighthouse's dark check, `make shots`), and
what a page's colour scheme really is once it is drawn.

Material picks its palette in the browser (`data-md-color-scheme` on `<body>`), so a page can
say "slate" in no file and still be white, or the other way round: the check is the scheme the
page took and the background colour the browser computed for it.
"""
from __future__ import annotations

import re
import sys

from . import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from ensure_browser import find_chromium  # noqa: E402 - scripts/ is not a package

DARK_SCHEME = "slate"  # Material's dark scheme, as mkdocs.yml names it
DARK_LUMINANCE = 0.2  # relative luminance (0 black, 1 white); slate's background is about 0.016
# The scheme the page took, and the computed background of the body and of the page behind it.
SCHEME_JS = """() => [document.body.getAttribute('data-md-color-scheme'),
                      getComputedStyle(document.body).backgroundColor,
                      getComputedStyle(document.documentElement).backgroundColor]"""
# Chromium's flags for every bench run: Lighthouse passes them as they are; Playwright, which
# adds its own headless flag, takes the rest (launch).
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def chromium() -> str:
    """The installed Chromium's path (KB_CHROMIUM, or chromium on the PATH); never a download."""
    found = find_chromium()
    if found is None:
        raise RuntimeError("no Chromium installed (apt-get install chromium, or set KB_CHROMIUM)")
    return found


def launch(browser_type, *extra: str):
    """The installed Chromium, started by Playwright's browser_type with the bench's flags."""
    flags = [flag for flag in CHROME_FLAGS.split() if not flag.startswith("--headless")]
    return browser_type.launch(executable_path=chromium(), args=[*flags, *extra])


def luminance(color: str) -> float | None:
    """WCAG relative luminance of a computed CSS colour ('rgb(30, 33, 41)'); None when it is
    fully transparent or not an rgb() colour."""
    match = _RGB.fullmatch(color.strip())
    if not match:
        return None
    alpha = match[4]
    if alpha is not None and float(alpha.rstrip("%")) == 0:
        return None

    def linear(channel: str) -> float:
        c = float(channel) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(match[i]) for i in (1, 2, 3))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def scheme_of(page) -> tuple[str | None, str]:
    """(the scheme the page took, its background colour): the body's, or the page's behind a
    transparent body."""
    scheme, body, html = page.evaluate(SCHEME_JS)
    return scheme, body if luminance(body) is not None else html


def not_dark(scheme: str | None, background: str) -> str | None:
    """Why a page is not in the dark scheme, or None when it is: the scheme Material gave the
    body must be slate and the background the reader sees must be dark."""
    lum = luminance(background)
    if scheme != DARK_SCHEME:
        return f"body's data-md-color-scheme is {scheme!r}, not {DARK_SCHEME!r} (background {background})"
    if lum is None or lum > DARK_LUMINANCE:
        return f"scheme {DARK_SCHEME!r} but the background is {background} (luminance {'?' if lum is None else f'{lum:.2f}'})"
    return None
