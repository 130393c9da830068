"""`make note PAGES="question:<id> example:<id> /glossary/"`: start a change note in data/changes/.

Writes data/changes/<today>-<words>-<4 random hex digits>.yaml (a name no other pull request
will choose), dated today once (the file keeps it), naming the pages given, with an empty text
for the editor to write: `make check` refuses the note until it says what changed.
"""
from __future__ import annotations

import datetime
import re
import secrets
import sys
from pathlib import Path

from .kinds.change import PAGE
from .kinds.redirect import PUBLISHED

KINDS = [kind.key for kind in PUBLISHED]
TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/change.schema.json
# A change note: what changed for readers, and why (CONTRIBUTING.md, "Write a change note").
# The day it reaches readers: written once, never changed.
date: {date}
# major: readers must know (the page shows "Last updated", the changes page and the feed list it);
# minor: a typo, a link (readers see nothing).
importance: major
# new, changed, renamed or retired.
change: changed
# The pages it concerns: kind (behaviour, example, theme, focus_area, question) and id, or
# kind: page and the page's address, like /glossary/.
pages:
{pages}
# One or two sentences in plain words: what changed, and why. Replace the line below.
text: Say what changed.
"""


def main(argv: list[str], data: Path, today: datetime.date) -> int:
    pages = []
    for given in argv:
        kind, _, ident = given.partition(":")
        if given.startswith("/"):
            pages.append((PAGE, given))
        elif kind in KINDS and ident:
            pages.append((kind, ident))
        else:
            print(f"make note: '{given}' is not a page; write kind:id (kinds: {', '.join(KINDS)}) or an address "
                  "like /glossary/", file=sys.stderr)
            return 2
    words = re.sub(r"[^a-z0-9]+", "-", pages[0][1].lower()).strip("-")[:40] if pages else "change"
    path = data / "changes" / f"{today.isoformat()}-{words or 'page'}-{secrets.token_hex(2)}.yaml"
    listed = "".join(f"  - {{kind: {kind}, id: {ident}}}\n" for kind, ident in pages) or "  - {kind: question, id: the-question-id}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(date=today.isoformat(), pages=listed.rstrip("\n")), encoding="utf-8")
    print(f"Wrote {path.relative_to(data.parent)}: write its text, check its pages, then make check.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], Path.cwd() / "data", datetime.date.today()))
