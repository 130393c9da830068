"""What would mislead a reader is refused: a future review date, the same item twice in a
list, an example shown in a place its data says it is not, anchors that clash on a page, an
id that would give a page another page's address, tags that would share one anchor.

Empty text and empty lists are refused by the models themselves (kb/schema.py).
"""
from __future__ import annotations

import datetime
import html
import re

from pymdownx.slugs import slugify

from .addresses import RESERVED_IDS, page_url
from .kinds import BEHAVIOUR, EVIDENCE_SOURCE, EXAMPLE, FOCUS_AREA, GLOSSARY_FILE, QUESTION
from .messages import located
from .model import KnowledgeBase, PlacedBlock, PlacedFocusArea, PlacedQuestion
from .problems import Problem
from .review import reviewed_entities
from .text import tag_name

# How the tags plugin (Material's default, tags_slugify) makes a tag's anchor on the tags page.
TAG_SLUG = slugify(case="lower")

# Lists whose items are ids or names: each may appear once.
LISTS_OF_NAMES = ("behaviours", "approaches", "cites", "partners")
# Anchors the templates give every focus area and theme page; no id may take them.
RESERVED_ANCHORS = ("questions", "evidence")
EXAMPLE_ANCHOR = "example-"  # where an example stands in the narrative: example-<id>
SITE_PREFIX = "kb-"  # the site's own classes and anchors (templates/, docs/javascripts/)


def problems(kb: KnowledgeBase, docs, today: datetime.date) -> list[Problem]:
    found = _future_dates(kb, today)
    for doc in [*docs.files.values(), *(doc for doc, _ in docs.themes)]:
        found += _repeated_names(doc, doc.value, ())
    found += _examples_out_of_place(kb, docs)
    found += _clashing_anchors(kb, docs)
    found += _reserved_page_ids(kb, docs)
    found += _clashing_tags(docs.get(EXAMPLE.data_file.name))
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
            found += _site_prefix(ident, doc, node.path + ("id",))
        anchor, path = _anchor(node)
        if anchor and (anchor in RESERVED_ANCHORS or anchor.startswith(EXAMPLE_ANCHOR)):
            doc = docs.of_theme(node.theme)
            found.append(located(doc, path, f"the id '{anchor}' is kept for the site's own anchors "
                                             f"({', '.join(RESERVED_ANCHORS)}, {EXAMPLE_ANCHOR}...); choose another", "id"))
        elif anchor:
            found += _site_prefix(anchor, docs.of_theme(node.theme), path)
    evidence = docs.get(EVIDENCE_SOURCE.data_file.name)
    for i, source in enumerate(kb.evidence_sources if evidence else ()):
        found += _site_prefix(source.id, evidence, (EVIDENCE_SOURCE.list_key, i, "id"))
    return found


def _site_prefix(ident: str, doc, path) -> list[Problem]:
    """The site's own classes and anchors start "kb-" (kb-lead, kb-sr-status, ...): an id that
    becomes an anchor may not, or a page could hold one anchor twice."""
    if not ident.startswith(SITE_PREFIX):
        return []
    return [located(doc, path, f"the id '{ident}' starts with '{SITE_PREFIX}', which the site keeps for anchors of its own; "
                               "choose another", "id")]


def _reserved_page_ids(kb, docs) -> list[Problem]:
    """Ids that would give an entity's page the address of the page listing its kind
    (behaviours/index.md is /behaviours/ itself), so one page would replace the other."""
    records = []
    for kind in (BEHAVIOUR, EXAMPLE):  # their records in file order (kb.examples is by number)
        doc = docs.get(kind.data_file.name)
        records += [(kind, item["id"], doc, (kind.list_key, i, "id")) for i, item in enumerate(doc.value[kind.list_key] if doc else [])]
    for node in kb.tree:
        if isinstance(node, PlacedFocusArea):
            records.append((FOCUS_AREA, node.area.id, docs.of_theme(node.theme), node.path + ("id",)))
        elif isinstance(node, PlacedQuestion):
            records.append((QUESTION, node.question.id, docs.of_theme(node.theme), node.path + ("id",)))
    found = []
    for kind, ident, doc, path in records:
        if ident in RESERVED_IDS:
            address = page_url(kind.page_paths(kb, ident)[0])
            found.append(located(doc, path, f"a {kind.name} cannot have the id '{ident}': its page would take the address "
                                            f"/{address}/, which is another page's; choose another", "id"))
    return found


def _clashing_tags(doc) -> list[Problem]:
    """An example's setting and partners become tags, each found on the tags page at an anchor
    made from its letters and digits (as Material's tags plugin makes it): two tags with one
    anchor, or a tag with none, would send a reader to another tag's examples."""
    found, seen = [], {}  # anchor -> (tag, where)
    for i, item in enumerate(doc.value[EXAMPLE.list_key] if doc else []):
        named = [("setting", (EXAMPLE.list_key, i, "setting"), item["setting"])]
        named += [("partners", (EXAMPLE.list_key, i, "partners", j), partner) for j, partner in enumerate(item["partners"])]
        for field, path, text in named:
            tag = tag_name(text)
            anchor = TAG_SLUG(tag, "-")
            if not anchor:
                found.append(located(doc, path, f"'{text}' has no letter or digit to make its tag's address from; write it in words", field))
            elif anchor in seen and seen[anchor][0] != tag:
                other, where = seen[anchor]
                found.append(located(doc, path, f"'{text}' and '{html.unescape(other)}' ({where}) would be one tag on the tags page; "
                                                "write them the same way", field))
            seen.setdefault(anchor, (tag, f"{doc.name}:{doc.line_of(path)}"))
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
