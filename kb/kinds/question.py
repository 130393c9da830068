"""A reflective question: the report's "questions for consideration", per focus area."""
from __future__ import annotations

from .base import Id, Kind, Record, Text


class ReflectiveQuestion(Record):
    id: Id
    text: Text


def question_path(question_id: str) -> str:
    return f"questions/{question_id}.md"


QUESTION = Kind("question", "question", (ReflectiveQuestion,), "themes", "questions",
                pages=lambda ident: [question_path(ident)], templates=("question.md.j2",),
                title=lambda q: q.text, macro="question")
