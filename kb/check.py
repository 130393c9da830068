"""`make check`: validate the data files only, fast. Exit 1 with every problem listed."""
from __future__ import annotations

import sys
from pathlib import Path

from .loader import load
from .problems import ContentError


def main(data_dir: Path) -> int:
    try:
        kb = load(data_dir)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"The data is valid: {len(kb.behaviours)} behaviours, {len(kb.themes)} themes, "
          f"{len(kb.examples)} practice examples, {len(kb.question)} questions.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data")))
