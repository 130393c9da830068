"""The one reader of data/: every data file read, matched against its kind's schema, and every
record told where it was written (file and line, for messages and "Edit this page").

Nothing else reads YAML. The loader checks no rules (kb/rules.py does, on the model); it
reads every file whatever is wrong with another, so one run reports the problems of all.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .kinds import DATA_FILES, DataFile, Record, Where
from .kinds.theme import FILE as THEME_FILES
from .messages import schema_problems
from .problems import Problem
from .yamlfile import YamlDocument, read_yaml


@dataclass(frozen=True)
class LoadedFile:
    data_file: DataFile
    doc: YamlDocument | None
    model: Record | None  # None where it could not be read, or does not match its schema
    failed: bool          # it has a problem (a file with a repeated key still gives a model)


@dataclass(frozen=True)
class Loaded:
    files: tuple[LoadedFile, ...]
    problems: tuple[Problem, ...]

    @property
    def failed(self) -> frozenset[str]:
        """The data files ("examples", "themes", ...) with a problem: their records are missing
        or in doubt, so the rules do not check references into them."""
        return frozenset(f.data_file.name for f in self.files if f.failed) | (
            frozenset() if self.models(THEME_FILES) else {THEME_FILES.name})

    def models(self, data_file: DataFile) -> list[Record]:
        return [f.model for f in self.files if f.data_file is data_file and f.model is not None]


def load(data_dir: Path, display_root: Path | None = None) -> Loaded:
    display_root = display_root or data_dir.parent
    files, problems, found_files = [], [], data_files(data_dir)
    for path, data_file in found_files:
        doc, found = read_yaml(path, _display(path, display_root))
        model = None
        if doc is not None:  # read, perhaps with a repeated key: its shape can still be checked
            try:
                model = data_file.model.model_validate(doc.value)
            except ValidationError as error:
                found += schema_problems(doc, data_file.model, error)
        if model is not None:
            _place(model, Where(doc))
        files.append(LoadedFile(data_file, doc, model, bool(found)))
        problems += found
    if not any(f.data_file is THEME_FILES for f in files):
        folder = _display(data_dir / THEME_FILES.pattern.split("/")[0], display_root)
        problems.append(Problem(folder, 1, "no theme files found; add one as described in CONTRIBUTING.md"))
    problems += _unread_files(data_dir, display_root, {path for path, _ in found_files})
    return Loaded(tuple(files), tuple(problems))


def data_files(data_dir: Path) -> list[tuple[Path, DataFile]]:
    found = []
    for data_file in DATA_FILES:
        paths = sorted(data_dir.glob(data_file.pattern)) if data_file.many else [data_dir / data_file.pattern]
        found += [(path, data_file) for path in paths]
    return found


def _place(record: Record, where: Where) -> None:
    """Tell the record, and every record inside it, where it is written."""
    record._where = where
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, Record):
            _place(value, where.at(name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Record):
                    _place(item, where.at(name, i))


def _unread_files(data_dir: Path, display_root: Path, read: set[Path]) -> list[Problem]:
    """No file in data/ is silently left out: one the site does not read is named, with the one
    it may have been meant to be. (Hidden files, such as an editor's swap files, are not content.)"""
    problems = []
    expected = [data_file.pattern for data_file in DATA_FILES]
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p not in read):
        relative = path.relative_to(data_dir).as_posix()
        if any(part.startswith(".") for part in path.relative_to(data_dir).parts):
            continue
        if relative.endswith(".yml"):
            fix = f"data files end in .yaml: rename it to {relative.removesuffix('.yml')}.yaml"
        else:
            meant = difflib.get_close_matches(relative, [p.replace("*", path.stem) for p in expected], n=1, cutoff=0.6)
            fix = (f"did you mean data/{meant[0]}? " if meant else "") + \
                f"the site reads only {', '.join(f'data/{p}' for p in expected)}; rename it, or move it out of data/"
        problems.append(Problem(_display(path, display_root), 1, f"this file is not read: {fix}"))
    return problems


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
