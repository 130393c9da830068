"""The page list: one page per entity, made from the model. Addresses come from ids only."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .addresses import (ABOUT, BEHAVIOURS, CARDS, EVIDENCE, EXAMPLES, FRAMEWORK, GLOSSARY, PRINT_ALL, QUESTIONS,
                        SELF_REVIEW, SESSION, SESSION_PRESENT, TEAM, THEMES, TRAINERS)
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


def site_pages(kb: KnowledgeBase) -> list[Page]:
    """Every generated page, as the navigation shows them (sections hold their children)."""
    framework, theme = Location.of(kb.framework), Location.of(kb.themes[0])
    file = lambda records: Location.of(records[0], whole_file=True) if records else framework  # noqa: E731
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
        Page(SELF_REVIEW, "self_review.md.j2", "Self-review", theme,
             {"content_version": content_version(kb)},
             description="A self-assessment against the report's questions for consideration: for each one, note "
                         "where you stand, what you think and, if you like, a next step for your action plan, with "
                         "an owner and a date.",
             meta={**LEAD_ONLY, "kb_styles": ["stylesheets/self-review.css"],
                   "kb_scripts": ["javascripts/self-review-store.js", "javascripts/self-review.js"]},
             children=(_team_page(kb, theme),)),
        Page(TRAINERS, "trainers.md.j2", "For trainers", theme,
             description="How to run a session with this site: question pages, handouts, cards, "
                         "a presenter view, an offline copy and open data.",
             children=(Page(CARDS, "cards.md.j2", "Question cards", theme,
                            description="Printable question cards for a discussion: every question for consideration "
                                        "on a card of its own, with its focus area, its behaviours, and the address "
                                        "and QR code of its page.",
                            meta={**LEAD_ONLY, "kb_styles": ["stylesheets/cards.css"]}),
                       Page(PRINT_ALL, "print_all.md.j2", "The whole knowledge base", theme,
                            description="The whole report on one page, in its reading order: print everything, or "
                                        "save it as a PDF.",
                            meta=LEAD_ONLY),
                       _session_page(kb, theme))),
        Page(EVIDENCE, "evidence.md.j2", "Evidence", file(kb.evidence_sources)),
        Page(GLOSSARY, "glossary.md.j2", "Glossary", file(kb.abbreviations)),
        Page(ABOUT, "about.md.j2", "About the report", file([kb.report])),
    ]


# Search finds each text once, at its own page (issue 30). A page that only repeats text found
# elsewhere stays out of search (Material's `search: exclude`): handouts and presenter views,
# whose trainers' page names them. A tool whose body repeats the report (every question, the
# whole report) is found by its title and lead alone: kb/hooks.py marks each heading below its
# title `data-search-exclude` (Material), and its template marks what comes before them.
REPEATS = {"search": {"exclude": True}}
# Such a tool's one entry counts twice (Material's search.boost): it is what a reader typing
# the tool's words is after (measured with tests/search_queries.yaml).
LEAD_ONLY = {"kb_search_lead_only": True, "search": {"boost": 2}}
# Question pages say when the reader has notes in the self-review.
SELF_REVIEW_LINKS = ["javascripts/self-review-links.js"]


def content_version(kb) -> str:
    """A short fingerprint of the questions (ids and wording, in order), named by the self-review's exports."""
    questions = "\n".join(f"{q.question.id}\t{q.question.text}" for q in kb.question.values())
    return hashlib.sha256(questions.encode("utf-8")).hexdigest()[:12]


def _own(kb, kind, record, context, **options) -> Page:
    """The page of an entity, at its kind's address, with its kind's title and template."""
    return Page(kb.pages_of(kind, record.id)[0], kind.templates[0], kind.title(record), Location.of(record), context, **options)


def _team_page(kb, at: Location) -> Page:
    """Several people's self-review exports side by side: read in the browser, never sent."""
    return Page(TEAM, "team.md.j2", "Team picture", at,
                {"content_version": content_version(kb)},
                description="Compare your team's self-reviews side by side: how everyone's answers spread over "
                            "each question, everyone's notes under their name, and one list of next steps by due "
                            "date, made in your browser.",
                in_nav=False,
                meta={**LEAD_ONLY, "hide": ["toc"], "kb_styles": ["stylesheets/self-review.css", "stylesheets/team.css"],
                      "kb_scripts": ["javascripts/self-review-store.js", "javascripts/team-merge.js",
                                     "javascripts/team.js"]})


def _session_page(kb, at: Location) -> Page:
    """A session a trainer composes from any questions, examples and behaviours, held in its
    address; with the same selection as a presenter view."""
    present = Page(SESSION_PRESENT, "session_present.md.j2", "Presenter view: a composed session", at,
                   description="A session composed on this site, one item per screen, for a projector.",
                   in_nav=False, meta={**REPEATS, "template": "present.html",
                                       "kb_styles": ["stylesheets/present.css", "stylesheets/session.css"],
                                       "kb_scripts": ["javascripts/session-link.js", "javascripts/session-present.js",
                                                      "javascripts/present.js"]})
    return Page(SESSION, "session.md.j2", "Compose a session", at,
                description="Plan a session or a workshop: pick any of the report's questions, practice examples "
                            "and core behaviours, in the order you will take them, and give it a title. One link "
                            "opens it as a list for participants' phones, as slides in a presenter view and as a "
                            "printable handout.",
                meta={**LEAD_ONLY, "hide": ["toc"], "kb_styles": ["stylesheets/handout.css", "stylesheets/session.css"],
                      "kb_scripts": ["javascripts/session-link.js", "javascripts/session.js"]},
                children=(present,))


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


def _session_pages(kb, theme, area) -> tuple[Page, ...]:
    """A focus area's handout and presenter view: for trainers, out of the navigation."""
    (_, handout, presenter), (_, handout_template, presenter_template) = kb.pages_of(FOCUS_AREA, area.id), FOCUS_AREA.templates
    at, context = Location.of(area), {"theme": theme, "area": area}
    return (
        Page(handout, handout_template, f"Handout: {area.title}", at, context,
             description=f"A handout for a session on {area.title}: approaches, examples and questions with space to write.",
             in_nav=False, meta={**REPEATS, "kb_styles": ["stylesheets/handout.css"]}),
        Page(presenter, presenter_template, f"Presenter view: {area.title}", at, context,
             description=f"The questions of {area.title}, one per screen, for a projector.",
             in_nav=False, meta={**REPEATS, "template": "present.html", "kb_styles": ["stylesheets/present.css"],
                                 "kb_scripts": ["javascripts/present.js"]}),
    )


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
                       description=_focus_area_description(kb, theme, area), children=_session_pages(kb, theme, area))
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
