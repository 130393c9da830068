"""The bench's own plumbing, run for real at the smallest size (`python -m bench --smoke`), so
that a part that crashes fails here instead of in a reviewer's twenty-minute `make bench`.

Nothing here looks at a figure: timings belong to the bench, never to a test.
"""
from __future__ import annotations

import os
import subprocess
import sys

import bench.__main__ as bench_main
from bench import editloop, lighthouse, overhead, report, scaling, suite, teamwork, weight
from bench.browser import find_chromium
from support import ROOT

PARTS = (overhead.PART, scaling.PART, editloop.PART, weight.PART, lighthouse.PART, teamwork.PART, suite.PART)
SMOKE_TIMEOUT = 600  # seconds: a guard against a hang, not a measure (the run takes a few seconds)


def rows_of(table: str) -> list[list[str]]:
    """The table's body rows as cells (Part, Measure, Value, Target, Result, Command)."""
    lines = [line for line in table.splitlines() if line.startswith("| ")][2:]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


def test_every_part_runs_on_a_fresh_clone_at_the_smallest_size(tmp_path):
    # A results folder that does not exist yet, as on a fresh clone (bench/results/ is ignored by git).
    results = tmp_path / "bench" / "results"
    done = subprocess.run([sys.executable, "-m", "bench", "--smoke", "--results", str(results)], cwd=ROOT,
                          capture_output=True, text=True, timeout=SMOKE_TIMEOUT,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert (results / report.TABLE).is_file(), done.stderr[-4000:]
    rows = rows_of((results / report.TABLE).read_text(encoding="utf-8"))
    failed = [row for row in rows if row[4] == "FAILED"]
    no_browser = find_chromium() is None and os.environ.get("CI") != "true"
    if no_browser:
        # No browser here (the browser tests skip too): part 6's dark check cannot run, and says so.
        assert failed and all(row[0] == lighthouse.PART and "no Chromium" in row[2] for row in failed), failed
        assert done.returncode == 1
    else:
        assert not failed and done.returncode == 0, (failed, done.stderr[-4000:])
    assert {row[0] for row in rows} == set(PARTS)
    # Part 5 wrote pytest's whole output beside the table, and read its summary and durations.
    assert "2 passed" in (results / suite.OUTPUT).read_text(encoding="utf-8")
    assert any(row[0] == suite.PART and "test_slower" in row[1] for row in rows)
    # Part 6 read the kept reports: scores, and the audits that lost points, are in its rows.
    sixth = [row for row in rows if row[0] == lighthouse.PART]
    assert no_browser or any("(dark: 100 / 100 / 100)" in row[2] and "lost: performance" in row[5] for row in sixth)


def test_a_part_that_cannot_measure_fails_the_run_after_the_table_is_written(tmp_path, monkeypatch, capsys):
    def crash(*args, **kwargs):
        raise FileNotFoundError("bench/results/suite-output.txt")

    def one_row(part):
        return lambda *args, **kwargs: [report.Row(part, "a figure", "1.00 s")]

    for module in (overhead, scaling, editloop, weight, lighthouse, teamwork):
        monkeypatch.setattr(module, "measure", one_row(module.PART))
    monkeypatch.setattr(bench_main, "built", lambda site, command: site)
    monkeypatch.setattr(weight, "page_kinds", lambda site, site_dir: {"home": "index.html"})
    monkeypatch.setattr(suite, "measure", crash)
    results = tmp_path / "results"

    assert bench_main.main(["--with-tests", "--results", str(results)]) == 1

    rows = rows_of((results / report.TABLE).read_text(encoding="utf-8"))
    assert [row[0] for row in rows if row[4] != "FAILED"] == list(PARTS[:-1])
    assert [(row[0], row[1], row[4]) for row in rows if row[4] == "FAILED"] == [(suite.PART, "FAILED to measure", "FAILED")]
    assert "could not measure: 5 Tests" in capsys.readouterr().err


def test_a_missed_target_is_a_finding_not_a_failure(tmp_path, monkeypatch):
    for module in (overhead, scaling, editloop, weight, lighthouse, teamwork):
        monkeypatch.setattr(module, "measure", lambda *args, **kwargs: [
            report.Row(overhead.PART, "a figure over its target", "2.00 s", target="≤ 1.00 s", ok=False)])
    monkeypatch.setattr(bench_main, "built", lambda site, command: site)
    monkeypatch.setattr(weight, "page_kinds", lambda site, site_dir: {"home": "index.html"})
    assert bench_main.main(["--results", str(tmp_path)]) == 0
    assert "| MISS |" in (tmp_path / report.TABLE).read_text(encoding="utf-8")
