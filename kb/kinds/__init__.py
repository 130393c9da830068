"""Every kind of content, one module each, and the data files that hold them.

Adding a kind is a module here (its schema, file, address, references and templates) and a
line below; the loader, the rules, the pages and the redirects ask these descriptors.
"""
from __future__ import annotations

from . import behaviour, change, evidence, example, glossary, redirect, report, theme
from .approach import APPROACH
from .base import DataFile, Kind, Record, Where, records_in
from .behaviour import BEHAVIOUR
from .change import CHANGE
from .block import BLOCK
from .evidence import EVIDENCE_SOURCE
from .example import EXAMPLE
from .focus_area import FOCUS_AREA
from .glossary import ABBREVIATION
from .question import QUESTION
from .redirect import PUBLISHED, REDIRECT
from .report import REPORT
from .theme import THEME

DATA_FILES = (behaviour.FILE, example.FILE, evidence.FILE, glossary.FILE, report.FILE, redirect.FILE, theme.FILE, change.FILE)
KINDS = {kind.key: kind for kind in (BEHAVIOUR, EXAMPLE, THEME, FOCUS_AREA, APPROACH, QUESTION, EVIDENCE_SOURCE,
                                     BLOCK, ABBREVIATION, REPORT, REDIRECT, CHANGE)}
# The kind of each record class, for the loader's walk over every file.
KIND_OF = {model: kind for kind in KINDS.values() for model in kind.models}
# The kinds a hand-written page links by id, by the name of the macro it calls.
LINKABLE = {kind.macro: kind for kind in KINDS.values() if kind.macro}
# The name of each record in a message, by the key of the list that holds it.
RECORD_NAMES = {kind.list_key: kind.name for kind in KINDS.values() if kind.list_key} | {
    "strands": "strand", "introduction": "introduction block", "pages": "page"}

__all__ = ["DATA_FILES", "KINDS", "KIND_OF", "LINKABLE", "PUBLISHED", "RECORD_NAMES", "DataFile", "Kind", "Record", "Where",
           "records_in", "APPROACH", "BEHAVIOUR", "BLOCK", "EVIDENCE_SOURCE", "EXAMPLE", "FOCUS_AREA", "ABBREVIATION",
           "QUESTION", "REDIRECT", "REPORT", "THEME", "CHANGE"]
