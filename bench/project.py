"""Private copies of the project to build, serve and edit, as tests/conftest.py makes them.

What a build reads from and may be changed is copied; the code is linked, so a copy
always runs the code being measured.
"""
from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kb.site import Site

from . import ROOT
from .timing import Run, mkdocs_build, run_checked

GENERATOR = ROOT / "scripts" / "synthetic_data.py"
COPIED = ("docs", "mkdocs.yml", "macros.py", "published-addresses.txt")
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


@dataclass
class Scaled:
    """A copy of the project with `factor` times the real content, and its timed builds so far.

    Part 1 (ours against plain) and part 2 (growth) time the same build of the same copy,
    so they share the copy and its builds: part 2 adds builds only when part 1 made fewer.
    """
    factor: int
    root: Path
    generate: list[str]
    build: list[str]
    site: Path
    runs: list[Run] = field(default_factory=list)

    def timed_build(self) -> Run:
        self.runs.append(run_checked(self.build))
        return self.runs[-1]

    def timed_builds(self, count: int) -> list[Run]:
        """Every timed build so far, at least count of them."""
        while len(self.runs) < count:
            self.timed_build()
        return self.runs


_scaled: dict[Path, Scaled] = {}


def scaled_project(tmp: Path, factor: int) -> Scaled:
    """The copy at `factor` in tmp, its data/ from scripts/synthetic_data.py, made on first use.

    Its new addresses are listed (`make urls`, as an editor does for new pages), and the project's
    own loader reads the data before any build, so a figure is never measured on data the site
    would refuse (it raises ContentError).
    """
    root = tmp / f"scale-{factor}"
    if root not in _scaled:
        make_project(root, with_data=False)
        generate = [sys.executable, str(GENERATOR), "--scale", str(factor), "--out", str(root / "data")]
        run_checked(generate)
        run_checked([sys.executable, "-m", "kb.urls"], cwd=root)
        site_of(root)
        site = tmp / f"scale-{factor}-site"
        _scaled[root] = Scaled(factor, root, generate, mkdocs_build(root / "mkdocs.yml", site), site)
    return _scaled[root]
