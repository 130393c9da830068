"""`make urls`: add the site's new addresses to published-addresses.txt, saying which."""
from __future__ import annotations

import sys
from pathlib import Path

from .problems import ContentError
from .published import MANIFEST
from .site import Site


def record_new_addresses(project: Path, say_when_none: bool = True) -> int:
    try:
        site = Site.from_project(project)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    added = site.publish_new_addresses()
    if added:
        print(f"Added {len(added)} new addresses to {MANIFEST} (commit it with your change):")
        print("".join(f"  {address}\n" for address in added), end="")
    elif say_when_none:
        print(f"{MANIFEST} already lists every address of the site.")
    return 0


if __name__ == "__main__":
    sys.exit(record_new_addresses(Path.cwd()))
