"""data/examples.yaml: the report's numbered practice examples."""
from __future__ import annotations

from typing import Optional

from pydantic import Field

from .base import DataFile, Id, Kind, Listed, Number, Record, ReviewDate, Text


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


def example_path(example_id: str) -> str:
    return f"examples/{example_id}.md"


FILE = DataFile("examples", "examples.yaml", ExamplesFile)
EXAMPLE = Kind("example", "example", (PracticeExample,), FILE.name, "examples",
               refs={"theme": "theme", "focus_area": "focus_area", "approaches": "approach", "behaviours": "behaviour"},
               pages=lambda ident: [example_path(ident)], templates=("example.md.j2",),
               title=lambda e: f"Example {e.number}: {e.title}", macro="example")
