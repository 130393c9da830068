"""A focus area of a theme: its approaches and questions, and the behaviours it joins."""
from __future__ import annotations

from pydantic import Field

from ..tools import FOCUS_AREA_TOOLS, HANDOUT, PRESENTER
from .approach import Approach
from .base import Id, Kind, Listed, Record, ReviewDate, Text
from .block import Block
from .question import ReflectiveQuestion


class FocusArea(Record):
    id: Id
    title: Text
    behaviours: Listed[Id] = Field(description="Ids of the core behaviours this focus area joins.")
    last_reviewed: ReviewDate
    introduction: list[Block]
    approaches: Listed[Approach]
    questions_heading: Text
    questions: Listed[ReflectiveQuestion]


def focus_area_path(theme_id: str, area_id: str) -> str:
    return f"themes/{theme_id}/{area_id}.md"


def handout_path(theme_id: str, area_id: str) -> str:
    return HANDOUT.at(theme=theme_id, area=area_id)


def presenter_path(theme_id: str, area_id: str) -> str:
    return PRESENTER.at(theme=theme_id, area=area_id)


# Its page, and for trainers its tools (kb/tools.py: a handout and a presenter view).
FOCUS_AREA = Kind("focus_area", "focus area", (FocusArea,), "themes", "focus_areas", refs={"behaviours": "behaviour"},
                  pages=lambda theme_id, ident: [focus_area_path(theme_id, ident),
                                                 *(tool.at(theme=theme_id, area=ident) for tool in FOCUS_AREA_TOOLS)],
                  templates=("focus_area.md.j2", *(tool.template for tool in FOCUS_AREA_TOOLS)), within="theme",
                  title=lambda area: area.title, macro="focus_area")
