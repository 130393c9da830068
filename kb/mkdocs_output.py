"""What `make build` tells an editor of MkDocs' log: its warnings in plain words with the page and
line, a failed macro in one sentence, and none of its chatter (INFO records) or tracebacks
(mkdocs-macros logs one when a page's macro fails).

MkDocs runs in the build's own process (kb/build.py), and its log reaches `Told`, a
logging.Handler on the "mkdocs" logger, one record at a time. Our own lines (problems, REVIEW and
WARNING) are printed by the hooks and are not MkDocs' log: they pass as they are.
"""
from __future__ import annotations

import contextlib
import logging
import re
import sys
from pathlib import Path

# MkDocs' warnings about a page's links, and what to say instead.
LINK_WARNINGS = (
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target is not found among documentation files\."),
     "the link '{link}' leads to no page of the site; link a page by its file, like framework.md"),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as is\.(?P<rest>.*)"),
     "the link '{link}' is not a page's file{rest}; link a page by its file, like framework.md"),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'\."),
     "the link '{link}' leads to {target}, which has no heading or anchor '{anchor}'; fix the part after #"),
)
MACROS_ERROR = "[macros] - ERROR"  # how mkdocs-macros begins the record of a failed macro
MACRO_ERROR = re.compile(r"_File_: `(?P<page>[^`]+)`.*?_(?P<kind>\w+Error)_: (?P<message>[^\n]+)", re.S)
STRICT_ABORT = "Aborted with"  # MkDocs' own words when strict mode stops a build at its warnings


class Told(logging.Handler):
    """MkDocs' log records, as an editor reads them: each warning or error a line on stderr (the
    one current when it is told: a test's run_module captures it)."""

    def __init__(self, project: Path):
        super().__init__(logging.WARNING)
        self.project = project

    def emit(self, record: logging.LogRecord) -> None:
        line = self.plain(record)
        if line:
            print(line, file=sys.stderr, flush=True)

    def plain(self, record: logging.LogRecord) -> str | None:
        message = record.getMessage()
        if message.startswith(MACROS_ERROR):
            found = MACRO_ERROR.search(message)
            return found and (f"docs/{found['page']}: a macro on this page failed ({found['kind']}: {found['message']}); "
                              "`make check` names the line")
        if record.levelno == logging.WARNING:
            return _warning(message, self.project)
        return f"{record.levelname:<8}-  {message}"


@contextlib.contextmanager
def told(project: Path):
    """While it lasts, MkDocs' log goes to an editor in plain words, and only there."""
    logger = logging.getLogger("mkdocs")
    handler, propagate = Told(project), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # else Python prints each warning again, as it stands
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def aborted(message: str) -> str:
    """Why MkDocs stopped (an Abort's message: ours, the problems, or strict mode's), in plain words."""
    lines = [line for line in message.splitlines() if line.strip()]
    return "".join("The build stopped at MkDocs' warnings above: every warning fails a build.\n"
                   if line.startswith(STRICT_ABORT) else f"{line}\n" for line in lines)


def _warning(message: str, project: Path) -> str:
    for pattern, words in LINK_WARNINGS:
        match = pattern.match(message)
        if match:
            page = f"docs/{match['page']}"
            return f"{page}:{_line_of(project / page, match['link'].split('#')[0] or match['link'])}: {words.format(**match.groupdict())}"
    return f"MkDocs: {message}"


def _line_of(path: Path, text: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, 1) if f"({text}" in line or text in line), 1)
