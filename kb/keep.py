"""What one build works out and the next can reuse, kept as JSON in the project's `.cache/kb/`
(not in git; safe to delete: the next build works it out again).

Each file carries a key that says what its content was made from; a file whose key differs,
or that cannot be read, counts as missing. Writes are atomic, so two builds at once each
leave a whole file.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

FOLDER = Path(".cache/kb")  # relative to the project


def read(path: Path, key: str):
    """The content kept at path under key, or None."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("key") != key:
        return None
    return kept.get("content")


def write(path: Path, key: str, content) -> None:
    """Keep content at path; where the folder cannot be written (a read-only checkout, a full
    disk) nothing is kept and the build goes on: keeping only saves the next one time."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"key": key, "content": content}, file, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
