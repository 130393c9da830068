"""QR codes as inline SVG (segno), drawn once per address and kept between builds.

A site draws one for every page (at the foot of its printout) and one for every question on
the cards and handouts: 1 to 2 ms each, which was most of our build's own cost per page at
50x the content. Drawn codes are kept (kb.keep) by address and by how they are drawn, so a
change to either draws afresh; a missing or unreadable file only means drawing them again.
"""
from __future__ import annotations

import base64
import functools
import html
import re
from pathlib import Path

import segno
from markupsafe import Markup

from . import keep

# Every one of the eight masks gives a valid code; scoring all eight to pick the best (segno's
# default) was two thirds of a build's own cost. The print tests decode every code drawn.
MASK = 4
SCALE, BORDER = 4, 2
DRAWING = f"segno {segno.__version__}; error m, mask {MASK}, scale {SCALE}, border {BORDER}, named"
STORE = keep.FOLDER / "qr-codes.json"  # relative to the project


@functools.lru_cache(maxsize=None)  # under `mkdocs serve`, across rebuilds
def draw(url: str) -> str:
    """A QR code to url as inline SVG, named for screen readers by its address."""
    svg = segno.make(url, error="m", mask=MASK, micro=False).svg_inline(
        scale=SCALE, border=BORDER, dark="#000", light="#fff", svgclass="kb-qr__code", lineclass=None, omitsize=True)
    label = html.escape(f"QR code for {url}", quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


class QrCodes:
    """Callable: url -> the QR code's SVG markup. `save()` keeps what was drawn for next time."""

    def __init__(self, store: Path | None = None):
        self.store = store
        self._codes: dict[str, str] | None = None
        self._drawn = False

    def __call__(self, url: str) -> Markup:
        codes = self._loaded()
        if url not in codes:
            codes[url] = draw(url)
            self._drawn = True
        return Markup(codes[url])

    def modules(self, url: str) -> str:
        """The same code as __call__ draws, as its modules: for a page that draws codes in the
        browser (a composed session may show any question's)."""
        return modules(self(url))

    def _loaded(self) -> dict[str, str]:
        if self._codes is None:
            self._codes = _read(self.store) if self.store else {}
        return self._codes

    def save(self) -> None:
        """Write the store if this build drew a code it did not hold (atomically: two builds at
        once each leave a whole file)."""
        if self.store and self._drawn:
            keep.write(self.store, DRAWING, self._codes)
            self._drawn = False


def _read(store: Path) -> dict[str, str]:
    codes = keep.read(store, DRAWING)
    if not isinstance(codes, dict):
        return {}
    return {url: svg for url, svg in codes.items()
            if isinstance(url, str) and isinstance(svg, str) and svg.startswith("<svg ") and svg.endswith("</svg>")}


_STROKE = re.compile(r'<path stroke="#000" d="([^"]*)"')
_STEP = re.compile(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?")


def modules(svg: str) -> str:
    """A code that draw() made, read back from its path (so nothing is drawn twice): "<size>
    <base64>", the rows of dark (1) and light (0) modules, quiet zone left out, packed eight to a
    byte. A fifth of the SVG's size gzipped; docs/javascripts/session-link.js draws it again."""
    size = int(re.search(r'viewBox="0 0 (\d+) ', svg)[1]) // SCALE - 2 * BORDER
    dark = bytearray(size * size)
    x = y = 0.0
    for command, first, second in _STEP.findall(_STROKE.search(svg)[1]):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            row = int(y) - BORDER
            for column in range(int(x) - BORDER, int(x + float(first)) - BORDER):
                dark[row * size + column] = 1
            x += float(first)
    packed = bytes(int("".join(map(str, dark[i:i + 8])).ljust(8, "0"), 2) for i in range(0, len(dark), 8))
    return f"{size} {base64.b64encode(packed).decode('ascii')}"
