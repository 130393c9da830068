"""What every kind of content shares: the building blocks of its records, where a record was
written, and the descriptor that says what a kind is.

A kind's module (beside this one) holds its schema (pydantic models), its file, its address,
the ids it refers to and its templates; everything else asks its descriptor (`Kind`).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Annotated, Callable, List, Mapping, Protocol, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


class CutText(str):
    """A plain YAML value that a comment cut short (`from 44 to 2 #schools` reads as
    `from 44 to 2`): the YAML reader makes these, and text refuses them."""
    comment: str = ""


def _whole(value):
    if isinstance(value, CutText):
        raise PydanticCustomError(
            "cut_by_comment", "the text stops at '{comment}', because YAML reads ' #' as the start of a comment, "
            "so the page would show only '{shown}'; put the whole text in quotes (\"...\") or write it as a block (>-)",
            {"comment": value.comment[:40], "shown": value if len(value) <= 50 else "…" + value[-45:].lstrip()})
    return value


def _not_blank(text: str) -> str:
    # Text of only spaces would print as an empty statement.
    if not text.strip():
        raise PydanticCustomError("blank_text", "must hold some text, not only spaces")
    return text


# Characters a page cannot show, which YAML only lets in escaped ("\x86"): control characters
# other than tab and line breaks, the line and paragraph separators, surrogates and the two
# non-characters. In a page's front matter they would stop MkDocs reading it.
UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# Characters that are there but cannot be seen (pasted from a PDF or a word processor): a reader
# cannot see them and search cannot match across them. Joiners inside emoji and scripts stay.
INVISIBLE = {"\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u2060": "word joiner",
             "\ufeff": "zero-width no-break space", "\u200e": "left-to-right mark", "\u200f": "right-to-left mark",
             "\u180e": "Mongolian vowel separator", **{chr(c): "direction control" for c in (*range(0x202a, 0x202f), *range(0x2066, 0x206a))}}
INVISIBLE_FOUND = re.compile("[" + "".join(INVISIBLE) + "]")


def _showable(text: str) -> str:
    found = UNSHOWABLE.search(text)
    if found:
        raise PydanticCustomError("unshowable_character", "holds an invisible control character (#x{code}) that a page "
                                  "cannot show; delete it", {"code": f"{ord(found[0]):04x}"})
    found = INVISIBLE_FOUND.search(text)
    if found:
        raise PydanticCustomError("invisible_character", "holds an invisible character (a {name}, U+{code}) after "
                                  "'{before}': readers cannot see it and search cannot find words across it; delete it",
                                  {"name": INVISIBLE[found[0]], "code": f"{ord(found[0]):04X}",
                                   "before": text[max(0, found.start() - 30):found.start()]})
    return text


Text = Annotated[str, BeforeValidator(_whole), StringConstraints(min_length=1), AfterValidator(_not_blank),
                 AfterValidator(_showable)]
Number = Annotated[int, Field(ge=1)]
T = TypeVar("T")
# A list that a page prints under a heading or label: empty, it would print an empty one.
Listed = Annotated[List[T], Field(min_length=1)]
ReviewDate = Annotated[datetime.date, Field(description="When an editor last checked this against the report (YYYY-MM-DD).")]


class Document(Protocol):
    """A parsed data file, as a record needs it: its name and the line of a path in it."""
    name: str
    value: object

    def line_of(self, path: tuple) -> int: ...


@dataclass(frozen=True)
class Where:
    """Where a value is written: its file, and its path in the file (("examples", 0, "id"))."""
    doc: Document
    path: tuple = ()

    def at(self, *parts) -> "Where":
        return Where(self.doc, self.path + parts)

    @property
    def file(self) -> str:
        return self.doc.name

    @property
    def line(self) -> int:
        return self.doc.line_of(self.path)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    _where: Where | None = PrivateAttr(default=None)  # set by the loader

    @property
    def where(self) -> Where:
        return self._where


def records_in(record: BaseModel):
    """The record and every record inside it, depth first in the order of their fields."""
    yield record
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, BaseModel):
                yield from records_in(item)


@dataclass(frozen=True)
class DataFile:
    """A data file (or, for themes, a folder of them) and the model it must match."""
    name: str        # how checks refer to it: "examples", "themes"
    pattern: str     # inside data/: "examples.yaml", "themes/*.yaml"
    model: type[Record]

    @property
    def many(self) -> bool:
        return "*" in self.pattern


@dataclass(frozen=True)
class Kind:
    """What a kind of content is: one descriptor, asked by the loader, rules, pages and redirects."""
    key: str                        # as data/redirects.yaml writes it: "focus_area"
    name: str                       # as a message says it: "focus area"
    models: tuple[type[Record], ...]  # its records (a strand of an approach is an approach too)
    file: str                       # the name of the data file that holds them ("themes")
    list_key: str = ""              # the key of the list that holds its records
    refs: Mapping[str, str] = field(default_factory=dict)  # field -> key of the kind its ids name
    # Its pages, its own first, from its id (after the id of the kind it is `within`, whose
    # address its own addresses extend: a focus area's are under its theme's), and their templates.
    pages: Callable[..., list[str]] | None = None
    templates: tuple[str, ...] = ()
    within: str | None = None
    id_field: str = "id"            # the field that names one (an abbreviation is named by itself)
    title: Callable[[Record], str] | None = None  # its title as its page and links give it
    macro: str | None = None        # the macro a hand-written page links one by: {{ behaviour("its-id") }}

    @property
    def reviewed(self) -> bool:
        return any("last_reviewed" in model.model_fields for model in self.models)
