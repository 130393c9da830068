"""Read a built site as a reader and a link checker would: page text, links and ids."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end separates words, as a browser lays them out on separate lines.
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "figcaption", "div", "td", "th", "tr"}


@dataclass(eq=False)
class Element:
    """An element of a page: the one way the tests read HTML (html.parser builds the tree)."""
    tag: str
    attrs: dict[str, str]
    parent: "Element | None" = None
    children: list = field(default_factory=list)  # Elements and strings of text
    start: str = ""  # its start tag as written

    def iter(self, tag: str | None = None, cls: str | None = None):
        """This element and every one inside it, in document order, of the tag and class if given."""
        if (tag is None or self.tag == tag) and (cls is None or cls in self.classes):
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(tag, cls)

    def find(self, tag: str | None = None, cls: str | None = None) -> "Element | None":
        return next(self.iter(tag, cls), None)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def inside(self, tag: str) -> bool:
        return self.parent is not None and (self.parent.tag == tag or self.parent.inside(tag))

    @property
    def text(self) -> str:
        """The words a reader sees in it, whitespace collapsed (scripts and styles left out)."""
        return normalise("".join(self._words()))

    def _words(self):
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif child.tag not in ("script", "style"):
                yield from child._words()
                yield " " if child.tag in BLOCKS else ""


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.open = Element("#document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.open, start=self.get_starttag_text())
        self.open.children.append(element)
        if tag not in VOID:
            self.open = element

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open = self.open.parent

    def handle_endtag(self, tag):
        element = self.open
        while element is not None and element.tag != tag:  # an end tag closes what it belongs to
            element = element.parent
        if element is not None and element.parent is not None:
            self.open = element.parent

    def handle_data(self, data):
        self.open.children.append(data)


def parse(html_text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html_text)
    builder.close()
    return builder.root


@dataclass
class BuiltPage:
    path: Path
    url: str  # site-relative, like "behaviours/openness-to-possibilities/"
    root: Element
    text: str = ""  # the article's text as a reader sees it, whitespace collapsed
    links: list[str] = field(default_factory=list)  # every href on the page
    article_links: list[str] = field(default_factory=list)  # hrefs inside the article
    ids: set[str] = field(default_factory=set)
    title: str = ""
    headings: list[int] = field(default_factory=list)  # the article's heading levels, in order

    @property
    def moved(self) -> bool:
        """A page left at a renamed or retired page's old address, sending readers on."""
        return any(m.attrs.get("http-equiv") == "refresh" for m in self.root.iter("meta"))


def read_page(path: Path, root: Path) -> BuiltPage:
    rel = path.relative_to(root).as_posix()
    url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    tree = parse(path.read_text(encoding="utf-8"))
    articles = list(tree.iter("article"))
    links = [a for a in tree.iter("a") if "href" in a.attrs]
    title = tree.find("title")
    return BuiltPage(
        path, url, tree, text=normalise(" ".join(article.text for article in articles)),
        links=[a.attrs["href"] for a in links], article_links=[a.attrs["href"] for a in links if a.inside("article")],
        ids={e.attrs["id"] for e in tree.iter() if "id" in e.attrs}, title=title.text if title else "",
        headings=[int(e.tag[1]) for article in articles for e in article.iter() if re.fullmatch(r"h[1-6]", e.tag)])


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
