"""The knowledge base in memory: every entity, indexed by id and by each relation both ways.

Built in one step by `KnowledgeBase.build`, which walks each theme once. Every page reads
a relation from here, so every page that shows it says the same thing.
"""
from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator, Mapping

from .addresses import address
from .kinds import DATA_FILES, KIND_OF, KINDS, PUBLISHED, Kind, Record, behaviour, records_in
from .kinds.approach import Approach
from .kinds.behaviour import Framework
from .kinds.block import Block
from .kinds.change import PAGE, ChangeNote, Concerns
from .kinds.example import PracticeExample
from .kinds.focus_area import FocusArea
from .kinds.question import ReflectiveQuestion
from .kinds.redirect import Redirect
from .kinds.theme import Theme

@dataclass(frozen=True)
class PlacedFocusArea:
    area: FocusArea
    theme: Theme


@dataclass(frozen=True)
class PlacedApproach:
    """An approach (or a strand of one, with its parent) in its focus area and theme."""
    approach: Approach
    focus_area: FocusArea
    theme: Theme
    parent: Approach | None


@dataclass(frozen=True)
class PlacedQuestion:
    question: ReflectiveQuestion
    focus_area: FocusArea
    theme: Theme


@dataclass(frozen=True)
class Citation:
    """A page that refers to an evidence source: its theme, its focus area (None for the
    theme's own page) and the anchor nearest the paragraph."""
    theme: Theme
    focus_area: FocusArea | None
    anchor: str | None


@dataclass(frozen=True)
class PlacedBlock:
    block: Block
    citation: Citation  # where the block is shown

    @property
    def theme(self) -> Theme:
        return self.citation.theme


PlacedNode = PlacedFocusArea | PlacedApproach | PlacedQuestion | PlacedBlock


@dataclass(frozen=True)
class Concerned:
    """A page a change note concerns, as it is now: an entity followed through its renames (record
    and path set), one retired since (retired_to: where its readers go), or a page by its address."""
    ref: Concerns
    kind: Kind | None = None
    record: Record | None = None
    path: str | None = None        # its page now
    address: str | None = None     # kind page, or retired: the address readers land on
    retired: bool = False


@dataclass(frozen=True)
class BehaviourRelations:
    """Everything in the report that names one behaviour, wherever it sits."""
    focus_areas: tuple[PlacedFocusArea, ...]  # the focus areas that join it
    examples: tuple[PracticeExample, ...]     # the practice examples that show it
    questions: tuple[PlacedQuestion, ...]     # the questions of its focus areas
    themes: tuple[Theme, ...]                 # the themes of all of these

    @property
    def illustrated(self) -> bool:
        return bool(self.focus_areas or self.examples)


@dataclass(frozen=True)
class KnowledgeBase:
    """Every record of each kind, in file order (repeats included: the rules look for those),
    and what the pages read, each index worked out once, when first asked for."""
    records: Mapping[str, tuple[Record, ...]]
    framework: Framework | None
    failed: frozenset[str] = frozenset()  # data files with a problem: their records are missing or in doubt

    @classmethod
    def build(cls, loaded) -> "KnowledgeBase":
        """The model of whatever loaded (kb.load.Loaded): a file that could not be read contributes nothing."""
        records = defaultdict(list)
        for data_file in DATA_FILES:
            for model in loaded.models(data_file):
                for record in records_in(model):
                    if type(record) in KIND_OF:
                        records[KIND_OF[type(record)].key].append(record)
        framework = next((m.framework for m in loaded.models(behaviour.FILE)), None)
        return cls({key: tuple(found) for key, found in records.items()}, framework, loaded.failed)

    def _all(self, key: str) -> tuple:
        return self.records.get(key, ())

    report = cached_property(lambda self: next(iter(self._all("report")), None))
    behaviours = cached_property(lambda self: self._all("behaviour"))
    themes = cached_property(lambda self: self._all("theme"))
    examples = cached_property(lambda self: tuple(sorted(self._all("example"), key=lambda e: e.number)))  # the report's numbering
    evidence_sources = cached_property(lambda self: self._all("evidence_source"))
    abbreviations = cached_property(lambda self: self._all("abbreviation"))
    redirects = cached_property(lambda self: self._all("redirect"))
    # Every entity by id, the first of each (the index names are the kinds' keys).
    behaviour = cached_property(lambda self: _first(self.behaviours))
    example = cached_property(lambda self: _first(self.examples))
    theme = cached_property(lambda self: _first(self.themes))
    evidence_source = cached_property(lambda self: _first(self.evidence_sources))
    tree = cached_property(lambda self: tuple(node for theme in self.themes for node in walk_theme(theme)))
    focus_area = cached_property(lambda self: _first(self._placed(PlacedFocusArea), lambda n: n.area.id))
    approach = cached_property(lambda self: _first(self._placed(PlacedApproach), lambda n: n.approach.id))
    question = cached_property(lambda self: _first(self._placed(PlacedQuestion), lambda n: n.question.id))
    blocks = cached_property(lambda self: self._placed(PlacedBlock))
    # The relations, the other way round.
    behaviour_relations = cached_property(lambda self: _behaviour_relations(self))
    focus_area_examples = cached_property(lambda self: grouped(self.examples, lambda e: e.focus_area))
    citations = cached_property(lambda self: _citations(self.blocks))
    # Change notes, newest first (a day's notes by file name), and each page's notes.
    notes = cached_property(lambda self: tuple(sorted(self._all("change"), key=lambda n: (n.date, n.name), reverse=True)))
    major_notes = cached_property(lambda self: tuple(n for n in self.notes if n.importance == "major"))
    notes_at = cached_property(lambda self: _notes_at(self))

    def _placed(self, kind) -> list:
        return [node for node in self.tree if isinstance(node, kind)]

    def by_id(self, kind: Kind) -> dict[str, Record]:
        """The records of a kind by the field that names them, the first of each."""
        return _first(self.records.get(kind.key, ()), lambda r: getattr(r, kind.id_field))

    def retired(self, kind: str) -> list[Redirect]:
        """The redirects of the ids of this kind that were retired."""
        return [r for r in self.redirects if r.kind == kind and r.retired_to]

    def old_ids(self, kind: str, new: str) -> list[str]:
        """Ids this entity was published under before a rename (anchors that must keep working)."""
        return [r.old for r in self.redirects if r.kind == kind and r.new == new]

    def pages_of(self, kind: Kind, ident: str) -> list[str]:
        """The pages of an entity (its own first), from its kind's addresses."""
        return kind.pages(*self._place_of(kind, ident), ident) if kind.pages else []

    def _place_of(self, kind: Kind, ident: str) -> tuple[str, ...]:
        return (self.focus_area[ident].theme.id,) if kind.within else ()

    def renamed_pages(self) -> list[tuple[str, str]]:
        """(old page, its new page) for every page an id had before a rename: a renamed theme
        moves its focus areas' pages (and their handouts and presenter views) too."""
        moved = []
        for kind in PUBLISHED:
            for ident in getattr(self, kind.key) if kind.pages else ():
                now = (*self._place_of(kind, ident), ident)
                kinds = (kind.within, kind.key) if kind.within else (kind.key,)
                names = [[part, *self.old_ids(key, part)] for key, part in zip(kinds, now)]
                for before in itertools.product(*names):
                    if before != now:
                        moved += zip(kind.pages(*before), kind.pages(*now))
        return moved

    def current(self, kind_key: str, ident: str) -> tuple[str | None, str | None]:
        """(its id now, None) for an id followed through its renames, (None, where its readers are
        sent) for a retired one, (None, None) for an id the site never had."""
        seen = set()
        while ident not in seen:
            if ident in getattr(self, kind_key):
                return ident, None
            seen.add(ident)
            redirect = next((r for r in self.redirects if r.kind == kind_key and r.old == ident), None)
            if redirect is None:
                return None, None
            if redirect.retired_to:
                return None, redirect.retired_to
            ident = redirect.new
        return None, None

    def concerned(self, note: ChangeNote) -> list[Concerned]:
        """The pages a note concerns, as they are now (an id the site never had is left out: the rules say so)."""
        found = []
        for ref in note.pages:
            if ref.kind == PAGE:
                found.append(Concerned(ref, address=ref.id))
                continue
            kind = KINDS[ref.kind]
            now, retired_to = self.current(kind.key, ref.id)
            if now:
                found.append(Concerned(ref, kind, self.by_id(kind)[now], self.pages_of(kind, now)[0]))
            elif retired_to:
                found.append(Concerned(ref, kind, address=retired_to, retired=True))
        return found

    def notes_of(self, path: str) -> tuple[ChangeNote, ...]:
        """The notes that concern the page at path (docs-relative), newest first."""
        return self.notes_at.get(address(path), ())

    def updates_of(self, path: str) -> tuple[ChangeNote, ...]:
        """The major notes that updated the page at path, newest first (not the one that made it
        new): its "Last updated" list, and what marks an answer saved before it."""
        return tuple(n for n in self.notes_of(path) if n.importance == "major" and n.change != "new")

    def first_edition(self) -> ChangeNote | None:
        return next((n for n in reversed(self.notes) if n.change == "first-edition"), None)

    def first_published(self, path: str) -> datetime.date | None:
        """When a page was first published on this site: its 'new' note, else the first edition."""
        new = [n for n in self.notes_of(path) if n.change == "new"]
        first = new[-1] if new else self.first_edition()
        return first.date if first else None

    def approaches_for_example(self, example: PracticeExample) -> list[PlacedApproach]:
        return [self.approach[a] for a in example.approaches]


def walk_theme(theme: Theme) -> Iterator["PlacedNode"]:
    """Every focus area, approach, strand, question and narrative block of a theme, with its
    place: the one walk of the theme tree (each record knows its own file and line)."""
    yield from _blocks(theme.introduction, Citation(theme, None, None))
    if theme.evidence:
        yield from _blocks(theme.evidence.blocks, Citation(theme, None, "evidence"))
    for area in theme.focus_areas:
        yield PlacedFocusArea(area, theme)
        yield from _blocks(area.introduction, Citation(theme, area, None))
        for approach in area.approaches:
            yield PlacedApproach(approach, area, theme, None)
            yield from _blocks(approach.blocks, Citation(theme, area, approach.id))
            for strand in approach.strands:
                yield PlacedApproach(strand, area, theme, approach)
                yield from _blocks(strand.blocks, Citation(theme, area, strand.id))
        for question in area.questions:
            yield PlacedQuestion(question, area, theme)


def _blocks(blocks, citation) -> Iterator[PlacedBlock]:
    for block in blocks:
        # A paragraph with an anchor of its own is pointed at directly.
        at = Citation(citation.theme, citation.focus_area, block.id) if block.id else citation
        yield PlacedBlock(block, at)


def _behaviour_relations(kb: KnowledgeBase) -> dict[str, BehaviourRelations]:
    relations = {}
    for behaviour in kb.behaviours:
        joined = tuple(p for p in kb.focus_area.values() if behaviour.id in p.area.behaviours)
        shown = tuple(e for e in kb.examples if behaviour.id in e.behaviours)
        named = {p.theme.id for p in joined} | {e.theme for e in shown}
        joined_ids = {p.area.id for p in joined}
        relations[behaviour.id] = BehaviourRelations(
            focus_areas=joined, examples=shown,
            questions=tuple(q for q in kb.question.values() if q.focus_area.id in joined_ids),
            themes=tuple(t for t in kb.themes if t.id in named))
    return relations


def grouped(items, key) -> dict:
    """key(item) -> the items with that key, in their order: a page looks its list up rather
    than filtering every item (at 50x the content, filtering per question page grew with the
    square), and a list spanning themes is split into them once (Renderer.in_themes)."""
    groups: dict = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return {k: tuple(v) for k, v in groups.items()}


def _citations(blocks) -> dict[str, tuple[PlacedBlock, ...]]:
    """For each source, each place that refers to it, once: the first block there that cites it
    (the evidence page quotes its paragraph, so it needs no search of its own)."""
    cited: dict[str, list[PlacedBlock]] = defaultdict(list)
    for placed in blocks:
        for source_id in placed.block.cites:
            if all(placed.citation != first.citation for first in cited[source_id]):
                cited[source_id].append(placed)
    return {source_id: tuple(places) for source_id, places in cited.items()}


def _notes_at(kb: KnowledgeBase) -> dict[str, tuple[ChangeNote, ...]]:
    """A page's address -> the notes that concern it, newest first: an entity's notes on its own
    page (a question's on its focus area's page too), a page named by its address on that one."""
    found: dict[str, list[ChangeNote]] = defaultdict(list)
    for note in kb.notes:
        for concerned in kb.concerned(note):
            keys = [address(concerned.path)] if concerned.path else [concerned.address] if concerned.ref.kind == PAGE else []
            if concerned.kind and concerned.kind.key == "question" and concerned.path:
                keys.append(address(kb.pages_of(KINDS["focus_area"], kb.question[concerned.record.id].focus_area.id)[0]))
            for key in keys:
                if all(other is not note for other in found[key]):
                    found[key].append(note)
    return {key: tuple(notes) for key, notes in found.items()}


def _first(items, key=lambda item: item.id) -> dict:
    """key -> item, the first of each key (a repeated id is the rules' to report)."""
    found: dict = {}
    for item in items:
        found.setdefault(key(item), item)
    return found
