"""`python -m bench [--quick | --smoke] [--with-tests]`: run every part, print the table, save it.

Parts run one after another, never in parallel: each one times builds, and two at once
on a 2-core machine would time each other. `--smoke` runs every part's own plumbing at the
smallest size (one build of each kind at 1x, one edit, a tiny stand-in test suite, kept
Lighthouse reports instead of Lighthouse) so that `make test` fails when a part crashes;
its figures mean nothing. The exit status is 1 when a part could not measure.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from . import ROOT, editloop, lighthouse, overhead, report, scaling, suite, teamwork, weight
from .project import site_of
from .timing import mkdocs_build, run_checked, show_as, shown

# builds: part 1's alternating runs, ours and plain, at each scale; part 2 counts those of
# ours among its scale_builds, so it builds again only where part 1 did not run or made fewer.
# floor_repeats: at 1x, part 1 makes that many times the builds, for the split into
# mkdocs-macros alone and the rest (short builds, a split of a tenth of a second).
FULL = {"builds": 5, "floor_repeats": 3, "scales": [1, 10, 50], "scale_builds": 5, "nav_builds": 3, "edits": 5}
QUICK = {"builds": 2, "floor_repeats": 3, "scales": [1, 10], "scale_builds": 1, "nav_builds": 1, "edits": 2}
# kinds: how many kinds of page the Lighthouse part reads (all when absent).
SMOKE = {"builds": 1, "floor_repeats": 1, "scales": [1], "scale_builds": 1, "nav_builds": 1, "edits": 1,
         "kinds": 2, "smoke": True}
NOTES = [
    "Times are wall-clock, including Python's start-up, as an editor or CI waits for them; CPU time "
    "(user + system of the build) is beside them, and is the checked figure for the cost per added page.",
    "Peak memory is the build process's own max RSS (os.wait4), not the bench's.",
    "KB and MB are 1024 and 1024² bytes. Page weight counts the files a first visit fetches: "
    "the page and the stylesheets and scripts it links; the search worker and index load when the reader "
    "first searches (their own row).",
]


def parse(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    speed = parser.add_mutually_exclusive_group()
    speed.add_argument("--quick", action="store_true", help="fewer repetitions, 1x and 10x only")
    speed.add_argument("--smoke", action="store_true",
                       help="every part's plumbing at the smallest size, in seconds; no figure means anything "
                            "(implies a stand-in test suite; saved to bench/results/smoke/ unless --results)")
    parser.add_argument("--with-tests", action="store_true", help="also time the whole test suite")
    parser.add_argument("--only", help="run only the parts whose names contain this, e.g. Lighthouse")
    parser.add_argument("--results", type=Path,
                        help=f"folder for the table and pytest's output (default {report.RESULTS_DIR.relative_to(ROOT)}/, made if missing)")
    args = parser.parse_args(argv)
    if args.results is None:
        args.results = report.RESULTS_DIR / "smoke" if args.smoke else report.RESULTS_DIR
    return args


def run_parts(tmp: Path, plan: dict, with_tests: bool, results: Path, only: str | None = None) -> tuple[list[report.Row], list[float]]:
    """Every part in turn; one that fails leaves a row saying so, and the rest still run.

    Also returns the load average as each part started: other work on the machine
    stretches wall times, and the reader should know how busy it was.
    """
    site = tmp / "site-ours"
    command = mkdocs_build(ROOT / "mkdocs.yml", site)
    scales = ", ".join(f"{f}x" for f in plan["scales"])
    smoke = plan.get("smoke", False)

    def kinds() -> dict[str, str]:
        found = weight.page_kinds(site_of(ROOT), built(site, command))
        return dict(list(found.items())[:plan["kinds"]]) if "kinds" in plan else found

    parts = [
        (overhead.PART, f"our build against plain MkDocs, {scales}",
         lambda: overhead.measure(tmp, plan["scales"], plan["builds"], plan["floor_repeats"])),
        (scaling.PART, scales, lambda: scaling.measure(tmp, plan["scales"], plan["scale_builds"], plan["nav_builds"])),
        (editloop.PART, "under mkdocs serve", lambda: editloop.measure(tmp, plan["edits"])),
        (weight.PART, "of the real site", lambda: weight.measure(built(site, command), shown(command))),
        (lighthouse.PART, "kept sample reports (smoke)" if smoke else "every kind of page, served gzip-compressed",
         lambda: lighthouse.measure(built(site, command), kinds(), shown(command), smoke=smoke)),
        (teamwork.PART, "50 self-reviews merged in Chromium; the new pages' weight",
         lambda: teamwork.measure(built(site, command), shown(command))),
    ]
    if smoke:
        parts.append((suite.PART, "a stand-in suite of two tests (smoke)",
                      lambda: suite.measure(results, suite.stand_in(tmp / "stand-in-suite"))))
    elif with_tests:
        parts.append((suite.PART, "the whole suite", lambda: suite.measure(results)))
    rows, loads = [], []
    for part, what, measure in parts:
        if only and only.lower() not in part.lower():
            continue
        loads.append(os.getloadavg()[0])
        step(f"{part}: {what} (load average {loads[-1]:.1f})")
        rows += attempt(part, measure)
    return rows, loads


def built(site: Path, command) -> Path:
    """The real site (mkdocs.yml, data/), built once for parts 4 and 6."""
    if not (site / "index.html").is_file():
        run_checked(command)
    return site


def attempt(part: str, measure) -> list[report.Row]:
    try:
        return measure()
    except Exception as error:  # noqa: BLE001 - any failure is reported, not hidden
        traceback.print_exc()
        message = " ".join(str(error).split())[:300]
        return [report.Row(part, "FAILED to measure", f"{type(error).__name__}: {message}",
                           how="see the traceback printed above the table", ok=False, failed=True)]


def load_note(loads: list[float]) -> str:
    busy = max(loads) > (os.cpu_count() or 1)
    warning = " The machine was busy: wall times may be inflated; compare the CPU times." if busy else ""
    return f"Load average (1 min) as each part started: {', '.join(f'{x:.1f}' for x in loads)}.{warning}"


def step(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    args = parse(argv)
    plan = SMOKE if args.smoke else QUICK if args.quick else FULL
    # Made first: bench/results/ is ignored by git, so a fresh clone has none.
    args.results.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    show_as(tmp, "$TMP")
    try:
        rows, loads = run_parts(tmp, plan, args.with_tests, args.results, args.only)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    notes = NOTES + [load_note(loads)]
    notes += [] if args.with_tests or args.smoke else ["Test-suite time not measured: run with --with-tests."]
    if args.smoke:
        notes.insert(0, "SMOKE RUN: each part's plumbing at the smallest size; no figure here is a measurement.")
    text = report.document(rows, notes)
    print(text)
    print(f"Saved to {report.write(text, args.results)}", file=sys.stderr)
    # A missed target is a finding in the table; a part that could not measure is a failure.
    failed = sorted({row.part for row in rows if row.failed})
    if failed:
        print(f"bench: could not measure: {', '.join(failed)} (the rest of the table is written)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
