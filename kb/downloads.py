"""What a build publishes besides pages: the offline copy (a zip of the site built for opening
from disk) and the open data (the knowledge base as JSON with its JSON Schema, and the
questions and practice examples as CSV).

`make build` builds the offline copy first (KB_OFFLINE=true turns on Material's offline
plugin), zips it, and tells the online build where the zip is (KB_OFFLINE_ZIP), so that the
trainers' page can link it with its size. `make serve` makes neither zip nor second build.
"""
from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .kinds.behaviour import Behaviour, Framework, behaviour_path
from .kinds.evidence import EvidenceSource
from .kinds.example import PracticeExample, example_path
from .kinds.glossary import Abbreviation
from .kinds.question import question_path
from .kinds.report import Report
from .kinds.theme import Theme

OFFLINE_ZIP = "downloads/resourceful-leadership-offline.zip"
OFFLINE_FOLDER = "resourceful-leadership"  # the folder the zip unpacks into
OPEN_DATA = "open-data"
OPEN_DATA_FILES = {
    "json": f"{OPEN_DATA}/resourceful-leadership.json",
    "schema": f"{OPEN_DATA}/resourceful-leadership.schema.json",
    "questions": f"{OPEN_DATA}/questions.csv",
    "examples": f"{OPEN_DATA}/practice-examples.csv",
}
# What the templates link to: site paths of every download.
DOWNLOADS = {"offline": OFFLINE_ZIP, **OPEN_DATA_FILES}
# Set by kb/build.py for the two builds it makes.
OFFLINE_BUILD_ENV = "KB_OFFLINE"
OFFLINE_ZIP_ENV = "KB_OFFLINE_ZIP"


@dataclass(frozen=True)
class Edition:
    """Which build this is: the offline copy itself, an online build with the offline copy's
    zip beside it, or a preview (make serve, tests) with neither."""
    offline: bool = False
    zip_source: Path | None = None

    @classmethod
    def from_environment(cls) -> "Edition":
        zip_source = os.environ.get(OFFLINE_ZIP_ENV)
        return cls(offline=os.environ.get(OFFLINE_BUILD_ENV) == "true",
                   zip_source=Path(zip_source) if zip_source else None)

    @property
    def zip_size(self) -> str | None:
        if not self.zip_source:
            return None
        size = self.zip_source.stat().st_size
        return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


def make_zip(site_dir: Path, zip_path: Path) -> None:
    """Zip a built site into one folder inside the archive, files in a stable order."""
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            archive.write(path, f"{OFFLINE_FOLDER}/{path.relative_to(site_dir).as_posix()}")


# --- open data -------------------------------------------------------------------------------

class Addressed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    address: str  # the permanent URL of the entity's page or anchor


class OpenBehaviour(Behaviour, Addressed):
    pass


class OpenExample(PracticeExample, Addressed):
    pass


class OpenQuestion(Addressed):
    id: str
    text: str
    theme: str
    focus_area: str
    behaviours: list[str]


class OpenConcerns(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str
    id: str          # as the note names it (an old id stays as written)
    address: str     # the permanent URL of the page as it is now (a retired id: where its readers go)


class OpenNote(BaseModel):
    """A change note (data/changes/): what changed for readers, and when."""
    model_config = ConfigDict(extra="forbid")
    id: str          # its file's name, and its anchor on the changes page
    date: datetime.date
    importance: str  # major (readers must know) or minor (a typo, a link)
    change: str      # new, changed, renamed, retired, first-edition
    pages: list[OpenConcerns]
    text: str


class OpenData(BaseModel):
    """The whole knowledge base, as published at open-data/resourceful-leadership.json."""
    model_config = ConfigDict(extra="forbid")
    report: Report
    framework: Framework
    behaviours: list[OpenBehaviour]
    themes: list[Theme]
    practice_examples: list[OpenExample]
    questions: list[OpenQuestion]
    evidence_sources: list[EvidenceSource]
    abbreviations: list[Abbreviation]
    change_notes: list[OpenNote]


def question_rows(kb, permanent) -> list[OpenQuestion]:
    return [OpenQuestion(id=p.question.id, text=p.question.text, theme=p.theme.id, focus_area=p.focus_area.id,
                         behaviours=list(p.focus_area.behaviours), address=permanent(question_path(p.question.id)))
            for p in kb.question.values()]


def open_data(kb, permanent) -> OpenData:
    return OpenData(
        report=kb.report, framework=kb.framework,
        behaviours=[OpenBehaviour(**b.model_dump(), address=permanent(behaviour_path(b.id))) for b in kb.behaviours],
        themes=list(kb.themes),
        practice_examples=[OpenExample(**e.model_dump(), address=permanent(example_path(e.id))) for e in kb.examples],
        questions=question_rows(kb, permanent), evidence_sources=list(kb.evidence_sources),
        abbreviations=list(kb.abbreviations), change_notes=note_rows(kb, permanent))


def note_rows(kb, permanent) -> list[OpenNote]:
    def address(c) -> str:
        return permanent(c.path) if c.path else permanent(c.address.strip("/") + ".md") if c.address != "/" else permanent("index.md")
    return [OpenNote(id=n.name, date=n.date, importance=n.importance, change=n.change, text=n.one_line,
                     pages=[OpenConcerns(kind=c.ref.kind, id=c.ref.id, address=address(c)) for c in kb.concerned(n)])
            for n in kb.notes]


@functools.cache
def open_data_schema() -> bytes:
    """The open data's JSON Schema. It comes from the models alone, not the data, so it is made
    once a process: `mkdocs serve` rebuilds without it (26 ms of each rebuild)."""
    schema = OpenData.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "The Resourceful Leadership knowledge base (open data)"
    return _json(schema)


def open_data_files(kb, permanent) -> dict[str, bytes]:
    """Site path -> content of every open-data file, made from the model on every build."""
    data = open_data(kb, permanent)
    questions = [[q.id, q.text, q.theme, q.focus_area, " ".join(q.behaviours), q.address] for q in data.questions]
    examples = [[e.id, "\n\n".join(e.text), e.theme, e.focus_area, " ".join(e.behaviours),
                 permanent(example_path(e.id))] for e in kb.examples]
    header = ["id", "text", "theme", "focus_area", "behaviours", "address"]
    return {
        # pydantic writes it (in Rust): the same text as _json, in a quarter of the time at 50x.
        OPEN_DATA_FILES["json"]: (data.model_dump_json(indent=2) + "\n").encode("utf-8"),
        OPEN_DATA_FILES["schema"]: open_data_schema(),
        OPEN_DATA_FILES["questions"]: _csv(header, questions),
        OPEN_DATA_FILES["examples"]: _csv(header, examples),
    }


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    # UTF-8 with a byte-order mark: spreadsheets then keep curly quotes and dashes intact.
    return out.getvalue().encode("utf-8-sig")
