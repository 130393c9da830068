"""The one registry of what the data holds: each data file, and each kind of entity.

Every module that names a kind of entity (the loader, the reference checker, redirects,
messages, review dates, published addresses) takes its name, file, index and address
from here, so "focus area" is spelt one way and its page is made one way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from pydantic import BaseModel

from . import addresses
from .schema import BehavioursFile, EvidenceFile, ExamplesFile, GlossaryFile, RedirectsFile, Report, Theme

if TYPE_CHECKING:
    from .model import KnowledgeBase


@dataclass(frozen=True)
class DataFile:
    """A data file (or, for themes, a folder of them) and the model it must match."""
    name: str        # how checks refer to it: "examples", "themes"
    pattern: str     # inside data/: "examples.yaml", "themes/*.yaml"
    model: type[BaseModel]

    @property
    def many(self) -> bool:
        return "*" in self.pattern


BEHAVIOURS_FILE = DataFile("behaviours", "behaviours.yaml", BehavioursFile)
EXAMPLES_FILE = DataFile("examples", "examples.yaml", ExamplesFile)
EVIDENCE_FILE = DataFile("evidence", "evidence.yaml", EvidenceFile)
GLOSSARY_FILE = DataFile("glossary", "glossary.yaml", GlossaryFile)
REPORT_FILE = DataFile("report", "source.yaml", Report)
REDIRECTS_FILE = DataFile("redirects", "redirects.yaml", RedirectsFile)
THEME_FILES = DataFile("themes", "themes/*.yaml", Theme)
DATA_FILES = (BEHAVIOURS_FILE, EXAMPLES_FILE, EVIDENCE_FILE, GLOSSARY_FILE, REPORT_FILE,
              REDIRECTS_FILE, THEME_FILES)


@dataclass(frozen=True)
class EntityKind:
    key: str            # as data/redirects.yaml and locations write it: "focus_area"
    name: str           # as a message says it: "focus area"
    data_file: DataFile  # where it is defined
    list_key: str       # the YAML key of the list that holds its records
    index: str          # the KnowledgeBase attribute that maps its ids to entities
    # Its pages (its own first), from its id and the id of a current entity whose place it
    # shares (for an old id that was renamed); None for kinds without pages of their own.
    pages: Callable[["KnowledgeBase", str, str], list[str]] | None = None

    def ids(self, kb: "KnowledgeBase") -> dict:
        return getattr(kb, self.index)

    def page_paths(self, kb: "KnowledgeBase", ident: str, current: str | None = None) -> list[str]:
        return self.pages(kb, ident, current or ident) if self.pages else []


def _focus_area_pages(kb, ident, current) -> list[str]:
    theme_id = kb.focus_area[current].theme.id
    return [addresses.focus_area_path(theme_id, ident), addresses.handout_path(theme_id, ident),
            addresses.presenter_path(theme_id, ident)]


BEHAVIOUR = EntityKind("behaviour", "behaviour", BEHAVIOURS_FILE, "behaviours", "behaviour",
                       lambda kb, ident, _: [addresses.behaviour_path(ident)])
EXAMPLE = EntityKind("example", "example", EXAMPLES_FILE, "examples", "example",
                     lambda kb, ident, _: [addresses.example_path(ident)])
THEME = EntityKind("theme", "theme", THEME_FILES, "themes", "theme",
                   lambda kb, ident, _: [addresses.theme_path(ident)])
FOCUS_AREA = EntityKind("focus_area", "focus area", THEME_FILES, "focus_areas", "focus_area", _focus_area_pages)
APPROACH = EntityKind("approach", "approach", THEME_FILES, "approaches", "approach")
QUESTION = EntityKind("question", "question", THEME_FILES, "questions", "question",
                      lambda kb, ident, _: [addresses.question_path(ident)])
EVIDENCE_SOURCE = EntityKind("evidence_source", "evidence source", EVIDENCE_FILE, "sources", "evidence_source")

KINDS = {kind.key: kind for kind in (BEHAVIOUR, EXAMPLE, THEME, FOCUS_AREA, APPROACH, QUESTION, EVIDENCE_SOURCE)}
# Kinds whose ids are published addresses (pages or anchors), and so may be redirected.
PUBLISHED = (BEHAVIOUR, EXAMPLE, THEME, FOCUS_AREA, QUESTION)
# The name of each record in a message, by the key of the list that holds it.
RECORD_NAMES = {kind.list_key: kind.name for kind in KINDS.values()} | {"strands": "strand"}
