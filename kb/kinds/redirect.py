"""data/redirects.yaml: published ids that were renamed or retired. Their old addresses keep
working: a page at each sends readers on, and an old question id stays an anchor."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from .base import DataFile, Id, Kind, Record, Text
from .behaviour import BEHAVIOUR
from .example import EXAMPLE
from .focus_area import FOCUS_AREA
from .question import QUESTION
from .theme import THEME

# Kinds whose ids are published addresses (pages or anchors), and so may be redirected.
PUBLISHED = (BEHAVIOUR, EXAMPLE, THEME, FOCUS_AREA, QUESTION)


class Redirect(Record):
    """An id that was published and then renamed (new) or retired (retired_to)."""
    kind: Literal[tuple(kind.key for kind in PUBLISHED)]
    old: Id = Field(description="The id as it was published.")
    new: Optional[Id] = Field(None, description="The id it was renamed to; it must exist.")
    retired_to: Optional[Text] = Field(None, description="Where readers of a retired id are sent: an address of the "
                                       "site as its address bar shows it after the host, like /themes/<theme>/<focus-area>/.")

    @model_validator(mode="after")
    def renamed_or_retired(self):
        if (self.new is None) == (self.retired_to is None):
            raise ValueError("a redirect needs either new (the id it was renamed to) or retired_to (where its "
                             "readers go now), not both")
        return self


class RedirectsFile(Record):
    redirects: list[Redirect]


FILE = DataFile("redirects", "redirects.yaml", RedirectsFile)
REDIRECT = Kind("redirect", "redirect", (Redirect,), FILE.name, "redirects")
