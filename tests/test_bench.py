"""The bench's own arithmetic: which figure each check holds to its target (no builds here)."""
import gzip
import hashlib

import pytest

from bench import ROOT, browser, editloop, lighthouse, overhead, report, serve_clock, shots, weight
from bench.project import site_of
from bench.report import checked
from bench.scaling import PART, Scale, comparison_rows
from bench.sitefiles import SiteFiles
from bench.timing import Run


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


def timed(seconds: float, cpu_seconds: float | None = None) -> Run:
    return Run(seconds, seconds if cpu_seconds is None else cpu_seconds, 1, 0, "")


def test_ours_over_plain_is_the_median_of_paired_ratios_held_to_the_target_of_its_scale():
    ours, plain = [timed(1.3), timed(0.9), timed(2.6)], [timed(1.0), timed(0.6), timed(2.0)]  # 1.30, 1.50, 1.30
    assert overhead.ratio_row(1, ours, plain).cells()[2:5] == ("1.30x", "≤ 1.30x", "PASS")
    assert overhead.ratio_row(50, ours, plain).cells()[2:5] == ("1.30x", "≤ 1.10x", "MISS")
    assert overhead.ratio_row(10, ours, plain).cells()[2:5] == ("1.30x", "", "")  # no goal at 10x
    assert "each pair 1.30, 1.50, 1.30" in overhead.ratio_row(1, ours, plain).measure


def test_the_edit_loop_reads_the_rebuilds_an_edit_caused_from_the_servers_log(tmp_path):
    log = tmp_path / "serve.log"
    clock = lambda number, seconds: f"INFO    -  {serve_clock.LINE.format(number=number, seconds=seconds)}\n"
    log.write_text(clock(1, 2.5), encoding="utf-8")  # an earlier edit's rebuild
    before = log.stat().st_size
    with open(log, "a", encoding="utf-8") as file:
        file.write("INFO    -  [12:00:00] Detected file changes\nINFO    -  Building documentation...\n"
                   + clock(2, 0.91) + clock(3, 0.2))
    assert editloop.rebuild_seconds(log, before) == pytest.approx(1.11)
    with pytest.raises(RuntimeError, match="logged no rebuild"):
        editloop.rebuild_seconds(log, log.stat().st_size)


def test_page_weight_targets_first_visit_further_page_and_text_heavy_pages(tmp_path):
    page = tmp_path / "page.html"
    words = " ".join(hashlib.sha256(str(i).encode()).hexdigest()[:8] for i in range(4000))  # gzip: well over 10 KB
    page.write_text(f"<html><body><nav>menu</nav><article><h1>Title</h1><p>{words}</p>"
                    "<svg><path d='M0 0'/></svg><script>var x = 1;</script></article></body></html>")
    assert weight.text_weight(page) == len(gzip.compress(f"Title {words}".encode(), compresslevel=6))
    heavy = weight.further_row("handout", page, "page.html", "build")
    assert heavy.ok and heavy.target == "≤ 10.0 KB besides its text" and "(text " in heavy.value
    plain = weight.further_row("home", page, "page.html", "build")
    assert (plain.target, plain.ok) == ("≤ 10.0 KB", False)


def test_failed_rows_say_failed_whatever_their_target():
    assert report.Row("6 Lighthouse", "home: FAILED to measure", "TypeError", ok=False, failed=True).cells()[4] == "FAILED"


def test_a_dark_run_counts_only_when_the_page_and_lighthouses_screenshot_are_dark():
    assert browser.not_dark("slate", "rgb(30, 33, 41)") is None
    assert "not 'slate'" in browser.not_dark("default", "rgb(255, 255, 255)")
    assert "background is rgb(255, 255, 255)" in browser.not_dark("slate", "rgb(255, 255, 255)")
    assert "background is rgba(0, 0, 0, 0)" in browser.not_dark("slate", "rgba(0, 0, 0, 0)")  # nothing drawn
    light, dark = lighthouse.sample_audit("", dark=False), lighthouse.sample_audit("", dark=True)
    assert lighthouse.shot_not_dark(dark) is None
    assert "screenshot is light" in lighthouse.shot_not_dark(light)
    assert lighthouse.shot_not_dark({"categories": {}}) == "Lighthouse gave no screenshot to check"


def test_a_page_not_in_the_dark_scheme_shows_why_instead_of_dark_scores_and_misses():
    light, dark = lighthouse.sample_audit("", dark=False), lighthouse.sample_audit("", dark=True)
    row, _ = lighthouse.kind_row("home", [light], dark, None, "lighthouse")
    assert row.ok and row.value == "99 / 100 / 100 / 100 (dark: 100 / 100 / 100)"
    row, _ = lighthouse.kind_row("home", [light], None, "body's data-md-color-scheme is 'default'", "lighthouse")
    assert not row.ok and row.value.endswith("(dark: not in the dark scheme: body's data-md-color-scheme is 'default')")


def test_shots_take_one_page_of_every_kind_the_site_lists(built_site):
    kinds = {kind.name: kind.path for kind in shots.kinds_of_pages(built_site)}
    templates = {page.template.removesuffix(".md.j2").replace("_", " ") for page in site_of(ROOT).all_pages()}
    assert templates | {"home", "tags", "accessibility", "404"} <= set(kinds)
    assert all((built_site / path).is_file() for path in kinds.values())
    assert len(shots.presenter_pages()) == sum(len(theme.focus_areas) for theme in site_of(ROOT).kb.themes)


def test_the_shots_index_shows_every_shot_and_marks_a_page_in_the_wrong_scheme():
    kind = shots.Kind("home", "index.html", [
        shots.Shot("pages/home--light--390.png", "http://x/"),
        shots.Shot("pages/home--dark--390.png", "http://x/", "scheme 'slate' but the background is rgb(255, 255, 255)")])
    deck = shots.Kind("area", "a/present/index.html", [shots.Shot("slides/area--01--dark.png", "http://x/a/present/#question-1")])
    page = shots.index([kind], [deck])
    assert all(f'src="{s.file}"' in page for s in kind.shots + deck.shots)
    assert "1 of 3 shots are not in the scheme asked for" in page and "background is rgb(255, 255, 255)" in page


def test_lighthouses_server_is_quiet_when_a_browser_stops_a_download_and_loud_otherwise(tmp_path, capfd):
    """Lighthouse ends a run once it has measured, and Chromium drops the downloads still going:
    no traceback for that in the bench's output. Any other error in a request still prints one."""
    import os
    import socket
    import struct
    import sys
    import time
    (tmp_path / "big.bin").write_bytes(os.urandom(8_000_000))
    server, _ = lighthouse.serve(tmp_path)
    errors, quiet = [], server.handle_error
    server.handle_error = lambda request, address: (errors.append(sys.exc_info()[1]), quiet(request, address))
    try:
        with socket.create_connection(server.server_address) as client:
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: here\r\n\r\n")
            client.recv(100)
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, as a dropped download
        deadline = time.monotonic() + 10
        while not errors and time.monotonic() < deadline:
            time.sleep(0.05)
        assert errors and isinstance(errors[0], ConnectionError), errors  # the download really was dropped
        assert "Traceback" not in capfd.readouterr().err
        try:
            raise ValueError("not a browser going away")
        except ValueError:
            quiet(None, ("127.0.0.1", 0))
        assert "ValueError" in capfd.readouterr().err
    finally:
        server.shutdown()
        server.server_close()
