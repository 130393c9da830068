"""Part 1: what our pipeline adds to a build, against plain MkDocs building the same pages."""
from __future__ import annotations

import statistics
from pathlib import Path

from . import ROOT
from .plain import make_plain_project
from .report import Row, checked
from .sitefiles import differing_pages
from .timing import mkdocs_build, run_checked, shown

PART = "1 Overhead"
TARGET_RATIO = 1.15


def our_build(tmp: Path) -> tuple[list[str], Path]:
    """The build of the real site and the folder it writes, which part 4 then weighs."""
    site = tmp / "site-ours"
    return mkdocs_build(ROOT / "mkdocs.yml", site), site


def measure(tmp: Path, repeats: int) -> list[Row]:
    plain_config = make_plain_project(tmp / "plain", ROOT)
    ours, ours_site = our_build(tmp)
    plain = mkdocs_build(plain_config, tmp / "site-plain")
    runs = {"ours": [], "plain": []}
    for _ in range(repeats):  # alternate, so any drift in the machine hits both alike
        runs["ours"].append(run_checked(ours))
        runs["plain"].append(run_checked(plain))
    wall = {k: statistics.median(r.seconds for r in v) for k, v in runs.items()}
    cpu = {k: statistics.median(r.cpu_seconds for r in v) for k, v in runs.items()}
    rows = [
        Row(PART, f"`mkdocs build`, our site (median of {repeats}; CPU {cpu['ours']:.2f} s)",
            f"{wall['ours']:.2f} s", shown(ours)),
        Row(PART, f"`mkdocs build`, plain project, same pages (median of {repeats}; CPU {cpu['plain']:.2f} s)",
            f"{wall['plain']:.2f} s", shown(plain)),
        checked(PART, "Ratio ours / plain, wall time", wall["ours"] / wall["plain"], TARGET_RATIO, "{:.2f}x",
                "from the two medians above"),
        Row(PART, "Ratio ours / plain, CPU time (user + system; steadier on a busy machine)",
            f"{cpu['ours'] / cpu['plain']:.2f}x", how="from the two CPU medians above"),
    ]
    differ, total = differing_pages(ours_site, tmp / "site-plain")
    rows.append(Row(PART, "Same pages? HTML files that differ, ours against plain (the comparison is fair at 0)",
                    f"{differ} of {total}", how="byte comparison of the two sites built above"))
    return rows
