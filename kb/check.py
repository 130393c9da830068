"""`make check`: every rule over the data and the addresses it publishes, without building.

Exit 1 with every problem listed; warnings (never failures) follow. `--rules` lists the rules.
`--base <ref>` (make check BASE=<ref>) also fails for every page whose reader-visible content
changed since <ref> that no change note new since then names (kb/diff.py).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from . import diff
from .problems import ContentError
from .rules import RULES
from .site import Checked

CHECKED_FIRST = ("YAML that reads: no tabs, anchors, tags, merge-conflict markers or unclosed quotes; every file "
                 "in data/ is one the site reads", "every file matches its schema (kb/kinds/), and text is whole: "
                 "never cut short by a ' #' comment, never holding an invisible character")


def main(project: Path, argv: list[str] = ()) -> int:
    if "--rules" in argv:
        print("Before the rules, the loader checks:" + "".join(f"\n  {line}" for line in CHECKED_FIRST))
        print("Then every rule runs (a warning never fails):")
        print("".join(f"  {rule.name:24} {'(warning) ' if rule.warning else ''}{rule.checks}\n" for rule in RULES), end="")
        return 0
    checked = Checked.of(project)
    base = argv[argv.index("--base") + 1] if "--base" in argv[:-1] else None
    if checked.problems:
        print(ContentError(checked.problems).report(), file=sys.stderr)
    elif base:
        return _notes_since(project, base, checked)
    else:
        kb = checked.kb
        print(f"The data is valid: {len(kb.behaviours)} behaviours, {len(kb.themes)} themes, "
              f"{len(kb.examples)} practice examples, {len(kb.question)} questions.")
    print("".join(f"{warning}\n" for warning in checked.warnings), end="", file=sys.stderr)
    return 1 if checked.problems else 0


def _notes_since(project: Path, base: str, checked: Checked) -> int:
    """make check BASE=<ref>: every page whose reader-visible content changed since base (as
    make diff sees it) is named by a change note new in this branch."""
    with tempfile.TemporaryDirectory(prefix="kb-check-") as temp:
        try:
            before = diff.read(diff.checkout(base, Path(temp) / "base"), base)
        except ContentError as error:
            print(f"make check BASE={base}: the content of {base} has problems, so what changed cannot be told:\n"
                  + error.report(), file=sys.stderr)
            return 1
        lines = diff.note_problems(before, diff.read(project, "this working tree", checked))
    print("".join(f"{warning}\n" for warning in checked.warnings), end="", file=sys.stderr)
    if lines:
        count = f"{len(lines)} page{'s' if len(lines) > 1 else ''}"
        print(f"Readers will see {count} change with no change note (make diff BASE={base} shows each change):\n"
              + "\n".join(f"  {line}" for line in lines), file=sys.stderr)
        return 1
    print(f"The data is valid, and every page that changed since {base} has its change note.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd(), sys.argv[1:]))
