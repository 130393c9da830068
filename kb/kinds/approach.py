"""An approach inside a focus area (five in the report, one with two strands)."""
from __future__ import annotations

from typing import Optional

from pydantic import Field, model_validator

from .base import Id, Kind, Listed, Number, Record, Text
from .block import Block


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


APPROACH = Kind("approach", "approach", (Approach, Strand), "themes", "approaches")
