"""data/behaviours.yaml: the framework of resourcefulness and its eight core behaviours."""
from __future__ import annotations

from pydantic import Field

from .base import DataFile, Id, Kind, Listed, Record, ReviewDate, Text


class AbilityList(Record):
    lead: Text
    abilities: Listed[Text]


class Framework(Record):
    introduction: Text
    resourcefulness: AbilityList
    resourceful_leader: AbilityList
    figure_title: Text
    behaviours_lead: Text


class Behaviour(Record):
    id: Id
    name: Text = Field(description="The behaviour as the report's footnote 1 names it.")
    last_reviewed: ReviewDate


class BehavioursFile(Record):
    framework: Framework
    behaviours: Listed[Behaviour]


def behaviour_path(behaviour_id: str) -> str:
    return f"behaviours/{behaviour_id}.md"


FILE = DataFile("behaviours", "behaviours.yaml", BehavioursFile)
BEHAVIOUR = Kind("behaviour", "behaviour", (Behaviour,), FILE.name, "behaviours",
                 pages=lambda ident: [behaviour_path(ident)], templates=("behaviour.md.j2",),
                 title=lambda b: b.name[:1].upper() + b.name[1:], macro="behaviour")
