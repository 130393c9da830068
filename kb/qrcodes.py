"""QR codes as inline SVG (segno), drawn at build time: at the foot of every printed page, and
one for every question on the cards, handouts and presenter views."""
from __future__ import annotations

import functools
import html

import segno
from markupsafe import Markup

# Every one of the eight masks gives a valid code; scoring all eight to pick the best (segno's
# default) was two thirds of a build's own cost. The print tests decode every code drawn.
MASK = 4


@functools.lru_cache(maxsize=None)  # under `mkdocs serve`, a rebuild draws only new addresses
def qr_code(url: str) -> Markup:
    """A QR code to url as inline SVG, named for screen readers by its address."""
    svg = segno.make(url, error="m", mask=MASK, micro=False).svg_inline(
        scale=4, border=2, dark="#000", light="#fff", svgclass="kb-qr__code", lineclass=None, omitsize=True)
    label = html.escape(f"QR code for {url}", quote=True)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
