"""Part 5 (--with-tests): how long the whole test suite takes here, since everyone runs it."""
from __future__ import annotations

import sys
from pathlib import Path

from . import ROOT
from .report import Row
from .timing import run, shown

PART = "5 Tests"
TARGET_SECONDS = 150  # issue 29: half of what it took (306-313 s on a fresh clone)
SLOWEST = 10
TIMEOUT = 1800
SHOWN_FAILURES = 3
OUTPUT = "suite-output.txt"  # pytest's whole output, to read a failure from, beside the table


def measure(results: Path, suite: Path = ROOT) -> list[Row]:
    """The suite in `suite` (the project's own; the smoke run gives a tiny one), its whole
    output written into the results folder, which this makes if it is missing."""
    command = [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "worksteal", f"--durations={SLOWEST}"]  # as make test runs it
    result = run(command, cwd=suite, timeout=TIMEOUT)
    results.mkdir(parents=True, exist_ok=True)
    output = results / OUTPUT
    output.write_text(result.output, encoding="utf-8")
    ok = result.returncode == 0 and result.seconds <= TARGET_SECONDS
    label = f"Whole suite ({last_line(result.output)}; exit {result.returncode})"
    failed = failures(result.output)
    if failed:
        label += (f"; failing: {', '.join(failed[:SHOWN_FAILURES])}{' …' if len(failed) > SHOWN_FAILURES else ''}"
                  f" (pytest's output: {shown([str(output)])})")
    rows = [Row(PART, label, f"{result.seconds:.1f} s", shown(command),
                target=f"≤ {TARGET_SECONDS} s and passing", ok=ok)]
    rows += [Row(PART, f"slow test {i}: {test}", seconds, shown(command), "pytest's --durations list")
             for i, (seconds, test) in enumerate(slowest(result.output), 1)]
    return rows


STAND_IN = '''"""A stand-in suite for the bench's smoke run: one quick test, one a little slower."""
import time


def test_quick():
    assert True


def test_slower():
    time.sleep(0.05)
'''


def stand_in(folder: Path) -> Path:
    """A folder holding a tiny test suite, for the smoke run to time in place of the real one."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test_stand_in.py").write_text(STAND_IN, encoding="utf-8")
    return folder


def slowest(output: str) -> list[tuple[str, str]]:
    """pytest's 'slowest durations' lines: ('12.34 s', 'call tests/x.py::test_y')."""
    found = []
    for line in output.splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and parts[0].endswith("s") and parts[0][:-1].replace(".", "", 1).isdigit():
            found.append((f"{parts[0][:-1]} s", f"{parts[1]} {parts[2]}"))
    return found[:SLOWEST]


def last_line(output: str) -> str:
    """pytest's closing summary, such as '42 passed in 61.2s'."""
    lines = [line.strip(" =") for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def failures(output: str) -> list[str]:
    """The failing tests' ids, from the short summary (-ra in pyproject.toml)."""
    return [line.split()[1] for line in output.splitlines() if line.startswith(("FAILED ", "ERROR ")) and len(line.split()) > 1]
