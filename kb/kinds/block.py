"""A piece of a theme's narrative, in the report's order: a paragraph, a list, an unnumbered
illustration, a practice example shown in place, a quote, or an address the report prints."""
from __future__ import annotations

from typing import List, Optional

from pydantic import Field, model_validator

from .base import Id, Kind, Listed, Record, Text


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

    @property
    def anchor(self) -> tuple[str | None, tuple]:
        """The anchor the block gives its page, if any, and the path of its id in the block."""
        for part, name in ((self, ()), (self.illustration, ("illustration",)), (self.quote, ("quote",))):
            if part is not None and part.id:
                return part.id, name + ("id",)
        return None, ()


BLOCK = Kind("block", "block", (Block,), "themes", "blocks",
             refs={"example": "example", "address": "evidence_source", "cites": "evidence_source"})
