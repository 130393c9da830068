"""What would mislead a reader is refused: a future review date, the same item twice in a
list, an example shown in a place its data says it is not, anchors that clash on a page.

Empty text and empty lists are refused by the models themselves (kb/schema.py).
"""
from __future__ import annotations

import datetime
import re

from .kinds import EXAMPLE, GLOSSARY_FILE
from .messages import located
from .model import KnowledgeBase, PlacedBlock, PlacedFocusArea, PlacedQuestion
from .problems import Problem
from .review import reviewed_entities

# Lists whose items are ids or names: each may appear once.
LISTS_OF_NAMES = ("behaviours", "approaches", "cites", "partners")
# Anchors the templates give every focus area and theme page; no id may take them.
RESERVED_ANCHORS = ("questions", "evidence")
EXAMPLE_ANCHOR = "example-"  # where an example stands in the narrative: example-<id>


def problems(kb: KnowledgeBase, docs, today: datetime.date) -> list[Problem]:
    found = _future_dates(kb, today)
    for doc in [*docs.files.values(), *(doc for doc, _ in docs.themes)]:
        found += _repeated_names(doc, doc.value, ())
    found += _examples_out_of_place(kb, docs)
    found += _clashing_anchors(kb, docs)
    found += _repeated_abbreviations(kb, docs.get(GLOSSARY_FILE.name))
    return found


def _future_dates(kb, today) -> list[Problem]:
    found = []
    for kind, entity in reviewed_entities(kb):
        if entity.last_reviewed > today:
            where = kb.review_locations[(kind.key, entity.id)]
            found.append(Problem(where.file, where.line,
                                 f"{kind.name} '{entity.id}', last_reviewed: {entity.last_reviewed.isoformat()} is in the future; "
                                 f"write the date you checked it against the report (today is {today.isoformat()})"))
    return found


def _repeated_names(doc, value, path) -> list[Problem]:
    """Every list of names in the document (any depth) that holds one name twice."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _repeated_names(doc, item, path + (key,))
    elif isinstance(value, list):
        if path and path[-1] in LISTS_OF_NAMES and all(isinstance(item, str) for item in value):
            seen = set()
            for i, item in enumerate(value):
                if item in seen:
                    found.append(located(doc, path + (i,), f"'{item}' is listed twice; keep one", path[-1]))
                seen.add(item)
        for i, item in enumerate(value):
            found += _repeated_names(doc, item, path + (i,))
    return found


def _examples_out_of_place(kb, docs) -> list[Problem]:
    """An example shown in the narrative stands in its own focus area, once."""
    found, shown = [], {}
    for placed in kb.blocks:
        example = kb.example.get(placed.block.example or "")
        if example is None or example.focus_area not in kb.focus_area:
            continue  # an unknown reference, reported as such
        doc, path, place = docs.of_theme(placed.theme), placed.path + ("example",), placed.citation
        if example.id in shown:
            found.append(located(doc, path, f"the example '{example.id}' is already shown at {shown[example.id]}; show it once", "example"))
        shown.setdefault(example.id, f"{doc.name}:{doc.line_of(path)}")
        if place.theme.id != example.theme or (place.focus_area and place.focus_area.id != example.focus_area):
            where = f"the focus area '{place.focus_area.id}'" if place.focus_area else f"the theme '{place.theme.id}'"
            found.append(located(doc, path, f"the example '{example.id}' belongs to the focus area '{example.focus_area}' "
                                            f"({EXAMPLE.data_file.pattern}), so it cannot be shown in {where}; move it there", "example"))
    return found


def _clashing_anchors(kb, docs) -> list[Problem]:
    """Ids that would become the same anchor on one page."""
    found = []
    listed = {}  # the questions page gives every focus area and question an anchor
    for node in kb.tree:
        if isinstance(node, (PlacedFocusArea, PlacedQuestion)):
            ident = node.area.id if isinstance(node, PlacedFocusArea) else node.question.id
            doc = docs.of_theme(node.theme)
            # Two focus areas, or two questions, with one id are reported as repeated ids.
            if ident in listed and listed[ident][0] is not type(node):
                found.append(located(doc, node.path + ("id",), f"'{ident}' is already the id of a focus area or question at {listed[ident][1]}, "
                                                               "and both are anchors on the questions page; choose another", "id"))
            listed.setdefault(ident, (type(node), f"{doc.name}:{doc.line_of(node.path + ('id',))}"))
        anchor, path = _anchor(node)
        if anchor and (anchor in RESERVED_ANCHORS or anchor.startswith(EXAMPLE_ANCHOR)):
            doc = docs.of_theme(node.theme)
            found.append(located(doc, path, f"the id '{anchor}' is kept for the site's own anchors "
                                             f"({', '.join(RESERVED_ANCHORS)}, {EXAMPLE_ANCHOR}...); choose another", "id"))
    return found


def _anchor(node) -> tuple[str | None, tuple]:
    if isinstance(node, PlacedBlock):
        block = node.block
        for part, name in ((block, ()), (block.illustration, ("illustration",)), (block.quote, ("quote",))):
            if part is not None and part.id:
                return part.id, node.path + name + ("id",)
        return None, ()
    if hasattr(node, "approach"):
        return node.approach.id, node.path + ("id",)
    return None, ()


def _repeated_abbreviations(kb, doc) -> list[Problem]:
    """Each abbreviation (and plural) once, whatever its case: the glossary anchors by it."""
    found, seen = [], {}
    for i, abbreviation in enumerate(kb.abbreviations):
        for word, field in ((abbreviation.abbreviation, "abbreviation"), (abbreviation.plural, "plural")):
            if word is None:
                continue
            path = ("abbreviations", i, field)
            if word.lower() in seen:
                found.append(located(doc, path, f"'{word}' is already in the glossary at {seen[word.lower()]}; keep one", field))
            seen.setdefault(word.lower(), f"{doc.name}:{doc.line_of(path)}")
    return found


def unused_abbreviations(kb: KnowledgeBase) -> list[Problem]:
    """Warnings (never failures): glossary entries that no text in data/ uses."""
    texts = _all_text(kb)
    unused = []
    for abbreviation in kb.abbreviations:
        words = [w for w in (abbreviation.abbreviation, abbreviation.plural) if w]
        if not any(re.search(rf"\b{re.escape(w)}\b", texts) for w in words):
            where = kb.locations[("abbreviation", abbreviation.abbreviation)]
            unused.append(Problem(where.file, where.line, f"the abbreviation '{abbreviation.abbreviation}' is not used in any text; "
                                                          "remove it from the glossary, or check the text that should use it"))
    return unused


def _all_text(kb) -> str:
    models = [kb.report, kb.framework, *kb.behaviours, *kb.themes, *kb.examples, *kb.evidence_sources]
    return "\n".join(_strings(m.model_dump()) for m in models if m is not None)


def _strings(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(_strings(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return "\n".join(_strings(v) for v in value)
    return ""
