"""Renamed ids keep their old addresses: a published link never breaks.

data/redirects.yaml lists each rename. A page's old address gets a small page that sends
the reader on; an old question id stays as a second anchor on the question.
"""
from __future__ import annotations

from . import pages
from .messages import did_you_mean, located
from .model import KnowledgeBase
from .problems import Problem

KIND_FILES = {"behaviour": "behaviours", "example": "examples", "theme": "themes",
              "focus_area": "themes", "question": "themes"}


def current_ids(kb: KnowledgeBase, kind: str) -> dict:
    return {"behaviour": kb.behaviour, "example": kb.example, "theme": kb.theme,
            "focus_area": kb.focus_area, "question": kb.question}[kind]


def check(kb: KnowledgeBase, doc, failed: frozenset[str]) -> list[Problem]:
    if doc is None:
        return []
    problems, seen = [], set()
    for i, redirect in enumerate(kb.redirects):
        path = ("redirects", i)
        known = current_ids(kb, redirect.kind)
        if (redirect.kind, redirect.old) in seen:
            problems.append(located(doc, path + ("old",), f"the old {redirect.kind} id '{redirect.old}' is redirected twice; keep one", "old"))
        seen.add((redirect.kind, redirect.old))
        if KIND_FILES[redirect.kind] in failed:
            continue
        if redirect.old in known:
            problems.append(located(doc, path + ("old",), f"'{redirect.old}' is still a current {redirect.kind} id; a redirect is only for an id that was renamed", "old"))
        if redirect.new not in known:
            hint = did_you_mean(redirect.new, known)
            problems.append(located(doc, path + ("new",), f"unknown {redirect.kind} '{redirect.new}'{hint}; a redirect must point at an id that exists", "new"))
    return problems


def redirect_pages(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(old page path, new page path) for every renamed page; questions are anchors instead."""
    moved = []
    for redirect in kb.redirects:
        if redirect.kind == "question":
            continue
        moved.append((_path(kb, redirect.kind, redirect.old, redirect.new), _path(kb, redirect.kind, redirect.new, redirect.new)))
    return moved


def _path(kb, kind, ident, current):
    if kind == "behaviour":
        return pages.behaviour_path(ident)
    if kind == "example":
        return pages.example_path(ident)
    if kind == "theme":
        return pages.theme_path(ident)
    theme = kb.focus_area[current][0]
    return pages.focus_area_path(theme.id, ident)
