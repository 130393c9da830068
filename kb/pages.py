"""The page list: one page per entity, made from the model, and one per tool, made from its
descriptor (kb/tools.py). Addresses come from ids only."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import tools
from .addresses import ABOUT, BEHAVIOURS, CHANGES, EVIDENCE, EXAMPLES, FRAMEWORK, GLOSSARY, QUESTIONS, THEMES
from .kinds.change import CHANGES as CHANGE_GROUPS
from .kinds import BEHAVIOUR, EXAMPLE, FOCUS_AREA, QUESTION, THEME, Record
from .model import KnowledgeBase
from .text import count_of, summary


@dataclass(frozen=True)
class Location:
    """Where a page's content is written, for "Edit this page"."""
    file: str
    line: int

    @classmethod
    def of(cls, record: Record | None, whole_file: bool = False) -> "Location":
        where = record.where
        return cls(where.file, 1 if whole_file else where.line)


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
    description: str | None = None  # for link previews; the site's description where None
    in_nav: bool = True  # False: reached by links only (question pages, handouts, presenter views)
    # Front matter for MkDocs and Material, e.g. {"search": {"exclude": True}}.
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    def walk(self):
        if self.path:
            yield self
        for child in self.children:
            yield from child.walk()


def all_pages(pages: list[Page]) -> list[Page]:
    """Every page of a page list, sections' children included."""
    return [page for top in pages for page in top.walk()]


def handwritten(docs: Path) -> list[str]:
    """The hand-written pages: every Markdown file in docs/, docs-relative, in order."""
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def site_paths(generated: list[Page], docs: Path) -> list[str]:
    """The list of the site's pages, worked out here only: the generated pages' paths, then the
    hand-written ones'."""
    return [page.path for page in all_pages(generated)] + handwritten(docs)


def site_pages(kb: KnowledgeBase) -> list[Page]:
    """Every generated page, as the navigation shows them (sections hold their children)."""
    framework, theme = Location.of(kb.framework), Location.of(kb.themes[0])
    file = lambda records: Location.of(records[0], whole_file=True) if records else framework  # noqa: E731
    tool_context = {"content_version": content_version(kb)}  # what the self-review's and team's exports name
    tool = lambda descriptor: _tool_page(descriptor, theme, tool_context)  # noqa: E731
    return [
        Page(FRAMEWORK, "framework.md.j2", "The framework", framework),
        Page(BEHAVIOURS, "behaviours.md.j2", "Behaviours", framework,
             children=tuple(_behaviour_page(kb, b) for b in kb.behaviours)),
        Page(THEMES, "themes.md.j2", "Themes", framework,
             children=tuple(_theme_page(kb, t) for t in kb.themes)),
        Page(EXAMPLES, "examples.md.j2", "Practice examples", file(kb.examples),
             description=(f"The report's {count_of(kb.examples, 'numbered practice example')} (case studies), "
                          "each with the first sentence of its text." if kb.examples
                          else "The report gives no numbered practice examples."),
             children=_example_pages(kb)),
        Page(QUESTIONS, "questions.md.j2", "Questions for consideration", theme,
             description="The report's questions for consideration: reflective questions for leaders and their "
                         "teams, each with a page of its own.",
             children=_question_pages(kb)),
        tool(tools.SELF_REVIEW),
        tool(tools.TRAINERS),
        Page(EVIDENCE, "evidence.md.j2", "Evidence", file(kb.evidence_sources)),
        Page(GLOSSARY, "glossary.md.j2", "Glossary", file(kb.abbreviations)),
        Page(ABOUT, "about.md.j2", "About the report", file([kb.report])),
        Page(CHANGES, "changes.md.j2", "What's changed", file(kb.notes[-1:]), {"groups": CHANGE_GROUPS},
             description="Every change to this site that readers need to know about, newest first, and its feed."),
    ]


# Question pages say when the reader has notes in the self-review.
SELF_REVIEW_LINKS = ["javascripts/self-review-links.js"]


def content_version(kb) -> str:
    """A short fingerprint of the questions (ids and wording, in order), named by the self-review's exports."""
    questions = "\n".join(f"{q.question.id}\t{q.question.text}" for q in kb.question.values())
    return hashlib.sha256(questions.encode("utf-8")).hexdigest()[:12]


def _own(kb, kind, record, context, **options) -> Page:
    """The page of an entity, at its kind's address, with its kind's title and template."""
    return Page(kb.pages_of(kind, record.id)[0], kind.templates[0], kind.title(record), Location.of(record), context, **options)


def _tool_page(tool: tools.Tool, at: Location, context: dict, path: str | None = None, area: str = "") -> Page:
    """A tool's page, as its descriptor says, with the tools that sit under it."""
    return Page(path or tool.path, tool.template, tool.title_of(area), at, context,
                description=tool.description_of(area), in_nav=tool.in_nav, meta=tool.meta,
                children=tuple(_tool_page(child, at, context) for child in tools.under(tool)))


def _question_pages(kb) -> tuple[Page, ...]:
    """A page for every question, in the report's order, each knowing its neighbours."""
    placed = list(kb.question.values())
    return tuple(
        _own(kb, QUESTION, q.question,
             {"placed": q, "previous": placed[i - 1] if i else None, "next": placed[i + 1] if i + 1 < len(placed) else None},
             description=f"A question for consideration from the focus area {q.focus_area.title}, in the theme "
                         f"{q.theme.title}.",  # its title is the question: a preview shows both
             in_nav=False, meta={"kb_scripts": SELF_REVIEW_LINKS})
        for i, q in enumerate(placed))


def _area_tools(kb, theme, area) -> tuple[Page, ...]:
    """A focus area's tools (a handout, a presenter view): for trainers, out of the navigation."""
    at, context = Location.of(area), {"theme": theme, "area": area}
    return tuple(_tool_page(tool, at, context, path=tool.at(theme=theme.id, area=area.id), area=area.title)
                 for tool in tools.FOCUS_AREA_TOOLS)


def _behaviour_page(kb, behaviour) -> Page:
    title = BEHAVIOUR.title(behaviour)
    r = kb.behaviour_relations[behaviour.id]
    shown = (_listing(["where the report shows it", r.examples and "its practice examples",
                       r.questions and "questions to reflect on"])
             if r.illustrated else "named in the report but not illustrated in it")
    return _own(kb, BEHAVIOUR, behaviour, {"behaviour": behaviour},
                description=f"{title}: one of the core behaviours of resourcefulness; {shown}.")


def _theme_page(kb, theme) -> Page:
    areas = tuple(_own(kb, FOCUS_AREA, area, {"theme": theme, "area": area},
                       description=_focus_area_description(kb, theme, area), children=_area_tools(kb, theme, area))
                  for area in theme.focus_areas)
    return _own(kb, THEME, theme, {"theme": theme}, children=areas,
                description=f"{theme.title}: a theme of the report. Its focus areas: "
                            + "; ".join(area.title for area in theme.focus_areas) + ".")


def _focus_area_description(kb, theme, area) -> str:
    examples = any(e.focus_area == area.id for e in kb.examples)
    contents = _listing(["approaches", examples and "practice examples", "questions for consideration"])
    return f"{area.title}: a focus area of the theme {theme.title}, with its {contents}."


def _example_pages(kb) -> tuple[Page, ...]:
    """With several themes, examples are grouped by theme, so that an example's page lists
    its own theme's examples in the navigation, not every example on the site."""
    if len(kb.themes) == 1:
        return tuple(_example_page(kb, e) for e in kb.examples)
    groups = ((theme, [e for e in kb.examples if e.theme == theme.id]) for theme in kb.themes)
    return tuple(Page(None, "", theme.title, Location.of(theme), children=tuple(_example_page(kb, e) for e in examples))
                 for theme, examples in groups if examples)


def _example_page(kb, example) -> Page:
    tags = tuple(dict.fromkeys([example.setting, *example.partners]))
    return _own(kb, EXAMPLE, example, {"example": example}, tags=tags,
                description=summary(example.text))  # its first sentence, word for word


def _listing(parts) -> str:
    """'a, b and c' of the parts that are not empty (for descriptions made from the data)."""
    parts = [part for part in parts if part]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
