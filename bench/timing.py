"""Run a command as the bench measures it: wall time, peak memory, bounded by a timeout.

Peak memory comes from os.wait4, the rusage of that one child: RUSAGE_CHILDREN only
keeps a maximum over every child so far, which a later, smaller build could not move.
"""
from __future__ import annotations

import os
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from . import ROOT

# mkdocs (through click) warns about MkDocs 2 on every run unless told not to. Python keeps the
# modules it compiles, as on an editor's computer: a machine set not to (PYTHONDONTWRITEBYTECODE,
# as some CI containers are) would compile kb/ afresh in every build of ours, 0.1 s at 1x that no
# editor pays and the plain build, with no code of ours, never does. The first build writes them.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
_shown_roots: dict[str, str] = {}


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system: what contention from other processes barely moves
    max_rss_kb: int
    returncode: int
    output: str


def medians(runs: list[Run]) -> tuple[float, float]:
    """The median wall and CPU seconds of some runs of one command."""
    return statistics.median(r.seconds for r in runs), statistics.median(r.cpu_seconds for r in runs)


def run(argv: list[str], cwd: Path = ROOT, timeout: float = 600) -> Run:
    """Run argv to completion; kill its whole process group if it outlives timeout."""
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        timer = threading.Timer(timeout, _signal_group, [proc.pid, signal.SIGKILL])
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode, out.read())


def run_checked(argv: list[str], cwd: Path = ROOT, timeout: float = 600) -> Run:
    """run(), but a failed command stops the bench with its output: a figure needs a success."""
    result = run(argv, cwd, timeout)
    if result.returncode != 0:
        raise RuntimeError(f"`{shown(argv)}` failed ({result.returncode}):\n{result.output[-3000:]}")
    return result


def kill_group(proc: subprocess.Popen, grace: float = 5) -> None:
    """Stop a process started with start_new_session=True, and everything it started."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            return
        _signal_group(proc.pid, sig)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            continue


def _signal_group(pid: int, sig: int) -> None:
    """Signal a process group without reaping it (the caller owns the wait)."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


def mkdocs_build(config: Path, site_dir: Path) -> list[str]:
    """The build command every timed build uses, as tests/conftest.py runs it."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]


def show_as(path: Path, name: str) -> None:
    """Print `path` as `name` in commands, so the report holds no temporary names."""
    _shown_roots[str(path)] = name


def shown(argv: list[str]) -> str:
    """The command as a reader would type it from the repository root."""
    text = shlex.join(argv).replace(sys.executable, ".venv/bin/python")
    for path, name in sorted(_shown_roots.items(), key=lambda item: -len(item[0])):
        text = text.replace(path, name)
    return text.replace(str(ROOT) + "/", "")
