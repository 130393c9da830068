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

# Deeper than any data file needs; refusing it keeps the recursive composer safe.
MAX_DEPTH = 40
STANDARD_TAG = "tag:yaml.org,2002:"


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


# libyaml's C parser when PyYAML has it: several times faster on large data. Its error
# wording differs, so a file that fails is parsed again by the pure-Python parser, whose
# messages the catalogue of bad inputs (tests/test_errors.py) pins down.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _python_error(text: str) -> yaml.YAMLError | None:
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        return err
    return None


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
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError as err:
        return None, [_syntax_problem(_python_error(text) or err, name, text)]
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
    """Scan parser events (cheap, nothing is built) for tags, anchors, aliases and deep nesting.

    One problem per line: an alias bomb names every anchor and alias, once, on its line.
    """
    found: dict[int, list[str]] = {}
    depth = 0
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER):
            line = event.start_mark.line + 1
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_DEPTH:
                return [Problem(name, line, f"the data is nested more than {MAX_DEPTH} levels deep here; flatten it")]
            found.setdefault(line, []).extend(_unsafe_parts(event))
    except yaml.YAMLError as err:
        return [_syntax_problem(_python_error(text) or err, name, text)]
    return [Problem(name, line, _unsafe_message(parts)) for line, parts in found.items() if parts]


def _unsafe_parts(event) -> list[str]:
    if isinstance(event, yaml.AliasEvent):
        return [f"*{event.anchor}"]
    parts = [f"&{event.anchor}"] if getattr(event, "anchor", None) else []
    tag = getattr(event, "tag", None)  # the parser sets a tag only where one is written
    if tag is not None:
        parts.append("!!" + tag.removeprefix(STANDARD_TAG) if tag.startswith(STANDARD_TAG) else tag)
    return parts


def _unsafe_message(parts: list[str]) -> str:
    tags = [p for p in parts if p.startswith("!")]
    if tags:
        return f"the YAML tag '{tags[0]}' is not allowed; remove it and write plain text"
    listed = ", ".join(f"'{p}'" for p in dict.fromkeys(parts))
    return f"YAML anchors and aliases ({listed}) are not allowed; write the value out in full"


# The parser's wording, in plain English. Keyed by the parser's context, then its problem.
SYNTAX_HINTS = {
    "while scanning a quoted scalar": "the quote opened on this line is never closed; add the closing quote",
    "while parsing a flow sequence": "the list opened with '[' on this line is not closed with ']', or an item holds ',' or ':' and needs quotes",
    "while parsing a flow mapping": "the block opened with '{' on this line is not closed with '}', or a value holds ',' or ':' and needs quotes",
    "expected a single document in the stream": "the file holds more than one document (a '---' line); keep one",
    "mapping values are not allowed here": "a ': ' is in a place it cannot be; put text that contains ': ' in quotes, or check the indentation",
    "expected <block end>": "this line does not line up with the lines above it; check its indentation, and that no quote ends too early",
}
# Errors best reported where their construct opens (the context mark), not where the parser gave up.
OPENED_AT_CONTEXT = ("while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping")


def _syntax_problem(err: yaml.YAMLError, name: str, text: str) -> Problem:
    if isinstance(err, yaml.reader.ReaderError):  # a control character, e.g. pasted from a PDF
        line = text[: err.position].count("\n") + 1
        return Problem(name, line, f"the line holds an invisible control character (#x{err.character:04x}) that YAML does not allow; delete it")
    context, problem = getattr(err, "context", None) or "", getattr(err, "problem", None) or str(err)
    mark = err.context_mark if context in OPENED_AT_CONTEXT else getattr(err, "problem_mark", None)
    mark = mark or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark else 1
    quote = _quote_trouble(text, line)
    if quote:
        return Problem(name, quote[0], f"YAML syntax error: {quote[1]} (inside '...' write an apostrophe as '')")
    hint = next((h for key, h in SYNTAX_HINTS.items() if key in (context, problem) or problem.startswith(key)), None)
    return Problem(name, line, f"YAML syntax error: {hint or ', '.join(filter(None, (context, problem)))}")


def _quote_trouble(text: str, line: int) -> tuple[int, str] | None:
    """A quote that ends on the error's line is the usual cause: it ran on from an
    earlier line (never closed there), or it closed early and text follows it."""
    previous, found = None, None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line + 1 > line:
                break
            if _quoted(previous) and previous.end_mark.line + 1 == line:
                if previous.start_mark.line + 1 < line:
                    found = (previous.start_mark.line + 1, f"the quote opened on this line only closes on line {line}; close it on this line")
                elif isinstance(token, yaml.ScalarToken):
                    found = (line, "the text goes on after its closing quote; quote the whole text")
            previous = token
    except yaml.YAMLError:
        pass  # the scanner stops where the error is; what it saw before is enough
    return found


def _quoted(token) -> bool:
    return isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')


def _construct(node, path, doc, constructor, problems):
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _construct_mapping(node, path, doc, constructor, problems)
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, path + (i,), doc, constructor, problems) for i, item in enumerate(node.value)]
    return _scalar(node, constructor)


def _construct_mapping(node, path, doc, constructor, problems):
    result = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = _scalar(key_node, constructor) if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            problems.append(Problem(doc.name, line, "a key must be a plain name in letters, like 'title'; rename it"))
            continue
        if key in result:
            problems.append(Problem(doc.name, line, f"the key '{key}' appears twice in the same block; keep one"))
        result[key] = _construct(value_node, path + (key,), doc, constructor, problems)
        doc.lines[path + (key,)] = line
    return result


def _scalar(node, constructor):
    """A plain value. One that only looks like a date (2026-13-45) stays the text it is:
    the schema then says whether text is fine there, naming the record and field."""
    try:
        return constructor.construct_object(node)
    except ValueError:
        return node.value
