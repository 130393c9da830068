"""data/changes/<date>-<words>.yaml: change notes, one a file, as an editor writes them in the pull
request that changes what readers see (a file of its own, so two pull requests never conflict).

A note says when (its date, written in the file: never the build's time or git's), which pages it
concerns (by kind and id, renames followed through data/redirects.yaml; or a page by its address),
whether readers must know (major: the page shows "Last updated", the changes page and the feed
list it) or not (minor: a typo, a link; readers see nothing), and what changed and why.
"""
from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, model_validator

from .base import DataFile, Kind, Record, Text
from .redirect import PUBLISHED

# How the changes page groups notes, as MITRE ATT&CK's release notes do, in this order; the
# site's first edition is the first note of all.
CHANGES = {"new": "New pages", "changed": "Changed", "renamed": "Renamed", "retired": "Retired",
           "first-edition": "First edition"}
PAGE = "page"  # a page named by its address (a page without an id: the glossary, a hand-written page)


class Concerns(Record):
    """A page the note is about: an entity by kind and id, or any page by its address."""
    kind: Literal[tuple(kind.key for kind in PUBLISHED) + (PAGE,)] = Field(
        description="behaviour, example, theme, focus_area, question, or page (then id is the page's address, like /glossary/).")
    id: Text = Field(description="The entity's id (an old id is followed through data/redirects.yaml), or for "
                                 "kind: page the address as the address bar shows it after the host.")


class ChangeNote(Record):
    date: datetime.date = Field(description="The day the change reaches readers (YYYY-MM-DD), written once.")
    importance: Literal["major", "minor"] = Field(
        description="major: readers must know (the page shows 'Last updated', the changes page and the feed list it); "
                    "minor: a typo, a link (readers see nothing).")
    change: Literal[tuple(CHANGES)] = Field(description="new, changed, renamed or retired (first-edition: the site's first note).")
    pages: list[Concerns] = Field(default_factory=list, description="The pages it concerns.")
    text: Text = Field(description="One or two sentences, in plain words: what changed, and why.")

    @model_validator(mode="after")
    def pages_named(self):
        if self.change == "first-edition" and self.pages:
            raise ValueError("the first edition concerns the whole site: leave out pages")
        if self.change != "first-edition" and not self.pages:
            raise ValueError("a note needs pages: the pages it concerns, each '- {kind: question, id: its-id}'")
        return self

    @property
    def one_line(self) -> str:
        """Its text on one line, as the feed, the open data, the self-review's marks and make
        diff give it (a folded YAML text keeps its line breaks)."""
        return " ".join(self.text.split())

    @property
    def name(self) -> str:
        """Its file's name without .yaml: its anchor on the changes page and its feed entry's id."""
        return self.where.file.rsplit("/", 1)[-1].removesuffix(".yaml")


FILE = DataFile("changes", "changes/*.yaml", ChangeNote)
CHANGE = Kind("change", "change note", (ChangeNote,), FILE.name)
