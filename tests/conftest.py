"""Shared fixtures: one real strict build of the site, and copies of the project to break."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitehtml import read_site
from support import FIXTURE_KB, copy_project, made_once, run_module, serving


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as `make build` makes it (offline copy included), from a copy of the project
    so that nothing is written into the repository; built once for all the test workers."""
    def build(folder: Path):
        project = copy_project(folder)
        result = run_module(project, "kb.build")
        assert result.returncode == 0, result.output

    return made_once(tmp_path_factory, "built", build) / "site"


@pytest.fixture(scope="session")
def pages(built_site):
    return read_site(built_site)


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project whose data and docs a test may change."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def fixture_project(tmp_path) -> Path:
    """A private copy of the project whose data is the small made-up knowledge base in
    tests/fixtures/kb/: for tests of errors and edits, which the real data's edits never move."""
    return copy_project(tmp_path / "project", data=FIXTURE_KB)


@pytest.fixture
def served(fixture_project, tmp_path):
    """`mkdocs serve` running in a private copy of the project with the made-up knowledge base
    (tests/fixtures/kb/): (project, base URL, process, log)."""
    log = tmp_path / "serve.log"
    with serving(fixture_project, log) as (base, server):
        yield fixture_project, base, server, log


@pytest.fixture(scope="session")
def noted_site(tmp_path_factory) -> Path:
    """The made-up knowledge base with change notes (tests/notes_data.py: a question reworded with a
    major note, another major note, a minor one), built once for all the workers: its project,
    the site in project/site."""
    from notes_data import with_notes
    from support import run_build

    def build(folder: Path):
        folder.mkdir()
        project = with_notes(copy_project(folder / "project", data=FIXTURE_KB))
        result = run_build(project, project / "site")
        assert result.returncode == 0, result.output

    return made_once(tmp_path_factory, "noted", build) / "project"
