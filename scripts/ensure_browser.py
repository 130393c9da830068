"""Make sure the Chromium builds the tests and the bench drive are installed (`make browser`).

Nothing is ever downloaded: on Debian the tests use two of Debian's packages, which this
script installs with apt-get when they are missing and we run as root:

- `chromium-headless-shell`, for the browser tests: Chromium's own headless build, the same
  engine and version as `chromium` (the build Playwright itself runs headless tests on). It
  draws without the desktop browser's GPU process and window machinery, so a page load costs
  about a third of the CPU time (measured here: 20 fresh page loads, 8.5 s of CPU against 28 s).
- `chromium`, the desktop browser, for what must look as a reader's browser does: Lighthouse,
  `make shots`, the bench's dark check.

Elsewhere, point KB_CHROMIUM at an installed Chrome or Chromium: the tests and the bench then
both use it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HEADLESS_SHELL = "chromium-headless-shell"
PACKAGES = ("chromium", HEADLESS_SHELL)


def find_chromium() -> str | None:
    """The desktop browser: KB_CHROMIUM, or the first of CANDIDATES on the PATH."""
    explicit = os.environ.get("KB_CHROMIUM")
    if explicit:
        return explicit if os.path.exists(explicit) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def find_test_chromium() -> str | None:
    """The browser the tests drive: KB_CHROMIUM, else Debian's headless shell, else the desktop browser."""
    if os.environ.get("KB_CHROMIUM"):
        return find_chromium()
    return shutil.which(HEADLESS_SHELL) or find_chromium()


def missing_packages() -> list[str]:
    return [name for name in PACKAGES if not shutil.which(name)]


def install_with_apt(packages: list[str]) -> bool:
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return False
    print(f"Installing Debian's {' and '.join(packages)} for the browser tests...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        if subprocess.run(command, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            return False
    return True


def main() -> int:
    if os.environ.get("KB_CHROMIUM"):
        found = find_chromium() is not None
    else:
        missing = missing_packages()
        found = not missing or (install_with_apt(missing) and not missing_packages()) or find_chromium() is not None
    if found:
        return 0
    message = ("No Chromium found for the browser tests. Install Chrome or Chromium "
               "(on Debian: apt-get install chromium chromium-headless-shell) or set KB_CHROMIUM to its path.")
    print(message, file=sys.stderr)
    # Outside CI the browser tests report themselves as skipped, loudly; in CI this fails.
    return 1 if os.environ.get("CI") == "true" else 0


if __name__ == "__main__":
    sys.exit(main())
