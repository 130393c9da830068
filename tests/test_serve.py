"""`make serve` for editors: an edit to data, templates or macros.py shows within seconds;
a bad edit prints the problem and the server keeps running."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from support import ROOT

RELOAD_WITHIN = 5.0  # seconds: generous for a loaded 2-core CI machine; `make bench` measures it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def served(project, tmp_path):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Resourceful" in fetch(base), 30), "mkdocs serve did not start"
        yield project, base, server, tmp_path / "serve.log"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        log.close()


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_edits_to_data_templates_and_macros_show_and_bad_edits_are_reported(served):
    project, base, server, log = served
    example = base + "examples/working-with-partners/"

    edit(project / "data/examples.yaml", "title: Working with partners on prevention and intervention",
         "title: Working with partners EDITED-IN-DATA")
    assert wait_for(lambda: "EDITED-IN-DATA" in fetch(example), RELOAD_WITHIN)

    edit(project / "data/examples.yaml", "    setting: a London borough", "    setings: a London borough")
    assert wait_for(lambda: "unknown key 'setings' (did you mean 'setting'?)" in log.read_text(), RELOAD_WITHIN)
    assert "Traceback" not in log.read_text()
    assert server.poll() is None, "the server stopped on a bad edit"

    edit(project / "data/examples.yaml", "    setings: a London borough", "    setting: a London borough")
    (project / "templates").unlink()  # a private copy of the templates, to edit
    import shutil
    shutil.copytree(ROOT / "templates", project / "templates")
    edit(project / "templates/example.md.j2", "## The example", "## The example EDITED-IN-TEMPLATE")
    assert wait_for(lambda: "EDITED-IN-TEMPLATE" in fetch(example), RELOAD_WITHIN)

    edit(project / "docs/index.md", "## Where to start", "## Where to start {{ kb_fragment('_edited.md.j2') }}")
    (project / "templates/_edited.md.j2").write_text("EDITED-VIA-MACROS")
    edit(project / "macros.py", '"""Render templates/<template>', '"""Render templates/<template> (edited)')
    assert wait_for(lambda: "EDITED-VIA-MACROS" in fetch(base), RELOAD_WITHIN)
