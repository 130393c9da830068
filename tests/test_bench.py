"""The bench's own arithmetic: which figure each check holds to its target (no builds here)."""
from bench.report import checked
from bench.scaling import PART, Scale, comparison_rows
from bench.sitefiles import SiteFiles


def scale(factor: int, pages: int, seconds: float, cpu_seconds: float) -> Scale:
    files = SiteFiles(pages, html_bytes=pages * 1000, total_bytes=pages * 2000, search_index_bytes=1)
    return Scale(factor, 5, seconds, cpu_seconds, 1, files, "generate", "build")


def test_the_per_added_page_check_is_on_cpu_time_with_wall_time_beside_it():
    # Per added page: CPU 10 ms then 20 ms (2.00x, a miss); wall 20 ms then 22 ms (1.10x).
    scales = [scale(1, 100, 2.0, 1.0), scale(10, 200, 4.0, 2.0), scale(50, 300, 6.2, 4.0)]
    row = next(r for r in comparison_rows(scales) if r.target and "added page" in r.measure)
    assert (row.part, row.value, row.target, row.ok) == (PART, "2.00x", "≤ 1.25x", False)
    assert "wall 1.10x" in row.measure


def test_a_figure_without_a_limit_has_no_target_or_verdict():
    row = checked("1 Overhead", "10x: ours minus plain", 0.5, None, "{:.2f} s", "from above")
    assert (row.value, row.target, row.ok) == ("0.50 s", "", None)
    assert checked("1 Overhead", "1x", 0.25, 0.2, "{:.2f} s", "from above").cells()[3:5] == ("≤ 0.20 s", "MISS")
