"""data/themes/<id>.yaml: a theme (early intervention and prevention), its introduction, evidence
passage, focus areas and questions for consideration. More themes need data only."""
from __future__ import annotations

from typing import Optional

from .base import DataFile, Id, Kind, Listed, Record, ReviewDate, Text
from .block import Block
from .focus_area import FocusArea


class Evidence(Record):
    title: Text
    blocks: Listed[Block]


class Theme(Record):
    id: Id
    title: Text
    last_reviewed: ReviewDate
    introduction: Listed[Block]
    evidence: Optional[Evidence] = None
    focus_areas: Listed[FocusArea]
    questions_title: Text
    questions_introduction: Text


def theme_path(theme_id: str) -> str:
    return f"themes/{theme_id}/index.md"


FILE = DataFile("themes", "themes/*.yaml", Theme)
THEME = Kind("theme", "theme", (Theme,), FILE.name, "themes", pages=lambda ident: [theme_path(ident)],
             templates=("theme.md.j2",), title=lambda t: t.title, macro="theme")
