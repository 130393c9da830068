"""Helpers the tests share: where things are, and a real strict MkDocs build."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The report's text, the only source of content, sits in shared/ beside the repository.
SHARED_TEXT = ROOT.parent / "shared" / "source" / "resourceful-leadership-early-intervention.txt"
# A copy travels with the tests for clones without shared/ (GitHub Actions); a test keeps
# it identical to the shared text wherever both exist.
COPY_TEXT = ROOT / "tests" / "fixtures" / "report.txt"
SOURCE_TEXT = SHARED_TEXT if SHARED_TEXT.is_file() else COPY_TEXT
COPIED = ("data", "docs", "mkdocs.yml", "macros.py")
LINKED = ("kb", "templates", "overrides")


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env)
