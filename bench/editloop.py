"""Part 3: how long an editor waits, under `mkdocs serve`, from saving YAML to the new page,
and beside it, the plain project's wait (MkDocs and Material alone, the same pages) for a
change to that page's Markdown: what of the wait is ours, and what the framework's.

Each server runs on a private copy (its data/ or docs/ is edited), on a free port, in its own
process group, and is always stopped at the end, whatever happens.
"""
from __future__ import annotations

import json
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from kb.addresses import built_file, example_path
from kb.site import knowledge_base as load
from kb.yamlfile import read_yaml

from . import serve_clock
from .plain import SERVE_CLOCK, make_plain_project
from .project import make_project
from .report import Row, checked
from .timing import ENV, kill_group, shown

PART = "3 Edit loop"
TARGET_SECONDS = 1.0
POLL_SECONDS = 0.05
START_TIMEOUT = 120
EDIT_TIMEOUT = 60
SETTLE_SECONDS = 1.0  # between pairs of edits, so each starts from idle servers, as an editor's would


class Edit(NamedTuple):
    wait: float  # from the save to the new page served
    rebuild: float  # of it, the rebuilds, as the server's clock logged them


def measure(tmp: Path, edits: int) -> list[Row]:
    """Ours, and the plain project (the same pages, MkDocs and Material with no code of ours, and
    the serve settings our hooks give, bench/plain_serve_hooks.py) served side by side, edited in
    turn: the ratio of each pair is measured in the same moments of the machine."""
    project = make_project(tmp / "editloop")
    with_clock(project / "mkdocs.yml")
    examples = load(project / "data").examples
    index = min(range(len(examples)), key=lambda i: examples[i].number)
    example, yaml_file = examples[index], project / "data" / "examples.yaml"
    line = title_line(yaml_file, index)
    url_path = "/" + built_file(example_path(example.id)).removesuffix("index.html")
    plain_config = make_plain_project(tmp / "editloop-plain", project, served=True)
    plain_page = plain_config.parent / "docs" / example_path(example.id)
    ours_port, plain_port = free_ports(2)
    ours, plain = serve_command(project / "mkdocs.yml", ours_port), serve_command(plain_config, plain_port)
    runs = (ours, project, tmp / "serve.log"), (plain, plain_config.parent, tmp / "serve-plain.log")
    with servers(*runs) as (ours_base, plain_base):
        edit_ours = lambda: edit_and_wait(lambda marker: retitle(yaml_file, line, example.title, marker),
                                          f"{ours_base}{url_path}", runs[0][2])
        edit_plain = lambda: edit_and_wait(lambda marker: add_paragraph(plain_page, marker),
                                           f"{plain_base}{url_path}", runs[1][2])
        pairs = []
        for number in range(edits):
            time.sleep(SETTLE_SECONDS)  # each server is idle too when the other has served its page
            # Each goes first in turn: the second of a pair starts on a machine warm from the first.
            if number % 2:
                plain_edit = edit_plain()
                pairs.append((edit_ours(), plain_edit))
            else:
                pairs.append((edit_ours(), edit_plain()))
    ours_edits, plain_edits = [edit for edit, _ in pairs], [edit for _, edit in pairs]
    waits, plain_waits = [edit.wait for edit in ours_edits], [edit.wait for edit in plain_edits]
    how = f"retitle example {example.number} in $TMP/editloop/data/examples.yaml; poll {url_path} every 50 ms"
    row = checked(PART, f"Save to rebuilt page (median of {edits}; each: {each(waits)} s)",
                  statistics.median(waits), TARGET_SECONDS, "{:.2f} s", how)
    plain_how = f"add a paragraph to {example_path(example.id)} in $TMP/editloop-plain/docs; poll {url_path} every 50 ms"
    ratios = [ours / plain for ours, plain in zip(waits, plain_waits)]  # of the same moments, whichever went first
    return [replace(row, command=shown(ours)),
            Row(PART, f"Save to rebuilt page, plain project: same pages, no code of ours, our serve settings "
                      f"(median of {edits}; each: {each(plain_waits)} s)",
                f"{statistics.median(plain_waits):.2f} s", shown(plain), plain_how),
            Row(PART, f"Ours over plain (each pair {each(ratios)})", f"{statistics.median(ratios):.2f}x", "",
                "median of the ratios of each edit of ours to the plain project's edit beside it (each goes first in turn)"),
            rebuild_row("ours", ours_edits), rebuild_row("plain project", plain_edits)]


def rebuild_row(name: str, edits: list[Edit]) -> Row:
    """Of each wait, the rebuild itself, as part 3's clock logs it (bench/serve_clock.py); the rest
    is noticing the save (polling), the wait for more writes, and serving the page."""
    rebuilds, rest = [edit.rebuild for edit in edits], [edit.wait - edit.rebuild for edit in edits]
    return Row(PART, f"Of each wait, {name}: the rebuild alone (each: {each(rebuilds)} s); the rest, noticing "
                     f"the save and serving the page: median {statistics.median(rest):.2f} s",
               f"{statistics.median(rebuilds):.2f} s", "",
               "the server's log: the rebuilds each edit caused, as bench/serve_clock.py times them (MkDocs' builder called to its return)")


def each(values: list[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def with_clock(config: Path) -> None:
    """Our copy's mkdocs.yml with part 3's clock among its hooks (the plain project's has it too:
    bench/plain.py)."""
    text = config.read_text(encoding="utf-8")
    hooks = "\nhooks:\n"
    if hooks not in text:
        raise RuntimeError(f"{config} has no top-level hooks: list to add the bench's clock to")
    config.write_text(text.replace(hooks, f"{hooks}  - {SERVE_CLOCK}\n", 1), encoding="utf-8")


def serve_command(config: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(config)]


def free_ports(count: int) -> list[int]:
    """Ports free now, and different: each probe stays open until all are chosen."""
    with ExitStack() as stack:
        probes = [stack.enter_context(socket.socket()) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]


@contextmanager
def servers(*runs: tuple[list[str], Path, Path]):
    """Start `mkdocs serve` for each (command, folder, log) at once, wait until each answers,
    yield their addresses; stop their process groups, whatever happens."""
    with ExitStack() as stack:
        started = []
        for command, cwd, log in runs:
            out = stack.enter_context(open(log, "w"))
            proc = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True)
            stack.callback(kill_group, proc)
            started.append((f"http://{command[command.index('-a') + 1]}", proc, log))
        for base, proc, log in started:
            wait_until(lambda: fetch(f"{base}/") is not None, START_TIMEOUT, proc, log)
        yield [base for base, _, _ in started]


def edit_and_wait(edit, url: str, log: Path) -> Edit:
    """Make an edit that puts a new marker on the page at url, and time until it is served;
    and how long the server's rebuilds since the edit took, as its log says."""
    marker = f"bench-{uuid.uuid4().hex[:8]}"
    logged = log.stat().st_size
    edit(marker)
    saved = time.perf_counter()
    wait_until(lambda: marker in (fetch(url) or ""), EDIT_TIMEOUT)
    waited = time.perf_counter() - saved
    return Edit(waited, rebuild_seconds(log, logged))


def rebuild_seconds(log: Path, offset: int) -> float:
    """The time of the rebuilds the server logged after `offset` bytes of its log (usually one;
    a save MkDocs saw as two writes makes two), logged before it serves the new pages."""
    with open(log, "rb") as file:
        file.seek(offset)
        text = file.read().decode("utf-8", "replace")
    built = [float(seconds) for seconds in serve_clock.LOGGED.findall(text)]
    if not built:
        raise RuntimeError(f"the page changed but {log.name} logged no rebuild:\n{text[-2000:]}")
    return sum(built)


def retitle(yaml_file: Path, line: int, title: str, marker: str) -> None:
    """The title on `line` with the marker after it, saved, as an editor would."""
    lines = yaml_file.read_text(encoding="utf-8").split("\n")
    indent = lines[line - 1][:len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    lines[line - 1] = f"{indent}title: {json.dumps(f'{title} {marker}', ensure_ascii=False)}"
    yaml_file.write_text("\n".join(lines), encoding="utf-8")


def add_paragraph(page: Path, marker: str) -> None:
    """The plain project's page with a last paragraph that is the marker (the previous one replaced)."""
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\n\nbench-[0-9a-f]{8}\n$", "", text) + f"\n\n{marker}\n", encoding="utf-8")


def title_line(yaml_file: Path, index: int) -> int:
    """The line of example `index`'s title, found by the project's own YAML reader."""
    doc, problems = read_yaml(yaml_file, yaml_file.name)
    if problems:
        raise RuntimeError(f"cannot read {yaml_file}: {problems}")
    return doc.line_of(("examples", index, "title"))


def wait_until(condition, timeout: float, proc: subprocess.Popen | None = None, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while True:
        # A server that stopped is told first: another may be answering at its address.
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"`mkdocs serve` stopped:\n{log.read_text()[-3000:]}")
        if condition():
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout} s")
        time.sleep(POLL_SECONDS)


def fetch(url: str) -> str | None:
    """The page's text, or None while the server is not answering it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None
