"""Cross-checks across files: unique ids, references that resolve, no repeated question."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import partial

from .messages import describe, did_you_mean, located
from .model import KnowledgeBase
from .problems import Problem

WEB_ADDRESS = re.compile(r"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$")
# The file each kind of reference points into, as the loader names it.
TARGET_FILE = {"behaviour": "behaviours", "example": "examples", "evidence source": "evidence",
               "theme": "themes", "focus area": "themes", "approach": "themes"}


def check(kb: KnowledgeBase, behaviours_doc, examples_doc, evidence_doc, source_doc, theme_docs,
          failed: frozenset[str] = frozenset()) -> list[Problem]:
    """Every cross-file problem among the files that validated.

    `failed` names the files ("behaviours", "themes", ...) that did not validate: their
    records are missing from kb, so references into them are not checked (an editor would
    otherwise see a false "unknown ..." for every one).
    """
    problems: list[Problem] = []
    ids = _IdRegister(problems)
    for i, b in enumerate(kb.behaviours):
        ids.add("behaviour id", b.id, behaviours_doc, ("behaviours", i, "id"))
    for i, e in enumerate(kb.examples):
        ids.add("example id", e.id, examples_doc, ("examples", i, "id"))
        ids.add("example number", str(e.number), examples_doc, ("examples", i, "number"))
    for i, s in enumerate(kb.sources):
        ids.add("evidence source id", s.id, evidence_doc, ("sources", i, "id"))
        problems += _address_problems(s.original_address, evidence_doc, ("sources", i, "original_address"))
    for doc, theme in theme_docs:
        ids.add("theme id", theme.id, doc, ("id",))
        _register_theme(theme, doc, ids)
    unknown = partial(_unknown, failed)
    for doc, theme in theme_docs:
        problems += _theme_references(kb, theme, doc, unknown)
    problems += _example_references(kb, examples_doc, unknown)
    if kb.report:
        problems += unknown("evidence source", kb.report.companion_report, kb.source, source_doc, ("companion_report",))
    return problems


class _IdRegister:
    """Ids must be unique within their kind; anchors share one space across the site."""

    def __init__(self, problems):
        self.problems = problems
        self.seen = defaultdict(dict)

    def add(self, kind, value, doc, path, repeated=None):
        """Register value; if it is taken, report it, worded by repeated(where) if given."""
        first = self.seen[kind].get(value)
        if first is None:
            self.seen[kind][value] = f"{doc.name}:{doc.line_of(path)}"
            return
        # The default message names the id itself, so the record's label would only repeat it.
        message = repeated(first) if repeated else f"the {kind} '{value}' is already used at {first}; choose another"
        self.problems.append(Problem(doc.name, doc.line_of(path), message))


def _register_theme(theme, doc, ids):
    for i, area in enumerate(theme.focus_areas):
        base = ("focus_areas", i)
        ids.add("focus area id", area.id, doc, base + ("id",))
        for j, question in enumerate(area.questions):
            path = base + ("questions", j)
            ids.add("question id", question.id, doc, path + ("id",))
            # Across every theme: the report's repeated question is kept once, site-wide.
            text = " ".join(question.text.lower().split())
            label = describe(doc, path)
            ids.add("question text", text, doc, path + ("text",), lambda where: f"{label}: this question repeats the one at {where}; keep one")
        for path, approach in _approaches(area, base):
            ids.add("id", approach.id, doc, path + ("id",))
    for path, block in blocks(theme):
        anchor = block.id or (block.illustration and block.illustration.id) or (block.quote and block.quote.id)
        if anchor:
            ids.add("id", anchor, doc, path)


def _approaches(area, base):
    for j, approach in enumerate(area.approaches):
        path = base + ("approaches", j)
        yield path, approach
        for k, strand in enumerate(approach.strands):
            yield path + ("strands", k), strand


def blocks(theme):
    """Every narrative block of a theme, with its path in the file."""
    for i, block in enumerate(theme.introduction):
        yield ("introduction", i), block
    if theme.evidence:
        for i, block in enumerate(theme.evidence.blocks):
            yield ("evidence", "blocks", i), block
    for i, area in enumerate(theme.focus_areas):
        base = ("focus_areas", i)
        for j, block in enumerate(area.introduction):
            yield base + ("introduction", j), block
        for path, approach in _approaches(area, base):
            for j, block in enumerate(approach.blocks):
                yield path + ("blocks", j), block


def _theme_references(kb, theme, doc, unknown) -> list[Problem]:
    problems = []
    for i, area in enumerate(theme.focus_areas):
        for j, behaviour in enumerate(area.behaviours):
            problems += unknown("behaviour", behaviour, kb.behaviour, doc, ("focus_areas", i, "behaviours", j))
    for path, block in blocks(theme):
        if block.example:
            problems += unknown("example", block.example, kb.example, doc, path + ("example",))
        if block.address:
            source = kb.source.get(block.address)
            problems += unknown("evidence source", block.address, kb.source, doc, path + ("address",))
            if source and not source.original_address:
                problems.append(located(doc, path + ("address",), f"the evidence source '{block.address}' has no original_address to show"))
        for k, cited in enumerate(block.cites):
            problems += unknown("evidence source", cited, kb.source, doc, path + ("cites", k))
    return problems


def _example_references(kb, doc, unknown) -> list[Problem]:
    problems = []
    for i, example in enumerate(kb.examples):
        path = ("examples", i)
        problems += unknown("theme", example.theme, kb.theme, doc, path + ("theme",))
        problems += unknown("focus area", example.focus_area, kb.focus_area, doc, path + ("focus_area",))
        area = kb.focus_area.get(example.focus_area)
        if area and example.theme in kb.theme and area[0].id != example.theme:
            problems.append(located(doc, path + ("focus_area",), f"the focus area '{example.focus_area}' belongs to the theme '{area[0].id}', not '{example.theme}'", "focus_area"))
        for j, approach in enumerate(example.approaches):
            problems += unknown("approach", approach, kb.approach, doc, path + ("approaches", j))
            placed = kb.approach.get(approach)
            if placed and area and placed.focus_area.id != example.focus_area:
                problems.append(located(doc, path + ("approaches", j), f"the approach '{approach}' is in the focus area '{placed.focus_area.id}', not '{example.focus_area}'", "approaches"))
        for j, behaviour in enumerate(example.behaviours):
            problems += unknown("behaviour", behaviour, kb.behaviour, doc, path + ("behaviours", j))
    return problems


def _unknown(failed, kind, value, known, doc, path) -> list[Problem]:
    if value in known or TARGET_FILE[kind] in failed:
        return []
    field = next(p for p in reversed(path) if isinstance(p, str))
    return [located(doc, path, f"unknown {kind} '{value}'{did_you_mean(value, known)}", field)]


def _address_problems(address, doc, path) -> list[Problem]:
    if address is None or WEB_ADDRESS.match(address):
        return []
    return [located(doc, path, f"'{address}' is not a web address; it must start with http://, https:// or a host name like www.example.org", "original_address")]
