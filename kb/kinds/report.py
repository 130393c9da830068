"""data/source.yaml: the report itself, and the publisher's text printed at its end."""
from __future__ import annotations

from pydantic import Field

from .base import DataFile, Id, Kind, Listed, Number, Record, Text


class Environment(Record):
    title: Text
    text: Text


class Report(Record):
    """The source report itself, and the publisher's text printed at its end."""
    title: Text
    subtitle: Text
    publisher: Text
    year: Number
    place: Text
    companion_report: Id = Field(description="The id, in data/evidence.yaml, of the longer report this one was published alongside.")
    about_publisher: Listed[Text]
    copyright: Text
    contact: Listed[Text]
    environment: Environment


FILE = DataFile("report", "source.yaml", Report)
REPORT = Kind("report", "report", (Report,), FILE.name, refs={"companion_report": "evidence_source"})
