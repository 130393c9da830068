"""`make build`: build the site (and its offline copy) in a folder of its own, then swap it in for site/.

A failed build leaves the previous site/ exactly as it was. Builds take turns under a
lock (a second one waits, and says so), each writes into a fresh temporary folder, and
the finished folder is exchanged with site/ in one atomic step where the system allows,
so a reader or a concurrent build never sees a half-written site/.
"""
from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from . import mkdocs_output
from .downloads import OFFLINE_BUILD_ENV, OFFLINE_ZIP, OFFLINE_ZIP_ENV, make_zip

LOCAL = "http://127.0.0.1:8000/"  # site_url when KB_SITE_URL is not set (mkdocs.yml)
# renameat2(2) flags: swap two paths in one step (Linux 3.15+, glibc 2.28+).
AT_FDCWD = -100
RENAME_EXCHANGE = 2


@contextlib.contextmanager
def build_lock(site: Path):
    """One build of a site at a time: the others wait for the lock."""
    lock_path = site.with_name(f".{site.name}.lock")
    with open(lock_path, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Another build of {site.name}/ is running; waiting for it to finish...", file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build(project: Path, site: Path | None = None, offline_copy: bool = True) -> int:
    site = site or project / "site"
    with build_lock(site):
        work = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
        try:
            result = _build_both(project, work) if offline_copy else _mkdocs_build(project, work / "online", {})
            if result != 0:
                print(f"The build failed; {site.name}/ was left as it was.", file=sys.stderr)
                return result
            swap_in(work / "online", site)
        finally:
            shutil.rmtree(work, ignore_errors=True)  # after a swap: the previous site too
        copy = f", with its offline copy at {site.name}/{OFFLINE_ZIP}" if offline_copy else " (no offline copy)"
        print(f"Built the site into {site}/{copy}")
        if not os.environ.get("KB_SITE_URL"):
            print(f"Note: its address is {LOCAL}, mkdocs.yml's default, so its QR codes, share links and citations "
                  f"point at this computer. For a public copy, give its address: KB_SITE_URL=https://<host>/<path>/ make build")
        return 0


def _build_both(project: Path, work: Path) -> int:
    """The offline copy first, zipped; then the site that publishes the zip beside its pages."""
    result = _mkdocs_build(project, work / "offline", {OFFLINE_BUILD_ENV: "true"})
    if result != 0:
        return result
    zip_path = work / "offline.zip"
    make_zip(work / "offline", zip_path)
    return _mkdocs_build(project, work / "online", {OFFLINE_ZIP_ENV: str(zip_path)})


def _mkdocs_build(project: Path, site_dir: Path, env: dict[str, str]) -> int:
    """A strict MkDocs build, in this process: every warning fails it. Its log reaches the editor
    through kb.mkdocs_output, in plain words and without its chatter. (`--quiet` would hide the
    warnings from strict mode too.)"""
    with environment({"NO_MKDOCS_2_WARNING": "1", **env}), mkdocs_output.told(project):
        try:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except Abort as abort:  # our problems (kb/hooks.py), or strict mode's count of warnings
            print(mkdocs_output.aborted(abort.format_message()), end="", file=sys.stderr)
            return abort.code or 1
        except SystemExit as stop:  # mkdocs-macros stops a build whose macro failed
            return stop.code if isinstance(stop.code, int) and stop.code else 1
    return 0


@contextlib.contextmanager
def environment(values: dict[str, str]):
    """os.environ with `values` (mkdocs.yml and the hooks read them) while it lasts."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def swap_in(fresh: Path, site: Path) -> None:
    """Put fresh at site; the previous site (if any) ends up at fresh's path."""
    if site.exists() and _exchange(fresh, site):
        return
    if site.exists():  # no atomic exchange here: two renames, still under the lock
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}-old-", dir=site.parent))
        os.rename(site, old / site.name)
        os.rename(fresh, site)
        os.rename(old / site.name, fresh)
        old.rmdir()
    else:
        os.rename(fresh, site)
        fresh.mkdir()


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


if __name__ == "__main__":
    # --no-offline-copy: half the time, for checks that only need the site itself.
    sys.exit(build(Path.cwd(), offline_copy="--no-offline-copy" not in sys.argv[1:]))
