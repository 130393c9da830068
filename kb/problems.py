"""Problems an editor can act on: one plain sentence each, with file and line."""
from __future__ import annotations

from dataclasses import dataclass


# A message may quote the data, whose text can hold line breaks: it is shown on one line.
ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __post_init__(self):
        object.__setattr__(self, "message", self.message.translate(ONE_LINE))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The content has {count} {noun}; nothing was built:"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)
