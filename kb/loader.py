"""The one loader: read every data file, validate it, cross-check it, build the model.

Nothing else reads YAML. Every problem in every file is collected before anything is
raised, so an editor sees them all at once.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import redirects, references, soundness
from .kinds import (BEHAVIOURS_FILE, DATA_FILES, EVIDENCE_FILE, EXAMPLES_FILE, GLOSSARY_FILE,
                    REDIRECTS_FILE, REPORT_FILE, THEME_FILES, DataFile)
from .messages import schema_problems
from .model import KnowledgeBase, theme_document
from .problems import ContentError, Problem
from .yamlfile import YamlDocument, read_yaml


@dataclass
class Validated:
    """The files that validated, by data file name (themes: a list), and what went wrong."""
    documents: dict[str, list[tuple[YamlDocument, BaseModel]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)

    def one(self, data_file: DataFile) -> tuple[YamlDocument | None, BaseModel | None]:
        """The one document of a file and its model, or (None, None) when it failed."""
        found = self.documents.get(data_file.name)
        return found[0] if found else (None, None)


def data_files(data_dir: Path) -> list[tuple[Path, DataFile]]:
    found = []
    for data_file in DATA_FILES:
        paths = sorted(data_dir.glob(data_file.pattern)) if data_file.many else [data_dir / data_file.pattern]
        found += [(path, data_file) for path in paths]
    return found


def load(data_dir: Path, display_root: Path | None = None, today: datetime.date | None = None) -> KnowledgeBase:
    """Load data_dir into a KnowledgeBase, or raise ContentError listing every problem.

    References are checked even when some files failed, among the files that validated,
    so an editor sees a typo in one file and a bad reference in another at once.
    """
    display_root = display_root or data_dir.parent
    validated = _validate(data_dir, display_root)
    if not any(data_dir.glob(THEME_FILES.pattern)):
        folder = _display(data_dir / THEME_FILES.pattern.split("/")[0], display_root)
        validated.problems.append(Problem(folder, 1, "no theme files found; add one as described in CONTRIBUTING.md"))
        validated.failed.add(THEME_FILES.name)
    kb, docs = _build(validated)
    failed = frozenset(validated.failed)
    problems = validated.problems
    problems += references.problems(kb, docs, failed)
    problems += redirects.problems(kb, docs.get(REDIRECTS_FILE.name), failed)
    problems += soundness.problems(kb, docs, today or datetime.date.today())
    if problems:
        raise ContentError(problems)
    return kb


def _validate(data_dir: Path, display_root: Path) -> Validated:
    validated = Validated()
    for path, data_file in data_files(data_dir):
        doc, found = read_yaml(path, _display(path, display_root))
        if doc is not None:  # read, perhaps with a repeated key: its shape can still be checked
            found += _validate_one(doc, data_file, validated)
        if found:
            validated.problems += found
            validated.failed.add(data_file.name)
    return validated


def _validate_one(doc: YamlDocument, data_file: DataFile, validated: Validated) -> list[Problem]:
    try:
        model = data_file.model.model_validate(doc.value)
    except ValidationError as error:
        return schema_problems(doc, data_file.model, error)
    validated.documents.setdefault(data_file.name, []).append((doc, model))
    return []


@dataclass(frozen=True)
class Documents:
    """The parsed files that validated: each data file by name, and every theme file."""
    files: dict[str, YamlDocument]
    themes: tuple[tuple[YamlDocument, BaseModel], ...]

    def get(self, name: str) -> YamlDocument | None:
        return self.files.get(name)

    def of_theme(self, theme) -> YamlDocument:
        """The file a theme (the very object in the model) was read from."""
        return next(doc for doc, candidate in self.themes if candidate is theme)


def _build(validated: Validated) -> tuple[KnowledgeBase, Documents]:
    """The model from whatever validated: a file that failed contributes nothing."""
    _, behaviours = validated.one(BEHAVIOURS_FILE)
    _, examples = validated.one(EXAMPLES_FILE)
    _, evidence = validated.one(EVIDENCE_FILE)
    _, glossary = validated.one(GLOSSARY_FILE)
    _, report = validated.one(REPORT_FILE)
    _, moved = validated.one(REDIRECTS_FILE)
    themes = tuple(validated.documents.get(THEME_FILES.name, []))
    files = {name: found[0][0] for name, found in validated.documents.items() if name != THEME_FILES.name}
    # Where the model finds each entity's line. Two theme files with one id are reported
    # by the reference check; the first one's lines are used meanwhile.
    located = {**files, **{theme_document(theme.id): doc for doc, theme in reversed(themes)}}
    kb = KnowledgeBase.build(
        report=report, framework=behaviours.framework if behaviours else None,
        behaviours=behaviours.behaviours if behaviours else (),
        themes=[theme for _, theme in themes], examples=examples.examples if examples else (),
        evidence_sources=evidence.sources if evidence else (),
        abbreviations=glossary.abbreviations if glossary else (),
        redirects=moved.redirects if moved else (), documents=located)
    return kb, Documents(files, themes)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
