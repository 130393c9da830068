"""Read a built site as a reader and a link checker would: page text, links and ids."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse


@dataclass
class BuiltPage:
    path: Path
    url: str  # site-relative, like "behaviours/openness-to-possibilities/"
    text: str = ""  # the article's text as a reader sees it, whitespace collapsed
    links: list[str] = field(default_factory=list)  # every href on the page
    article_links: list[str] = field(default_factory=list)  # hrefs inside the article
    ids: set[str] = field(default_factory=set)
    title: str = ""
    headings: list[int] = field(default_factory=list)  # the article's heading levels, in order


class _Reader(HTMLParser):
    def __init__(self, page: BuiltPage):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.depth = 0  # >0 while inside <article>
        self.chunks: list[str] = []
        self.in_title = False
        self.skip = 0  # inside <script>/<style>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.page.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.page.links.append(attrs["href"])
            if self.depth:
                self.page.article_links.append(attrs["href"])
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.page.headings.append(int(tag[1]))
        if tag == "title":
            self.in_title = True
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag == "title":
            self.in_title = False
        if tag in ("script", "style"):
            self.skip -= 1
        if self.depth and tag in ("p", "li", "h1", "h2", "h3", "h4", "dd", "dt", "figcaption", "div"):
            self.chunks.append(" ")

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data
        if self.depth and not self.skip:
            self.chunks.append(data)


def read_page(path: Path, root: Path) -> BuiltPage:
    rel = path.relative_to(root).as_posix()
    url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    page = BuiltPage(path, url)
    reader = _Reader(page)
    reader.feed(path.read_text(encoding="utf-8"))
    page.text = normalise("".join(reader.chunks))
    page.title = normalise(page.title)
    return page


def read_site(root: Path) -> dict[str, BuiltPage]:
    return {p.url: p for p in (read_page(f, root) for f in sorted(root.rglob("*.html")))}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def resolve(page: BuiltPage, href: str) -> tuple[str, str] | None:
    """(target url, fragment) for an internal link, or None for an external one."""
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc or href.startswith("mailto:"):
        return None
    target, fragment = urldefrag(href)
    base = page.url
    if not target:
        return base, unquote(fragment)
    parts = (base.rsplit("/", 1)[0] + "/" if "/" in base else "").split("/")[:-1]
    for piece in target.split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece not in (".", ""):
            parts.append(piece)
    url = "/".join(parts)
    if target.endswith("/") and url:
        url += "/"
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    return url, unquote(fragment)
