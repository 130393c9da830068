"""What `make build` tells an editor of MkDocs' output: our own lines (problems, REVIEW and
WARNING) as they are, MkDocs' warnings in plain words with the page and line, and none of its
chatter (INFO lines) or tracebacks (mkdocs-macros prints one when a page's macro fails)."""
from __future__ import annotations

import re
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
MACRO_ERROR = re.compile(r"_File_: `(?P<page>[^`]+)`.*?_(?P<kind>\w+Error)_: (?P<message>[^\n]+)", re.S)


def plain(output: str, project: Path) -> str:
    """The lines of MkDocs' output an editor needs, in plain words."""
    told, fenced = [], False
    for match in MACRO_ERROR.finditer(output):
        told.append(f"docs/{match['page']}: a macro on this page failed ({match['kind']}: {match['message']}); "
                    "`make check` names the line")
    for line in output.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced or not line.strip() or line.startswith("INFO") or line.startswith("_") or "[macros] - ERROR" in line:
            continue
        if line.startswith("WARNING -  "):
            told.append(_warning(line.removeprefix("WARNING -  "), project))
        elif line.startswith("Aborted with"):
            told.append("The build stopped at MkDocs' warnings above: every warning fails a build.")
        else:
            told.append(line)  # ours: the problems, REVIEW and WARNING lines, the summary
    return "".join(f"{line}\n" for line in told)


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
