"""`make bench`: what the site costs to build, to grow, to edit and to download.

Each part is a module with one `measure(...)` function returning report rows:
overhead (ours against plain MkDocs), scaling (1x to 50x content), editloop
(save to rebuilt page under `mkdocs serve`), weight (bytes per kind of page) and
suite (the test suite's time). `python -m bench` runs them and prints one table.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
