"""Helpers the tests share: where things are, and a real strict MkDocs build."""
from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

from filelock import FileLock

from kb.build import environment

from sitehtml import normalise

ROOT = Path(__file__).resolve().parent.parent
# The report's text, the only source of content, sits in shared/ beside the repository.
SHARED_TEXT = ROOT.parent / "shared" / "source" / "resourceful-leadership-early-intervention.txt"
# A copy travels with the tests for clones without shared/ (GitHub Actions); a test keeps
# it identical to the shared text wherever both exist.
COPY_TEXT = ROOT / "tests" / "fixtures" / "report.txt"
SOURCE_TEXT = SHARED_TEXT if SHARED_TEXT.is_file() else COPY_TEXT
COPIED = ("data", "docs", "mkdocs.yml", "macros.py")
LINKED = ("kb", "templates", "overrides")


# A small made-up knowledge base (tests/fixtures/kb/) for the tests of errors and edits: an
# editor's change to the real data/ never moves them.
FIXTURE_KB = ROOT / "tests" / "fixtures" / "kb"


# Where a PDF page break split a sentence, the text is joined again (see the theme file).
PAGE_BREAK_JOINS = [
    ("shared with other\n\npractitioners", "shared with other practitioners"),
    ("more cost-\n\neffectively", "more cost-effectively"),
]
# The report prints this paragraph's end after the example 4 box; the site rejoins it.
SPLIT_PARAGRAPH = ("The approach demonstrates", "awareness that problems can be intergenerational.")
# PDF furniture, not body text: the document-type label printed above the summary.
NOT_BODY = {"Resource"}


def report_paragraphs() -> list[str]:
    assert SOURCE_TEXT.is_file(), f"the report's text is missing at {SOURCE_TEXT}: put shared/ beside the repository or set KB_SOURCE_TEXT"
    text = SOURCE_TEXT.read_text(encoding="utf-8")
    for broken, joined in PAGE_BREAK_JOINS:
        assert broken in text
        text = text.replace(broken, joined)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head, tail = SPLIT_PARAGRAPH
    first = next(i for i, line in enumerate(lines) if line.endswith(head))
    second = next(i for i, line in enumerate(lines) if line.startswith(tail))
    lines[first] = f"{lines[first]} {lines.pop(second)}"
    paragraphs = []
    for line in lines:
        line = re.sub(r"^(- |1\. (?=These are))", "", line)  # list markers and the footnote mark
        line = line.replace("**", "")  # the report's bold title
        line = re.sub(r"^<(http\S+)>\.$", r"\1.", line)  # an address in angle brackets
        if line not in NOT_BODY:
            paragraphs.append(normalise(line))
    return paragraphs


def line_of(path, text):
    """The 1-based number of the one line of the file that contains text (never a number in a test)."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line]
    assert len(hits) == 1, f"{text!r} is on lines {hits} of {path}, expected exactly one"
    return hits[0]


def copy_project(copy: Path, data: Path | None = None) -> Path:
    """A private copy of the project: data and docs copied, code linked. With `data` (such as
    FIXTURE_KB), that data instead of the real one, and the addresses its site publishes."""
    from kb.published import MANIFEST
    copy.mkdir()
    for name in COPIED:
        source = data if name == "data" and data else ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        else:
            shutil.copy2(source, copy / name)
    for name in LINKED:
        (copy / name).symlink_to(ROOT / name)
    if data:
        # `make urls` on the unchanged copy, once per process and data folder: every copy of the
        # same data and docs publishes the same addresses (a test's own edits come after this),
        # and loading and checking the data again was most of the cost of a copy.
        key = (data.resolve(), _snapshot(data), _snapshot(ROOT / "docs"))
        if key not in _ADDRESSES:
            record_addresses(copy)
            _ADDRESSES[key] = (copy / MANIFEST).read_bytes()
        (copy / MANIFEST).write_bytes(_ADDRESSES[key])
    else:
        shutil.copy2(ROOT / MANIFEST, copy / MANIFEST)  # so the copy keeps the addresses the site published
    return copy


_ADDRESSES: dict[tuple, bytes] = {}


def _snapshot(folder: Path) -> tuple:
    """Each file's path, size and time of change: a folder edited since is a new key."""
    return tuple(sorted((p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in folder.rglob("*") if p.is_file()))


def made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder that make(folder) fills once per test run, shared by every pytest-xdist worker:
    the first worker to ask makes it (under a lock), the others wait for it and use it. A
    session-scoped build was made once per worker; the site is the same for all of them, and
    nothing may write into it."""
    base = tmp_path_factory.getbasetemp()
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = base / name
        if not folder.exists():
            make(folder)
        return folder
    shared = base.parent  # the run's own folder, which every worker's folder sits in
    folder, done = shared / name, shared / f"{name}.done"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            make(folder)
            done.touch()
    return folder


def record_addresses(project: Path) -> str:
    """`make urls` in the project, as an editor runs it after adding pages: what it printed."""
    from kb.urls import record_new_addresses
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        record_new_addresses(project)
    return out.getvalue()


def run_module(project: Path, module: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m module args` in project, as an editor runs it, but in this process: a fresh
    interpreter costs more than checking or building the small knowledge bases of the tests
    (1.35 s of CPU for a build of tests/fixtures/kb/ as a process, 0.6 s in this one). What it
    printed is in .stdout, .stderr and .output (both), its exit status in .returncode; an
    exception it does not catch fails the test, as a traceback would fail the editor's command.
    (tests/test_errors.py and tests/test_tooling.py still start real processes, for the
    messages of a process that dies.)"""
    stdout, stderr = io.StringIO(), io.StringIO()
    here, argv = os.getcwd(), sys.argv
    # MkDocs' command line gives the "mkdocs" logger a handler of its own each run, and stops
    # it from propagating: the logger is put back as it was afterwards.
    log = logging.getLogger("mkdocs")
    logged = (log.handlers[:], log.propagate, log.level)
    os.chdir(project)  # as the command runs: the paths it prints start with data/
    sys.argv = [module, *args]
    try:
        with environment(env or {}), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), \
                warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*found in sys.modules", category=RuntimeWarning)
            code = _exit_code(lambda: runpy.run_module(module, run_name="__main__", alter_sys=False))
    finally:
        os.chdir(here)
        sys.argv = argv
        log.handlers[:], log.propagate = logged[:2]
        log.setLevel(logged[2])
    result = subprocess.CompletedProcess([module, *args], code, stdout.getvalue(), stderr.getvalue())
    result.output = result.stdout + result.stderr
    return result


def _exit_code(main) -> int:
    try:
        main()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    return 0


def run_build(project: Path, site_dir: Path, record: bool = True) -> subprocess.CompletedProcess:
    """A strict build of the project (`mkdocs build --strict`), after `make urls` unless record is False."""
    if record:
        record_addresses(project)
    return run_module(project, "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir),
                      env={"NO_MKDOCS_2_WARNING": "1"})


# --- `mkdocs serve` in a project copy ----------------------------------------------------

HANG_GUARD = 120  # seconds: only so that a broken server cannot hang the suite; not a speed limit
REBUILT = ("Reloading browsers", "An error happened during the rebuild")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=HANG_GUARD) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(predicate, what: str):
    deadline = time.monotonic() + HANG_GUARD
    while not predicate():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


def rebuilds(log: Path) -> int:
    """How many rebuilds the server has finished (well or badly) so far."""
    text = log.read_text()
    return sum(text.count(event) for event in REBUILT)


def wait_for_rebuild(log: Path, before: int):
    wait_until(lambda: rebuilds(log) > before, "the server to rebuild after the edit")


def edit(path: Path, old: str, new: str):
    text = path.read_text()
    assert text.count(old) == 1, f"{old!r} must occur once in {path}"
    path.write_text(text.replace(old, new))


@contextlib.contextmanager
def serving(project: Path, log_path: Path):
    """`mkdocs serve` on a free port in project: (base URL, process, log path)."""
    port = free_port()
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True)
        base = f"http://127.0.0.1:{port}/"
        try:
            wait_until(lambda: "Serving on" in log_path.read_text() or server.poll() is not None, "mkdocs serve to start")
            assert server.poll() is None, log_path.read_text()
            yield base, server
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=HANG_GUARD)
