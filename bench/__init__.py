"""`make bench`: what the site costs to build, to grow, to edit and to download.

Each part is a module with one `measure(...)` function returning report rows:
overhead (ours minus plain MkDocs, same pages, at 1x, 10x and 50x content; at 1x also plain
with the mkdocs-macros plugin, to tell the stack's own cost from ours),
scaling (how the build grows over those scales), editloop (save to rebuilt page under
`mkdocs serve`), weight (bytes per kind of page) and suite (the test suite's time).
`python -m bench` runs them and prints one table.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
