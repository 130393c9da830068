"""Read one YAML file safely, keeping the line of every value, and say what is wrong with it in
an editor's words, not the parser's.

Only plain YAML is accepted: no tags (`!!python/...`), no anchors or aliases (alias bombs are
refused before anything is expanded), no duplicate keys, no tabs. A plain value that a comment
cuts short (`from 44 to 2 #schools`) is marked (kinds.base.CutText), so that text refuses it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .kinds.base import CutText
from .problems import Problem

# Deeper than any data file needs; refusing it keeps the recursive composer safe.
MAX_DEPTH = 40
STANDARD_TAG = "tag:yaml.org,2002:"
CONFLICT_MARKER = re.compile(r"^<<<<<<<( |$)")  # where git starts a conflict it left in a file
COMMENT_AFTER = re.compile(r"\s+#")
# A value on a line: "key: value" or "- value" (the parser's error names the line, not the value).
VALUE = re.compile(r"^\s*(?:-\s+)*(?:(?P<key>[\w-]+):\s+)?(?P<value>\S.*?)\s*$")
# What YAML makes of a value that starts with one of these, where an editor meant text.
SYNTAX_START = {"*": "a reference to another value (an alias)", "&": "a name for the value (an anchor)",
                "!": "a tag", "%": "a directive", "@": "a reserved character", "`": "a reserved character",
                "|": "the start of a block of text on the lines below", ">": "the start of a block of text on the lines below",
                "[": "the start of a list", "{": "the start of a block of keys"}


@dataclass
class YamlDocument:
    name: str  # the file as an editor sees it, e.g. data/examples.yaml
    value: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int:
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
    problems = _line_problems(text, name) or _unsafe_constructs(text, name)
    if problems:
        return None, problems
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError as err:
        return None, [_syntax_problem(_python_error(text) or err, name, text)]
    doc = YamlDocument(name, None)
    builder = _Builder(doc, text.split("\n"))
    doc.value = builder.construct(root, ())
    return doc, builder.problems


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _line_problems(text: str, name: str) -> list[Problem]:
    """Lines that YAML cannot read whatever comes before them: a tab in the indentation, and the
    markers git leaves where a merge conflicts."""
    problems, lines = [], text.split("\n")
    for number, line in enumerate(lines, 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(name, number, "the line is indented with a tab; YAML needs spaces"))
        if CONFLICT_MARKER.match(line):
            end = next((n for n, later in enumerate(lines[number:], number + 1) if later.startswith(">>>>>>>")), None)
            upto = f" to line {end}" if end else ""
            problems.append(Problem(name, number, f"a merge conflict is left in the file here (from '<<<<<<<'{upto}): keep the "
                                                  "version you want, delete the marker lines (<<<<<<<, =======, >>>>>>>), "
                                                  "and see CONTRIBUTING.md"))
    return problems


def _unsafe_constructs(text: str, name: str) -> list[Problem]:
    """Scan parser events (cheap, nothing is built) for tags, anchors, aliases and deep nesting.

    One problem per line: an alias bomb names every anchor and alias, once, on its line.
    """
    found: dict[int, list[str]] = {}
    depth, events, lines = 0, [], text.split("\n")
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER):
            events.append(event)
            line = event.start_mark.line + 1
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_DEPTH:
                return [Problem(name, line, f"the data is nested more than {MAX_DEPTH} levels deep here; flatten it")]
            found.setdefault(line, []).extend(_unsafe_parts(event))
    except yaml.YAMLError as err:
        return [_syntax_problem(_python_error(text) or err, name, text)]
    anchored = any(getattr(e, "anchor", None) and not isinstance(e, yaml.AliasEvent) for e in events)
    problems = []
    for line, parts in found.items():
        if parts:
            quoted = _quote_problem(name, lines, line) if _meant_as_text(events, line, anchored) else None
            problems.append(quoted or Problem(name, line, _unsafe_message(parts)))
    return problems


def _meant_as_text(events, line: int, anchored: bool) -> bool:
    """Whether the construct on this line is an editor's text that YAML took for syntax: a tag of
    one '!', an anchor on a plain value, or an alias where the file names no anchor."""
    for event in events:
        if event.start_mark.line + 1 != line:
            continue
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.ScalarEvent) and (event.anchor or (tag and not tag.startswith(("!!", STANDARD_TAG)))):
            return True
        if isinstance(event, yaml.AliasEvent) and not anchored:
            return True
    return False


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


def _quote_problem(name: str, lines: list[str], line: int) -> Problem | None:
    """The text on the line starts with a character that YAML reads as syntax: say to quote it."""
    match = VALUE.match(lines[line - 1]) if line <= len(lines) else None
    if not match or match["value"][0] not in SYNTAX_START:
        return None
    value = match["value"]
    shown = value if len(value) <= 50 else value[:50] + "…"
    quoted = f'"{shown}"' if '"' not in shown else "'" + shown.replace("'", "''") + "'"
    example = f"{match['key']}: {quoted}" if match["key"] else f"- {quoted}"
    return Problem(name, line, f"the text starts with '{value[0]}', which YAML reads as {SYNTAX_START[value[0]]}, "
                               f"not as text; put the whole text in quotes: {example}")


# The parser's wording, in plain English. Keyed by the parser's context, then its problem.
SYNTAX_HINTS = {
    "while scanning a quoted scalar": "the quote opened on this line is never closed; add the closing quote",
    "while parsing a flow sequence": "the list opened with '[' on this line is not closed with ']', or an item holds ',' or ':' and needs quotes",
    "while parsing a flow mapping": "the block opened with '{' on this line is not closed with '}', or a value holds ',' or ':' and needs quotes",
    "expected a single document in the stream": "the file holds more than one document (a '---' line); keep one",
    "mapping values are not allowed here": "a ': ' is in a place it cannot be; put text that contains ': ' in quotes, or check the indentation",
    "could not find expected ':'": "a line here has no ': ' after its key; add it, or indent a line of text that runs on further than its key",
    "expected <block end>": "this line does not line up with the lines above it; check its indentation, and that no quote ends too early",
    "did not find expected key": "this line does not line up with the keys above it; check its indentation",
    "did not find expected '-' indicator": "this line does not line up with the list items above it; check its indentation",
}
# Errors best reported where their construct opens (the context mark), not where the parser gave up.
OPENED_AT_CONTEXT = ("while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping",
                     "while scanning a simple key")
# Errors that a value starting with a syntax character gives (SYNTAX_START).
STARTS_AS_SYNTAX = ("while scanning an alias", "while scanning an anchor", "while scanning a block scalar",
                    "while scanning for the next token", "while scanning a tag")


def _syntax_problem(err: yaml.YAMLError, name: str, text: str) -> Problem:
    if isinstance(err, yaml.reader.ReaderError):  # a control character, e.g. pasted from a PDF
        line = text[: err.position].count("\n") + 1
        return Problem(name, line, f"the line holds an invisible control character (#x{err.character:04x}) that YAML does not allow; delete it")
    context, problem = getattr(err, "context", None) or "", getattr(err, "problem", None) or str(err)
    mark = err.context_mark if context in OPENED_AT_CONTEXT else getattr(err, "problem_mark", None)
    mark = mark or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark else 1
    lines = text.split("\n")
    quoted = _quote_problem(name, lines, line)
    if quoted and (context in STARTS_AS_SYNTAX or _starts_as_syntax(lines[line - 1])):
        return quoted
    quote = _quote_trouble(text, line)
    if quote:
        return Problem(name, quote[0], f"YAML syntax error: {quote[1]} (inside '...' write an apostrophe as '')")
    hint = next((h for key, h in SYNTAX_HINTS.items() if key in (context, problem) or problem.startswith(key)), None)
    return Problem(name, line, f"YAML syntax error: {hint or ', '.join(filter(None, (context, problem)))}")


def _starts_as_syntax(line: str) -> bool:
    """Whether the value on a line that YAML could not read is text that starts like syntax: a
    bracket that closes with text after it (`[Draft] The title`), or any other character of
    SYNTAX_START (but not a block's `>-` or `|` alone, which is how a block of text starts)."""
    value = VALUE.match(line)
    if not value:
        return False
    text = value["value"]
    if text[0] in "[{":
        return bool(re.match(r"^(\[[^\]]*\]|\{[^}]*\})\s*[^\s#,]", text))
    return text[0] in SYNTAX_START and not re.fullmatch(r"[|>][-+]?\d?(\s+#.*)?", text)


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


@dataclass
class _Builder:
    """Python values from the composed nodes, with the line of every value."""
    doc: YamlDocument
    lines: list[str]
    problems: list[Problem] = field(default_factory=list)
    constructor: yaml.SafeLoader = field(default_factory=lambda: yaml.SafeLoader(""))

    def construct(self, node, path):
        self.doc.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.construct(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def mapping(self, node, path):
        result = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problems.append(Problem(self.doc.name, line, "a key must be a plain name in letters, like 'title'; rename it"))
                continue
            if key in result:
                self.problems.append(Problem(self.doc.name, line, f"the key '{key}' appears twice in the same block; keep one"))
            result[key] = self.construct(value_node, path + (key,))
            self.doc.lines[path + (key,)] = line
        return result

    def scalar(self, node):
        """A plain value. One that only looks like a date (2026-13-45), or that YAML cannot
        make anything of ('='), stays the text it is: the schema then says whether text is
        fine there, naming the record and field."""
        try:
            value = self.constructor.construct_object(node)
        except (ValueError, yaml.YAMLError):
            return node.value
        if isinstance(value, str) and not node.style:  # plain: None, or '' from libyaml
            end = node.end_mark
            rest = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
            if COMMENT_AFTER.match(rest):
                value = CutText(value)
                value.comment = rest.strip()
        return value
