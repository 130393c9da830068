"""Browser fixtures: the built site served on loopback, and real Chromium driven by Playwright.

Nothing is downloaded: the browser is an installed Chromium (Debian's package here).
With CI=true a missing browser fails the run; elsewhere the tests are skipped, loudly.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from browser_support import AXE_FILE, AXE_PATH, CHROMIUM_ARGS, EDIT_BASE, TRIM_LOSSES, VIEWPORTS, trim_inputs  # noqa: E402
from ensure_browser import find_test_chromium  # noqa: E402
from support import FIXTURE_KB, copy_project, made_once, run_build  # noqa: E402

class _QuietHandler(SimpleHTTPRequestHandler):
    """The built site, and axe-core at AXE_PATH for the accessibility tests: a script loaded by
    address is cached by Chromium, compiled once, where one pasted into each page is sent
    (570 KB) and compiled again on every page."""

    def translate_path(self, path):
        if path.split("?")[0] == AXE_PATH:
            return str(AXE_FILE)
        return super().translate_path(path)

    def end_headers(self):
        if self.path == AXE_PATH:
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a request it no longer needs (a page closed mid-load) is no error;
        # anything else still prints its traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(folder: Path):
    """A built site served on loopback while the block runs: its base URL."""
    httpd = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(built_site):
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def edit_site(tmp_path_factory):
    """The made-up knowledge base's site (tests/fixtures/kb/) built with a repository set
    (extra.edit_base is EDIT_BASE), served on loopback: (project, base URL). Built once for all
    the test workers; the made-up data has every kind of page, at a fraction of the real build."""
    def build(folder: Path):
        project = copy_project(folder, data=FIXTURE_KB)
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert 'edit_base: ""' in text
        config.write_text(text.replace('edit_base: ""', f'edit_base: "{EDIT_BASE}"'), encoding="utf-8")
        result = run_build(project, project / "out")
        assert result.returncode == 0, result.output

    project = made_once(tmp_path_factory, "edit", build)
    with serving(project / "out") as url:
        yield project, url


@pytest.fixture(scope="session")
def browser():
    executable = find_test_chromium()
    if executable is None:
        message = "no Chromium installed (apt-get install chromium chromium-headless-shell, or set KB_CHROMIUM)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def trim_losses(browser, built_site):
    """What Material's whole stylesheets would set that the stylesheet readers get lacks
    (browser_support.TRIM_LOSSES), read once by each test worker."""
    page = browser.new_page()
    try:
        return page.evaluate(TRIM_LOSSES, trim_inputs(built_site))
    finally:
        page.close()


@pytest.fixture(scope="session")
def page_urls(pages):
    """Every built page, as a site-relative URL (the 404 page included)."""
    return sorted(pages)


@pytest.fixture
def open_page(browser):
    """open_page(scheme="light", viewport="desktop", **context_options): a fresh page in a
    browser context of its own, closed after the test whatever happens. `viewport` is a name in
    VIEWPORTS or a {"width", "height"} dict; `page.context` gives the context (permissions,
    requests, cookies)."""
    contexts = []

    def opener(scheme="light", viewport="desktop", **options):
        size = VIEWPORTS[viewport] if isinstance(viewport, str) else viewport
        context = browser.new_context(color_scheme=scheme, viewport=size, **options)
        contexts.append(context)
        return context.new_page()

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def changed(tmp_path_factory):
    """The site built from a copy of the data with a question, an example and a behaviour
    renamed and a question removed (tests/browser/changed_data.py): (base URL, Changes).
    Built once for all the test workers."""
    from changed_data import Changes, change

    def build(folder: Path):
        project = copy_project(folder)
        (project / "changes.json").write_text(json.dumps(dataclasses.asdict(change(project))))
        result = run_build(project, project / "site")
        assert result.returncode == 0, result.output

    project = made_once(tmp_path_factory, "changed", build)
    changes = {name: tuple(value) if isinstance(value, list) else value
               for name, value in json.loads((project / "changes.json").read_text()).items()}
    with serving(project / "site") as url:
        yield url, Changes(**changes)
