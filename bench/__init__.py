"""`make bench`: what the site costs to build, to grow, to edit and to download, against today's goals.

Each part is a module with one `measure(...)` function returning report rows:
overhead (ours over plain MkDocs, same pages, at 1x, 10x and 50x content, as ratios measured in
one run; at 1x also plain with the mkdocs-macros plugin, to tell the stack's own cost from ours),
scaling (how the build grows over those scales), editloop (save to rebuilt page under
`mkdocs serve`), weight (bytes per kind of page), lighthouse (scores per kind of page, the dark
run checked to be dark) and suite (the test suite's time). `python -m bench` runs them and
prints one table; `--smoke` runs each part's plumbing at the smallest size (tests/test_bench_smoke.py).
`python -m bench.shots` (`make shots`) takes screenshots of every kind of page.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
