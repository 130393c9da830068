"""`make check`: validate the data files, fast, and the addresses they publish.

Exit 1 with every problem listed. Warnings (never failures) follow the summary.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .problems import ContentError
from .published import MANIFEST
from .site import Site
from .soundness import unused_abbreviations


def main(data_dir: Path) -> int:
    try:
        site = Site.from_project(data_dir.parent)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    kb = site.kb
    print(f"The data is valid: {len(kb.behaviours)} behaviours, {len(kb.themes)} themes, "
          f"{len(kb.examples)} practice examples, {len(kb.question)} questions.")
    for warning in unused_abbreviations(kb):
        print(f"WARNING  -  {warning}", file=sys.stderr)
    unlisted = site.addresses() - site.manifest().addresses
    if unlisted:
        print(f"NOTE  -  {len(unlisted)} new addresses are not yet in {MANIFEST}; `make urls` adds them "
              "(commit the file with your change)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data")))
