"""A focus area of a theme: its approaches and questions, and the behaviours it joins."""
from __future__ import annotations

from pydantic import Field

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
    return f"themes/{theme_id}/{area_id}/handout.md"


def presenter_path(theme_id: str, area_id: str) -> str:
    return f"themes/{theme_id}/{area_id}/present.md"


# Its page, and for trainers its handout and presenter view.
FOCUS_AREA = Kind("focus_area", "focus area", (FocusArea,), "themes", "focus_areas", refs={"behaviours": "behaviour"},
                  pages=lambda theme_id, ident: [focus_area_path(theme_id, ident), handout_path(theme_id, ident),
                                                 presenter_path(theme_id, ident)],
                  templates=("focus_area.md.j2", "handout.md.j2", "present.md.j2"), within="theme",
                  title=lambda area: area.title, macro="focus_area")
