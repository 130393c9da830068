"""Draw docs/images/link-preview.png: the picture a chat or a slide shows beside a link to any
page of the site (og:image, overrides/main.html). 1200 x 630 pixels, the size link previews
ask for: the site's name (mkdocs.yml's site_name) in white on Material's indigo, the site's
primary colour. Run it again after changing site_name; tests/test_share.py checks the picture.

    .venv/bin/python scripts/link_preview_image.py
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images" / "link-preview.png"
SIZE = (1200, 630)
INDIGO = (63, 81, 181)  # Material's indigo, the palette's primary colour in mkdocs.yml
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SUBTITLE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SUBTITLE = "Knowledge base"  # the site's own words: its citations say "<site_name> knowledge base"


def site_name() -> str:
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_name:"):
            return line.split(":", 1)[1].strip()
    raise SystemExit("mkdocs.yml has no site_name")


def draw(name: str) -> Image.Image:
    image = Image.new("RGB", SIZE, INDIGO)
    pen = ImageDraw.Draw(image)
    size = 96
    while True:  # as large as fits in the width, with a margin of 80 pixels each side
        font = ImageFont.truetype(FONT, size)
        if pen.textlength(name, font=font) <= SIZE[0] - 160 or size <= 40:
            break
        size -= 4
    small = ImageFont.truetype(SUBTITLE_FONT, 44)
    pen.text((80, 250), name, font=font, fill="white", anchor="ls")
    pen.line([(80, 300), (SIZE[0] - 80, 300)], fill="white", width=4)
    pen.text((80, 380), SUBTITLE, font=small, fill="white", anchor="ls")
    return image


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    draw(site_name()).save(OUT, optimize=True)
    print(f"Wrote {OUT.relative_to(ROOT)}")
