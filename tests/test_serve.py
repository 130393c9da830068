"""`make serve` for editors: an edit to data, templates, macros.py or docs/ shows on the next
rebuild; a bad edit shows its problems on every page, the server keeps running, and the
fixed data brings the site back.

Nothing here measures speed (`make bench` does): each step waits for the server's own
"rebuilt" event in its log, with a generous guard only against hanging forever.
"""
import html
import shutil

from support import ROOT, edit, fetch, line_of, rebuilds, run_module, wait_for_rebuild


def test_edits_to_data_templates_and_macros_show(served):
    project, base, server, log = served
    example = base + "examples/fixture-first-example/"
    # An editor's own preview names the file and line that hold the page (a build does not).
    line = line_of(project / "data/examples.yaml", "  - id: fixture-first-example")
    assert f"Edit this page: its content is in <code>data/examples.yaml</code>, line {line}." in fetch(example)

    before = rebuilds(log)
    edit(project / "data/examples.yaml", "title: The first fixture example", "title: The first fixture EDITED-IN-DATA")
    wait_for_rebuild(log, before)
    assert "EDITED-IN-DATA" in fetch(example)

    (project / "templates").unlink()  # a private copy of the templates, to edit
    shutil.copytree(ROOT / "templates", project / "templates")
    before = rebuilds(log)
    edit(project / "templates/example.md.j2", "in the report's words", "in the report's words EDITED-IN-TEMPLATE")
    wait_for_rebuild(log, before)
    assert "EDITED-IN-TEMPLATE" in fetch(example)

    # The home page calls kb_fragment; an edit to what the macro returns must show.
    before = rebuilds(log)
    edit(project / "macros.py", "return renderer().fragment(template, here=env.page.file.src_uri)",
         'return renderer().fragment(template, here=env.page.file.src_uri) + " EDITED-IN-MACROS"')
    wait_for_rebuild(log, before)
    assert "EDITED-IN-MACROS" in fetch(base)

    # docs/ is watched again after kb/hooks.py's on_serve gives the server its own observer, and
    # our stylesheet is still served after Material's trimmed one.
    before = rebuilds(log)
    stylesheet = project / "docs/stylesheets/site.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.kb-edited-in-docs { color: inherit; }\n", encoding="utf-8")
    wait_for_rebuild(log, before)
    served = fetch(base + "stylesheets/site.css")
    assert ".kb-edited-in-docs" in served and served.startswith('@charset "UTF-8";')
    assert server.poll() is None


def test_a_bad_edit_shows_its_problems_on_every_page_until_it_is_fixed(served):
    project, base, server, log = served
    example = base + "examples/fixture-first-example/"
    before = rebuilds(log)
    edit(project / "data/examples.yaml", "    setting: a fixture borough", "    setings: a fixture borough")
    wait_for_rebuild(log, before)

    problem = "unknown key &#39;setings&#39; (did you mean &#39;setting&#39;?)"
    for url in (example, base, base + "behaviours/fixture-collaboration/"):
        page = fetch(url)
        assert "The site could not be rebuilt" in page and problem in page, url
        assert "livereload" in page, "the page must reload itself once the data is fixed"
    assert "unknown key 'setings'" in log.read_text()
    assert "Traceback" not in log.read_text()
    assert server.poll() is None, "the server stopped on a bad edit"

    before = rebuilds(log)
    edit(project / "data/examples.yaml", "    setings: a fixture borough", "    setting: a fixture borough")
    wait_for_rebuild(log, before)
    page = fetch(example)
    assert "The site could not be rebuilt" not in page and "The first fixture example" in page


def test_the_error_page_says_what_make_check_says(served):
    """A YAML slip, text cut short by a comment and a hand-written page's unknown id, saved at
    once: every page of the running server lists exactly the problems `make check` prints."""
    project, base, server, log = served
    before = rebuilds(log)
    edit(project / "data/examples.yaml", "    outcome: Exclusions fell from 44 to 2", "    outcome: Exclusions fell from 44 to 2 #schools")
    edit(project / "data/glossary.yaml", "    expansion: common assessment framework", "    expansion: 'common assessment framework")
    edit(project / "docs/accessibility.md", "# Accessibility statement", '# Accessibility statement\n\n{{ behaviour("fixture-opennes") }}')
    wait_for_rebuild(log, before)
    checked = run_module(project, "kb.check").stderr
    problems = [line.strip() for line in checked.splitlines() if line.startswith("  ")]
    assert len(problems) == 3, checked
    page = html.unescape(fetch(base + "framework/"))
    for problem in problems:
        file_line, message = problem.split(": ", 1)
        assert file_line in page and message in page, problem
