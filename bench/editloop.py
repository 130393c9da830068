"""Part 3: how long an editor waits, under `mkdocs serve`, from saving YAML to the new page.

The server runs on a private copy of the project (its data/ is edited), on a free port,
in its own process group, and is always stopped at the end, whatever happens.
"""
from __future__ import annotations

import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from kb.site import knowledge_base as load
from kb.addresses import example_path
from kb.yamlfile import read_yaml

from kb.addresses import built_file

from .project import make_project
from .report import Row, checked
from .timing import ENV, kill_group, shown

PART = "3 Edit loop"
TARGET_SECONDS = 1.0
POLL_SECONDS = 0.05
START_TIMEOUT = 120
EDIT_TIMEOUT = 60
SETTLE_SECONDS = 1.0  # between edits, so each one starts from an idle server, as an editor's would


def measure(tmp: Path, edits: int) -> list[Row]:
    project = make_project(tmp / "editloop")
    examples = load(project / "data").examples
    index = min(range(len(examples)), key=lambda i: examples[i].number)
    example, yaml_file = examples[index], project / "data" / "examples.yaml"
    line = title_line(yaml_file, index)
    url_path = "/" + built_file(example_path(example.id)).removesuffix("index.html")
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")]
    with server(command, project, tmp / "serve.log") as base:
        waits = [edit_and_wait(yaml_file, line, example.title, f"{base}{url_path}")
                 for _ in range(edits)]
    median = statistics.median(waits)
    how = f"retitle example {example.number} in $TMP/editloop/data/examples.yaml; poll {url_path} every 50 ms"
    row = checked(PART, f"Save to rebuilt page (median of {edits}; each: {', '.join(f'{w:.2f}' for w in waits)} s)",
                  median, TARGET_SECONDS, "{:.2f} s", how)
    return [replace(row, command=shown(command))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(command: list[str], cwd: Path, log: Path):
    """Run `mkdocs serve` until it answers; yield its address; stop its process group."""
    with open(log, "w") as out:
        proc = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            base = command[command.index("-a") + 1]
            wait_until(lambda: fetch(f"http://{base}/") is not None, START_TIMEOUT, proc, log)
            yield f"http://{base}"
        finally:
            kill_group(proc)


def edit_and_wait(yaml_file: Path, line: int, title: str, url: str) -> float:
    """Give the title on `line` a new marker, save, and time until the served page shows it."""
    time.sleep(SETTLE_SECONDS)
    marker = f"bench-{uuid.uuid4().hex[:8]}"
    lines = yaml_file.read_text(encoding="utf-8").split("\n")
    indent = lines[line - 1][:len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    lines[line - 1] = f"{indent}title: {json.dumps(f'{title} {marker}', ensure_ascii=False)}"
    yaml_file.write_text("\n".join(lines), encoding="utf-8")
    saved = time.perf_counter()
    wait_until(lambda: marker in (fetch(url) or ""), EDIT_TIMEOUT)
    return time.perf_counter() - saved


def title_line(yaml_file: Path, index: int) -> int:
    """The line of example `index`'s title, found by the project's own YAML reader."""
    doc, problems = read_yaml(yaml_file, yaml_file.name)
    if problems:
        raise RuntimeError(f"cannot read {yaml_file}: {problems}")
    return doc.line_of(("examples", index, "title"))


def wait_until(condition, timeout: float, proc: subprocess.Popen | None = None, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"`mkdocs serve` stopped:\n{log.read_text()[-3000:]}")
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
