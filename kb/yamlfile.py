"""Read one YAML file safely, keeping the line of every value.

Only plain YAML is accepted: no tags (`!!python/...`), no anchors or aliases (alias
bombs are refused before anything is expanded), no duplicate keys, no tabs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

# A path into the document, as pydantic reports it: ("examples", 0, "id").
Path_ = tuple


@dataclass
class YamlDocument:
    name: str  # the file as an editor sees it, e.g. data/examples.yaml
    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the value at path, or of its nearest ancestor that exists."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(path: Path, name: str) -> tuple[YamlDocument | None, list[Problem]]:
    if not path.is_file():
        return None, [Problem(name, 1, "the file is missing; restore it from git or create it")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(name, line, "the file is not UTF-8 text; save it as UTF-8")]
    text = text.removeprefix("\ufeff")
    if not _has_content(text):
        return None, [Problem(name, 1, "the file is empty; it must hold the data described in CONTRIBUTING.md")]
    problems = _tab_problems(text, name)
    if problems:
        return None, problems
    problems = _unsafe_constructs(text, name)
    if problems:
        return None, problems
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        return None, [_syntax_problem(err, name)]
    doc = YamlDocument(name, None)
    constructor = yaml.SafeLoader("")
    problems = []
    doc.value = _construct(root, (), doc, constructor, problems)
    return doc, problems


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _tab_problems(text: str, name: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(name, number, "the line is indented with a tab; YAML needs spaces"))
    return problems


def _unsafe_constructs(text: str, name: str) -> list[Problem]:
    """Scan parser events (cheap, nothing is built) for tags, anchors and aliases."""
    problems = []
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                problems.append(Problem(name, line, f"the alias '*{event.anchor}' is not allowed; write the value out in full"))
            elif getattr(event, "anchor", None):
                problems.append(Problem(name, line, f"the anchor '&{event.anchor}' is not allowed; write the value out in full"))
            tag = getattr(event, "tag", None)  # the parser sets a tag only where one is written
            if tag is not None:
                problems.append(Problem(name, line, f"the YAML tag '{tag}' is not allowed; remove it and write plain text"))
    except yaml.YAMLError as err:
        return [_syntax_problem(err, name)]
    return problems


def _syntax_problem(err: yaml.YAMLError, name: str) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark else 1
    what = getattr(err, "problem", None) or str(err)
    return Problem(name, line, f"YAML syntax error: {what}; check the indentation and quotes on this line or the one before")


def _construct(node, path, doc, constructor, problems):
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node)
            if not isinstance(key, str):
                problems.append(Problem(doc.name, key_node.start_mark.line + 1, f"the key {key!r} must be a name in letters"))
                continue
            if key in result:
                problems.append(Problem(doc.name, key_node.start_mark.line + 1, f"the key '{key}' appears twice in the same block; keep one"))
            result[key] = _construct(value_node, path + (key,), doc, constructor, problems)
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, path + (i,), doc, constructor, problems) for i, item in enumerate(node.value)]
    return constructor.construct_object(node)
