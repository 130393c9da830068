"""Turn pydantic's validation errors into sentences an editor can act on."""
from __future__ import annotations

import difflib
import typing

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .yamlfile import YamlDocument

# What a list of records is called in a message, by the key that holds the list.
ENTITY_NAMES = {
    "behaviours": "behaviour", "examples": "example", "focus_areas": "focus area",
    "approaches": "approach", "strands": "strand", "questions": "question",
    "sources": "evidence source", "abbreviations": "abbreviation", "blocks": "block",
    "introduction": "block",
}

TYPE_MESSAGES = {
    "string_type": "must be text (put it in quotes if it looks like a number or date)",
    "int_type": "must be a whole number",
    "list_type": "must be a list, one '- ' line per item",
    "date_type": "must be a date written as YYYY-MM-DD",
    "model_type": "must be a block of 'key: value' lines",
    "dict_type": "must be a block of 'key: value' lines",
    "string_too_short": "must not be empty",
    "bool_type": "must be true or false",
}


def did_you_mean(word: str, known) -> str:
    match = difflib.get_close_matches(str(word), sorted(known), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def describe(doc: YamlDocument, path: tuple) -> str:
    """'example 'working-with-partners'' for a path inside that example, else ''."""
    value, label = doc.value, ""
    for i, part in enumerate(path):
        if isinstance(part, int) and i and isinstance(path[i - 1], str):
            try:
                item = value[part]
            except (IndexError, KeyError, TypeError):
                break
            name = ENTITY_NAMES.get(path[i - 1], path[i - 1])
            ident = item.get("id") or item.get("abbreviation") if isinstance(item, dict) else None
            label = f"{name} '{ident}'" if isinstance(ident, str) else f"{name} {part + 1}"
        try:
            value = value[part]
        except (IndexError, KeyError, TypeError):
            break
    return label


def located(doc: YamlDocument, path: tuple, message: str, field: str | None = None) -> Problem:
    prefix = ", ".join(p for p in (describe(doc, path), field) if p)
    return Problem(doc.name, doc.line_of(path), f"{prefix}: {message}" if prefix else message)


def schema_problems(doc: YamlDocument, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    return [_problem(doc, model, err) for err in error.errors()]


def _problem(doc, model, err) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    names = [p for p in loc if isinstance(p, str)]
    field = names[-1] if names else None
    if kind == "missing":
        return located(doc, loc[:-1], f"missing the required field '{field}'; add it")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(field, allowed)
        return located(doc, loc, f"unknown key '{field}'{hint}; rename or remove it")
    if kind == "string_pattern_mismatch":
        message = f"'{err['input']}' is not a valid id: use lowercase letters, digits and hyphens, like 'working-with-partners'"
        return located(doc, loc, message, field)
    if kind in ("value_error", "assertion_error"):
        return located(doc, loc, err["msg"].removeprefix("Value error, "))
    if kind in TYPE_MESSAGES:
        return located(doc, loc, TYPE_MESSAGES[kind], field)
    return located(doc, loc, err["msg"][:1].lower() + err["msg"][1:], field)


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    cls = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = cls.model_fields.get(part)
        cls = _record_type(field.annotation) if field else None
        if cls is None:
            return []
    return list(cls.model_fields)


def _record_type(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _record_type(arg)
        if found:
            return found
    return None
