"""Part 1: what our pipeline adds to a build, against plain MkDocs building the same pages.

At each scale of the plan, our build of the scaled project copy (the one part 2 grows)
and the plain project made from that copy's pages. The target is a ratio, ours over plain,
measured in one run (plain MkDocs' own time moves with the machine, so an absolute target
would too): at most 1.30x at 1x and 1.10x at 50x. The difference in seconds is beside it.
"""
from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from kb.kept import BUILD_CACHE_ENV

from .plain import make_plain_project
from .project import Scaled, scaled_project
from .report import Row, checked
from .sitefiles import differing_pages
from .timing import Run, medians, mkdocs_build, run_checked, shown

PART = "1 Overhead"
TARGET_RATIO = {1: 1.30, 50: 1.10}  # ours over plain, wall time, at these scales


def measure(tmp: Path, factors: list[int], repeats: int, floor_repeats: int) -> list[Row]:
    rows = []
    for factor in factors:
        # At the first scale, a third build tells the stack's own cost from ours; its builds
        # are short, and the split is a tenth of a second, so it takes more of them.
        first = factor == factors[0]
        rows += scale_rows(tmp, scaled_project(tmp, factor), repeats * (floor_repeats if first else 1), floor=first)
    return rows


def first_build(tmp: Path, ours: Scaled) -> list[str]:
    """A build with nothing kept from an earlier one (no compiled templates, no QR codes), as a
    fresh clone's first: it keeps its work in an empty folder of its own (kb/kept.py's
    BUILD_CACHE_ENV; emptying the shared folders raced with the builds of tests running beside
    `make test`'s smoke run). Not one of the medians, which are of the builds an editor makes after it."""
    empty = Path(tempfile.mkdtemp(prefix=f"kept-{ours.factor}-", dir=tmp))
    return ["env", f"{BUILD_CACHE_ENV}={empty}", *ours.build]


def scale_rows(tmp: Path, ours: Scaled, repeats: int, floor: bool = False) -> list[Row]:
    plain_site = tmp / f"plain-{ours.factor}-site"
    plain = mkdocs_build(make_plain_project(tmp / f"plain-{ours.factor}", ours.root), plain_site)
    stack_site = tmp / f"stack-{ours.factor}-site"
    stack = mkdocs_build(make_plain_project(tmp / f"stack-{ours.factor}", ours.root, with_macros=True),
                         stack_site) if floor else None
    cold_argv = first_build(tmp, ours)
    cold = run_checked(cold_argv)
    plain_runs, stack_runs = [], []
    for _ in range(repeats):  # alternate, so any drift in the machine hits all alike
        ours.timed_build()
        plain_runs.append(run_checked(plain))
        if stack:
            stack_runs.append(run_checked(stack))
    ours_runs = ours.runs[-repeats:]
    wall, cpu = medians(ours_runs)
    plain_wall, plain_cpu = medians(plain_runs)
    extra_wall, extra_cpu = paired(ours_runs, plain_runs)
    at = f"{ours.factor}x:"
    median = f"median of {repeats}"
    pairs = f"median of the {repeats} differences of a build of ours and the plain build after it"
    differ, total = differing_pages(ours.site, plain_site)
    return [
        Row(PART, f"{at} `mkdocs build`, our site, first build (no compiled templates kept; one run; "
            f"CPU {cold.cpu_seconds:.2f} s)", f"{cold.seconds:.2f} s", shown(cold_argv)),
        Row(PART, f"{at} `mkdocs build`, our site, as every later build ({median}; CPU {cpu:.2f} s)", f"{wall:.2f} s",
            f"{shown(ours.generate)} && {shown(ours.build)}"),
        Row(PART, f"{at} `mkdocs build`, plain project, same pages ({median}; CPU {plain_cpu:.2f} s)",
            f"{plain_wall:.2f} s", shown(plain)),
        ratio_row(ours.factor, ours_runs, plain_runs),
        checked(PART, f"{at} ours minus plain, wall time (CPU {extra_cpu:.2f} s)", extra_wall, None, "{:.2f} s", pairs),
        Row(PART, f"{at} same pages? HTML files that differ, ours against plain (the comparison is fair at 0)",
            f"{differ} of {total}", how="byte comparison of the two sites built above"),
    ] + (floor_rows(ours.factor, stack, stack_runs, ours_runs, plain_runs, (stack_site, plain_site)) if stack else [])


def ratio_row(factor: int, ours_runs: list[Run], plain_runs: list[Run]) -> Row:
    """Ours over plain in wall time: the median of the ratios of each build of ours to the plain
    build after it (a drift in the machine's speed moves both of a pair alike), each ratio and
    the medians beside it; held to the target at the scales that have one."""
    ratios = [r.seconds / b.seconds for r, b in zip(ours_runs, plain_runs)]
    cpu = statistics.median(r.cpu_seconds / b.cpu_seconds for r, b in zip(ours_runs, plain_runs))
    (wall, _), (plain_wall, _) = medians(ours_runs), medians(plain_runs)
    return checked(PART, f"{factor}x: ours over plain, wall time (medians {wall:.2f} s / {plain_wall:.2f} s; "
                   f"each pair {', '.join(f'{r:.2f}' for r in ratios)}; CPU {cpu:.2f}x)",
                   statistics.median(ratios), TARGET_RATIO.get(factor), "{:.2f}x",
                   f"median of the {len(ratios)} ratios of a build of ours to the plain build after it")


def paired(runs: list[Run], baseline: list[Run]) -> tuple[float, float]:
    """The median difference, wall and CPU, of each run and the baseline's run beside it: a
    drift in the machine's speed moves both of a pair alike, and cancels out."""
    return (statistics.median(r.seconds - b.seconds for r, b in zip(runs, baseline)),
            statistics.median(r.cpu_seconds - b.cpu_seconds for r, b in zip(runs, baseline)))


def floor_rows(factor: int, stack: list[str], stack_runs: list[Run], ours_runs: list[Run],
               plain_runs: list[Run], sites: tuple[Path, Path]) -> list[Row]:
    """Ours minus plain, split: what mkdocs-macros costs by itself (the stack asks for it; it
    imports requests and runs git on every build, with no setting to stop either) and the rest,
    which is our own code's."""
    stack_wall, stack_cpu = medians(stack_runs)
    macros_wall, macros_cpu = paired(stack_runs, plain_runs)
    rest_wall, rest_cpu = paired(ours_runs, stack_runs)
    at, count = f"{factor}x:", len(stack_runs)
    differ, total = differing_pages(*sites)
    return [
        Row(PART, f"{at} `mkdocs build`, plain project with the mkdocs-macros plugin and no macros "
            f"(median of {count}; CPU {stack_cpu:.2f} s)", f"{stack_wall:.2f} s", shown(stack)),
        checked(PART, f"{at} of ours minus plain, mkdocs-macros alone: plain with it minus plain "
                f"(CPU {macros_cpu:.2f} s)", macros_wall, None, "{:.2f} s",
                f"median of the {count} differences of each build with mkdocs-macros and the plain build before it"),
        checked(PART, f"{at} of ours minus plain, the rest: ours minus plain with mkdocs-macros "
                f"(CPU {rest_cpu:.2f} s)", rest_wall, None, "{:.2f} s",
                f"median of the {count} differences of each build of ours and the build with mkdocs-macros after it"),
        Row(PART, f"{at} same pages? HTML files that differ, plain with mkdocs-macros against plain", f"{differ} of {total}",
            how="byte comparison of the two sites built above"),
    ]
