"""The knowledge base in memory: every entity, indexed by id and by each relation both ways.

Built in one step by `KnowledgeBase.build`, which walks each theme once. Every page reads
a relation from here, so every page that shows it says the same thing.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator, Mapping, Protocol

from .kinds import BEHAVIOUR, EXAMPLE, FOCUS_AREA, QUESTION, THEME
from .schema import (Abbreviation, Approach, Behaviour, Block, EvidenceSource, FocusArea, Framework,
                     PracticeExample, Redirect, ReflectiveQuestion, Report, Theme)

Path = tuple  # a path into a data file, as pydantic reports it: ("focus_areas", 0, "id")


@dataclass(frozen=True)
class Location:
    """Where an entity is written, for messages and "Edit this page"."""
    file: str
    line: int


class Document(Protocol):
    """What the model needs of a parsed data file: its name and the line of a path."""
    name: str

    def line_of(self, path: Path) -> int: ...


@dataclass(frozen=True)
class PlacedFocusArea:
    area: FocusArea
    theme: Theme
    path: Path = field(compare=False)


@dataclass(frozen=True)
class PlacedApproach:
    """An approach (or a strand of one, with its parent) in its focus area and theme."""
    approach: Approach
    focus_area: FocusArea
    theme: Theme
    parent: Approach | None
    path: Path = field(compare=False)


@dataclass(frozen=True)
class PlacedQuestion:
    question: ReflectiveQuestion
    focus_area: FocusArea
    theme: Theme
    path: Path = field(compare=False)


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
    path: Path = field(compare=False)

    @property
    def theme(self) -> Theme:
        return self.citation.theme


PlacedNode = PlacedFocusArea | PlacedApproach | PlacedQuestion | PlacedBlock


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
    report: Report | None
    framework: Framework | None
    behaviours: tuple[Behaviour, ...]
    themes: tuple[Theme, ...]
    examples: tuple[PracticeExample, ...]  # in the report's numbering
    evidence_sources: tuple[EvidenceSource, ...]
    abbreviations: tuple[Abbreviation, ...]
    redirects: tuple[Redirect, ...]
    # Every entity by id (the index names are the kinds' in kb.kinds).
    behaviour: Mapping[str, Behaviour]
    example: Mapping[str, PracticeExample]
    theme: Mapping[str, Theme]
    evidence_source: Mapping[str, EvidenceSource]
    focus_area: Mapping[str, PlacedFocusArea]
    approach: Mapping[str, PlacedApproach]
    question: Mapping[str, PlacedQuestion]
    tree: tuple["PlacedNode", ...]  # every theme's walk_theme, in file order
    # The relations, the other way round.
    behaviour_relations: Mapping[str, BehaviourRelations]
    focus_area_examples: Mapping[str, tuple[PracticeExample, ...]]  # focus area id -> its examples
    citations: Mapping[str, tuple[Citation, ...]]  # evidence source id -> where cited
    # Where each entity is written, by (kind key, id); and its last_reviewed date's line.
    locations: Mapping[tuple[str, str], Location]
    review_locations: Mapping[tuple[str, str], Location]

    @classmethod
    def build(cls, *, report=None, framework=None, behaviours=(), themes=(), examples=(),
              evidence_sources=(), abbreviations=(), redirects=(),
              documents: Mapping[str, Document] | None = None) -> "KnowledgeBase":
        """The model of whatever validated, examples in file order. `documents` maps
        "behaviours", "examples", "glossary" and theme_document(id) to the parsed files."""
        themes, behaviours, in_file = tuple(themes), tuple(behaviours), tuple(examples)
        examples = tuple(sorted(in_file, key=lambda e: e.number))
        placed = [node for theme in themes for node in walk_theme(theme)]
        areas = {n.area.id: n for n in placed if isinstance(n, PlacedFocusArea)}
        questions = {n.question.id: n for n in placed if isinstance(n, PlacedQuestion)}
        located = _Locator(documents or {})
        return cls(
            report=report, framework=framework, behaviours=behaviours, themes=themes, examples=examples,
            evidence_sources=tuple(evidence_sources), abbreviations=tuple(abbreviations),
            redirects=tuple(redirects),
            behaviour={b.id: b for b in behaviours}, example={e.id: e for e in examples},
            theme={t.id: t for t in themes}, evidence_source={s.id: s for s in evidence_sources},
            focus_area=areas, approach={n.approach.id: n for n in placed if isinstance(n, PlacedApproach)},
            question=questions, tree=tuple(placed),
            behaviour_relations=_behaviour_relations(behaviours, themes, examples, areas, questions),
            focus_area_examples=grouped(examples, lambda e: e.focus_area),
            citations=_citations(n for n in placed if isinstance(n, PlacedBlock)),
            locations=located.records(behaviours, in_file, themes, areas.values(), abbreviations=abbreviations,
                                      questions=questions.values()),
            review_locations=located.reviews(behaviours, in_file, themes, areas.values()),
        )

    @property
    def blocks(self) -> list[PlacedBlock]:
        return [node for node in self.tree if isinstance(node, PlacedBlock)]

    def old_ids(self, kind: str, new: str) -> list[str]:
        """Ids this entity was published under before a rename (anchors that must keep working)."""
        return [r.old for r in self.redirects if r.kind == kind and r.new == new]

    def approaches_for_example(self, example: PracticeExample) -> list[PlacedApproach]:
        return [self.approach[a] for a in example.approaches]


def walk_theme(theme: Theme) -> Iterator["PlacedNode"]:
    """Every focus area, approach, strand, question and narrative block of a theme, with its
    place and its path in the file: the one walk of the theme tree."""
    here = Citation(theme, None, None)
    yield from _blocks(theme.introduction, ("introduction",), here)
    if theme.evidence:
        yield from _blocks(theme.evidence.blocks, ("evidence", "blocks"), Citation(theme, None, "evidence"))
    for i, area in enumerate(theme.focus_areas):
        base = ("focus_areas", i)
        yield PlacedFocusArea(area, theme, base)
        yield from _blocks(area.introduction, base + ("introduction",), Citation(theme, area, None))
        for j, approach in enumerate(area.approaches):
            path = base + ("approaches", j)
            yield PlacedApproach(approach, area, theme, None, path)
            yield from _blocks(approach.blocks, path + ("blocks",), Citation(theme, area, approach.id))
            for k, strand in enumerate(approach.strands):
                strand_path = path + ("strands", k)
                yield PlacedApproach(strand, area, theme, approach, strand_path)
                yield from _blocks(strand.blocks, strand_path + ("blocks",), Citation(theme, area, strand.id))
        for j, question in enumerate(area.questions):
            yield PlacedQuestion(question, area, theme, base + ("questions", j))


def _blocks(blocks, path, citation) -> Iterator[PlacedBlock]:
    for i, block in enumerate(blocks):
        # A paragraph with an anchor of its own is pointed at directly.
        at = Citation(citation.theme, citation.focus_area, block.id) if block.id else citation
        yield PlacedBlock(block, at, path + (i,))


def _behaviour_relations(behaviours, themes, examples, areas, questions) -> dict[str, BehaviourRelations]:
    by_area, by_example = defaultdict(list), defaultdict(list)
    for placed in areas.values():
        for behaviour_id in placed.area.behaviours:
            by_area[behaviour_id].append(placed)
    for example in examples:
        for behaviour_id in example.behaviours:
            by_example[behaviour_id].append(example)
    relations = {}
    for behaviour in behaviours:
        joined = tuple(by_area[behaviour.id])
        shown = tuple(by_example[behaviour.id])
        named = {p.theme.id for p in joined} | {e.theme for e in shown}
        joined_ids = {p.area.id for p in joined}
        relations[behaviour.id] = BehaviourRelations(
            focus_areas=joined, examples=shown,
            questions=tuple(q for q in questions.values() if q.focus_area.id in joined_ids),
            themes=tuple(t for t in themes if t.id in named))
    return relations


def grouped(items, key) -> dict:
    """key(item) -> the items with that key, in their order: a page looks its list up rather
    than filtering every item (at 50x the content, filtering per question page grew with the
    square), and a list spanning themes is split into them once (Renderer.in_themes)."""
    groups: dict = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return {k: tuple(v) for k, v in groups.items()}


def _citations(blocks) -> dict[str, tuple[Citation, ...]]:
    cited: dict[str, list[Citation]] = defaultdict(list)
    for placed in blocks:
        for source_id in placed.block.cites:
            if placed.citation not in cited[source_id]:  # once per place (models are not hashable)
                cited[source_id].append(placed.citation)
    return {source_id: tuple(places) for source_id, places in cited.items()}


def theme_document(theme_id: str) -> str:
    """The key of a theme's file among the documents the model is built with."""
    return f"themes/{theme_id}"


class _Locator:
    """Locations of entities in the documents they came from."""

    def __init__(self, documents: Mapping[str, Document]):
        self.documents = documents

    def _at(self, document_key: str, path: Path) -> Location | None:
        doc = self.documents.get(document_key)
        return Location(doc.name, doc.line_of(path)) if doc else None

    def _entries(self, behaviours, examples, themes, areas):
        """(kind, id, document key, path of the record) for every entity with a page."""
        for i, b in enumerate(behaviours):
            yield BEHAVIOUR, b, "behaviours", (BEHAVIOUR.list_key, i)
        for i, e in enumerate(examples):
            yield EXAMPLE, e, "examples", (EXAMPLE.list_key, i)
        for theme in themes:
            yield THEME, theme, theme_document(theme.id), ()
        for placed in areas:
            yield FOCUS_AREA, placed.area, theme_document(placed.theme.id), placed.path

    def records(self, *entities, abbreviations=(), questions=()) -> dict[tuple[str, str], Location]:
        found = {}
        for placed in questions:
            found[(QUESTION.key, placed.question.id)] = self._at(theme_document(placed.theme.id), placed.path)
        for i, abbreviation in enumerate(abbreviations):
            found[("abbreviation", abbreviation.abbreviation)] = self._at("glossary", ("abbreviations", i))
        for kind, entity, key, path in self._entries(*entities):
            at = self._at(key, path)
            if at:
                found[(kind.key, entity.id)] = at
        for key, doc in self.documents.items():
            found[("file", key)] = Location(doc.name, 1)
        framework = self._at("behaviours", ("framework",))
        if framework:
            found[("framework", "framework")] = framework
        return found

    def reviews(self, *entities) -> dict[tuple[str, str], Location]:
        found = {}
        for kind, entity, key, path in self._entries(*entities):
            at = self._at(key, path + ("last_reviewed",))
            if at:
                found[(kind.key, entity.id)] = at
        return found

