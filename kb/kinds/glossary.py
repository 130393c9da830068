"""data/glossary.yaml: the abbreviations the report uses, with its own expansions."""
from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, StringConstraints

from .base import DataFile, Kind, Record, Text

Word = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+$")]


class Abbreviation(Record):
    abbreviation: Word
    expansion: Optional[Text] = Field(description="The report's own expansion, or null where it gives none.")
    plural: Optional[Word] = None


class GlossaryFile(Record):
    abbreviations: list[Abbreviation]


FILE = DataFile("glossary", "glossary.yaml", GlossaryFile)
# A hand-written page links an entry as {{ term("CAF") }}: to its line on the glossary page.
ABBREVIATION = Kind("abbreviation", "abbreviation", (Abbreviation,), FILE.name, "abbreviations",
                    id_field="abbreviation", title=lambda a: a.abbreviation, macro="term")
