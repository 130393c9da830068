"""Part 2: how build time, memory and output grow with 1x, 10x and 50x the real content.

Each scale is the project copy bench/project.py's scaled_project makes (data/ from
scripts/synthetic_data.py, read by the project's own loader before any build); part 1
builds the same copies, and its builds of our site count among the ones timed here.
The per-added-page check is on CPU time: the difference of two build times is small
beside what a busy machine adds to wall time.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .project import Scaled, scaled_project
from .report import Row, checked
from .sitefiles import SiteFiles, kib, mib, survey
from .timing import medians, mkdocs_build, run_checked, shown

PART = "2 Scaling"
TARGET_PER_PAGE_RATIO = 1.25


@dataclass(frozen=True)
class Scale:
    factor: int
    builds: int
    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    files: SiteFiles
    generate_command: str
    build_command: str

    @property
    def per_page(self) -> float:
        return self.seconds / self.files.pages

    @property
    def html_per_page(self) -> float:
        return self.files.html_bytes / self.files.pages


# The navigation setting that made every page carry every section's links (the "before").
SECTIONS_OFF = "    - navigation.indexes\n"
SECTIONS_ON = SECTIONS_OFF + "    - navigation.sections\n"


def measure(tmp: Path, factors: list[int], repeats: int, nav_repeats: int) -> list[Row]:
    """Each scale's figures from at least `repeats` builds; the navigation before and
    after, at the largest scale, from `nav_repeats`."""
    projects = [scaled_project(tmp, factor) for factor in factors]
    scales = [build_scale(project, repeats) for project in projects]
    rows = [row for scale in scales for row in scale_rows(scale)]
    compared = comparison_rows(scales) if len(scales) > 1 else []  # one scale (the smoke run): nothing to compare
    return rows + compared + navigation_rows(projects[-1].root, scales[-1], nav_repeats)


def navigation_rows(project: Path, after: Scale, repeats: int) -> list[Row]:
    """Before and after the navigation fix, at the largest scale: the same data built with
    Material's navigation.sections switched back on."""
    config = project / "mkdocs-nav-sections.yml"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if SECTIONS_OFF not in text or "navigation.sections\n" in text:
        raise ValueError("mkdocs.yml no longer has the navigation this comparison expects")
    config.write_text(text.replace(SECTIONS_OFF, SECTIONS_ON), encoding="utf-8")
    site = project.parent / f"{project.name}-nav-sections-site"
    build = mkdocs_build(config, site)
    seconds, _ = medians([run_checked(build) for _ in range(repeats)])
    before = survey(site)
    html_before = before.html_bytes / before.pages
    at = f"{after.factor}x navigation"
    return [
        Row(PART, f"{at}, before (navigation.sections on): build time, HTML per page",
            f"{seconds:.2f} s, {kib(html_before)}", shown(build)),
        Row(PART, f"{at}, after (sections off, navigation.prune): build time, HTML per page",
            f"{after.seconds:.2f} s, {kib(after.html_per_page)}", after.build_command),
    ]


def build_scale(project: Scaled, repeats: int) -> Scale:
    runs = project.timed_builds(repeats)
    seconds, cpu = medians(runs)
    return Scale(project.factor, len(runs), seconds, cpu, max(r.max_rss_kb for r in runs), survey(project.site),
                 shown(project.generate), shown(project.build))


def scale_rows(s: Scale) -> list[Row]:
    at = f"{s.factor}x:"
    command = s.build_command
    return [
        Row(PART, f"{at} pages built (HTML files, 404.html left out)", str(s.files.pages),
            f"{s.generate_command} && {command}"),
        Row(PART, f"{at} build time (median of {s.builds}; CPU {s.cpu_seconds:.2f} s)", f"{s.seconds:.2f} s", command),
        Row(PART, f"{at} build time per page", f"{s.per_page * 1000:.1f} ms", command),
        Row(PART, f"{at} peak memory (max RSS of the build)", mib(s.max_rss_kb * 1024), command),
        Row(PART, f"{at} output size (whole site/)", mib(s.files.total_bytes), command),
        Row(PART, f"{at} search index (search/search_index.json)", kib(s.files.search_index_bytes), command),
        Row(PART, f"{at} average HTML per page", kib(s.html_per_page), command),
    ]


def comparison_rows(scales: list[Scale]) -> list[Row]:
    """Growth from the smallest scale to the largest, as asked, and per added page.

    Time per page at 1x carries Python's and Material's fixed start-up over few pages, so
    it flatters bigger scales; the cost of each added page between scales does not. That
    cost is checked in CPU time, wall time beside it.
    """
    small, big = scales[0], scales[-1]
    span = f"{big.factor}x / {small.factor}x"
    rows = [checked(PART, f"Build time per page, {span}", big.per_page / small.per_page,
                    TARGET_PER_PAGE_RATIO, "{:.2f}x", "from the per-page times above")]
    pairs = list(zip(scales, scales[1:]))
    cpu = [added_page_cost(a, b, "cpu_seconds") for a, b in pairs]
    wall = [added_page_cost(a, b, "seconds") for a, b in pairs]
    for (a, b), cost, wall_cost in zip(pairs, cpu, wall):
        rows.append(Row(PART, f"CPU time per added page, {a.factor}x to {b.factor}x (wall {wall_cost * 1000:.1f} ms)",
                        f"{cost * 1000:.1f} ms", how="from the build times and page counts above"))
    if len(cpu) > 1:
        spans = f"{scales[-2].factor}x-{big.factor}x / {small.factor}x-{scales[1].factor}x"
        rows.append(checked(PART, f"CPU time per added page, {spans} (start-up cost left out; wall {wall[-1] / wall[0]:.2f}x)",
                            cpu[-1] / cpu[0], TARGET_PER_PAGE_RATIO, "{:.2f}x", "from the per-added-page times above"))
    rows.append(Row(PART, f"Average HTML per page, {span}", f"{big.html_per_page / small.html_per_page:.2f}x",
                    how="from the HTML sizes above"))
    return rows


def added_page_cost(a: Scale, b: Scale, clock: str) -> float:
    """Seconds (of the `clock` field) each page between scales a and b added to the build."""
    return (getattr(b, clock) - getattr(a, clock)) / (b.files.pages - a.files.pages)
