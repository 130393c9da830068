"""The one loader: read every data file, validate it, cross-check it, build the model.

Nothing else reads YAML. Every problem in every file is collected before anything is
raised, so an editor sees them all at once.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import references
from .messages import schema_problems
from .model import KnowledgeBase, Location
from .problems import ContentError, Problem
from .schema import BehavioursFile, EvidenceFile, ExamplesFile, GlossaryFile, Report, Theme
from .yamlfile import YamlDocument, read_yaml

# Each data file and the model it must match; every file in data/themes/ is a Theme.
DATA_FILES: dict[str, type[BaseModel]] = {
    "behaviours.yaml": BehavioursFile,
    "examples.yaml": ExamplesFile,
    "evidence.yaml": EvidenceFile,
    "glossary.yaml": GlossaryFile,
    "source.yaml": Report,
}
THEMES_DIR = "themes"


def data_files(data_dir: Path) -> list[tuple[Path, type[BaseModel]]]:
    files = [(data_dir / name, model) for name, model in DATA_FILES.items()]
    files += [(path, Theme) for path in sorted((data_dir / THEMES_DIR).glob("*.yaml"))]
    return files


def load(data_dir: Path, display_root: Path | None = None) -> KnowledgeBase:
    """Load data_dir into a KnowledgeBase, or raise ContentError listing every problem."""
    display_root = display_root or data_dir.parent
    problems: list[Problem] = []
    documents: dict[type, list[tuple[YamlDocument, BaseModel]]] = {}
    for path, model in data_files(data_dir):
        doc, found = read_yaml(path, _display(path, display_root))
        problems += found
        if doc is None or found:
            continue
        try:
            documents.setdefault(model, []).append((doc, model.model_validate(doc.value)))
        except ValidationError as error:
            problems += schema_problems(doc, model, error)
    if not any((data_dir / THEMES_DIR).glob("*.yaml")):
        problems.append(Problem(_display(data_dir / THEMES_DIR, display_root), 1, "no theme files found; add one as described in CONTRIBUTING.md"))
    if problems:
        raise ContentError(problems)
    return _build(documents, display_root)


def _build(documents, display_root) -> KnowledgeBase:
    (behaviours_doc, behaviours), = documents[BehavioursFile]
    (examples_doc, examples), = documents[ExamplesFile]
    (evidence_doc, evidence), = documents[EvidenceFile]
    (_, glossary), = documents[GlossaryFile]
    (source_doc, report), = documents[Report]
    theme_docs = documents[Theme]
    kb = KnowledgeBase(
        report=report, framework=behaviours.framework, behaviours=behaviours.behaviours,
        themes=[theme for _, theme in theme_docs], examples=examples.examples,
        sources=evidence.sources, abbreviations=glossary.abbreviations,
    )
    problems = references.check(kb, behaviours_doc, examples_doc, evidence_doc, source_doc, theme_docs)
    if problems:
        raise ContentError(problems)
    kb.locations.update(_locations(behaviours_doc, examples_doc, theme_docs))
    return kb


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
