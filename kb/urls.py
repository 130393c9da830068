"""`make urls`: add the site's new addresses to published-addresses.txt (sorted), saying which."""
from __future__ import annotations

import sys
from pathlib import Path

from .problems import ContentError
from .published import MANIFEST, Manifest, site_addresses
from .site import Checked


def record_new_addresses(project: Path) -> int:
    checked = Checked.of(project, skip=("addresses-recorded",))
    if checked.problems:
        print(ContentError(checked.problems).report(), file=sys.stderr)
        return 1
    manifest = Manifest.read(project / MANIFEST)
    added = manifest.add(site_addresses(checked.kb, checked.paths, manifest.addresses))
    if added:
        print(f"Added {len(added)} new addresses to {MANIFEST} (commit it with your change):")
        print("".join(f"  {address}\n" for address in added), end="")
    else:
        print(f"{MANIFEST} already lists every address of the site.")
    return 0


if __name__ == "__main__":
    sys.exit(record_new_addresses(Path.cwd()))
