"""`make serve` for editors: an edit to data, templates or macros.py shows on the next
rebuild; a bad edit shows its problems on every page, the server keeps running, and the
fixed data brings the site back.

Nothing here measures speed (`make bench` does): each step waits for the server's own
"rebuilt" event in its log, with a generous guard only against hanging forever.
"""
import shutil

from support import ROOT, edit, fetch, rebuilds, wait_for_rebuild


def test_edits_to_data_templates_and_macros_show(served):
    project, base, server, log = served
    example = base + "examples/working-with-partners/"
    # An editor's own preview names the file and line that hold the page (a build does not).
    line = next(n for n, text in enumerate((project / "data/examples.yaml").read_text().split("\n"), 1)
                if text == "  - id: working-with-partners")
    assert f"Edit this page: its content is in <code>data/examples.yaml</code>, line {line}." in fetch(example)

    before = rebuilds(log)
    edit(project / "data/examples.yaml", "title: Working with partners on prevention and intervention",
         "title: Working with partners EDITED-IN-DATA")
    wait_for_rebuild(log, before)
    assert "EDITED-IN-DATA" in fetch(example)

    (project / "templates").unlink()  # a private copy of the templates, to edit
    shutil.copytree(ROOT / "templates", project / "templates")
    before = rebuilds(log)
    edit(project / "templates/example.md.j2", "## The example", "## The example EDITED-IN-TEMPLATE")
    wait_for_rebuild(log, before)
    assert "EDITED-IN-TEMPLATE" in fetch(example)

    # The home page calls kb_fragment; an edit to what the macro returns must show.
    before = rebuilds(log)
    edit(project / "macros.py", "return site.renderer.fragment(template, here=env.page.file.src_uri)",
         'return site.renderer.fragment(template, here=env.page.file.src_uri) + " EDITED-IN-MACROS"')
    wait_for_rebuild(log, before)
    assert "EDITED-IN-MACROS" in fetch(base)
    assert server.poll() is None


def test_a_bad_edit_shows_its_problems_on_every_page_until_it_is_fixed(served):
    project, base, server, log = served
    example = base + "examples/working-with-partners/"
    before = rebuilds(log)
    edit(project / "data/examples.yaml", "    setting: a London borough", "    setings: a London borough")
    wait_for_rebuild(log, before)

    problem = "unknown key &#39;setings&#39; (did you mean &#39;setting&#39;?)"
    for url in (example, base, base + "behaviours/ability-to-collaborate/"):
        page = fetch(url)
        assert "The site could not be rebuilt" in page and problem in page, url
        assert "livereload" in page, "the page must reload itself once the data is fixed"
    assert "unknown key 'setings'" in log.read_text()
    assert "Traceback" not in log.read_text()
    assert server.poll() is None, "the server stopped on a bad edit"

    before = rebuilds(log)
    edit(project / "data/examples.yaml", "    setings: a London borough", "    setting: a London borough")
    wait_for_rebuild(log, before)
    page = fetch(example)
    assert "The site could not be rebuilt" not in page and "Working with partners on prevention" in page
