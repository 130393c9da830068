"""`make urls`: add the site's new addresses to published-addresses.txt (sorted), saying which."""
from __future__ import annotations

import sys
from pathlib import Path

from .pages import site_pages
from .problems import ContentError
from .published import MANIFEST, Manifest, site_addresses
from .site import Checked, all_pages


def record_new_addresses(project: Path) -> int:
    checked = Checked.of(project, skip=("addresses-recorded",))
    if checked.problems:
        print(ContentError(checked.problems).report(), file=sys.stderr)
        return 1
    manifest, paths = Manifest.read(project / MANIFEST), [page.path for page in all_pages(site_pages(checked.kb))]
    added = manifest.add(site_addresses(checked.kb, paths, project / "docs", manifest.addresses))
    if added:
        print(f"Added {len(added)} new addresses to {MANIFEST} (commit it with your change):")
        print("".join(f"  {address}\n" for address in added), end="")
    else:
        print(f"{MANIFEST} already lists every address of the site.")
    return 0


if __name__ == "__main__":
    sys.exit(record_new_addresses(Path.cwd()))
