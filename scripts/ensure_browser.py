"""Make sure a Chromium the browser tests can drive is installed (`make browser`).

The tests never download a browser: on Debian they use the `chromium` package, which
this script installs with apt-get when it is missing and we run as root. Elsewhere,
point KB_CHROMIUM at an installed Chrome or Chromium.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    explicit = os.environ.get("KB_CHROMIUM")
    if explicit:
        return explicit if os.path.exists(explicit) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def install_with_apt() -> bool:
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return False
    print("Installing Debian's chromium package for the browser tests...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        if subprocess.run(command, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            return False
    return True


def main() -> int:
    if find_chromium() or (install_with_apt() and find_chromium()):
        return 0
    message = ("No Chromium found for the browser tests. Install Chrome or Chromium "
               "(on Debian: apt-get install chromium) or set KB_CHROMIUM to its path.")
    print(message, file=sys.stderr)
    # Outside CI the browser tests report themselves as skipped, loudly; in CI this fails.
    return 1 if os.environ.get("CI") == "true" else 0


if __name__ == "__main__":
    sys.exit(main())
