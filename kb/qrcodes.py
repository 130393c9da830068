"""QR codes, drawn at build time (segno): as inline SVG at the foot of every printed page and for
every question on the cards, handouts and presenter views; and as their modules, for a composed
session, which may show any question's and draws it in the browser.

Drawing them was the largest part of our build's own cost (one for every page, more for every
question), so each drawing is kept for the next build (kb/kept.py), under its address and all
it was drawn with; a kept one that is not whole, or not in the shape drawn here, is drawn again.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import os
import re
from pathlib import Path

import segno
from markupsafe import Markup

from .kept import kept_in, private_folder

# Every one of the eight masks gives a valid code; scoring all eight to pick the best (segno's
# default) was two thirds of a build's own cost. The print tests decode every code drawn.
MASK = 4
SVG_OPTIONS = {"scale": 4, "border": 2, "dark": "#000", "light": "#fff", "svgclass": "kb-qr__code",
               "lineclass": None, "omitsize": True}
# Everything a drawing depends on besides its address: a change to any of it keeps nothing.
RECIPE = f"segno {segno.__version__}, error m, mask {MASK}, {sorted(SVG_OPTIONS.items())}"
# What may be kept, and so read back into every page: exactly the shapes drawn here, no markup else.
KEPT_SHAPES = {
    "svg": re.compile(r'<svg viewBox="0 0 \d+ \d+" class="kb-qr__code"><g transform="scale\(4\)">'
                      r'<path fill="#fff" d="[-0-9.hvzM ]+"/><path stroke="#000" d="[-0-9.hmvzM ]+"/></g></svg>'),
    "modules": re.compile(r"\d+ [A-Za-z0-9+/]*={0,2}"),
}


@functools.lru_cache(maxsize=None)  # under `mkdocs serve`, a rebuild draws only new addresses
def _code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", mask=MASK, micro=False)


def _store() -> Path | None:
    return kept_in("qr-codes") or private_folder("kb-qr-codes")


def _kept(kind: str, url: str, draw) -> str:
    """draw()'s result for url, as kept by an earlier build when it is there and whole; else
    drawn and kept (written whole or not at all: builds may run side by side)."""
    store = _store()
    if store is None:
        return draw()
    entry = store / hashlib.sha256(f"{RECIPE}\n{kind}\n{url}".encode()).hexdigest()
    try:
        address, _, value = entry.read_text(encoding="utf-8").partition("\n")
        if address == url and KEPT_SHAPES[kind].fullmatch(value):
            return value
    except (OSError, UnicodeDecodeError):
        pass
    value = draw()
    if "\n" not in url and KEPT_SHAPES[kind].fullmatch(value):
        part = entry.with_name(f".{entry.name}.{os.getpid()}")
        try:
            part.write_text(f"{url}\n{value}", encoding="utf-8")
            os.replace(part, entry)
        except OSError:
            part.unlink(missing_ok=True)
    return value


@functools.lru_cache(maxsize=None)
def qr_code(url: str) -> Markup:
    """A QR code to url as inline SVG, named for screen readers by its address."""
    svg = _kept("svg", url, lambda: _code(url).svg_inline(**SVG_OPTIONS))
    label = html.escape(f"QR code for {url}", quote=True)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


@functools.lru_cache(maxsize=None)  # the session page and its presenter view both carry every question's
def qr_modules(url: str) -> str:
    """The same code as its modules: "<size> <base64>", the rows of dark (1) and light (0) modules
    packed eight to a byte (docs/javascripts/session-link.js draws it): a fifth of the SVG, gzipped."""
    return _kept("modules", url, lambda: _packed(_code(url).matrix))


def _packed(matrix) -> str:
    bits = "".join(str(int(dark)) for row in matrix for dark in row)
    packed = bytes(int(bits[i:i + 8].ljust(8, "0"), 2) for i in range(0, len(bits), 8))
    return f"{len(matrix)} {base64.b64encode(packed).decode('ascii')}"
