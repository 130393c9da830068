"""`make serve` in the browser: an open tab shows a bad edit's problems and comes back by
itself once the data is fixed, without the editor reloading it (no hung tab)."""

from support import HANG_GUARD, edit

TIMEOUT_MS = HANG_GUARD * 1000  # a guard against hanging, not a speed limit


def test_an_open_tab_shows_the_problems_and_recovers_by_itself(open_page, served):
    project, base, server, log = served
    page = open_page()
    page.goto(base + "examples/fixture-first-example/")
    assert page.inner_text("h1").startswith("Example 1:")

    edit(project / "data/examples.yaml", "    setting: a fixture borough", "    setings: a fixture borough")
    page.wait_for_selector("text=The site could not be rebuilt", timeout=TIMEOUT_MS)
    problems = page.inner_text(".kb-problems")
    assert "data/examples.yaml:" in problems and "unknown key 'setings' (did you mean 'setting'?)" in problems

    edit(project / "data/examples.yaml", "    setings: a fixture borough", "    setting: a fixture borough")
    page.wait_for_function("() => document.querySelector('h1').textContent.startsWith('Example 1:')", timeout=TIMEOUT_MS)
    assert server.poll() is None
