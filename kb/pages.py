"""The page list: one page per entity, made from the model. Addresses come from ids only."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .addresses import (ABOUT, CARDS, EVIDENCE, FRAMEWORK, GLOSSARY, PRINT_ALL, QUESTIONS, SELF_REVIEW, TRAINERS, behaviour_path,
                        example_path, focus_area_path, handout_path, presenter_path, question_path, theme_path)
from .kinds import EVIDENCE_FILE, EXAMPLES_FILE, GLOSSARY_FILE, REPORT_FILE
from .model import KnowledgeBase, Location
from .text import summary


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
        Page(QUESTIONS, "questions.md.j2", "Questions for consideration", at(("theme", kb.themes[0].id)),
             children=_question_pages(kb)),
        Page(SELF_REVIEW, "self_review.md.j2", "Self-review", at(("theme", kb.themes[0].id)),
             {"content_version": content_version(kb)},
             description="Review yourself against the report's questions, privately: your answers stay in this browser.",
             meta={**REPEATS, "kb_styles": ["stylesheets/self-review.css"],
                   "kb_scripts": ["javascripts/self-review-store.js", "javascripts/self-review.js"]}),
        Page(TRAINERS, "trainers.md.j2", "For trainers", at(("theme", kb.themes[0].id)),
             description="How to run a session with this site: question pages, handouts, cards, "
                         "a presenter view, an offline copy and open data.",
             children=(Page(CARDS, "cards.md.j2", "Question cards", at(("theme", kb.themes[0].id)),
                            description="A printable sheet of cards, one question each, with a QR code to its page.",
                            meta={**REPEATS, "kb_styles": ["stylesheets/cards.css"]}),
                       Page(PRINT_ALL, "print_all.md.j2", "The whole knowledge base", at(("theme", kb.themes[0].id)),
                            description="The whole report on one page, in its reading order, to print or save as a PDF.",
                            meta=REPEATS))),
        Page(EVIDENCE, "evidence.md.j2", "Evidence", file(EVIDENCE_FILE)),
        Page(GLOSSARY, "glossary.md.j2", "Glossary", file(GLOSSARY_FILE)),
        Page(ABOUT, "about.md.j2", "About the report", file(REPORT_FILE)),
    ]


# Pages that repeat text found at its own page stay out of search: each sentence is found once.
REPEATS = {"search": {"exclude": True}}
# Question pages say when the reader has notes in the self-review.
SELF_REVIEW_LINKS = ["javascripts/self-review-links.js"]


def content_version(kb) -> str:
    """A short fingerprint of the questions (ids and wording, in order), named by the self-review's exports."""
    questions = "\n".join(f"{q.question.id}\t{q.question.text}" for q in kb.question.values())
    return hashlib.sha256(questions.encode("utf-8")).hexdigest()[:12]


def _question_pages(kb) -> tuple[Page, ...]:
    """A page for every question, in the report's order, each knowing its neighbours."""
    placed = list(kb.question.values())
    return tuple(
        Page(question_path(q.question.id), "question.md.j2", q.question.text, kb.locations[("question", q.question.id)],
             {"placed": q, "previous": placed[i - 1] if i else None,
              "next": placed[i + 1] if i + 1 < len(placed) else None},
             description=f"A question for consideration from the focus area {q.focus_area.title}, in the theme "
                         f"{q.theme.title}.",  # its title is the question: a preview shows both
             in_nav=False, meta={"kb_scripts": SELF_REVIEW_LINKS})
        for i, q in enumerate(placed))


def _session_pages(kb, theme, area) -> tuple[Page, ...]:
    """A focus area's handout and presenter view: for trainers, out of the navigation."""
    at, context = kb.locations[("focus_area", area.id)], {"theme": theme, "area": area}
    return (
        Page(handout_path(theme.id, area.id), "handout.md.j2", f"Handout: {area.title}", at, context,
             description=f"A handout for a session on {area.title}: approaches, examples and questions with space to write.",
             in_nav=False, meta={**REPEATS, "kb_styles": ["stylesheets/handout.css"]}),
        Page(presenter_path(theme.id, area.id), "present.md.j2", f"Presenter view: {area.title}", at, context,
             description=f"The questions of {area.title}, one per screen, for a projector.",
             in_nav=False, meta={**REPEATS, "template": "present.html", "kb_styles": ["stylesheets/present.css"],
                                 "kb_scripts": ["javascripts/present.js"]}),
    )


def _behaviour_page(kb, behaviour) -> Page:
    title = behaviour.name[:1].upper() + behaviour.name[1:]
    r = kb.behaviour_relations[behaviour.id]
    shown = (_listing(["where the report shows it", r.examples and "its practice examples",
                       r.questions and "questions to reflect on"])
             if r.illustrated else "named in the report but not illustrated in it")
    return Page(behaviour_path(behaviour.id), "behaviour.md.j2", title,
                kb.locations[("behaviour", behaviour.id)], {"behaviour": behaviour},
                description=f"{title}: one of the core behaviours of resourcefulness; {shown}.")


def _theme_page(kb, theme) -> Page:
    areas = tuple(
        Page(focus_area_path(theme.id, area.id), "focus_area.md.j2", area.title,
             kb.locations[("focus_area", area.id)], {"theme": theme, "area": area},
             description=_focus_area_description(kb, theme, area),
             children=_session_pages(kb, theme, area))
        for area in theme.focus_areas)
    return Page(theme_path(theme.id), "theme.md.j2", theme.title, kb.locations[("theme", theme.id)],
                {"theme": theme}, children=areas,
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
    return tuple(
        Page(None, "", theme.title, kb.locations[("theme", theme.id)],
             children=tuple(_example_page(kb, e) for e in examples))
        for theme, examples in groups if examples)


def _example_page(kb, example) -> Page:
    tags = tuple(dict.fromkeys([example.setting, *example.partners]))
    return Page(example_path(example.id), "example.md.j2", f"Example {example.number}: {example.title}",
                kb.locations[("example", example.id)], {"example": example}, tags=tags,
                description=summary(example.text))  # its first sentence, word for word


def _listing(parts) -> str:
    """'a, b and c' of the parts that are not empty (for descriptions made from the data)."""
    parts = [part for part in parts if part]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
