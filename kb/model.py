"""The knowledge base in memory: every entity, with indexes for both directions of each relation."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .schema import (Abbreviation, Approach, Behaviour, EvidenceSource, FocusArea, Framework,
                     PracticeExample, Redirect, ReflectiveQuestion, Report, Theme)


@dataclass(frozen=True)
class Location:
    """Where an entity is written, for error messages and "Edit this page"."""
    file: str
    line: int


@dataclass(frozen=True)
class PlacedApproach:
    """An approach (or a strand of one) with the focus area and theme it sits in."""
    approach: Approach
    focus_area: FocusArea
    theme: Theme
    parent: Approach | None = None


@dataclass(frozen=True)
class Citation:
    """Where the narrative refers to an evidence source: a page (by its theme and focus
    area, None for the theme's own page) and the anchor nearest the paragraph."""
    theme: Theme
    focus_area: FocusArea | None
    anchor: str | None


@dataclass
class KnowledgeBase:
    report: Report
    framework: Framework
    behaviours: list[Behaviour]
    themes: list[Theme]
    examples: list[PracticeExample]
    sources: list[EvidenceSource]
    abbreviations: list[Abbreviation]
    redirects: list[Redirect] = field(default_factory=list)
    locations: dict[tuple[str, str], Location] = field(default_factory=dict)

    def __post_init__(self):
        self.behaviour = {b.id: b for b in self.behaviours}
        self.example = {e.id: e for e in self.examples}
        self.theme = {t.id: t for t in self.themes}
        self.source = {s.id: s for s in self.sources}
        self.focus_area: dict[str, tuple[Theme, FocusArea]] = {}
        self.approach: dict[str, PlacedApproach] = {}
        self.question: dict[str, tuple[Theme, FocusArea, ReflectiveQuestion]] = {}
        for theme in self.themes:
            for area in theme.focus_areas:
                self.focus_area[area.id] = (theme, area)
                for question in area.questions:
                    self.question[question.id] = (theme, area, question)
                for approach in area.approaches:
                    self.approach[approach.id] = PlacedApproach(approach, area, theme)
                    for strand in approach.strands:
                        self.approach[strand.id] = PlacedApproach(strand, area, theme, approach)
        self._index_relations()
        self._index_citations()

    def _index_relations(self):
        self.examples_by_behaviour = defaultdict(list)
        self.examples_by_approach = defaultdict(list)
        self.focus_areas_by_behaviour = defaultdict(list)
        for example in sorted(self.examples, key=lambda e: e.number):
            for behaviour_id in example.behaviours:
                self.examples_by_behaviour[behaviour_id].append(example)
            for approach_id in example.approaches:
                self.examples_by_approach[approach_id].append(example)
        for theme in self.themes:
            for area in theme.focus_areas:
                for behaviour_id in area.behaviours:
                    self.focus_areas_by_behaviour[behaviour_id].append((theme, area))

    def _index_citations(self):
        self.citations = defaultdict(list)
        for theme in self.themes:
            for block in theme.introduction:
                self._cite(block, Citation(theme, None, None))
            for block in theme.evidence.blocks if theme.evidence else []:
                self._cite(block, Citation(theme, None, "evidence"))
            for area in theme.focus_areas:
                for block in area.introduction:
                    self._cite(block, Citation(theme, area, None))
                for approach in area.approaches:
                    for part in (approach, *approach.strands):
                        for block in part.blocks:
                            self._cite(block, Citation(theme, area, block.id or part.id))

    def _cite(self, block, citation: Citation):
        for source_id in block.cites:
            if citation not in self.citations[source_id]:
                self.citations[source_id].append(citation)

    def old_ids(self, kind: str, new: str) -> list[str]:
        """Ids this entity was published under before a rename (for anchors that must keep working)."""
        return [r.old for r in self.redirects if r.kind == kind and r.new == new]

    def questions_for_behaviour(self, behaviour_id: str) -> list[tuple[FocusArea, ReflectiveQuestion]]:
        return [(area, q) for _, area in self.focus_areas_by_behaviour[behaviour_id] for q in area.questions]

    def examples_in_focus_area(self, area_id: str) -> list[PracticeExample]:
        return [e for e in sorted(self.examples, key=lambda e: e.number) if e.focus_area == area_id]

    def approaches_for_example(self, example: PracticeExample) -> list[PlacedApproach]:
        return [self.approach[a] for a in example.approaches]
