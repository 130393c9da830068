"""`make check`: every rule over the data and the addresses it publishes, without building.

Exit 1 with every problem listed; warnings (never failures) follow. `--rules` lists the rules.
"""
from __future__ import annotations

import sys
from pathlib import Path

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
    if checked.problems:
        print(ContentError(checked.problems).report(), file=sys.stderr)
    else:
        kb = checked.kb
        print(f"The data is valid: {len(kb.behaviours)} behaviours, {len(kb.themes)} themes, "
              f"{len(kb.examples)} practice examples, {len(kb.question)} questions.")
    print("".join(f"{warning}\n" for warning in checked.warnings), end="", file=sys.stderr)
    return 1 if checked.problems else 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd(), sys.argv[1:]))
