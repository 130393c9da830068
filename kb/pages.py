"""The page list: one page per entity, made from the model. Addresses come from ids only."""
from __future__ import annotations

from dataclasses import dataclass, field

from .addresses import (ABOUT, EVIDENCE, FRAMEWORK, GLOSSARY, QUESTIONS, behaviour_path, example_path,
                        focus_area_path, theme_path)
from .kinds import EVIDENCE_FILE, EXAMPLES_FILE, GLOSSARY_FILE, REPORT_FILE
from .model import KnowledgeBase, Location


@dataclass(frozen=True)
class Page:
    """A generated page; with path None, a navigation section that only groups its children."""
    path: str | None
    template: str
    title: str
    source: Location
    context: dict = field(default_factory=dict, compare=False, hash=False)
    tags: tuple[str, ...] = ()
    children: tuple["Page", ...] = ()

    def walk(self):
        if self.path:
            yield self
        for child in self.children:
            yield from child.walk()


def site_pages(kb: KnowledgeBase) -> list[Page]:
    """Every generated page, as the navigation shows them (sections hold their children)."""
    at = kb.locations.get
    file = lambda data_file: at(("file", data_file.name))  # noqa: E731
    return [
        Page(FRAMEWORK, "framework.md.j2", "The framework", at(("framework", "framework"))),
        Page("behaviours/index.md", "behaviours.md.j2", "Behaviours", at(("framework", "framework")),
             children=tuple(_behaviour_page(kb, b) for b in kb.behaviours)),
        Page("themes/index.md", "themes.md.j2", "Themes", at(("framework", "framework")),
             children=tuple(_theme_page(kb, t) for t in kb.themes)),
        Page("examples/index.md", "examples.md.j2", "Practice examples", file(EXAMPLES_FILE),
             children=_example_pages(kb)),
        Page(QUESTIONS, "questions.md.j2", "Questions for consideration", at(("theme", kb.themes[0].id))),
        Page(EVIDENCE, "evidence.md.j2", "Evidence", file(EVIDENCE_FILE)),
        Page(GLOSSARY, "glossary.md.j2", "Glossary", file(GLOSSARY_FILE)),
        Page(ABOUT, "about.md.j2", "About the report", file(REPORT_FILE)),
    ]


def _behaviour_page(kb, behaviour) -> Page:
    title = behaviour.name[:1].upper() + behaviour.name[1:]
    return Page(behaviour_path(behaviour.id), "behaviour.md.j2", title,
                kb.locations[("behaviour", behaviour.id)], {"behaviour": behaviour})


def _theme_page(kb, theme) -> Page:
    areas = tuple(
        Page(focus_area_path(theme.id, area.id), "focus_area.md.j2", area.title,
             kb.locations[("focus_area", area.id)], {"theme": theme, "area": area})
        for area in theme.focus_areas)
    return Page(theme_path(theme.id), "theme.md.j2", theme.title, kb.locations[("theme", theme.id)],
                {"theme": theme}, children=areas)


def _example_pages(kb) -> tuple[Page, ...]:
    """With several themes, examples are grouped by theme, so that an example's page lists
    its own theme's examples in the navigation, not every example on the site."""
    if len(kb.themes) == 1:
        return tuple(_example_page(kb, e) for e in kb.examples)
    groups = ((theme, [e for e in kb.examples if e.theme == theme.id]) for theme in kb.themes)
    return tuple(
        Page(None, "", theme.title, kb.locations[("theme", theme.id)],
             children=tuple(_example_page(kb, e) for e in examples))
        for theme, examples in groups if examples)


def _example_page(kb, example) -> Page:
    tags = tuple(dict.fromkeys([example.setting, *example.partners]))
    return Page(example_path(example.id), "example.md.j2", f"Example {example.number}: {example.title}",
                kb.locations[("example", example.id)], {"example": example}, tags=tags)
