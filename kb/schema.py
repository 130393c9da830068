"""The shape of every data file, in the report's own words.

One source of truth: the loader validates against these models, the JSON Schemas in
schemas/ are generated from them, and the pages read them.
"""
from __future__ import annotations

import datetime
import re
from typing import Annotated, List, Literal, Optional, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def _not_blank(text: str) -> str:
    # Text of only spaces would print as an empty statement.
    if not text.strip():
        raise PydanticCustomError("blank_text", "must hold some text, not only spaces")
    return text


# Characters a page cannot show, which YAML only lets in escaped ("\x86"): control characters
# other than tab and line breaks, the line and paragraph separators, surrogates and the two
# non-characters. In a page's front matter they would stop MkDocs reading it.
UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _showable(text: str) -> str:
    found = UNSHOWABLE.search(text)
    if found:
        raise PydanticCustomError("unshowable_character", "holds an invisible control character (#x{code}) that a page "
                                  "cannot show; delete it", {"code": f"{ord(found[0]):04x}"})
    return text


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank), AfterValidator(_showable)]
Number = Annotated[int, Field(ge=1)]
T = TypeVar("T")
# A list that a page prints under a heading or label: empty, it would print an empty one.
Listed = Annotated[List[T], Field(min_length=1)]
ReviewDate = Annotated[datetime.date, Field(description="When an editor last checked this against the report (YYYY-MM-DD).")]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- data/behaviours.yaml --------------------------------------------------------------

class AbilityList(Record):
    lead: Text
    abilities: Listed[Text]


class Framework(Record):
    introduction: Text
    resourcefulness: AbilityList
    resourceful_leader: AbilityList
    figure_title: Text
    behaviours_lead: Text


class Behaviour(Record):
    id: Id
    name: Text = Field(description="The behaviour as the report's footnote 1 names it.")
    last_reviewed: ReviewDate


class BehavioursFile(Record):
    framework: Framework
    behaviours: Listed[Behaviour]


# --- data/themes/<id>.yaml -------------------------------------------------------------

class Illustration(Record):
    """An unnumbered illustration the report's narrative gives."""
    id: Id
    title: Text = Field(description="Our short label for it; the text is the report's.")
    text: Text


class Quote(Record):
    id: Id
    text: Text
    attribution: Text


BLOCK_KINDS = ("paragraph", "list", "illustration", "example", "quote", "address")


class Block(Record):
    """One piece of narrative, in the report's order: exactly one of the kinds."""
    id: Optional[Id] = Field(None, description="An anchor, for a paragraph other pages point at.")
    paragraph: Optional[Text] = None
    list: Optional[Listed[Text]] = None  # List: the field name hides the builtin here
    illustration: Optional[Illustration] = None
    example: Optional[Id] = Field(None, description="The id of a practice example in data/examples.yaml.")
    quote: Optional[Quote] = None
    address: Optional[Id] = Field(None, description="The id of an evidence source whose address the report prints here.")
    cites: List[Id] = Field(default_factory=lambda: [], description="Ids of evidence sources this paragraph refers to.")

    @model_validator(mode="after")
    def one_kind(self):
        kinds = [kind for kind in BLOCK_KINDS if getattr(self, kind) is not None]
        if len(kinds) != 1:
            found = ", ".join(kinds) if kinds else "none"
            raise ValueError(f"a block needs exactly one of {', '.join(BLOCK_KINDS)} (found {found})")
        if (self.id or self.cites) and kinds[0] != "paragraph":
            raise ValueError("only a paragraph block can have id or cites")
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in BLOCK_KINDS if getattr(self, kind) is not None)


class Strand(Record):
    """One way an approach was carried out, with its own narrative."""
    id: Id
    title: Text
    blocks: Listed[Block]


class Approach(Record):
    id: Id
    number: Optional[Number] = Field(None, description="The number the report gives the approach, if any.")
    title: Text
    blocks: list[Block] = Field(description="Its narrative; may be empty only when its strands carry it.")
    strands: list[Strand] = Field(default_factory=lambda: [], description="Ways the approach was carried out, each with its own narrative.")

    @model_validator(mode="after")
    def has_narrative(self):
        if not self.blocks and not self.strands:
            raise ValueError("an approach needs at least one block of narrative (or strands that have theirs)")
        return self


class ReflectiveQuestion(Record):
    id: Id
    text: Text


class FocusArea(Record):
    id: Id
    title: Text
    behaviours: Listed[Id] = Field(description="Ids of the core behaviours this focus area joins.")
    last_reviewed: ReviewDate
    introduction: list[Block]
    approaches: Listed[Approach]
    questions_heading: Text
    questions: Listed[ReflectiveQuestion]


class Evidence(Record):
    title: Text
    blocks: Listed[Block]


class Theme(Record):
    id: Id
    title: Text
    last_reviewed: ReviewDate
    introduction: Listed[Block]
    evidence: Optional[Evidence] = None
    focus_areas: Listed[FocusArea]
    questions_title: Text
    questions_introduction: Text


# --- data/examples.yaml ----------------------------------------------------------------

class PracticeExample(Record):
    id: Id
    number: Number
    title: Text
    theme: Id
    focus_area: Id
    approaches: Listed[Id] = Field(description="Ids of the approaches or strands it illustrates.")
    behaviours: Listed[Id]
    setting: Text = Field(description="Where the report places it, in its words: 'one authority'.")
    partners: list[Text]
    outcome: Optional[Text] = Field(description="The outcome in the report's words, or null where it states none.")
    last_reviewed: ReviewDate
    text: Listed[Text] = Field(description="The example's paragraphs, word for word.")


class ExamplesFile(Record):
    examples: list[PracticeExample]


# --- data/evidence.yaml, data/glossary.yaml, data/source.yaml --------------------------

class EvidenceSource(Record):
    id: Id
    title: Text
    publisher: Optional[Text] = None
    kind: Text
    date: Optional[Text] = None
    original_address: Optional[Text] = Field(description="The address exactly as the report prints it, or null where it gives none.")


class EvidenceFile(Record):
    sources: Listed[EvidenceSource]


class Abbreviation(Record):
    abbreviation: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+$")]
    expansion: Optional[Text] = Field(description="The report's own expansion, or null where it gives none.")
    plural: Optional[Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+$")]] = None


class GlossaryFile(Record):
    abbreviations: list[Abbreviation]


class Environment(Record):
    title: Text
    text: Text


class Report(Record):
    """The source report itself, and the publisher's text printed at its end."""
    title: Text
    subtitle: Text
    publisher: Text
    year: Number
    place: Text
    companion_report: Id = Field(description="The id, in data/evidence.yaml, of the longer report this one was published alongside.")
    about_publisher: Listed[Text]
    copyright: Text
    contact: Listed[Text]
    environment: Environment


# --- data/redirects.yaml ---------------------------------------------------------------

class Redirect(Record):
    """An id that was published and then renamed: its old address keeps working."""
    kind: Literal["behaviour", "example", "theme", "focus_area", "question"]
    old: Id = Field(description="The id as it was published.")
    new: Id = Field(description="The id it was renamed to; it must exist.")


class RedirectsFile(Record):
    redirects: list[Redirect]
