"""Where each page lives: its file path (and so its address) from ids only, never titles.

A URL is the path without ".md" (index.md: its folder). Each kind's pages are its own
(kb/kinds/), each tool's its descriptor's (kb/tools.py); the pages that list them are here.
Templates know this module as `paths`.
"""
from __future__ import annotations

import posixpath

from .kinds.behaviour import behaviour_path  # noqa: F401 - for templates: paths.behaviour_path(id)
from .kinds.example import example_path  # noqa: F401
from .kinds.focus_area import focus_area_path, handout_path, presenter_path  # noqa: F401
from .kinds.question import question_path  # noqa: F401
from .kinds.theme import theme_path  # noqa: F401
from . import tools

# The file each kind of page is made from; a URL is the path without ".md".
QUESTIONS = "questions.md"
EVIDENCE = "evidence.md"
GLOSSARY = "glossary.md"
FRAMEWORK = "framework.md"
ABOUT = "about.md"
BEHAVIOURS = "behaviours/index.md"
THEMES = "themes/index.md"
EXAMPLES = "examples/index.md"
CHANGES = "changes.md"  # what changed, from the change notes (data/changes/)
FEED = "feed.xml"  # the same as an Atom feed
# The tools' (kb/tools.py), for templates: paths.SELF_REVIEW, paths.SESSION, ...
SELF_REVIEW, TEAM, TRAINERS, CARDS, PRINT_ALL, SESSION, SESSION_PRESENT = (
    tool.path for tool in (tools.SELF_REVIEW, tools.TEAM, tools.TRAINERS, tools.CARDS, tools.PRINT_ALL, tools.SESSION,
                           tools.SESSION_PRESENT))
# Ids that would make two pages share one address (questions/index.md is questions/).
RESERVED_IDS = ("index",)


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a page: behaviours/x.md -> behaviours/x, a/index.md -> a."""
    stem = path.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def address(path: str) -> str:
    """A page's address as readers see it after the host: behaviours/x.md -> /behaviours/x/."""
    url = page_url(path)
    return f"/{url}/" if url else "/"


def built_file(path: str, directory_urls: bool = True) -> str:
    """The HTML file a page is built into: behaviours/x/index.html, or behaviours/x.html in
    the offline copy (which has no directory URLs; an index.md stays index.html)."""
    url = page_url(path)
    if directory_urls or posixpath.basename(path) == "index.md":
        return posixpath.join(url, "index.html")
    return f"{url}.html"
