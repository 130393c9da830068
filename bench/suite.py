"""Part 5 (--with-tests): how long the whole test suite takes here, since everyone runs it."""
from __future__ import annotations

import sys

from . import ROOT
from .report import Row
from .timing import run, shown

PART = "5 Tests"
TARGET_SECONDS = 300
TIMEOUT = 1800
SHOWN_FAILURES = 3


def measure() -> list[Row]:
    command = [sys.executable, "-m", "pytest", "-q"]
    result = run(command, cwd=ROOT, timeout=TIMEOUT)
    ok = result.returncode == 0 and result.seconds <= TARGET_SECONDS
    label = f"Whole suite ({last_line(result.output)}; exit {result.returncode})"
    failed = failures(result.output)
    if failed:
        label += f"; failing: {', '.join(failed[:SHOWN_FAILURES])}{' …' if len(failed) > SHOWN_FAILURES else ''}"
    return [Row(PART, label, f"{result.seconds:.1f} s", shown(command),
                target=f"≤ {TARGET_SECONDS} s and passing", ok=ok)]


def last_line(output: str) -> str:
    """pytest's closing summary, such as '42 passed in 61.2s'."""
    lines = [line.strip(" =") for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def failures(output: str) -> list[str]:
    """The failing tests' ids, from the short summary (-ra in pyproject.toml)."""
    return [line.split()[1] for line in output.splitlines() if line.startswith(("FAILED ", "ERROR ")) and len(line.split()) > 1]
