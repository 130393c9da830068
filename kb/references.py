"""Cross-checks across files: unique ids, references that resolve, no repeated question."""
from __future__ import annotations

import re
from collections import defaultdict

from .kinds import (APPROACH, BEHAVIOUR, EVIDENCE_SOURCE, EXAMPLE, FOCUS_AREA, QUESTION, THEME,
                    EntityKind)
from .messages import describe, did_you_mean, located
from .model import KnowledgeBase, PlacedApproach, PlacedBlock, PlacedFocusArea, PlacedNode, PlacedQuestion
from .problems import Problem

WEB_ADDRESS = re.compile(r"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$")


class Checker:
    """Collects the cross-file problems among the files that validated.

    `failed` names the data files ("behaviours", "themes", ...) that did not validate:
    their records are missing from the model, so references into them are not checked
    (an editor would otherwise see a false "unknown ..." for every one).
    """

    def __init__(self, kb: KnowledgeBase, docs, failed: frozenset[str]):
        self.kb, self.docs, self.failed = kb, docs, failed
        self.found: list[Problem] = []
        self.seen: dict[str, dict[str, str]] = defaultdict(dict)

    def doc_of(self, node: PlacedNode):
        """The theme file a placed node was read from."""
        return self.docs.of_theme(node.theme)

    def unique(self, what: str, value: str, doc, path, repeated=None):
        """Register value; if it is taken, report it, worded by repeated(where) if given."""
        first = self.seen[what].get(value)
        if first is None:
            self.seen[what][value] = f"{doc.name}:{doc.line_of(path)}"
            return
        # The default message names the id itself, so the record's label would only repeat it.
        message = repeated(first) if repeated else f"the {what} '{value}' is already used at {first}; choose another"
        self.found.append(Problem(doc.name, doc.line_of(path), message))

    def known(self, kind: EntityKind, value: str, doc, path):
        """A reference to an entity of `kind` must name one that exists."""
        ids = kind.ids(self.kb)
        if value in ids or kind.data_file.name in self.failed:
            return
        field = next(p for p in reversed(path) if isinstance(p, str))
        self.found.append(located(doc, path, f"unknown {kind.name} '{value}'{did_you_mean(value, ids)}", field))


def problems(kb: KnowledgeBase, docs, failed: frozenset[str] = frozenset()) -> list[Problem]:
    check = Checker(kb, docs, failed)
    _unique_ids(check)
    _theme_references(check)
    _example_references(check)
    report_doc = docs.get("report")
    if kb.report and report_doc:
        check.known(EVIDENCE_SOURCE, kb.report.companion_report, report_doc, ("companion_report",))
    return check.found


def _unique_ids(check: Checker):
    kb, docs = check.kb, check.docs
    for kind, records in ((BEHAVIOUR, kb.behaviours), (EVIDENCE_SOURCE, kb.evidence_sources)):
        for i, record in enumerate(records):
            check.unique(f"{kind.name} id", record.id, docs.get(kind.data_file.name), (kind.list_key, i, "id"))
    examples_doc = docs.get(EXAMPLE.data_file.name)
    for i, item in enumerate(examples_doc.value[EXAMPLE.list_key] if examples_doc else []):
        path = (EXAMPLE.list_key, i)
        check.unique("example id", item["id"], examples_doc, path + ("id",))
        check.unique("example number", str(item["number"]), examples_doc, path + ("number",))
    for i, source in enumerate(kb.evidence_sources):
        _address(check, source.original_address, docs.get(EVIDENCE_SOURCE.data_file.name),
                 (EVIDENCE_SOURCE.list_key, i, "original_address"))
    for doc, theme in docs.themes:
        check.unique("theme id", theme.id, doc, ("id",))
    for node in kb.tree:
        _register(check, node)


def _register(check: Checker, node: PlacedNode):
    doc = check.doc_of(node)
    if isinstance(node, PlacedFocusArea):
        check.unique(f"{FOCUS_AREA.name} id", node.area.id, doc, node.path + ("id",))
    elif isinstance(node, PlacedQuestion):
        check.unique(f"{QUESTION.name} id", node.question.id, doc, node.path + ("id",))
        # Across every theme: the report's repeated question is kept once, site-wide.
        text = " ".join(node.question.text.lower().split())
        label = describe(doc, node.path)
        check.unique("question text", text, doc, node.path + ("text",),
                     lambda where: f"{label}: this question repeats the one at {where}; keep one")
    elif isinstance(node, PlacedApproach):
        check.unique("id", node.approach.id, doc, node.path + ("id",))
    else:
        block = node.block
        anchor = block.id or (block.illustration and block.illustration.id) or (block.quote and block.quote.id)
        if anchor:
            check.unique("id", anchor, doc, node.path)


def _theme_references(check: Checker):
    kb = check.kb
    for placed in kb.focus_area.values():
        doc = check.doc_of(placed)
        for j, behaviour in enumerate(placed.area.behaviours):
            check.known(BEHAVIOUR, behaviour, doc, placed.path + ("behaviours", j))
    for placed in kb.blocks:
        block, path = placed.block, placed.path
        doc = check.doc_of(placed)
        if block.example:
            check.known(EXAMPLE, block.example, doc, path + ("example",))
        if block.address:
            check.known(EVIDENCE_SOURCE, block.address, doc, path + ("address",))
            source = kb.evidence_source.get(block.address)
            if source and not source.original_address:
                check.found.append(located(doc, path + ("address",), f"the evidence source '{block.address}' has no original_address to show"))
        for k, cited in enumerate(block.cites):
            check.known(EVIDENCE_SOURCE, cited, doc, path + ("cites", k))


def _example_references(check: Checker):
    kb, doc = check.kb, check.docs.get(EXAMPLE.data_file.name)
    if doc is None:
        return
    for i, item in enumerate(doc.value[EXAMPLE.list_key]):
        example, path = kb.example[item["id"]], (EXAMPLE.list_key, i)
        if example.number != item["number"]:
            continue  # a repeated id: the record under it is another one, already reported
        check.known(THEME, example.theme, doc, path + ("theme",))
        check.known(FOCUS_AREA, example.focus_area, doc, path + ("focus_area",))
        area = kb.focus_area.get(example.focus_area)
        if area and example.theme in kb.theme and area.theme.id != example.theme:
            check.found.append(located(doc, path + ("focus_area",), f"the focus area '{example.focus_area}' belongs to the theme '{area.theme.id}', not '{example.theme}'", "focus_area"))
        for j, approach in enumerate(example.approaches):
            check.known(APPROACH, approach, doc, path + ("approaches", j))
            placed = kb.approach.get(approach)
            if placed and area and placed.focus_area.id != example.focus_area:
                check.found.append(located(doc, path + ("approaches", j), f"the approach '{approach}' is in the focus area '{placed.focus_area.id}', not '{example.focus_area}'", "approaches"))
        for j, behaviour in enumerate(example.behaviours):
            check.known(BEHAVIOUR, behaviour, doc, path + ("behaviours", j))


def _address(check: Checker, address, doc, path):
    if address is None or WEB_ADDRESS.match(address):
        return
    check.found.append(located(doc, path, f"'{address}' is not a web address; it must start with http://, https:// or a host name like www.example.org", "original_address"))
