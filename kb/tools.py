"""The tool pages (the self-review, the team picture, the trainers' page and its tools, a focus
area's handout and presenter view), each described once, here.

A tool's address, template, title, description, the page it sits under, and the stylesheets and
scripts its page loads all come from its descriptor: kb/pages.py makes its page from it,
kb/addresses.py gives its address to templates, and overrides/main.html loads its files (named in
the page's front matter). Its markup is its template (templates/), its behaviour its scripts
(docs/javascripts/), its look its stylesheets (docs/stylesheets/): adding a tool is a descriptor
here and those files of its own.

Nothing here imports from kb: the kinds (kb/kinds/focus_area.py) ask it for a focus area's tools.
"""
from __future__ import annotations

from dataclasses import dataclass

# Pages that repeat text found at its own page stay out of search: each sentence is found once.
REPEATS = {"search": {"exclude": True}}


@dataclass(frozen=True)
class Tool:
    name: str                      # as the bench and the screenshots name its kind of page
    path: str                      # its file, and so its address (a focus area's tools: "{theme}", "{area}" ids)
    template: str                  # templates/<template>
    title: str                     # a focus area's tools: "{area}" is the focus area's title
    description: str               # for link previews
    styles: tuple[str, ...] = ()   # docs/stylesheets/<name>.css, on its page only
    scripts: tuple[str, ...] = ()  # docs/javascripts/<name>.js, on its page only, in this order
    under: "Tool | None" = None    # the tool it sits under in the navigation (None: kb/pages.py places it)
    in_nav: bool = True            # False: reached by links only
    hide_toc: bool = False
    layout: str | None = None      # Material's template for it (present.html: a projector's screen)
    searched: bool = False         # False: it repeats text found at its own page (REPEATS)

    def at(self, **ids: str) -> str:
        """Its file; a focus area's tools take the theme's and the focus area's ids."""
        return self.path.format(**ids)

    def title_of(self, area: str = "") -> str:
        return self.title.format(area=area)

    def description_of(self, area: str = "") -> str:
        return self.description.format(area=area)

    @property
    def meta(self) -> dict:
        """Its page's front matter, for MkDocs, Material and overrides/main.html."""
        meta = {} if self.searched else dict(REPEATS)
        if self.hide_toc:
            meta["hide"] = ["toc"]
        if self.layout:
            meta["template"] = self.layout
        if self.styles:
            meta["kb_styles"] = [f"stylesheets/{name}.css" for name in self.styles]
        if self.scripts:
            meta["kb_scripts"] = [f"javascripts/{name}.js" for name in self.scripts]
        return meta


SELF_REVIEW = Tool(
    "self-review", "self-review.md", "self_review.md.j2", "Self-review",
    "Review yourself against the report's questions, privately: your answers stay in this browser.",
    styles=("self-review",), scripts=("tools", "self-review-store", "self-review"))
TEAM = Tool(  # several people's self-reviews side by side, in the browser only
    "team picture", "self-review/team.md", "team.md.j2", "Team picture",
    "Bring your team's self-reviews together: how the team's statuses spread, "
    "everyone's notes and one list of next steps, made in your browser.",
    styles=("self-review", "team"), scripts=("tools", "self-review-store", "team-merge", "team"),
    under=SELF_REVIEW, in_nav=False, hide_toc=True)
TRAINERS = Tool(
    "trainers", "trainers/index.md", "trainers.md.j2", "For trainers",
    "How to run a session with this site: question pages, handouts, cards, "
    "a presenter view, an offline copy and open data.", searched=True)
CARDS = Tool(
    "cards", "cards.md", "cards.md.j2", "Question cards",
    "A printable sheet of cards, one question each, with a QR code to its page.",
    styles=("cards",), under=TRAINERS)
PRINT_ALL = Tool(  # the whole knowledge base on one page
    "whole knowledge base", "print.md", "print_all.md.j2", "The whole knowledge base",
    "The whole report on one page, in its reading order, to print or save as a PDF.", under=TRAINERS)
SESSION = Tool(  # a session a trainer composes from any items; its selection is in the address
    "compose a session", "trainers/session.md", "session.md.j2", "Compose a session",
    "Pick any questions, practice examples and behaviours for a session: one link "
    "opens it as a presenter view, a printable handout and a list for phones.",
    styles=("handout", "session"), scripts=("tools", "session-link", "session"), under=TRAINERS, hide_toc=True)
SESSION_PRESENT = Tool(  # that session as a presenter view
    "session presenter view", "trainers/session/present.md", "session_present.md.j2",
    "Presenter view: a composed session", "A session composed on this site, one item per screen, for a projector.",
    styles=("present", "session"), scripts=("tools", "session-link", "session-present", "present"),
    under=SESSION, in_nav=False, layout="present.html")
# The site's tools, in the order of the navigation under the page each sits under.
TOOLS = (SELF_REVIEW, TEAM, TRAINERS, CARDS, PRINT_ALL, SESSION, SESSION_PRESENT)

# Each focus area's tools, for trainers: out of the navigation, under the focus area's page.
HANDOUT = Tool(
    "handout", "themes/{theme}/{area}/handout.md", "handout.md.j2", "Handout: {area}",
    "A handout for a session on {area}: approaches, examples and questions with space to write.",
    styles=("handout",), in_nav=False)
PRESENTER = Tool(
    "presenter view", "themes/{theme}/{area}/present.md", "present.md.j2", "Presenter view: {area}",
    "The questions of {area}, one per screen, for a projector.",
    styles=("present",), scripts=("present",), in_nav=False, layout="present.html")
FOCUS_AREA_TOOLS = (HANDOUT, PRESENTER)


def under(parent: Tool) -> tuple[Tool, ...]:
    """The tools that sit under a tool, in their order."""
    return tuple(tool for tool in TOOLS if tool.under is parent)
