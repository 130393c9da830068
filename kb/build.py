"""`make build`: build the site into a fresh folder, then swap it in.

A failed build leaves the previous site/ exactly as it was: MkDocs writes into
.site-new/ and only a complete, strict build replaces site/.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def build(project: Path, site: Path | None = None) -> int:
    site = site or project / "site"
    fresh = site.with_name(".site-new")
    old = site.with_name(".site-old")
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(fresh)]
    result = subprocess.run(command, env=env)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"The build failed; {site.name}/ was left as it was.", file=sys.stderr)
        return result.returncode
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built the site into {site}/")
    return 0


if __name__ == "__main__":
    sys.exit(build(Path.cwd()))
