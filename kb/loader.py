"""The one loader: read every data file, validate it, cross-check it, build the model.

Nothing else reads YAML. Every problem in every file is collected before anything is
raised, so an editor sees them all at once.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ValidationError

from . import redirects, references
from .messages import schema_problems
from .model import KnowledgeBase, Location
from .problems import ContentError, Problem
from .schema import BehavioursFile, EvidenceFile, ExamplesFile, GlossaryFile, RedirectsFile, Report, Theme
from .yamlfile import YamlDocument, read_yaml

# Each data file and the model it must match; every file in data/themes/ is a Theme.
DATA_FILES: dict[str, type[BaseModel]] = {
    "behaviours.yaml": BehavioursFile,
    "examples.yaml": ExamplesFile,
    "evidence.yaml": EvidenceFile,
    "glossary.yaml": GlossaryFile,
    "source.yaml": Report,
    "redirects.yaml": RedirectsFile,
}
THEMES_DIR = "themes"
# How references.check names each kind of file, to skip references into one that failed.
FILE_KINDS = {BehavioursFile: "behaviours", ExamplesFile: "examples", EvidenceFile: "evidence",
              GlossaryFile: "glossary", Report: "source", Theme: "themes",
              RedirectsFile: "redirects"}


def data_files(data_dir: Path) -> list[tuple[Path, type[BaseModel]]]:
    files = [(data_dir / name, model) for name, model in DATA_FILES.items()]
    files += [(path, Theme) for path in sorted((data_dir / THEMES_DIR).glob("*.yaml"))]
    return files


def load(data_dir: Path, display_root: Path | None = None) -> KnowledgeBase:
    """Load data_dir into a KnowledgeBase, or raise ContentError listing every problem.

    References are checked even when some files failed, among the files that validated,
    so an editor sees a typo in one file and a bad reference in another at once.
    """
    display_root = display_root or data_dir.parent
    documents, problems, failed = _validate(data_dir, display_root)
    if not any((data_dir / THEMES_DIR).glob("*.yaml")):
        problems.append(Problem(_display(data_dir / THEMES_DIR, display_root), 1, "no theme files found; add one as described in CONTRIBUTING.md"))
        failed.add(FILE_KINDS[Theme])
    kb, docs = _build(documents)
    problems += references.check(kb, *docs[:5], failed=frozenset(failed))
    problems += redirects.check(kb, docs.redirects, failed=frozenset(failed))
    if problems:
        raise ContentError(problems)
    kb.locations.update(_locations(docs.behaviours, docs.examples, docs.themes))
    return kb


def _validate(data_dir, display_root):
    """Read and validate every file: the documents that passed, every problem, the kinds that failed."""
    documents: dict[type, list[tuple[YamlDocument, BaseModel]]] = {}
    problems: list[Problem] = []
    failed: set[str] = set()
    for path, model in data_files(data_dir):
        doc, found = read_yaml(path, _display(path, display_root))
        if doc is not None:  # read, perhaps with a repeated key: its shape can still be checked
            found += _validate_one(doc, model, documents)
        if found:
            problems += found
            failed.add(FILE_KINDS[model])
    return documents, problems, failed


def _validate_one(doc, model, documents) -> list[Problem]:
    try:
        validated = model.model_validate(doc.value)
    except ValidationError as error:
        return schema_problems(doc, model, error)
    documents.setdefault(model, []).append((doc, validated))
    return []


def _build(documents):
    """The model from whatever validated: a file that failed contributes nothing."""
    behaviours_doc, behaviours = _only(documents, BehavioursFile)
    examples_doc, examples = _only(documents, ExamplesFile)
    evidence_doc, evidence = _only(documents, EvidenceFile)
    _, glossary = _only(documents, GlossaryFile)
    source_doc, report = _only(documents, Report)
    theme_docs = documents.get(Theme, [])
    redirects_doc, moved = _only(documents, RedirectsFile)
    kb = KnowledgeBase(
        report=report, framework=behaviours.framework if behaviours else None,
        behaviours=behaviours.behaviours if behaviours else [],
        themes=[theme for _, theme in theme_docs], examples=examples.examples if examples else [],
        sources=evidence.sources if evidence else [], abbreviations=glossary.abbreviations if glossary else [],
        redirects=moved.redirects if moved else [],
    )
    return kb, Documents(behaviours_doc, examples_doc, evidence_doc, source_doc, theme_docs, redirects_doc)


class Documents(NamedTuple):
    """The parsed files references.check reads, in its order; None where a file failed."""
    behaviours: YamlDocument | None
    examples: YamlDocument | None
    evidence: YamlDocument | None
    source: YamlDocument | None
    themes: list[tuple[YamlDocument, Theme]]
    redirects: YamlDocument | None


def _only(documents, model):
    """The one document of a kind and its model, or (None, None) when it failed."""
    return documents[model][0] if model in documents else (None, None)


def _locations(behaviours_doc, examples_doc, theme_docs) -> dict:
    found = {}
    for kind, doc, key in (("behaviour", behaviours_doc, "behaviours"), ("example", examples_doc, "examples")):
        for i, item in enumerate(doc.value[key]):
            found[(kind, item["id"])] = Location(doc.name, doc.line_of((key, i)))
    for doc, theme in theme_docs:
        found[("theme", theme.id)] = Location(doc.name, 1)
        for i, area in enumerate(theme.focus_areas):
            found[("focus_area", area.id)] = Location(doc.name, doc.line_of(("focus_areas", i)))
    found[("framework", "framework")] = Location(behaviours_doc.name, behaviours_doc.line_of(("framework",)))
    return found


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
