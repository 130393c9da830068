"""Where builds keep work for the next build: compiled templates (ours and Material's,
kb.render) and drawn QR codes (kb.qrcodes). What is kept is keyed by everything it was made
from, so an edit shows at once, and all of it is safe to delete at any time.

It is kept in the system's temporary folder; KB_BUILD_CACHE names another folder, as the
bench's first build does, to start with nothing kept, as a fresh clone's first build starts.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

BUILD_CACHE_ENV = "KB_BUILD_CACHE"


def kept_in(kind: str) -> Path | None:
    """The folder for `kind` ("templates", "qr-codes") under KB_BUILD_CACHE, made if missing;
    None when KB_BUILD_CACHE is not set, or names a folder that cannot be made (the usual
    folders are used then, and the build goes on)."""
    root = os.environ.get(BUILD_CACHE_ENV)
    if not root:
        return None
    folder = Path(root) / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def private_folder(name: str) -> Path | None:
    """A folder of this user's own in the system's temporary folder, made if missing; None when
    it cannot be made, or when someone else owns it or may write into it (another user of the
    machine could otherwise put what the site prints into it)."""
    folder = Path(tempfile.gettempdir()) / f"{name}-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        mode = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(mode.st_mode) or mode.st_uid != os.getuid() or mode.st_mode & 0o077:
        return None
    return folder
