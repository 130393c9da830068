"""What editors rely on, tried on the small made-up knowledge base (tests/fixtures/kb/): content
is text never code; what an editor writes is published in full or refused; hand-written pages
link content by id; builds are strict and say why they stop; review dates warn once; a new
theme needs data alone; renamed ids keep their addresses."""
import shutil
import subprocess

import pytest
import yaml

from sitehtml import parse, read_site
from support import FIXTURE_KB, ROOT, copy_project, edit, line_of, made_once, run_build, run_module

INJECTIONS = [
    "{{ config.site_name }}{% raw %}x{% endraw %}",
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a>",
]
# (file, text in it to replace, page that shows it)
TEXT_FIELDS = [
    ("data/behaviours.yaml", "name: the fixture ability to simplify", "behaviours/fixture-simplicity/"),
    ("data/examples.yaml", "title: The second fixture example", "examples/fixture-second-example/"),
    ("data/themes/fixture-theme.yaml", "title: A fixture illustration", "themes/fixture-theme/fixture-collaborating/"),
    ("data/evidence.yaml", "kind: good practice guide", "evidence/"),
    ("data/glossary.yaml", "expansion: common assessment framework", "glossary/"),
    ("data/source.yaml", "subtitle: Summary report", "about/"),
]
ACCESSIBILITY = "docs/accessibility.md"


def event_handlers(html: str) -> list[str]:
    """Every on* attribute of every tag: an event handler, whatever text attribute values hold."""
    return [f"<{e.tag} {name}=...>" for e in parse(html).iter() for name in e.attrs if name.lower().startswith("on")]


def run(project, module, *args):
    return run_module(project, module, *args)


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# --- edits that touch different pages, made at once and built once ----------------------
# A build of the made-up knowledge base costs more than everything else these tests do; the
# edits below each change their own pages (edit_base adds only an edit link to every page), so
# one build of them all serves every test that reads it. Each test still asserts only on the
# pages of its own edit, and each edit is checked to have happened (edit() finds its text once).

# Named without "data/": test_edit_links_... reads a page of this build for the file's path.
PAYLOADS = {file: " | ".join(INJECTIONS) + f" (from {file.removeprefix('data/')})" for file, _, _ in TEXT_FIELDS}
LINKS = ('\nSee {{ behaviour("fixture-openness") }}, {{ example("fixture-first-example") }}, '
         '{{ question("fixture-third-question") }}, {{ theme("fixture-theme") }}, {{ focus_area("fixture-opening") }} '
         'and {{ term("CAF") }}.\n')
QUOTED_OUTCOME = "    outcome: 'Exclusions fell from 44 to 2 #schools'"


def add_theme(project):
    """A second theme and its example, in YAML alone, as CONTRIBUTING's recipe adds one."""
    theme = (ROOT / "tests/fixtures/fixture-theme.yaml").read_text().replace("ability-to-simplify", "fixture-simplicity")
    (project / "data/themes/added-theme.yaml").write_text(theme.replace("id: fixture-theme", "id: added-theme"))
    example = (ROOT / "tests/fixtures/fixture-examples.yaml").read_text()
    append(project / "data/examples.yaml", example.replace("fixture-theme", "added-theme").replace("ability-to-simplify", "fixture-simplicity")
           .replace("number: 6", "number: 3"))


def make_edits(project):
    # Jinja and HTML: a text field of every data file, each carrying its own file's name.
    for file, old, _ in TEXT_FIELDS:
        key = old.split(":")[0]
        edit(project / file, old, f"{key}: {yaml.safe_dump(PAYLOADS[file], default_style=chr(34)).strip()}")
    # A value YAML cannot make sense of, on the second example.
    edit(project / "data/examples.yaml", "    outcome: null", "    outcome: =")
    # Text with ' #' quoted, as the check's message says, on the first example.
    edit(project / "data/examples.yaml", "    outcome: Exclusions fell from 44 to 2", QUOTED_OUTCOME)
    # A hand-written page that links content by id, one of whose titles changed.
    append(project / ACCESSIBILITY, LINKS)
    edit(project / "data/behaviours.yaml", "name: the fixture openness to possibilities", "name: the retitled openness")
    # A repository to edit pages in.
    edit(project / "mkdocs.yml", 'edit_base: ""', 'edit_base: "https://example.org/repo/blob/main/"')
    add_theme(project)


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The made-up knowledge base with make_edits() made, `make urls` run and built once for all
    the test workers: (project, its site, what `make urls` printed)."""
    def make(folder):
        folder.mkdir()
        project = copy_project(folder / "project", data=FIXTURE_KB)
        make_edits(project)
        urls = run(project, "kb.urls")
        (folder / "urls.txt").write_text(f"{urls.returncode}\n{urls.output}")
        result = run_build(project, folder / "out")
        assert result.returncode == 0, result.stdout + result.stderr

    folder = made_once(tmp_path_factory, "editors-edited", make)
    return folder / "project", folder / "out", (folder / "urls.txt").read_text()


def test_jinja_and_html_in_text_reach_the_page_only_as_visible_text(edited):
    # A text field of every data file edited (in the one build above); each file's text carries
    # its own name, so each page is checked for its own file's text.
    _, out, _ = edited
    pages = read_site(out)
    problems = []
    for file, _, url in TEXT_FIELDS:
        html = (out / url / "index.html").read_text()
        if PAYLOADS[file] not in pages[url].text:
            problems.append(f"{file}: its text does not show exactly as written on {url}")
        problems += [f"{file}: {url} has {handler}" for handler in event_handlers(html)]
        problems += [f"{file}: {url} has {bad!r}" for bad in ("<script>alert", 'href="javascript:') if bad in html]
        if "Resourceful Leadership{% raw %}" in html:
            problems.append(f"{file}: Jinja ran on {url}")
    assert not problems, "\n".join(problems)


def test_bold_and_italic_are_the_only_markdown_in_text(fixture_project, tmp_path):
    edit(fixture_project / "data/examples.yaml", "title: The second fixture example",
         "title: 'The **second** *fixture* `code` # not a heading _under_'")
    result = run_build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "out/examples/fixture-second-example/index.html").read_text()
    assert "<strong>second</strong>" in html and "<em>fixture</em>" in html
    assert "`code` # not a heading _under_" in read_site(tmp_path / "out")["examples/fixture-second-example/"].text


def test_text_that_yaml_would_cut_short_is_refused_and_quoted_it_is_published_whole(fixture_project, edited):
    """The word-for-word promise: ` #` in an unquoted value starts a YAML comment. make check and
    make build refuse it with the line and the fix; quoted as the message says, every word shows."""
    examples = fixture_project / "data/examples.yaml"
    edit(examples, "    outcome: Exclusions fell from 44 to 2", "    outcome: Exclusions fell from 44 to 2 #schools")
    line = line_of(examples, "#schools")
    for result in (run(fixture_project, "kb.check"), run(fixture_project, "kb.build", "--no-offline-copy")):
        assert result.returncode == 1 and "Traceback" not in result.output
        assert f"data/examples.yaml:{line}: example 'fixture-first-example', outcome: the text stops at '#schools'" in result.output
    assert not (fixture_project / "site").exists()

    # Quoted as the message says (QUOTED_OUTCOME, in the shared build): every word shows.
    _, out, _ = edited
    assert QUOTED_OUTCOME in (edited[0] / "data/examples.yaml").read_text()
    assert "Exclusions fell from 44 to 2 #schools" in read_site(out)["examples/fixture-first-example/"].text


def test_a_value_yaml_cannot_make_sense_of_is_published_as_written(edited):
    # "outcome: =" on the second example (make_edits): the build passed with it.
    html = (edited[1] / "examples/fixture-second-example/index.html").read_text()
    assert "<dd>=</dd>" in html


def test_hand_written_pages_link_content_by_id_with_its_current_title(edited):
    # LINKS appended to the page, and the openness behaviour retitled (make_edits).
    page = read_site(edited[1])["accessibility/"]
    assert ("See The retitled openness, Example 1: The first fixture example, What could the fixture do differently?, "
            "The fixture theme, Openness in the fixture and CAF.") in page.text
    assert {"../behaviours/fixture-openness/", "../examples/fixture-first-example/", "../questions/fixture-third-question/",
            "../themes/fixture-theme/", "../themes/fixture-theme/fixture-opening/", "../glossary/#caf"} <= set(page.article_links)


def test_template_mistakes_in_a_hand_written_page_name_the_page_line_and_fix(fixture_project):
    page = fixture_project / ACCESSIBILITY
    append(page, '\nSee {{ behaviour("fixture-opennes") }}.\n\n{{ no_such_macro() }}\n\nSee [the missing page](missing.md).\n')
    result = run(fixture_project, "kb.check")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert (f"{ACCESSIBILITY}:{line_of(page, 'fixture-opennes')}: behaviour(\"fixture-opennes\"): unknown behaviour "
            "'fixture-opennes' (did you mean 'fixture-openness'?)") in result.output
    assert f"{ACCESSIBILITY}:{line_of(page, 'no_such_macro')}: 'no_such_macro' is not a macro or variable" in result.output
    assert f"{ACCESSIBILITY}:{line_of(page, 'missing.md')}: the link 'missing.md' leads to no page of the site" in result.output
    assert "The content has 3 problems" in result.output

    page.write_text((ROOT / ACCESSIBILITY).read_text() + "\nA stray {# in the text.\n")
    result = run(fixture_project, "kb.build", "--no-offline-copy")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert (f"{ACCESSIBILITY}:{line_of(page, 'A stray')}: the page's template syntax is broken (Missing end of comment tag); "
            "to show '{{', '{%' or '{#' as text") in result.output


def test_every_mkdocs_warning_fails_the_build_naming_the_page_and_leaves_site_as_it_was(fixture_project):
    """`--strict --quiet` was not strict (quiet hides warnings from strict mode): a link to a
    heading that does not exist, which only MkDocs checks, must fail the build."""
    assert run(fixture_project, "kb.build", "--no-offline-copy").returncode == 0
    before = sorted((p.relative_to(fixture_project / "site"), p.stat().st_mtime_ns) for p in (fixture_project / "site").rglob("*"))
    append(fixture_project / ACCESSIBILITY, "\nSee [the framework](framework.md#no-such-heading).\n")
    result = run(fixture_project, "kb.build", "--no-offline-copy")
    assert result.returncode != 0 and "Traceback" not in result.output
    line = line_of(fixture_project / ACCESSIBILITY, "no-such-heading")
    assert (f"{ACCESSIBILITY}:{line}: the link 'framework.md#no-such-heading' leads to framework.md, which has no heading "
            "or anchor '#no-such-heading'") in result.output
    assert "The build failed; site/ was left as it was." in result.output
    assert sorted((p.relative_to(fixture_project / "site"), p.stat().st_mtime_ns) for p in (fixture_project / "site").rglob("*")) == before


def test_review_dates_show_on_pages_and_due_ones_warn_once_in_check_and_build(fixture_project):
    examples = fixture_project / "data/examples.yaml"
    edit(examples, "    outcome: Exclusions fell from 44 to 2\n    last_reviewed: 2026-01-15",
         "    outcome: Exclusions fell from 44 to 2\n    last_reviewed: 2012-01-01")
    # The warning points at the date itself, the line an editor changes.
    warning = (f"REVIEW  -  data/examples.yaml:{line_of(examples, 'last_reviewed: 2012-01-01')}: example "
               "'fixture-first-example' was last reviewed on 2012-01-01")
    check = run(fixture_project, "kb.check")
    assert check.returncode == 0 and check.output.count(warning) == 1, check.output
    build = run(fixture_project, "kb.build")  # the offline copy and the site: two MkDocs builds
    assert build.returncode == 0 and build.output.count(warning) == 1, build.output
    page = read_site(fixture_project / "site")["examples/fixture-first-example/"]
    assert "Last checked against the report: 1 January 2012" in page.text


def test_a_build_for_this_computer_says_so_once_and_a_public_one_does_not(fixture_project):
    note = "Note: its address is http://127.0.0.1:8000/, mkdocs.yml's default"
    assert run(fixture_project, "kb.build").output.count(note) == 1
    public = run_module(fixture_project, "kb.build", "--no-offline-copy", env={"KB_SITE_URL": "https://example.org/kb/"})
    assert public.returncode == 0 and note not in public.output


def test_a_build_names_no_file_or_line_to_readers(pages):
    # Without a repository (extra.edit_base empty) readers see no edit plumbing at all; the
    # file and line show under `mkdocs serve` only (tests/test_serve.py).
    for url, page in pages.items():
        assert "Edit this page" not in page.text and "its content is in" not in page.text, url
        assert 'rel="edit"' not in page.path.read_text(encoding="utf-8"), url


def test_edit_links_open_the_entity_line_when_a_repository_is_set(edited):
    # edit_base set in mkdocs.yml (make_edits); the line is found in the file as edited.
    project, out, _ = edited
    html = (out / "examples/fixture-second-example/index.html").read_text()
    line = line_of(project / "data/examples.yaml", "  - id: fixture-second-example")
    # Material's own edit control: the file and line in its address and title, not in its text.
    assert (f'<a href="https://example.org/repo/blob/main/data/examples.yaml#L{line}" '
            f'title="Edit this page (data/examples.yaml, line {line})" class="md-content__button md-icon" rel="edit">') in html
    assert "data/examples.yaml" not in read_site(out)["examples/fixture-second-example/"].text
    assert 'href="https://example.org/repo/blob/main/docs/index.md#L1"' in (out / "index.html").read_text()


def test_a_new_theme_added_in_yaml_alone_builds_and_cross_links(edited):
    # add_theme() (in make_edits), then `make urls` and the build.
    _, out, urls = edited
    code, output = urls.split("\n", 1)
    assert code == "0" and "/themes/added-theme/" in output, output
    pages = read_site(out)
    area = pages["themes/added-theme/fixture-focus-area/"]
    assert "Fixture approach" in area.text and "fixture-approach" in area.ids
    assert "../../behaviours/fixture-simplicity/" in pages["examples/fixture-example/"].article_links
    assert "../../examples/fixture-example/" in pages["behaviours/fixture-simplicity/"].article_links
    assert "fixture-question" in pages["questions/"].ids
    assert "Fixture theme" in pages["themes/"].text


def test_a_renamed_id_leaves_its_old_address_working(fixture_project, tmp_path):
    """Rename a behaviour, an example and a question as CONTRIBUTING.md says: old links still land."""
    data = fixture_project / "data"
    for file in [data / "behaviours.yaml", data / "examples.yaml", data / "themes/fixture-theme.yaml"]:
        text = file.read_text().replace("fixture-simplicity", "fixture-simplifying").replace("fixture-second-example", "fixture-example-two")
        file.write_text(text.replace("id: fixture-second-question", "id: fixture-key-players"))
    edit(data / "redirects.yaml", "redirects: []", """redirects:
  - {kind: behaviour, old: fixture-simplicity, new: fixture-simplifying}
  - {kind: example, old: fixture-second-example, new: fixture-example-two}
  - {kind: question, old: fixture-second-question, new: fixture-key-players}
""")
    result = run_build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"
    assert 'http-equiv="refresh" content="0; url=../fixture-simplifying/"' in (out / "behaviours/fixture-simplicity/index.html").read_text()
    assert (out / "behaviours/fixture-simplifying/index.html").is_file()
    assert 'url=../fixture-example-two/"' in (out / "examples/fixture-second-example/index.html").read_text()
    assert {"fixture-second-question", "fixture-key-players"} <= read_site(out)["questions/"].ids


def test_an_edit_to_the_theme_shows_on_the_next_build(fixture_project, tmp_path):
    # Compiled templates are kept between builds (kb.render.compiled_templates), Material's and
    # ours: the first build keeps them, and the second must compile the edited one afresh.
    project = fixture_project
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    page = "examples/fixture-first-example/index.html"
    label = '<p class="kb-cite__label">Cite this page'
    assert run_build(project, tmp_path / "before").returncode == 0
    edit(project / "overrides/main.html", label, f"{label} EDITED")
    result = run_build(project, tmp_path / "after")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{label} EDITED" in (tmp_path / "after" / page).read_text(encoding="utf-8")
    assert f"{label} EDITED" not in (tmp_path / "before" / page).read_text(encoding="utf-8")


def test_the_change_report_lists_what_readers_will_see_change(fixture_project):
    """`make diff BASE=<ref>`: on a commit of the made-up knowledge base, an editor renames an
    example (with its redirect), rewords a sentence, adds a question and moves a review date."""
    project = fixture_project

    def git(*args):
        result = subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=e@example.org", *args],
                                cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    git("init", "-q", "-b", "main")
    git("add", "data", "docs", "mkdocs.yml", "published-addresses.txt")
    git("commit", "-q", "-m", "before")
    data = project / "data"
    for file in (data / "examples.yaml", data / "themes/fixture-theme.yaml"):
        file.write_text(file.read_text().replace("fixture-second-example", "fixture-borough-example"))
    edit(data / "redirects.yaml", "redirects: []", "redirects:\n  - {kind: example, old: fixture-second-example, new: fixture-borough-example}")
    edit(data / "examples.yaml", "Leaders in a fixture borough looked at outsourcing.", "Leaders in a fixture borough looked at commissioning.")
    edit(data / "themes/fixture-theme.yaml", "        text: What could the fixture do differently?\n",
         "        text: What could the fixture do differently?\n      - id: fixture-added-question\n        text: Is this question new?\n")
    edit(data / "behaviours.yaml", "name: the fixture commitment\n    last_reviewed: 2026-01-15", "name: the fixture commitment\n    last_reviewed: 2026-02-01")
    run(project, "kb.urls")
    result = run(project, "kb.diff", "main")
    assert result.returncode == 0, result.output
    report = result.stdout
    assert "- /examples/fixture-second-example/ → /examples/fixture-borough-example/" in report.split("## Pages renamed")[1]
    assert "- /questions/fixture-added-question/" in report.split("## Pages added")[1]
    assert ("/examples/fixture-second-example/ → /examples/fixture-borough-example/: “Leaders in a fixture borough looked at "
            "outsourcing.” → “Leaders in a fixture borough looked at commissioning.”") in report
    assert "- behaviour 'fixture-commitment': 2026-01-15 → 2026-02-01" in report
    assert "- /questions/#fixture-added-question" in report.split("## Addresses published for the first time")[1]
    assert "fixture-first-example" not in report, "an unchanged page is not listed"
