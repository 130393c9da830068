"""After the build: Material's stylesheets trimmed to what the built site can use, and our
own stylesheets and scripts minified in place (their names stay, so pages that name them in
front matter still find them; mkdocs-minify-plugin minifies the HTML).

Material ships one stylesheet for every extension and palette (23 KB gzip); this site uses
a fraction of it, and the rest is a third of a first visit. After MkDocs has written every
page, the rules whose selectors name a class, element or attribute value that no page and
no script of the site contains are dropped, and so are custom properties nothing reads.
Anything a script may add (Material's bundle builds search results and tooltips) counts
as used, because its class names, element names and values are in the script's text.

(PurgeCSS does this, but needs Node.js at build time; tinycss2 parses the CSS here.)
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import jsmin
import tinycss2

from . import keep

STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
def minify_css(css: str) -> str:
    """Comments dropped and whitespace runs made one space, token by token (csscompressor
    also drops the spaces calc() and clamp() need around + and -)."""
    tokens = tinycss2.parse_component_value_list(css, skip_comments=True)
    _collapse(tokens)
    return tinycss2.serialize(tokens).strip()


def _collapse(tokens) -> None:
    for token in tokens:
        if token.type == "whitespace":
            token.value = " "
        for nested in (getattr(token, "content", None), getattr(token, "arguments", None)):
            if isinstance(nested, list):
                _collapse(nested)


OWN = {"stylesheets/*.css": minify_css, "javascripts/*.js": jsmin.jsmin}
WORD = re.compile(r"[A-Za-z0-9_-]+")
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# The attributes a selector of ours can test: classes, ids and data- values (kept()).
NAMING_ATTRIBUTE = re.compile(r"""\s(?:class|id|data-[\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
# Inline scripts that run: a JSON island (Material's __config, whose feature list says
# "search.highlight") is data the bundle reads, never a class it sets.
INLINE_SCRIPT = re.compile(r"""<script\b(?![^>]*\btype\s*=\s*["']?application/json)[^>]*>(.*?)</script>""", re.S)
SCRIPT_TAG = re.compile(r"""\b[a-zA-Z]\(\s*["']([a-z][a-z0-9]*)["']""")  # Material's x("li", ...) element helper
NEGATION = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
FUNCTIONAL_PSEUDO = re.compile(r"::?[a-z-]+\((?:[^()]|\([^()]*\))*\)")
PSEUDO = re.compile(r"::?[a-z-]+")
ATTRIBUTE = re.compile(r"\[\s*([a-z-]+)\s*[~|^$*]?=\s*[\"']?([^\"'\]\s]+)[\"']?\s*[a-z]?\s*\]")
# Text direction: Material sets it in markup only (<body dir="ltr">) and its bundle only
# reads it, so a [dir=rtl] rule (a twentieth of its stylesheet) can match only where a page
# says dir="rtl" in its markup.
DIRECTION_NEEDED = re.compile(r"""\[\s*dir\s*=\s*["']?([a-z]+)["']?\s*\]""")
# No leading \s: a literal start is searched for fast (7 ms less at 1x), and an attribute that
# only ends in "dir" can only keep more rules, never fewer.
DIRECTION_GIVEN = re.compile(r"""dir\s*=\s*["']?([a-zA-Z]+)""")
CUSTOM_PROPERTY = re.compile(r"""(--[A-Za-z0-9_-]+)\s*:(?:[^;{}"']|"[^"]*"|'[^']*')*;?""")
ALWAYS = {"html", "body"}


# Material's bundle names every component it can draw, so its text alone would keep all
# their rules (2 KB gzip of a first visit here). These it draws only when a setting turns
# them on: with the setting off, the bundle's mention of them does not count. A page that
# has one (hand-written markup) still keeps its rules.
def _features(config) -> list[str]:
    return config["theme"].get("features", [])


def _extensions(config) -> list[str]:
    return config["markdown_extensions"]


BUNDLE_COMPONENTS = {  # names (with their -modifiers and __elements) -> is it turned on?
    ("md-version",): lambda config: bool(config["extra"].get("version")),
    ("md-source",): lambda config: bool(config["repo_url"]),
    ("md-annotation",): lambda config: "content.code.annotate" in _features(config),
    ("md-code",): lambda config: any(f.startswith("content.code.") for f in _features(config)),
    ("tabbed",): lambda config: "pymdownx.tabbed" in _extensions(config),
    ("highlight", "highlighttable"): lambda config: bool({"pymdownx.highlight", "codehilite"} & set(_extensions(config))),
}
MATERIAL_SCRIPTS = "assets/javascripts/"


def components_off(config) -> frozenset[str]:
    """The names of BUNDLE_COMPONENTS that this site's mkdocs.yml leaves off."""
    return frozenset(name for names, turned_on in BUNDLE_COMPONENTS.items() if not turned_on(config) for name in names)


def _component_words(components: frozenset[str]):
    """Whether a word names one of the components, its modifiers (-) or its elements (__)."""
    prefixes = tuple(c + sep for c in components for sep in "-_")
    return lambda word: word in components or word.startswith(prefixes)


def _markup_values(page: str) -> set[str]:
    """A page's classes, ids, data- values and inline scripts: its prose (and its JSON data)
    names no class, however often it says "note" or "highlight"."""
    values = {value for match in NAMING_ATTRIBUTE.findall(page) for value in match if value}
    values.update(INLINE_SCRIPT.findall(page))
    return values


@dataclass(frozen=True)
class Usage:
    words: frozenset[str]  # every word of every tag and script: classes, ids, values
    tags: frozenset[str]   # every element a page has or a script makes
    directions: frozenset[str]  # every dir="..." a page gives

    @classmethod
    def of_site(cls, site_dir: Path, off: frozenset[str] = frozenset()) -> "Usage":
        pages = [p.read_text(encoding="utf-8", errors="ignore") for p in site_dir.rglob("*.html")]
        scripts = {p: p.read_text(encoding="utf-8", errors="ignore")
                   for p in site_dir.rglob("*.js") if _in_pages(p, site_dir)}
        # Pages share most of their values (the same classes on every page): each distinct
        # value is split into words once.
        values = set().union(*map(_markup_values, pages))
        words = {word for value in values for word in WORD.findall(value)}
        drawn_only_if_on = _component_words(off)
        for path, text in scripts.items():
            material = path.relative_to(site_dir).as_posix().startswith(MATERIAL_SCRIPTS)
            words |= {w for w in WORD.findall(text) if not (material and drawn_only_if_on(w))}
        scripts = list(scripts.values())
        tags = {t.lower() for t in set().union(*(TAG.findall(text) for text in pages))}
        tags |= {t for text in scripts for t in SCRIPT_TAG.findall(text)}
        directions = {d.lower() for text in pages for d in DIRECTION_GIVEN.findall(text)}
        return cls(frozenset(words), frozenset(tags | ALWAYS), frozenset(directions))

    def keeps(self, selector: str) -> bool:
        """Whether the selector can match: what a :not() excludes does not need to exist."""
        needs = _needs(selector)
        return needs.words <= self.words and needs.tags <= self.tags and needs.directions <= self.directions


@dataclass(frozen=True)
class Needs:
    """What must exist somewhere in the site for a selector to match: words (classes, ids,
    values of data- attributes), elements and text directions (dir="...")."""
    words: frozenset[str]
    tags: frozenset[str]
    directions: frozenset[str]


@functools.lru_cache(maxsize=None)
def _needs(selector: str) -> Needs:
    rest = NEGATION.sub("", selector)
    directions = frozenset(DIRECTION_NEEDED.findall(rest))
    words = {w for name, value in ATTRIBUTE.findall(rest) if name.startswith("data-") for w in WORD.findall(value)}
    rest = ATTRIBUTE.sub("", re.sub(r"\[[^\]]*\]", "", rest))
    words |= set(re.findall(r"[.#]([A-Za-z0-9_-]+)", rest))
    elements = re.sub(r"[.#][A-Za-z0-9_-]+", "", PSEUDO.sub("", FUNCTIONAL_PSEUDO.sub("", rest)))
    return Needs(frozenset(words), frozenset(re.findall(r"[a-z][a-z0-9-]*", elements)), directions)


# Scripts that run in the search worker, away from the page: they make no element and set no
# class. (Their text, a megabyte of word lists for other languages, was half a build's reading.)
WORKER_SCRIPTS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def _in_pages(script: Path, site_dir: Path) -> bool:
    return not script.relative_to(site_dir).as_posix().startswith(WORKER_SCRIPTS)


@dataclass(frozen=True)
class Block:
    """One rule of a stylesheet: selectors and their declarations; or an @media or @supports
    group of rules (at, inner); or any other at-rule, kept whole (raw)."""
    selectors: tuple[str, ...] = ()
    body: str = ""
    at: str = ""
    inner: tuple["Block", ...] = ()
    raw: str = ""


def slim(css: str, usage: Usage, kept_at: Path | None = None) -> str:
    """css without the rules usage cannot match; kept_at: where the parsed stylesheet is kept
    for the next build (kb.keep)."""
    kept = "".join(_kept(_parsed(css, kept_at), usage))
    return _unread_properties_removed(kept)


@functools.cache
def _this_file() -> bytes:
    """This file's source, read once: part of the key of all it keeps (kb.keep), so a change
    to how it trims or minifies works everything out afresh."""
    return Path(__file__).read_bytes()


# Material's stylesheet is the same on every build: parsing it (0.1 s, most of the trimming's
# cost) is done once per process, and once per version of it and of this file on disk.
@functools.lru_cache(maxsize=8)
def _parsed(css: str, kept_at: Path | None = None) -> tuple[Block, ...]:
    key = hashlib.sha256(css.encode() + _this_file()).hexdigest()
    if kept_at:
        try:
            return _from_json(keep.read(kept_at, key))
        except (TypeError, KeyError, ValueError):  # not kept, or not in the shape this file writes
            pass
    blocks = _blocks(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    if kept_at:
        keep.write(kept_at, key, [dataclasses.asdict(block) for block in blocks])
    return blocks


def _from_json(blocks: list) -> tuple[Block, ...]:
    return tuple(Block(selectors=tuple(map(str, b["selectors"])), body=str(b["body"]), at=str(b["at"]),
                       inner=_from_json(b["inner"]), raw=str(b["raw"])) for b in blocks)


def _blocks(rules) -> tuple[Block, ...]:
    blocks = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = tuple(s.strip() for s in _split(tinycss2.serialize(rule.prelude)))
            blocks.append(Block(selectors=selectors, body=tinycss2.serialize(rule.content)))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = _blocks(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
            blocks.append(Block(at=f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner=inner))
        elif rule.type == "at-rule":
            blocks.append(Block(raw=tinycss2.serialize([rule])))
    return tuple(blocks)


def _kept(blocks, usage: Usage):
    for block in blocks:
        if block.selectors:
            kept = [s for s in block.selectors if usage.keeps(s)]
            if kept:
                yield ",".join(kept) + "{" + block.body + "}"
        elif block.at:
            inner = "".join(_kept(block.inner, usage))
            if inner:
                yield f"{block.at}{{{inner}}}"
        else:
            yield block.raw


def _split(selectors: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is() or :not())."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(selectors):
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(selectors[start:i])
            start = i + 1
    return parts + [selectors[start:]]


def _unread_properties_removed(css: str) -> str:
    """Custom properties (Material's icons as data URIs, mostly) that no var() reads."""
    while True:
        read = set(re.findall(r"var\(\s*(--[A-Za-z0-9_-]+)", css))
        trimmed = CUSTOM_PROPERTY.sub(lambda m: m.group(0) if m.group(1) in read else "", css)
        if trimmed == css:
            return css
        css = trimmed


def minify_own(site_dir: Path, kept_at: Path | None = None) -> None:
    """Our stylesheets and scripts minified in place. What each minified to is kept by its
    content (kb.keep), for the next build: minifying them was a tenth of our build's own cost."""
    key = hashlib.sha256(f"jsmin {jsmin.__version__}, tinycss2 {tinycss2.__version__}".encode()
                         + _this_file()).hexdigest()
    kept = keep.read(kept_at, key) if kept_at else None
    kept = kept if isinstance(kept, dict) else {}
    minified = {}
    for pattern, minify in OWN.items():
        for path in site_dir.glob(pattern):
            text = path.read_text(encoding="utf-8")
            digest = hashlib.sha256(text.encode()).hexdigest()
            done = kept.get(digest)
            minified[digest] = done if isinstance(done, str) else minify(text)
            path.write_text(minified[digest], encoding="utf-8")
    if kept_at and minified != kept:
        keep.write(kept_at, key, minified)


def slim_site(site_dir: Path, off: frozenset[str] = frozenset(), keep_in: Path | None = None) -> None:
    """off: components the site leaves off (components_off), whose rules may go; keep_in:
    the folder that keeps parsed stylesheets between builds."""
    minify_own(site_dir, keep_in / "minified.json" if keep_in else None)  # first: their words count as served
    usage = Usage.of_site(site_dir, off)
    for pattern in STYLESHEETS:
        for path in site_dir.glob(pattern):
            kept_at = keep_in / f"stylesheet-{path.name.split('.')[0]}.json" if keep_in else None
            path.write_text(slim(path.read_text(encoding="utf-8"), usage, kept_at), encoding="utf-8")
            source_map = path.with_name(path.name + ".map")
            source_map.unlink(missing_ok=True)  # it describes the stylesheet before trimming
    return None
