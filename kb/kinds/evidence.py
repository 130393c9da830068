"""data/evidence.yaml: the sources the report cites, with their addresses exactly as printed."""
from __future__ import annotations

from typing import Optional

from pydantic import Field

from .base import DataFile, Id, Kind, Listed, Record, Text


class EvidenceSource(Record):
    id: Id
    title: Text
    publisher: Optional[Text] = None
    kind: Text
    date: Optional[Text] = None
    original_address: Optional[Text] = Field(description="The address exactly as the report prints it, or null where it gives none.")


class EvidenceFile(Record):
    sources: Listed[EvidenceSource]


FILE = DataFile("evidence", "evidence.yaml", EvidenceFile)
EVIDENCE_SOURCE = Kind("evidence_source", "evidence source", (EvidenceSource,), FILE.name, "sources")
