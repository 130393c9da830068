"""Part 4: the bytes a reader downloads, per kind of page, gzip-compressed as a static host serves them.

A first visit fetches the page and every stylesheet and script it links; the search
worker (named in the page's __config JSON) and the search index load only when the reader
first goes to search (docs/javascripts/lazy-search.js), so they have a row of their
own. Later pages cost only their HTML, since the rest is cached.

Targets: a first visit at most 60 KB (the self-review, which brings its own scripts, 70 KB);
a further page at most 10 KB. The handout and the whole knowledge base on one page carry a
lot of the report's text, so their further-page row shows that text's own weight (gzip of
the words of the page's article) beside the page's, and holds the rest of the page to 10 KB.
"""
from __future__ import annotations

import gzip
import json
import posixpath
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from kb import addresses as paths, tools
from kb.site import Site

from . import ROOT
from .project import site_of
from .report import Row
from kb.addresses import built_file

from .sitefiles import SEARCH_INDEX, kib

PART = "4 Page weight"
FIRST_VISIT_LIMIT = 60 * 1024
FIRST_VISIT_LIMITS = {"self-review": 70 * 1024}  # kinds with a limit of their own
FURTHER_PAGE_LIMIT = 10 * 1024
TEXT_HEAVY = ("handout", "whole knowledge base")  # their own text's weight is shown, and not held to the limit
# The tools part 7 (bench/teamwork.py) weighs, in the browser that uses them; part 4 weighs every other tool.
TEAMWORK_TOOLS = (tools.TEAM, tools.SESSION, tools.SESSION_PRESENT)
OWN_TOOLS = tuple(tool for tool in tools.TOOLS if tool not in TEAMWORK_TOOLS)
KINDS = ("home", "framework", "behaviour", "example", "focus area", "questions", "evidence", "glossary", "question",
         *(tool.name for tool in tools.FOCUS_AREA_TOOLS + OWN_TOOLS))


class _Assets(HTMLParser):
    """The stylesheets and scripts a page makes the browser fetch, and its search worker."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.worker: str | None = None
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.found.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.found.append(attrs["src"])
        self._in_config = tag == "script" and attrs.get("id") == "__config"

    def handle_data(self, data):
        if self._in_config:
            self.worker = json.loads(data).get("search")
            self._in_config = False


class _Text(HTMLParser):
    """The words of a page's article (its own text), without markup, scripts or drawings."""

    SKIPPED = {"script", "style", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._article = 0  # depth inside the article, 0 outside it
        self._skipped = 0

    def handle_starttag(self, tag, attrs):
        if self._article:
            self._article += tag == "article"
        elif tag == "article":
            self._article = 1
        self._skipped += tag in self.SKIPPED

    def handle_endtag(self, tag):
        if self._article and tag == "article":
            self._article -= 1
        self._skipped -= tag in self.SKIPPED and self._skipped > 0

    def handle_data(self, data):
        if self._article and not self._skipped:
            self.words += data.split()


def text_weight(page: Path) -> int:
    """Gzip bytes of the words of the page's article alone: what no markup could save."""
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return len(gzip.compress(" ".join(parser.words).encode("utf-8"), compresslevel=6))


def page_kinds(site: Site, site_dir: Path) -> dict[str, str]:
    """One page of each kind, as the HTML file MkDocs wrote: the heaviest where a kind has many."""
    kb = site.kb
    many = {
        "behaviour": [paths.behaviour_path(b.id) for b in kb.behaviours],
        "example": [paths.example_path(e.id) for e in kb.examples],
        "focus area": [paths.focus_area_path(t.id, a.id) for t in kb.themes for a in t.focus_areas],
        "question": [paths.question_path(q) for q in kb.question],
        **{tool.name: [tool.at(theme=t.id, area=a.id) for t in kb.themes for a in t.focus_areas]
           for tool in tools.FOCUS_AREA_TOOLS},
    }
    heaviest = {kind: max((built_file(p) for p in pages), key=lambda f: (site_dir / f).stat().st_size)
                for kind, pages in many.items()}
    single = {"home": "index.md", "framework": paths.FRAMEWORK, "questions": paths.QUESTIONS,
              "evidence": paths.EVIDENCE, "glossary": paths.GLOSSARY, **{tool.name: tool.path for tool in OWN_TOOLS}}
    found = {kind: built_file(source) for kind, source in single.items()}
    return {kind: found.get(kind) or heaviest[kind] for kind in KINDS}


def assets(site_dir: Path, page: str, search: bool = False) -> list[str]:
    """The site files the page fetches besides itself, as paths in the site; off-site ones are
    left out. With search: the files searching fetches (the worker and the index) instead."""
    parser = _Assets()
    parser.feed((site_dir / page).read_text(encoding="utf-8"))
    here = posixpath.dirname(page)
    wanted = [parser.worker] if search and parser.worker else [] if search else parser.found
    local = [url.split("?")[0].split("#")[0] for url in wanted if "//" not in url]
    found = sorted({posixpath.normpath(posixpath.join(here, url)) for url in local})
    return found + [SEARCH_INDEX] if search else found


@lru_cache(maxsize=None)
def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def measure(site_dir: Path, build_command: str) -> list[Row]:
    rows, shared_by = [], {}
    kinds = page_kinds(site_of(ROOT), site_dir)
    for kind, page in kinds.items():
        shared = tuple(assets(site_dir, page))
        first = sum(gzipped(site_dir / name) for name in (page, *shared))
        said = f"the same {len(shared)} files as {shared_by[shared]}" if shared in shared_by else ", ".join(shared)
        shared_by.setdefault(shared, kind)
        rows.append(_row(f"{kind}: first visit (page + {len(shared)} files)", first,
                         FIRST_VISIT_LIMITS.get(kind, FIRST_VISIT_LIMIT), build_command, f"gzip level 6 of {page} + {said}"))
        rows.append(further_row(kind, site_dir / page, page, build_command))
    searching = assets(site_dir, kinds["home"], search=True)
    rows.append(Row(PART, "search, loaded when first used (worker + index)",
                    kib(sum(gzipped(site_dir / name) for name in searching)), build_command,
                    f"gzip level 6 of {', '.join(searching)}", "not part of a first visit", True))
    return rows


def further_row(kind: str, path: Path, page: str, command: str) -> Row:
    """A later page's weight (its HTML); for a text-heavy kind, its own text's weight beside it,
    and the rest of the page held to the limit."""
    size, how = gzipped(path), f"gzip level 6 of {page}"
    if kind not in TEXT_HEAVY:
        return _row(f"{kind}: further page (HTML only)", size, FURTHER_PAGE_LIMIT, command, how)
    text = text_weight(path)
    return Row(PART, f"{kind}: further page (HTML only; its own text alone {kib(text)}, the rest {kib(size - text)})",
               f"{kib(size)} (text {kib(text)})", command, f"{how}; its text: gzip level 6 of the words of its article",
               f"≤ {kib(FURTHER_PAGE_LIMIT)} besides its text", size - text <= FURTHER_PAGE_LIMIT)


def _row(measure: str, size: int, limit: int, command: str, how: str) -> Row:
    return Row(PART, measure, kib(size), command, how, f"≤ {kib(limit)}", size <= limit)
