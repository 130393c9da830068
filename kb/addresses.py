"""Where each page lives: its file path (and so its address) from ids only, never titles.

A URL is the path without ".md" (index.md: its folder). Nothing here reads the model,
so the registry of kinds, the pages and the templates can all use it.
"""
from __future__ import annotations

import posixpath

# The file each kind of page is made from; a URL is the path without ".md".
QUESTIONS = "questions.md"
EVIDENCE = "evidence.md"
GLOSSARY = "glossary.md"
FRAMEWORK = "framework.md"
ABOUT = "about.md"
CARDS = "cards.md"
TRAINERS = "trainers/index.md"
SELF_REVIEW = "self-review.md"
PRINT_ALL = "print.md"  # the whole knowledge base on one page
TEAM = "self-review/team.md"  # several people's self-reviews side by side, in the browser only
SESSION = "trainers/session.md"  # a session a trainer composes; its selection is in the address
SESSION_PRESENT = "trainers/session/present.md"  # that session as a presenter view
# Ids that would make two pages share one address (questions/index.md is questions/).
RESERVED_IDS = ("index",)


def behaviour_path(behaviour_id: str) -> str:
    return f"behaviours/{behaviour_id}.md"


def example_path(example_id: str) -> str:
    return f"examples/{example_id}.md"


def theme_path(theme_id: str) -> str:
    return f"themes/{theme_id}/index.md"


def focus_area_path(theme_id: str, area_id: str) -> str:
    return f"themes/{theme_id}/{area_id}.md"


def question_path(question_id: str) -> str:
    return f"questions/{question_id}.md"


def handout_path(theme_id: str, area_id: str) -> str:
    return f"themes/{theme_id}/{area_id}/handout.md"


def presenter_path(theme_id: str, area_id: str) -> str:
    return f"themes/{theme_id}/{area_id}/present.md"


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a page: behaviours/x.md -> behaviours/x, a/index.md -> a."""
    stem = path.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def built_file(path: str, directory_urls: bool = True) -> str:
    """The HTML file a page is built into: behaviours/x/index.html, or behaviours/x.html in
    the offline copy (which has no directory URLs; an index.md stays index.html)."""
    url = page_url(path)
    if directory_urls or posixpath.basename(path) == "index.md":
        return posixpath.join(url, "index.html")
    return f"{url}.html"
