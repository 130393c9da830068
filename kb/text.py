"""YAML text to inline HTML that is inert: content is text, never code.

Allowed markup in text fields: **bold** and *italic*, nothing else. Everything else is
escaped, both as HTML (no tags, no scripts, no event handlers) and as Markdown (no links,
headings, attribute lists or code), so what an editor writes is what a reader sees.
Abbreviations from the glossary are wrapped in <abbr> so they show their expansion.
"""
from __future__ import annotations

import html
import re

from markupsafe import Markup

EMPHASIS = re.compile(r"\*\*(?P<strong>[^*]+?)\*\*|\*(?P<em>[^*\s][^*]*?)\*")
# One pass: HTML's specials as entities, and the characters Markdown (with the
# extensions we enable) would act on inside a line as numeric references.
INERT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
                       **{c: f"&#{ord(c)};" for c in "\\`*_{}[]#!"}})
NOT_EXPANDED = "not expanded in the report; see the glossary"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"'])")


def abbreviation_titles(abbreviations) -> dict[str, str]:
    """Each abbreviation (and its plural) and the tooltip it gets, on every kind of page."""
    titles = {}
    for a in abbreviations:
        # One line: it goes into an attribute inside headings, and into one-line definitions.
        title = " ".join((a.expansion or f"{a.abbreviation}: {NOT_EXPANDED}").split())
        titles[a.abbreviation] = title
        if a.plural:
            titles[a.plural] = title
    return titles


class InlineText:
    def __init__(self, abbreviations):
        self.titles = abbreviation_titles(abbreviations)
        words = sorted(self.titles, key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words else None

    def __call__(self, text: str) -> Markup:
        # One line: a line break in the data (a YAML block scalar) would end a heading or a
        # list item early in the Markdown, or indent the rest into a code block.
        text = " ".join(text.split())
        parts, last = [], 0
        for match in EMPHASIS.finditer(text):
            parts.append(self._plain(text[last:match.start()]))
            tag = "strong" if match["strong"] else "em"
            parts.append(f"<{tag}>{self._plain(match[tag])}</{tag}>")
            last = match.end()
        parts.append(self._plain(text[last:]))
        return Markup("".join(parts))

    def paragraph(self, text: str) -> Markup:
        """Text that stands as a Markdown paragraph (or list item) of its own."""
        return Markup(block_start_safe(self(text)))

    def plain(self, text: str) -> Markup:
        """Escaped text with no abbreviation markup, for places a tag may not go (titles)."""
        return Markup(" ".join(text.split()).translate(INERT))

    def _plain(self, text: str) -> str:
        # Abbreviations are found in the text itself, never in its escapes: "lt" is not in "&lt;".
        if not self.pattern:
            return text.translate(INERT)
        parts, last = [], 0
        for match in self.pattern.finditer(text):
            parts += [text[last:match.start()].translate(INERT), self._abbr(match)]
            last = match.end()
        parts.append(text[last:].translate(INERT))
        return "".join(parts)

    def _abbr(self, match) -> str:
        return f'<abbr title="{self.titles[match[1]].translate(INERT)}">{match[1]}</abbr>'


def tag_name(text: str) -> str:
    """A setting or partner as the tag it becomes: one line, and escaped, because Material
    prints a tag's name into every page that has it, and into the tags page, as HTML."""
    return html.escape(" ".join(text.split()))


def strip_emphasis(text: str) -> str:
    """The text without its **bold** and *italic* marks, for places that take plain text."""
    return EMPHASIS.sub(lambda m: m["strong"] or m["em"], text)


BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=|:>~])")  # ~: a code fence (~~~), as ``` is


def block_start_safe(html: str) -> str:
    """Escape what would start a list, quote, table or code block when a paragraph begins with it."""
    return BLOCK_START.sub(lambda m: (m[1] or "") + "".join(f"&#{ord(c)};" for c in (m[2] or m[3])), html, count=1)


def summary(paragraphs: list[str]) -> str:
    """The first sentence of an example, word for word: its one-line summary (on lists, and in
    link previews)."""
    return SENTENCE_END.split(paragraphs[0].strip(), maxsplit=1)[0]


def long_date(date) -> str:
    """A day as readers read it on every page: 4 March 2031."""
    return date.strftime("%-d %B %Y")


def count_of(items, noun: str) -> str:
    """'1 practice example', '3 questions', 'no questions'."""
    count = len(items)
    return f"{count or 'no'} {noun}{'' if count == 1 else 's'}"
