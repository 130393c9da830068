"""Helpers the tests share: where things are, and a real strict MkDocs build."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The report's text sits in shared/ beside the repository (as in CI); KB_SOURCE_TEXT overrides.
SOURCE_TEXT = Path(os.environ.get(
    "KB_SOURCE_TEXT", ROOT.parent / "shared" / "source" / "resourceful-leadership-early-intervention.txt"))
COPIED = ("data", "docs", "mkdocs.yml", "macros.py")
LINKED = ("kb", "templates", "overrides")


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env)
