"""The report: one Markdown table, each figure beside its target and the command behind it."""
from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from pathlib import Path

from . import ROOT

RESULTS_DIR = ROOT / "bench" / "results"  # ignored by git: a fresh clone has none until a run makes it
TABLE = "latest.md"
HEADER = ("Part", "Measure", "Value", "Target", "Result", "Command")


@dataclass(frozen=True)
class Row:
    """One figure. `command` is what to run (shown as code); `how` says what was done with
    its output, or, for a figure worked out from other rows, stands alone."""
    part: str
    measure: str
    value: str
    command: str = ""
    how: str = ""
    target: str = ""
    ok: bool | None = None  # None: a figure with no target
    failed: bool = False  # the part could not measure: make bench exits non-zero

    def cells(self) -> tuple[str, ...]:
        result = "FAILED" if self.failed else "" if self.ok is None else ("PASS" if self.ok else "MISS")
        source = " then ".join(part for part in (self.command and f"`{self.command}`", self.how) if part)
        return (self.part, self.measure, self.value, self.target, result, source)


def checked(part: str, measure: str, value: float, limit: float | None, fmt: str, how: str) -> Row:
    """A figure worked out from other rows that must stay within a limit, shown with fmt ('{:.2f}x');
    with no limit, the figure alone."""
    if limit is None:
        return Row(part, measure, fmt.format(value), how=how)
    return Row(part, measure, fmt.format(value), how=how, target="≤ " + fmt.format(limit), ok=value <= limit)


def table(rows: list[Row]) -> str:
    lines = [_line(HEADER), _line(("---",) * len(HEADER))]
    lines += [_line(tuple(cell.replace("|", r"\|") for cell in row.cells())) for row in rows]
    return "\n".join(lines)


def _line(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def document(rows: list[Row], notes: list[str]) -> str:
    machine = f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, {platform.system()}"
    parts = ["# Benchmark", "", f"Machine: {machine}. Commands run from the repository root; "
             "`$TMP` is the bench's temporary folder.", "", table(rows)]
    if notes:
        parts += ["", *(f"- {note}" for note in notes)]
    return "\n".join(parts) + "\n"


def write(text: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / TABLE
    path.write_text(text, encoding="utf-8")
    return path
