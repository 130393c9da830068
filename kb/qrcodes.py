"""QR codes, drawn at build time (segno): as inline SVG at the foot of every printed page and for
every question on the cards, handouts and presenter views; and as their modules, for a composed
session, which may show any question's and draws it in the browser."""
from __future__ import annotations

import base64
import functools
import html

import segno
from markupsafe import Markup

# Every one of the eight masks gives a valid code; scoring all eight to pick the best (segno's
# default) was two thirds of a build's own cost. The print tests decode every code drawn.
MASK = 4


@functools.lru_cache(maxsize=None)  # under `mkdocs serve`, a rebuild draws only new addresses
def _code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", mask=MASK, micro=False)


@functools.lru_cache(maxsize=None)
def qr_code(url: str) -> Markup:
    """A QR code to url as inline SVG, named for screen readers by its address."""
    svg = _code(url).svg_inline(scale=4, border=2, dark="#000", light="#fff", svgclass="kb-qr__code",
                                lineclass=None, omitsize=True)
    label = html.escape(f"QR code for {url}", quote=True)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


@functools.lru_cache(maxsize=None)  # the session page and its presenter view both carry every question's
def qr_modules(url: str) -> str:
    """The same code as its modules: "<size> <base64>", the rows of dark (1) and light (0) modules
    packed eight to a byte (docs/javascripts/session-link.js draws it): a fifth of the SVG, gzipped."""
    matrix = _code(url).matrix
    bits = "".join(str(int(dark)) for row in matrix for dark in row)
    packed = bytes(int(bits[i:i + 8].ljust(8, "0"), 2) for i in range(0, len(bits), 8))
    return f"{len(matrix)} {base64.b64encode(packed).decode('ascii')}"
