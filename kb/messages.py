"""Turn pydantic's validation errors into sentences an editor can act on."""
from __future__ import annotations

import datetime
import difflib
import typing

from pydantic import BaseModel, ValidationError

from .kinds import RECORD_NAMES
from .problems import Problem
from .yamlfile import YamlDocument

TYPE_MESSAGES = {
    "string_type": "must be text (put it in quotes if it looks like a number or date)",
    "int_type": "must be a whole number",
    "list_type": "must be a list, one '- ' line per item",
    "model_type": "must be a block of 'key: value' lines",
    "dict_type": "must be a block of 'key: value' lines",
    "string_too_short": "must not be empty",
    "blank_text": "must hold some text, not only spaces",
    "too_short": "must list at least one item; the page would otherwise show an empty list",
    "greater_than_equal": "must be a whole number from 1 up",
    "bool_type": "must be true or false",
}


def closest(word, known) -> str | None:
    match = difflib.get_close_matches(str(word), sorted(known), n=1, cutoff=0.6)
    return match[0] if match else None


def did_you_mean(word, known) -> str:
    match = closest(word, known)
    return f" (did you mean '{match}'?)" if match else ""


def describe(doc: YamlDocument, path: tuple) -> str:
    """Name the record a path points into, from the nearest one with an id:
    "example 'working-with-partners'", or "approach 'long-term-prevention', block 3"."""
    value, labels = doc.value, []
    for i, part in enumerate(path):
        try:
            value = value[part]
        except (IndexError, KeyError, TypeError):
            break
        # Only records (blocks of keys) are named: an item of a list of ids is the value itself.
        if isinstance(part, int) and i and isinstance(path[i - 1], str) and isinstance(value, dict):
            labels.append(_label(RECORD_NAMES.get(path[i - 1], path[i - 1]), part, value))
    named = [i for i, (_, has_id) in enumerate(labels) if has_id]
    start = named[-1] if named else max(len(labels) - 1, 0)
    return ", ".join(text for text, _ in labels[start:])


def _label(name: str, index: int, record: dict) -> tuple[str, bool]:
    ident = record.get("id") or record.get("abbreviation")
    if isinstance(ident, str):
        return f"{name} '{ident}'", True
    return f"{name} {index + 1}", False


def located(doc: YamlDocument, path: tuple, message: str, field: str | None = None) -> Problem:
    prefix = ", ".join(p for p in (describe(doc, path), field) if p)
    return Problem(doc.name, doc.line_of(path), f"{prefix}: {message}" if prefix else message)


def schema_problems(doc: YamlDocument, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    errors = error.errors()
    # A misspelt key is one mistake: "unknown key 'titel' (did you mean 'title'?)" says it all,
    # so the "missing 'title'" that follows from it is not reported as well.
    renamed = {(e["loc"][:-1], closest(e["loc"][-1], _fields_at(model, e["loc"][:-1])))
               for e in errors if e["type"] == "extra_forbidden"}
    return [_problem(doc, model, e) for e in errors
            if not (e["type"] == "missing" and (e["loc"][:-1], e["loc"][-1]) in renamed)]


def _problem(doc, model, err) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    names = [p for p in loc if isinstance(p, str)]
    field = names[-1] if names else None
    if kind == "missing":
        return located(doc, loc[:-1], f"missing the required field '{field}'; add it")
    if kind == "extra_forbidden":
        hint = did_you_mean(field, _fields_at(model, loc[:-1]))
        return located(doc, loc, f"unknown key '{field}'{hint}; rename or remove it")
    if not loc:  # the whole file is the wrong shape, e.g. a list or a single line of text
        return Problem(doc.name, 1, f"the file {TYPE_MESSAGES.get(kind, 'is not in the expected shape')}; see CONTRIBUTING.md")
    if kind == "string_pattern_mismatch":
        message = f"'{err['input']}' is not a valid id: use lowercase letters, digits and hyphens, like 'working-with-partners'"
        return located(doc, loc, message, field)
    if kind in ("value_error", "assertion_error"):
        return located(doc, loc, err["msg"].removeprefix("Value error, "))
    if kind == "string_type":
        return located(doc, loc, _not_text(err["input"]), field)
    if kind == "date_type" and isinstance(err["input"], str) and _is_date(err["input"]):
        return located(doc, loc, f"must be a date without quotes around it, like {field}: {err['input']}", field)
    if kind == "date_type":
        return located(doc, loc, f"must be a real date written as YYYY-MM-DD, not '{err['input']}'", field)
    if kind == "too_short" and isinstance(err["input"], str):  # an empty text (a constraint beside a validator)
        return located(doc, loc, TYPE_MESSAGES["string_too_short"], field)
    if kind in TYPE_MESSAGES:
        return located(doc, loc, TYPE_MESSAGES[kind], field)
    return located(doc, loc, err["msg"][:1].lower() + err["msg"][1:], field)


def _not_text(value) -> str:
    """Why a value is not text, in the words of what YAML made of it."""
    if value is None:
        return "has no text after its colon; write the text there"
    if isinstance(value, (list, dict)):
        return ("must be a single piece of text, not a list or block (if the brackets are part of the text, "
                "put the whole text in quotes)")
    if isinstance(value, bool):
        return "must be text, but YAML reads yes, no, true, false, on and off as a yes-or-no value; put the text in quotes"
    if isinstance(value, (int, float)):
        return "must be text, but YAML reads it as a number; put it in quotes"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "must be text, but YAML reads it as a date; put it in quotes"
    return TYPE_MESSAGES["string_type"]


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


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
