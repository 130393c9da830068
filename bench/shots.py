"""`make shots`: screenshots of one page of every kind, to look through, in shots/index.html.

    python -m bench.shots [--out shots] [--site site]

The kinds come from the site's own page list (each generated page's template, each
hand-written page in docs/, and MkDocs' 404 page), so a new kind of page appears here without
a change. Each is taken in both colour schemes (Material's default and slate, as the reader's
system asks for them) at 390 and 1280 px wide, the whole page; and every presenter view of every
focus area, slide by slide, at 1280x720. A dark shot must be dark and a light one light (the
scheme Material put on the body, and the background colour the browser computed): the index
marks any that is not, and the command then exits 1.

Builds the site first (`python -m kb.build`, as `make build`) when site/ is missing or older
than anything it is built from. Nothing is fetched from anywhere but the local server.
"""
from __future__ import annotations

import argparse
import html
import os
import posixpath
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kb import tools
from kb.addresses import built_file

from . import ROOT
from .browser import DARK_SCHEME, launch, luminance, not_dark, scheme_of
from .lighthouse import serve
from .project import site_of

OUT = ROOT / "shots"
SITE = ROOT / "site"
SOURCES = ("data", "docs", "templates", "overrides", "kb", "mkdocs.yml", "macros.py")
SCHEMES = {"light": "default", "dark": DARK_SCHEME}  # Playwright's colour scheme -> Material's
WIDTHS = {390: 844, 1280: 800}  # width -> window height (a phone, a laptop)
SLIDE = {"width": 1280, "height": 720}  # a projector
MAX_HEIGHT = 16000  # px: longer pages are cut there, and say so
LIGHT_LUMINANCE = 0.6  # a light page's background at least this (white is 1)


@dataclass
class Shot:
    file: str  # relative to the output folder
    url: str
    problem: str | None = None
    note: str = ""


@dataclass
class Kind:
    name: str
    path: str  # the built HTML file, relative to the site
    shots: list[Shot] = field(default_factory=list)


def kinds_of_pages(site_dir: Path) -> list[Kind]:
    """One page of every kind the site has, in the order of the site's page list: the generated
    pages by their template, the hand-written pages of docs/ each a kind of its own, and 404."""
    site = site_of(ROOT)
    found: dict[str, str] = {"home": built_file("index.md")}
    for page in site.all_pages():
        found.setdefault(page.template.removesuffix(".md.j2").replace("_", " "), built_file(page.path))
    for source in sorted((ROOT / "docs").rglob("*.md")):
        path = source.relative_to(ROOT / "docs").as_posix()
        if site.page(path) is None and path != "index.md":
            found.setdefault(path.removesuffix(".md").replace("/", " ").replace("-", " "), built_file(path))
    found["404"] = "404.html"
    missing = [path for path in found.values() if not (site_dir / path).is_file()]
    if missing:
        raise RuntimeError(f"the built site has no {', '.join(missing)}: is {site_dir} up to date?")
    return [Kind(name, path) for name, path in found.items()]


def presenter_pages() -> list[str]:
    """Every presenter view (one per focus area), as built HTML files."""
    return [built_file(page.path) for page in site_of(ROOT).all_pages() if page.template == tools.PRESENTER.template]


def stale(site_dir: Path) -> bool:
    """Whether site/ is missing or older than a file it is built from."""
    index = site_dir / "index.html"
    if not index.is_file():
        return True
    built = index.stat().st_mtime
    for name in SOURCES:
        source = ROOT / name
        files = source.rglob("*") if source.is_dir() else [source]
        if any(f.is_file() and f.stat().st_mtime > built for f in files if "__pycache__" not in f.parts):
            return True
    return False


def scheme_problem(page, scheme: str) -> str | None:
    """Why the page is not in the colour scheme it was asked for, or None."""
    material, background = scheme_of(page)
    if scheme == "dark":
        return not_dark(material, background)
    lum = luminance(background)
    if material != SCHEMES["light"]:
        return f"body's data-md-color-scheme is {material!r}, not {SCHEMES['light']!r}"
    if lum is None or lum < LIGHT_LUMINANCE:
        return f"light scheme but the background is {background}"
    return None


def take(browser, url: str, out: Path, file: str, scheme: str, viewport: dict, full_page: bool) -> Shot:
    context = browser.new_context(color_scheme=scheme, viewport=viewport)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        shot = Shot(file, url, scheme_problem(page, scheme))
        height = page.evaluate("document.documentElement.scrollHeight")
        clip = None
        if full_page and height > MAX_HEIGHT:
            clip = {"x": 0, "y": 0, "width": viewport["width"], "height": MAX_HEIGHT}
            shot.note = f"cut at {MAX_HEIGHT} px of {height}"
        (out / file).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out / file), full_page=full_page, clip=clip)
        if errors:
            shot.problem = "; ".join(filter(None, [shot.problem, "script error: " + " | ".join(errors)]))
        return shot
    finally:
        context.close()


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def shoot(site_dir: Path, out: Path) -> tuple[list[Kind], list[Kind]]:
    """Every kind in both schemes at both widths, and every presenter view's slides."""
    from playwright.sync_api import sync_playwright
    kinds = kinds_of_pages(site_dir)
    server, base = serve(site_dir)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright.chromium)
            try:
                for kind in kinds:
                    url = base + kind.path.removesuffix("index.html")
                    for scheme in SCHEMES:
                        for width, height in WIDTHS.items():
                            file = f"pages/{slug(kind.name)}--{scheme}--{width}.png"
                            kind.shots.append(take(browser, url, out, file, scheme, {"width": width, "height": height}, True))
                    say(f"{kind.name}: {url}")
                decks = [slides(browser, base, path, out) for path in presenter_pages()]
            finally:
                browser.close()
    finally:
        server.shutdown()
    return kinds, decks


def slides(browser, base: str, path: str, out: Path) -> Kind:
    """Each slide of one presenter view at 1280x720, in both schemes."""
    url = base + path.removesuffix("index.html")
    deck = Kind(posixpath.dirname(posixpath.dirname(path)).rsplit("/", 1)[-1], path)
    context = browser.new_context(viewport=SLIDE)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        count = page.locator(".kb-slide").count()
    finally:
        context.close()
    if not count:
        raise RuntimeError(f"{url} has no slides (.kb-slide)")
    for number in range(1, count + 1):
        for scheme in SCHEMES:
            file = f"slides/{slug(deck.name)}--{number:02d}--{scheme}.png"
            deck.shots.append(take(browser, f"{url}#question-{number}", out, file, scheme, SLIDE, False))
    say(f"presenter view, {count} slides: {url}")
    return deck


def say(text: str) -> None:
    print(f"[shots] {text}", file=sys.stderr, flush=True)


def index(kinds: list[Kind], decks: list[Kind]) -> str:
    """A page that shows every shot, each linked to its full size, problems marked."""
    def figure(shot: Shot, caption: str) -> str:
        bad = f'<p class="bad">{html.escape(shot.problem)}</p>' if shot.problem else ""
        note = f' <span class="note">({html.escape(shot.note)})</span>' if shot.note else ""
        return (f'<figure{" class=bad" if shot.problem else ""}><a href="{html.escape(shot.file)}">'
                f'<img src="{html.escape(shot.file)}" alt="{html.escape(caption)}" loading="lazy"></a>'
                f'<figcaption>{html.escape(caption)}{note}</figcaption>{bad}</figure>')

    parts = ["<!doctype html><html lang='en'><meta charset='utf-8'><title>Screenshots</title>",
             "<style>body{font:14px system-ui,sans-serif;margin:1rem}section{margin:0 0 2rem}"
             ".row{display:flex;gap:1rem;align-items:flex-start;overflow-x:auto}figure{margin:0}"
             "img{display:block;max-height:480px;border:1px solid #999}figure.bad img{outline:4px solid #c00}"
             ".bad{color:#c00;font-weight:bold}.note{color:#666}</style>",
             "<h1>Screenshots: every kind of page</h1>"]
    every = [s for k in kinds + decks for s in k.shots]
    problems = [s for s in every if s.problem]
    parts.append(f"<p class='bad'>{len(problems)} of {len(every)} shots are not in the scheme asked for or had a script error: "
                 "see the red ones.</p>"
                 if problems else "<p>Every shot is in the colour scheme it was asked for, with no script error.</p>")
    parts.append("<p>Pages: " + ", ".join(f"<a href='#{slug(k.name)}'>{html.escape(k.name)}</a>" for k in kinds)
                 + ". <a href='#slides'>Presenter slides</a>.</p>")
    for kind in kinds:
        parts.append(f"<section id='{slug(kind.name)}'><h2>{html.escape(kind.name)}</h2>"
                     f"<p><a href='{html.escape(kind.shots[0].url)}'>{html.escape(kind.path)}</a></p><div class='row'>")
        parts += [figure(s, s.file.rsplit("--", 2)[1] + ", " + s.file.rsplit("--", 1)[1].removesuffix(".png") + " px")
                  for s in kind.shots]
        parts.append("</div></section>")
    parts.append("<h2 id='slides'>Presenter slides, 1280x720</h2>")
    for deck in decks:
        parts.append(f"<section><h3>{html.escape(deck.name)}</h3><div class='row'>")
        parts += [figure(s, s.url.rsplit("#", 1)[1] + ", " + s.file.rsplit("--", 1)[1].removesuffix(".png")) for s in deck.shots]
        parts.append("</div></section>")
    return "\n".join(parts) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.shots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder for the shots (default {OUT.relative_to(ROOT)}/)")
    parser.add_argument("--site", type=Path, default=SITE, help="the built site (default site/, built first if stale)")
    args = parser.parse_args(argv)
    if args.site == SITE and stale(SITE):
        say("site/ is missing or older than its sources: building it (python -m kb.build)")
        subprocess.run([sys.executable, "-m", "kb.build"], cwd=ROOT, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    kinds, decks = shoot(args.site, args.out)
    (args.out / "index.html").write_text(index(kinds, decks), encoding="utf-8")
    shots = [s for k in kinds + decks for s in k.shots]
    problems = [s for s in shots if s.problem]
    for shot in problems:
        print(f"{shot.file}: {shot.problem}", file=sys.stderr)
    print(f"{len(shots)} screenshots of {len(kinds)} kinds of page and {len(decks)} presenter views: "
          f"{args.out / 'index.html'}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
