"""The tool pages (the self-review, the team picture, the trainers' page and its tools, a focus
area's handout and presenter view), each described once, here.

A tool's address, template, title, description, the page it sits under, and the stylesheets and
scripts its page loads all come from its descriptor: kb/pages.py makes its page from it,
kb/addresses.py gives its address to templates, and overrides/main.html loads its files (named in
the page's front matter): its own scripts as one file, and its own stylesheets as one, each
joined in order by the build (`joined_files`, kb/hooks.py) and named by its parts. Its markup is
its template (templates/), its behaviour its scripts (docs/javascripts/), its look its
stylesheets (docs/stylesheets/): adding a tool is a descriptor here and those files of its own.

Nothing here imports from kb but kb/assets.py (which imports nothing from kb): the kinds
(kb/kinds/focus_area.py) ask it for a focus area's tools.
"""
from __future__ import annotations

from dataclasses import dataclass

from .assets import EVERY_PAGE_JOINED

# Search finds each text once, at its own page (issue 30). A page that only repeats text found
# elsewhere stays out of search (Material's `search: exclude`): handouts and presenter views,
# whose trainers' page names them. A tool whose body repeats the report (every question, the
# whole report) is found by its title and lead alone: kb/hooks.py marks each heading below its
# title `data-search-exclude` (Material), and its template marks what comes before them; its one
# entry counts twice (Material's search.boost): it is what a reader typing the tool's words is
# after (measured with tests/search_queries.yaml).
REPEATS = {"search": {"exclude": True}}
LEAD_ONLY_KEY = "kb_search_lead_only"  # in a page's front matter: kb/hooks.py reads it
LEAD_ONLY = {LEAD_ONLY_KEY: True, "search": {"boost": 2}}
SEARCH = {"excluded": REPEATS, "lead": LEAD_ONLY, "whole": {}}


# A page fetches its own scripts as one file, and its own stylesheets as one: a first visit of the
# team picture gzipped 13.0 KB of four scripts apart, 11.2 KB joined (they share their words).
STYLES, SCRIPTS = ("stylesheets", "css"), ("javascripts", "js")


def joined(kind: tuple[str, str], names: tuple[str, ...]) -> str:
    """The site file holding the named files joined in order: "javascripts/tools+team.js"."""
    folder, extension = kind
    return f"{folder}/{'+'.join(names)}.{extension}"


@dataclass(frozen=True)
class Tool:
    name: str                      # as the bench and the screenshots name its kind of page
    path: str                      # its file, and so its address (a focus area's tools: "{theme}", "{area}" ids)
    template: str                  # templates/<template>
    title: str                     # a focus area's tools: "{area}" is the focus area's title
    description: str               # for link previews; a "lead" tool's words for search, shown as its lead
    styles: tuple[str, ...] = ()   # docs/stylesheets/<name>.css, on its page only
    scripts: tuple[str, ...] = ()  # docs/javascripts/<name>.js, on its page only, in this order
    under: "Tool | None" = None    # the tool it sits under in the navigation (None: kb/pages.py places it)
    in_nav: bool = True            # False: reached by links only
    hide_toc: bool = False
    layout: str | None = None      # Material's template for it (present.html: a projector's screen)
    search: str = "excluded"       # how search finds it: "excluded", by its title and "lead" only, or "whole"

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
        meta = dict(SEARCH[self.search])
        if self.hide_toc:
            meta["hide"] = ["toc"]
        if self.layout:
            meta["template"] = self.layout
        if self.styles:
            meta["kb_styles"] = [joined(STYLES, self.styles)]
        if self.scripts:
            meta["kb_scripts"] = [joined(SCRIPTS, self.scripts)]
        return meta

    def own_files(self) -> tuple:
        """Its own stylesheets and its own scripts: each kind with its names, in order."""
        return (STYLES, self.styles), (SCRIPTS, self.scripts)

    def parts(self) -> dict[str, list[str]]:
        """Its joined files (those of more than one part), each with its parts in order."""
        return {joined(kind, names): [joined(kind, (name,)) for name in names]
                for kind, names in self.own_files() if len(names) > 1}


SELF_REVIEW = Tool(
    "self-review", "self-review.md", "self_review.md.j2", "Self-review",
    "A self-assessment against the report's questions for consideration: for each one, note "
    "where you stand, what you think and, if you like, a next step for your action plan, with "
    "an owner and a date.",
    styles=("self-review",), scripts=("tools", "self-review-store", "self-review"), search="lead")
TEAM = Tool(  # several people's self-reviews side by side, in the browser only
    "team picture", "self-review/team.md", "team.md.j2", "Team picture",
    "Compare your team's self-reviews side by side: how everyone's answers spread over "
    "each question, everyone's notes under their name, and one list of next steps by due "
    "date, made in your browser.",
    styles=("self-review", "team"), scripts=("tools", "self-review-store", "team-merge", "team"),
    under=SELF_REVIEW, in_nav=False, hide_toc=True, search="lead")
TRAINERS = Tool(
    "trainers", "trainers/index.md", "trainers.md.j2", "For trainers",
    "How to run a session with this site: question pages, handouts, cards, "
    "a presenter view, an offline copy and open data.", search="whole")
CARDS = Tool(
    "cards", "cards.md", "cards.md.j2", "Question cards",
    "Printable question cards for a discussion: every question for consideration "
    "on a card of its own, with its focus area, its behaviours, and the address "
    "and QR code of its page.",
    styles=("cards",), under=TRAINERS, search="lead")
PRINT_ALL = Tool(  # the whole knowledge base on one page
    "whole knowledge base", "print.md", "print_all.md.j2", "The whole knowledge base",
    "The whole report on one page, in its reading order: print everything, or "
    "save it as a PDF.", under=TRAINERS, search="lead")
SESSION = Tool(  # a session a trainer composes from any items; its selection is in the address
    "compose a session", "trainers/session.md", "session.md.j2", "Compose a session",
    "Plan a session or a workshop: pick any of the report's questions, practice examples "
    "and core behaviours, in the order you will take them, and give it a title. One link "
    "opens it as a list for participants' phones, as slides in a presenter view and as a "
    "printable handout.",
    styles=("handout", "session"), scripts=("tools", "session-link", "session"), under=TRAINERS, hide_toc=True,
    search="lead")
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


def joined_files() -> dict[str, list[str]]:
    """Every joined file the pages fetch, with its parts in order (kb/hooks.py makes them): every
    page's one script of ours (kb/assets.py) and the tools' own files."""
    tools = {path: parts for tool in TOOLS + FOCUS_AREA_TOOLS for path, parts in tool.parts().items()}
    return {**EVERY_PAGE_JOINED, **tools}


def only_joined() -> set[str]:
    """The parts no page fetches alone, which the site need not carry (nor its offline copy)."""
    alone = {joined(kind, names) for tool in TOOLS + FOCUS_AREA_TOOLS
             for kind, names in tool.own_files() if len(names) == 1}
    return {part for parts in joined_files().values() for part in parts} - alone


def under(parent: Tool) -> tuple[Tool, ...]:
    """The tools that sit under a tool, in their order."""
    return tuple(tool for tool in TOOLS if tool.under is parent)
