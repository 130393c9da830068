"""What editors rely on: content is text never code, edit links, review dates, new themes by data."""
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import yaml

from support import ROOT, run_build
from sitehtml import read_site

INJECTIONS = [
    "{{ config.site_name }}{% raw %}x{% endraw %}",
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a>",
]
# (file, text in it to replace, page that shows it)
TEXT_FIELDS = [
    ("data/behaviours.yaml", "name: personal resilience and tenacity", "behaviours/resilience-and-tenacity/"),
    ("data/examples.yaml", "title: Targeting provision locally", "examples/targeting-provision-locally/"),
    ("data/themes/early-intervention-and-prevention.yaml", "title: GPs involved in decision-making",
     "themes/early-intervention-and-prevention/leading-collaboratively/"),
    ("data/evidence.yaml", "kind: good practice guide", "evidence/"),
    ("data/glossary.yaml", "expansion: pupil referral unit", "glossary/"),
    ("data/source.yaml", "subtitle: Summary report", "about/"),
]


class _EventHandlers(HTMLParser):
    """Every on* attribute of every tag: an event handler, whatever text attribute values hold."""
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found += [f"<{tag} {name}=...>" for name, _ in attrs if name.lower().startswith("on")]


def event_handlers(html: str) -> list[str]:
    parser = _EventHandlers()
    parser.feed(html)
    return parser.found


def line_of(path, text):
    """The 1-based number of the one line of the file that contains text (never a number in a test)."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line]
    assert len(hits) == 1, f"{text!r} is on lines {hits} of {path}, expected exactly one"
    return hits[0]


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_jinja_and_html_in_text_reach_the_page_only_as_visible_text(project, tmp_path):
    # One build with a text field of every data file edited at once; each file's text carries
    # its own name, so each page is checked for its own file's text.
    payloads = {file: " | ".join(INJECTIONS) + f" (from {file})" for file, _, _ in TEXT_FIELDS}
    for file, old, _ in TEXT_FIELDS:
        key = old.split(":")[0]
        replace_in(project / file, old, f"{key}: {yaml.safe_dump(payloads[file], default_style=chr(34)).strip()}")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    pages = read_site(tmp_path / "out")
    problems = []
    for file, _, url in TEXT_FIELDS:
        html = (tmp_path / "out" / url / "index.html").read_text()
        if payloads[file] not in pages[url].text:
            problems.append(f"{file}: its text does not show exactly as written on {url}")
        problems += [f"{file}: {url} has {handler}" for handler in event_handlers(html)]
        problems += [f"{file}: {url} has {bad!r}" for bad in ("<script>alert", 'href="javascript:') if bad in html]
        if "Resourceful Leadership{% raw %}" in html:
            problems.append(f"{file}: Jinja ran on {url}")
    assert not problems, "\n".join(problems)


def test_bold_and_italic_are_the_only_markdown_in_text(project, tmp_path):
    replace_in(project / "data/examples.yaml", "title: Targeting provision locally",
               "title: 'Targeting **provision** *locally* `code` # not a heading _under_'")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/examples/targeting-provision-locally/index.html").read_text()
    assert "<strong>provision</strong>" in html and "<em>locally</em>" in html
    text = read_site(tmp_path / "out")["examples/targeting-provision-locally/"].text
    assert "`code` # not a heading _under_" in text


def test_a_build_names_no_file_or_line_to_readers(pages):
    # Without a repository (extra.edit_base empty) readers see no edit plumbing at all; the
    # file and line show under `mkdocs serve` only (tests/test_serve.py).
    for url, page in pages.items():
        assert "Edit this page" not in page.text and "its content is in" not in page.text, url
        assert 'rel="edit"' not in page.path.read_text(encoding="utf-8"), url


def test_edit_links_open_the_entity_line_when_a_repository_is_set(project, tmp_path):
    replace_in(project / "mkdocs.yml", 'edit_base: ""', 'edit_base: "https://example.org/repo/blob/main/"')
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/examples/long-term-prevention/index.html").read_text()
    line = line_of(project / "data/examples.yaml", "  - id: long-term-prevention")
    # Material's own edit control: the file and line in its address and title, not in its text.
    assert (f'<a href="https://example.org/repo/blob/main/data/examples.yaml#L{line}" '
            f'title="Edit this page (data/examples.yaml, line {line})" class="md-content__button md-icon" rel="edit">') in html
    assert "data/examples.yaml" not in read_site(tmp_path / "out")["examples/long-term-prevention/"].text
    home = (tmp_path / "out/index.html").read_text()
    assert 'href="https://example.org/repo/blob/main/docs/index.md#L1"' in home


def test_review_dates_show_on_pages_and_old_ones_warn_without_failing(project, tmp_path):
    replace_in(project / "data/examples.yaml", "last_reviewed: 2026-11-26", "last_reviewed: 2001-01-01")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    # The warning points at the date itself, the line an editor changes.
    line = line_of(project / "data/examples.yaml", "last_reviewed: 2001-01-01")
    assert (f"data/examples.yaml:{line}: example 'working-with-partners' was last reviewed on 2001-01-01"
            in result.stderr)
    text = read_site(tmp_path / "out")["examples/working-with-partners/"].text
    assert "Last checked against the report: 1 January 2001" in text


def test_a_new_theme_added_in_yaml_alone_builds_and_cross_links(project, tmp_path):
    shutil.copy(ROOT / "tests/fixtures/fixture-theme.yaml", project / "data/themes/fixture-theme.yaml")
    examples = project / "data/examples.yaml"
    examples.write_text(examples.read_text() + (ROOT / "tests/fixtures/fixture-examples.yaml").read_text())
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    pages = read_site(tmp_path / "out")
    area = pages["themes/fixture-theme/fixture-focus-area/"]
    assert "Fixture approach" in area.text and "fixture-approach" in area.ids
    example = pages["examples/fixture-example/"]
    assert "../../behaviours/ability-to-simplify/" in example.article_links
    behaviour = pages["behaviours/ability-to-simplify/"]
    assert "../../examples/fixture-example/" in behaviour.article_links
    assert "fixture-question" in pages["questions/"].ids
    assert "Fixture theme" in pages["themes/"].text


def test_a_renamed_id_leaves_its_old_address_working(project, tmp_path):
    """Rename a behaviour, an example and a question as CONTRIBUTING.md says: old links still land."""
    data = project / "data"
    for file in [data / "behaviours.yaml", data / "examples.yaml"] + list((data / "themes").glob("*.yaml")):
        text = file.read_text()
        text = text.replace("ability-to-simplify", "simplifying").replace("targeting-provision-locally", "local-targeting")
        file.write_text(text.replace("id: key-players", "id: the-key-players"))
    replace_in(data / "redirects.yaml", "redirects: []", """redirects:
  - {kind: behaviour, old: ability-to-simplify, new: simplifying}
  - {kind: example, old: targeting-provision-locally, new: local-targeting}
  - {kind: question, old: key-players, new: the-key-players}
""")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    moved = (out / "behaviours/ability-to-simplify/index.html").read_text()
    assert 'http-equiv="refresh" content="0; url=../simplifying/"' in moved
    assert (out / "behaviours/simplifying/index.html").is_file()
    assert 'url=../local-targeting/"' in (out / "examples/targeting-provision-locally/index.html").read_text()
    questions = read_site(out)["questions/"]
    assert {"key-players", "the-key-players"} <= questions.ids


def test_a_redirect_to_an_id_that_does_not_exist_is_refused(project):
    replace_in(project / "data/redirects.yaml", "redirects: []",
               "redirects:\n  - {kind: example, old: gone, new: working-with-partnrs}\n")
    result = subprocess.run([sys.executable, "-m", "kb.check", "data"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    line = line_of(project / "data/redirects.yaml", "  - {kind: example, old: gone,")
    assert (f"data/redirects.yaml:{line}: redirect 1, new: unknown example 'working-with-partnrs' "
            "(did you mean 'working-with-partners'?)") in result.stderr


def test_an_edit_to_the_theme_shows_on_the_next_build(project, tmp_path):
    # Compiled templates are kept between builds (kb.render.compiled_templates), Material's and
    # ours: the first build keeps them, and the second must compile the edited one afresh.
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    page = "examples/working-with-partners/index.html"
    label = '<p class="kb-cite__label">Cite this page'
    assert run_build(project, tmp_path / "before").returncode == 0
    replace_in(project / "overrides/main.html", label, f"{label} EDITED")
    result = run_build(project, tmp_path / "after")
    assert result.returncode == 0, result.stderr
    assert f"{label} EDITED" in (tmp_path / "after" / page).read_text(encoding="utf-8")
    assert f"{label} EDITED" not in (tmp_path / "before" / page).read_text(encoding="utf-8")
