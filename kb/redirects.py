"""Renamed ids keep their old addresses: a published link never breaks.

data/redirects.yaml lists each rename. A page's old address gets a small page that sends
the reader on; an old question id stays as a second anchor on the question.
"""
from __future__ import annotations

from .kinds import FOCUS_AREA, KINDS, QUESTION
from .messages import did_you_mean, located
from .model import KnowledgeBase
from .problems import Problem


def problems(kb: KnowledgeBase, doc, failed: frozenset[str]) -> list[Problem]:
    if doc is None:
        return []
    found, seen = [], set()
    for i, redirect in enumerate(kb.redirects):
        path = ("redirects", i)
        kind = KINDS[redirect.kind]
        if (kind.key, redirect.old) in seen:
            found.append(located(doc, path + ("old",), f"the old {kind.name} id '{redirect.old}' is redirected twice; keep one", "old"))
        seen.add((kind.key, redirect.old))
        if kind.data_file.name in failed:
            continue
        known = kind.ids(kb)
        if redirect.old in known:
            found.append(located(doc, path + ("old",), f"'{redirect.old}' is still a current {kind.name} id; a redirect is only for an id that was renamed", "old"))
        if redirect.new not in known:
            hint = did_you_mean(redirect.new, known)
            found.append(located(doc, path + ("new",), f"unknown {kind.name} '{redirect.new}'{hint}; a redirect must point at an id that exists", "new"))
        found += _clashing_anchor(kb, doc, redirect, path)
    return found


def _clashing_anchor(kb: KnowledgeBase, doc, redirect, path) -> list[Problem]:
    """An old question id stays an anchor on the questions page, where every focus area's id
    is an anchor too: the two must differ."""
    if redirect.kind != QUESTION.key or redirect.old not in kb.focus_area:
        return []
    where = kb.locations[(FOCUS_AREA.key, redirect.old)]
    return [located(doc, path + ("old",), f"the old question id '{redirect.old}' is now the id of the focus area at "
                                          f"{where.file}:{where.line}, and both are anchors on the questions page; "
                                          "choose another id for the focus area", "old")]


def redirect_pages(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(old page path, new page path) for every page of every renamed entity."""
    moved = []
    for redirect in kb.redirects:
        kind = KINDS[redirect.kind]
        moved += zip(kind.page_paths(kb, redirect.old, redirect.new), kind.page_paths(kb, redirect.new))
    return moved
