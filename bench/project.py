"""Private copies of the project to build, serve and edit, as tests/conftest.py makes them.

What a build reads from and may be changed is copied; the code is linked, so a copy
always runs the code being measured.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from kb.site import Site

from . import ROOT

COPIED = ("docs", "mkdocs.yml", "macros.py")
LINKED = ("kb", "templates", "overrides")


def make_project(dest: Path, with_data: bool = True) -> Path:
    """A copy of the project in dest; without data/ when the caller writes its own."""
    dest.mkdir(parents=True)
    for name in COPIED + (("data",) if with_data else ()):
        copy(ROOT / name, dest / name)
    link(dest, LINKED)
    return dest


def copy(source: Path, dest: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, dest)
    elif source.exists():
        shutil.copy2(source, dest)


def link(dest: Path, names) -> None:
    """Symlink the named folders of the project into dest, those that exist."""
    for name in names:
        if (ROOT / name).exists():
            (dest / name).symlink_to(ROOT / name)


def site_of(project: Path = ROOT) -> Site:
    """The project's Site as its hooks build it, validated by the project's own loader."""
    return Site.from_project(project)
