"""A copy of the project whose content changed after files and links were made from it: a
question, a practice example and a behaviour renamed, and a question retired (its readers sent
to its focus area), each with its line in data/redirects.yaml, as an editor does it. Chosen
from the data, never by name.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.kinds import FOCUS_AREA
from kb.published import address
from kb.site import knowledge_base as load

SUFFIX = "-renamed"


@dataclass(frozen=True)
class Changes:
    question: tuple[str, str]  # (old id, new id)
    example: tuple[str, str]
    behaviour: tuple[str, str]
    removed: str               # a question id the copy no longer has
    removed_text: str


def _replace(value, old: str, new: str):
    """Every string exactly equal to old, anywhere in a loaded YAML document, becomes new."""
    if isinstance(value, dict):
        return {k: _replace(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace(v, old, new) for v in value]
    return new if value == old else value


def change(project: Path) -> Changes:
    data = project / "data"
    kb = load(data)
    area = next(a for t in kb.themes for a in reversed(t.focus_areas) if len(a.questions) > 1)
    removed = area.questions[-1]
    question = next(q for q in kb.question if q != removed.id)
    example, behaviour = kb.examples[0].id, kb.behaviours[-1].id
    renames = [(question, question + SUFFIX), (example, example + SUFFIX), (behaviour, behaviour + SUFFIX)]
    files = [data / "behaviours.yaml", data / "examples.yaml", *sorted((data / "themes").glob("*.yaml"))]
    for file in files:
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
        for old, new in renames:
            doc = _replace(doc, old, new)
        for theme_area in doc.get("focus_areas", []) if file.parent.name == "themes" else []:
            theme_area["questions"] = [q for q in theme_area.get("questions", []) if q["id"] != removed.id]
        file.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    # Added to the redirects the data has already (earlier renames stay as they are).
    redirects = (yaml.safe_load((data / "redirects.yaml").read_text(encoding="utf-8")) or {}).get("redirects") or []
    redirects += [{"kind": kind, "old": old, "new": new} for kind, (old, new) in zip(("question", "example", "behaviour"), renames)]
    redirects.append({"kind": "question", "old": removed.id, "retired_to": address(kb.pages_of(FOCUS_AREA, area.id)[0])})
    (data / "redirects.yaml").write_text(yaml.safe_dump({"redirects": redirects}, sort_keys=False), encoding="utf-8")
    return Changes(renames[0], renames[1], renames[2], removed.id, removed.text)
