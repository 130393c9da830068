"""What `make check` accepts, `make build` builds: generated knowledge bases, checked and built.

Hypothesis draws whole data/ folders (tests/kbgen.py): varied, mostly valid, now and then
with one editor's mistake. For each one, either the checker refuses it with problems that
each name a data file and a line in it (and nothing else goes wrong), or the site renders and
builds: no traceback, no template syntax left in a page, no broken link or anchor, no id twice
on a page, and no HTML from the data's text turned into markup.

    test_generated_knowledge_bases_are_refused_or_render   in-process, fast (default 80)
    test_generated_knowledge_bases_are_refused_or_build    a real `mkdocs build --strict` each (default 6)

KB_GENERATED_EXAMPLES=N raises both counts to at least N for a longer run. A failure in the
fast test is shrunk to a small example, one in the build test is reported as drawn (shrinking
takes minutes of builds); KB_GENERATED_SHRINK=0 or 1 turns shrinking off or on for both. With
CI=true the examples are the same on every run (derandomized), otherwise new ones each time.
Each test prints how many knowledge bases it drew, and how many the checker accepted and refused.
The plain tests after them are the regressions the property tests found, with their data.
"""
from __future__ import annotations

import atexit
import collections
import copy
import dataclasses
import html
import os
import posixpath
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import markdown
import markupsafe
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, note, settings
from mkdocs.utils.yaml import yaml_load

import kbgen
from kb.addresses import page_url
from kb.problems import ContentError
from kb.published import MANIFEST
from kb.site import Site, expand_nav
from kb.site import knowledge_base as load
from kb.text import abbreviation_titles
from sitehtml import parse, read_site, resolve
from support import COPIED, LINKED, ROOT, record_addresses, run_build

EXTRA = int(os.environ.get("KB_GENERATED_EXAMPLES", "0"))
CI = os.environ.get("CI") == "true"
# Shrinking a failing example to a small one takes Hypothesis hundreds of runs: seconds for
# the fast test, many minutes for the build test. KB_GENERATED_SHRINK=0 or 1 turns it off or on
# for both; by default the fast test shrinks and the build test reports the example as drawn.
SHRINK = os.environ.get("KB_GENERATED_SHRINK")
MKDOCS = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # MkDocs' own reading: !ENV tags
# The hand-written pages (docs/), which generated pages may link to.
DOCS_PAGES = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
# Where the pages made from ids live: a link into one of these must land on a generated page.
ENTITY_FOLDERS = ("behaviours/", "examples/", "themes/", "questions/")
# One problem as MkDocs prints the checker's report: "  data/x.yaml:<line>: message".
PROBLEM_LINE = re.compile(r"^  (\S[^:\n]*:\d+: .+)$", re.MULTILINE)
# An element that only a generated text holds: in a page's HTML it would be live markup.
PROBE_TAGS = {"kbx", "script"}


def generated_settings(examples: int, shrink: bool):
    shrink = shrink if SHRINK is None else SHRINK != "0"
    phases = [phase for phase in Phase if shrink or phase is not Phase.shrink]
    return settings(max_examples=max(examples, EXTRA), deadline=None, derandomize=CI, phases=phases,
                    database=None if CI else settings.default.database, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example, HealthCheck.filter_too_much])


def tally_line(name: str, tally: collections.Counter) -> str:
    return (f"{name}: {tally['drawn']} generated knowledge bases, {tally['accepted']} accepted by the "
            f"checker ({tally['built']} of them {name}), {tally['refused']} refused")


# --- a project with generated data ----------------------------------------------------------

def make_project(root: Path, data: kbgen.GeneratedData, linked_docs: bool = False) -> Path:
    """A copy of the project whose data/ is the generated data (and no published-address
    list: what this data publishes is new). docs/ is linked when nothing writes into it."""
    project = root / "project"
    project.mkdir()
    for name in COPIED:
        if name == "data":
            continue
        source = ROOT / name
        if source.is_dir():
            if linked_docs:
                (project / name).symlink_to(source)
            else:
                shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    for name in LINKED:
        (project / name).symlink_to(ROOT / name)
    data.write(project / "data")
    return project


_SCRATCH: list[Path] = []


def scratch_project(data: kbgen.GeneratedData) -> Path:
    """One project (docs/ and templates/ linked) whose data/ is replaced for each knowledge
    base: its paths stay the same, so Jinja's bytecode cache keeps the compiled templates
    between examples (compiling them was most of the in-process test's time)."""
    if not _SCRATCH:
        root = Path(tempfile.mkdtemp(prefix="kbgen-scratch-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        _SCRATCH.append(make_project(root, data, linked_docs=True))
        return _SCRATCH[0]
    project = _SCRATCH[0]
    shutil.rmtree(project / "data")
    data.write(project / "data")
    return project


def describe(data: kbgen.GeneratedData) -> str:
    """The generated data as the files hold it, for the report of a failing example."""
    return "\n".join(f"--- data/{name}\n{kbgen.dump(value, data.width)}"
                     for name, value in data.files.items())


def check_refusal(project: Path, error: ContentError):
    """Every problem names a data file (or the themes folder) and a line that is in it."""
    assert error.problems, "a ContentError with no problem in it"
    for problem in error.problems:
        path = project / problem.file
        assert problem.file.startswith("data/") and path.exists(), f"{problem}: names no data file"
        assert problem.message.strip() and "\n" not in str(problem), f"{problem!r}: says nothing, or not on one line"
        lines = path.read_text(encoding="utf-8", errors="replace").count("\n") + 1 if path.is_file() else 1
        assert 1 <= problem.line <= lines, f"{problem}: line {problem.line} is not in {problem.file} ({lines} lines)"


# --- reading rendered HTML ------------------------------------------------------------------

@dataclasses.dataclass
class Parsed:
    ids: list[str]     # every id, repeats included
    links: list[str]   # every link's href
    probes: list[str]  # the start tag of every element named like a probe tag


def parse_html(html: str) -> Parsed:
    elements = list(parse(html).iter())
    return Parsed([e.attrs["id"] for e in elements if "id" in e.attrs],
                  [e.attrs["href"] for e in elements if e.tag == "a" and "href" in e.attrs],
                  [e.start for e in elements if e.tag in PROBE_TAGS])


def repeated(ids: list[str]) -> list[str]:
    return sorted(i for i, n in collections.Counter(ids).items() if n > 1)


# --- the fast property: load, render every page, convert its Markdown -----------------------

def markdown_converter() -> markdown.Markdown:
    """Python-Markdown with the extensions MkDocs uses for this site: its three built-ins and
    mkdocs.yml's, with mkdocs.yml's settings."""
    names, configs = ["toc", "tables", "fenced_code"], {}
    for item in MKDOCS["markdown_extensions"]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if config:
            configs[name] = config
    return markdown.Markdown(extensions=names, extension_configs=configs)


# Front matter as MkDocs reads it (a safe loader), on libyaml where PyYAML has it: a tenth of
# the time of the pure-Python parser, for every page of every generated knowledge base.
FRONT_MATTER_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(source: str) -> tuple[dict, str]:
    assert source.startswith("---\n"), source[:200]
    front, body = source[4:].split("\n---\n", 1)
    return yaml.load(front, Loader=FRONT_MATTER_LOADER), body


def strings(kb) -> list[str]:
    """Every piece of text in the knowledge base."""
    found = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    models = [kb.report, kb.framework, *kb.behaviours, *kb.themes, *kb.examples, *kb.evidence_sources, *kb.abbreviations]
    walk([model.model_dump() for model in models if model is not None])
    return found


def render_site(project: Path) -> dict[str, str]:
    """Every generated page of the project's site as HTML (Markdown converted in-process),
    by page path; asserting what must hold of each page's source on the way."""
    (project / MANIFEST).unlink(missing_ok=True)  # a new site, whose addresses `make urls` lists
    record_addresses(project)
    site = Site.from_project(project)
    kb = site.kb
    nav = expand_nav(copy.deepcopy(MKDOCS["nav"]), site)
    assert nav and len(nav) == len(MKDOCS["nav"])
    urls = [page_url(path) for path in [*(page.path for page in site.all_pages()), *DOCS_PAGES]]
    clashes = sorted(url for url, n in collections.Counter(urls).items() if n > 1)
    assert not clashes, f"two pages at one address: {clashes}"
    md = markdown_converter()
    rendered = {}
    own_text = sorted({form for text in strings(kb) if re.search(r"\{[{%#]", text)
                       for form in (text, str(markupsafe.escape(text)))}, key=len, reverse=True)
    for page in site.all_pages():
        meta, body = split_front_matter(site.renderer.render(page))
        assert meta.get("render_macros") is False
        # Tags go in one line and escaped (Material prints them as HTML); they must read back.
        assert [html.unescape(tag) for tag in meta.get("tags", [])] == [" ".join(tag.split()) for tag in page.tags]
        for text in own_text:  # the data's own text may hold these, as written (an address)
            body = body.replace(text, "")
        for syntax in ("{{", "{%", "{#"):
            assert syntax not in body, f"{page.path}: template syntax {syntax!r} left in the page:\n{body}"
        rendered[page.path] = md.reset().convert(body)
        # Text from the data shows its braces as &#123; and &#125;: a brace as such, outside
        # the tags (whose attribute values Markdown writes unescaped), is a template's own.
        outside_tags = re.sub(r"<[^>]*>", "", rendered[page.path])
        for brace in "{}":
            at = outside_tags.find(brace)
            assert at < 0, f"{page.path}: a template's {brace!r} (attribute list?) is left in the page: {outside_tags[at - 300:at + 100]!r}"
    for template in ("_report_name.md.j2", "_behaviour_cards.md.j2"):  # docs/index.md's macros
        fragment = site.renderer.fragment(template, here="index.md")
        assert "{{" not in fragment and "{%" not in fragment
        md.reset().convert(fragment)
    for old, new in kb.renamed_pages():
        assert 'http-equiv="refresh"' in site.renderer.redirect(old, new, MKDOCS["site_name"])
    # The glossary's tooltips, as the hooks add them to a hand-written page.
    definitions = "\n".join(f"*[{word}]: {title}" for word, title in abbreviation_titles(kb.abbreviations).items())
    tooltips = md.reset().convert(f"Some text.\n\n{definitions}\n")
    assert "*[" not in tooltips, f"an abbreviation's definition shows as text:\n{tooltips}"
    return rendered


def check_rendered(rendered: dict[str, str]):
    """Each link between generated pages lands on a page and an anchor that exists, no page
    has an id twice, and no text became markup."""
    parsed = {path: parse_html(text) for path, text in rendered.items()}
    broken = []
    for path, page in parsed.items():
        assert not repeated(page.ids), f"{path}: ids used twice: {repeated(page.ids)}"
        assert not page.probes, f"{path}: text from the data became HTML: {page.probes}"
        for href in page.links:
            link = urlparse(href)
            if link.scheme or link.netloc:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), link.path)) if link.path else path
            if target not in parsed and not target.startswith(ENTITY_FOLDERS):
                continue  # a hand-written page, a plugin's page or a download: the build test follows these
            if target not in parsed or (link.fragment and link.fragment not in parsed[target].ids):
                broken.append(f"{path} -> {href}")
    assert not broken, "broken links:\n" + "\n".join(broken)


def render_check(data: kbgen.GeneratedData, tally: collections.Counter | None = None):
    """Load the data: refused with file and line, or every page renders soundly."""
    tally = tally if tally is not None else collections.Counter()
    tally["drawn"] += 1
    project = scratch_project(data)
    try:
        load(project / "data")
    except ContentError as error:
        tally["refused"] += 1
        check_refusal(project, error)
        return
    assert data.flaw is None, f"the checker accepted data with the flaw {data.flaw!r}"
    tally["accepted"] += 1
    check_rendered(render_site(project))
    tally["built"] += 1


def test_generated_knowledge_bases_are_refused_or_render(capsys):
    tally = collections.Counter()

    @generated_settings(80, shrink=True)
    @given(kbgen.knowledge_bases())
    def refused_or_rendered(data):
        try:
            render_check(data, tally)
        except Exception:
            note(describe(data))
            raise

    refused_or_rendered()
    with capsys.disabled():
        print(f"\n{tally_line('rendered', tally)}")
    # About seven in ten are accepted; far fewer would mean the generator mostly tests the checker.
    assert tally["accepted"] * 3 >= tally["drawn"], "the generator should draw mostly data the checker accepts"


# --- the slow property: a real strict build of each ----------------------------------------

def build_check(data: kbgen.GeneratedData, tally: collections.Counter | None = None):
    """A real strict build of the data: it fails, with the checker's problems, exactly when
    the checker refuses the data; otherwise every link and anchor on every page resolves."""
    tally = tally if tally is not None else collections.Counter()
    tally["drawn"] += 1
    with tempfile.TemporaryDirectory(prefix="kbgen-") as temp:
        project = make_project(Path(temp), data)
        try:
            load(project / "data")
            refused = None
        except ContentError as error:
            refused = error
        site_dir = Path(temp) / "site"
        result = run_build(project, site_dir)
        output = result.stdout + result.stderr
        assert "Traceback" not in output, output
        if refused:
            tally["refused"] += 1
            check_refusal(project, refused)
            assert result.returncode != 0, "the build passed data the checker refuses"
            assert set(PROBLEM_LINE.findall(output)) == {str(p) for p in refused.problems}, output
            return
        assert data.flaw is None, f"the checker accepted data with the flaw {data.flaw!r}"
        tally["accepted"] += 1
        assert result.returncode == 0, output
        tally["built"] += 1
        check_built(site_dir)


def check_built(site_dir: Path):
    """Every internal link and anchor on every built page resolves (as in test_site.py), no
    page has an id twice, and no text from the data became an element."""
    pages = read_site(site_dir)
    broken = []
    for page in pages.values():
        found = parse_html(page.path.read_text(encoding="utf-8"))
        assert not repeated(found.ids), f"{page.url}: ids used twice: {repeated(found.ids)}"
        assert not [p for p in found.probes if p.startswith("<kbx")], f"{page.url}: text became HTML: {found.probes}"
        for href in page.links:
            target = resolve(page, href)
            if target is None:
                continue
            url, fragment = target
            if url in pages:
                if fragment and fragment not in pages[url].ids:
                    broken.append(f"{page.url} -> {href}")
            elif fragment or not (site_dir / url).is_file():  # a download is a file of its own
                broken.append(f"{page.url} -> {href}")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_generated_knowledge_bases_are_refused_or_build(capsys):
    tally = collections.Counter()

    @generated_settings(6, shrink=False)
    @given(kbgen.knowledge_bases())
    def refused_or_built(data):
        try:
            build_check(data, tally)
        except Exception:
            note(describe(data))
            raise

    refused_or_built()
    with capsys.disabled():
        print(f"\n{tally_line('built', tally)}")


# --- regressions the property tests found ---------------------------------------------------

def problems_of(data: kbgen.GeneratedData) -> list[str]:
    """The checker's problems with the data, as it prints them ([] when it accepts it)."""
    project = scratch_project(data)
    try:
        load(project / "data")
    except ContentError as error:
        check_refusal(project, error)
        return [str(problem) for problem in error.problems]
    return []


def test_the_minimal_knowledge_base_renders_and_builds():
    """The smallest knowledge base, which each regression below changes in one place."""
    data = kbgen.minimal()
    assert problems_of(data) == []
    render_check(data)
    build_check(data)


def line_of(data: kbgen.GeneratedData, file: str, text: str) -> int:
    """The line of file (as written) holding text, which must be on exactly one line."""
    lines = [n for n, line in enumerate(kbgen.dump(data.files[file], data.width).split("\n"), 1) if text in line]
    assert len(lines) == 1, f"{text!r} is on lines {lines} of {file}"
    return lines[0]


def test_an_evidence_source_that_nothing_cites_is_listed():
    """Found: the evidence page failed to render (jinja2 UndefinedError on kb.citations[id])
    for a source that no paragraph cites, which the data allows."""
    data = kbgen.minimal()
    data.files["evidence.yaml"]["sources"].append(
        {"id": "uncited", "title": "Uncited", "kind": "report", "original_address": "www.example.org"})
    assert problems_of(data) == []
    render_check(data)


@pytest.mark.parametrize("kind, file, address", [
    ("behaviour", "behaviours.yaml", "/behaviours/"),
    ("example", "examples.yaml", "/examples/"),
    ("focus area", "themes/first-theme.yaml", "/themes/first-theme/"),
    ("question", "themes/first-theme.yaml", "/questions/"),
])
def test_an_id_that_would_take_a_listing_pages_address_is_refused(kind, file, address):
    """Found: a behaviour, example, focus area or question with the id 'index' made its page
    at behaviours/index.md (or themes/<theme>/index.md, ...): the listing page's own address,
    so one page silently replaced the other."""
    data = kbgen.minimal()
    theme = data.files["themes/first-theme.yaml"]
    if kind == "behaviour":
        data.files["behaviours.yaml"]["behaviours"][0]["id"] = "index"
        theme["focus_areas"][0]["behaviours"] = ["index"]
    elif kind == "example":
        data.files["examples.yaml"]["examples"].append(kbgen.example("index"))
    elif kind == "focus area":
        theme["focus_areas"][0]["id"] = "index"
    else:
        theme["focus_areas"][0]["questions"][0]["id"] = "index"
    line = line_of(data, file, "id: index")
    assert problems_of(data) == [
        f"data/{file}:{line}: {kind} 'index', id: a {kind} cannot have the id 'index': its page would take "
        f"the address {address}, which is another page's; choose another"]


@pytest.mark.parametrize("character", ["\x02", "\x86", "\u2028", "\ufffe"])
def test_an_invisible_control_character_in_text_is_refused(character):
    """Found: a control character (written escaped in YAML, "\\x86") reached a page's front
    matter, which MkDocs then could not read: the page lost its settings and its tags."""
    data = kbgen.minimal()
    data.files["examples.yaml"]["examples"].append(kbgen.example(setting=f"one{character}authority"))
    line = line_of(data, "examples.yaml", "setting:")
    assert problems_of(data) == [
        f"data/examples.yaml:{line}: example 'example', setting: holds an invisible control character "
        f"(#x{ord(character):04x}) that a page cannot show; delete it"]


def test_line_breaks_in_titles_and_questions_keep_headings_and_anchors():
    """Found: a title with a line break (a YAML block scalar) ended its Markdown heading
    early: the rest, indented, became a code block, and with it the heading's anchor."""
    data = kbgen.minimal()
    theme = data.files["themes/first-theme.yaml"]
    area = theme["focus_areas"][0]
    area["approaches"][0]["title"] = "Approach\n    indented"
    area["title"] = "Area\n\n- listed"
    area["questions"][0]["text"] = "A\n\n    question?"
    theme["questions_title"] = "Questions\n\n    for consideration"
    data.files["examples.yaml"]["examples"].append(kbgen.example(title="An\n\n# example", setting="one\n\nauthority"))
    assert problems_of(data) == []
    render_check(data)


def test_an_abbreviation_spelt_like_part_of_an_escape_leaves_the_escape_whole():
    """Found: glossary entries 'lt', 'amp', '35' or '39' were matched inside the escapes the
    text gets ("&lt;", "&#35;"), wrapping part of an escape in <abbr>: the reader saw "&<abbr>lt"
    garbage, and the attribute list after such a paragraph was left as text."""
    data = kbgen.minimal()
    data.files["glossary.yaml"]["abbreviations"] = [
        {"abbreviation": word, "expansion": f"the {word}"} for word in ("lt", "amp", "35", "39", "quot")]
    data.files["behaviours.yaml"]["framework"]["behaviours_lead"] = 'These are: a < b & c\'s "#1".'
    assert problems_of(data) == []
    pages = render_site(scratch_project(data))
    footnote = re.search(r'<p class="kb-footnote">(.*?)</p>', pages["framework.md"], re.DOTALL)
    assert footnote, pages["framework.md"]
    assert "<abbr" not in footnote[1] and "&lt;" in footnote[1] and "&amp;" in footnote[1], footnote[1]
    render_check(data)


def test_an_abbreviation_spelt_like_the_glossary_heading_gets_an_anchor_of_its_own():
    """Found: the glossary entry 'Glossary' had the anchor 'glossary', as the page's own
    heading did: the entries were raw HTML, which the table of contents could not see."""
    data = kbgen.minimal()
    data.files["glossary.yaml"]["abbreviations"] = [{"abbreviation": "Glossary", "expansion": None}]
    data.files["behaviours.yaml"]["framework"]["introduction"] = "The Glossary."
    assert problems_of(data) == []
    render_check(data)


def test_an_old_question_id_that_is_now_a_focus_areas_id_is_refused():
    """Found: a question renamed from 'area', where a focus area now has the id 'area', put two
    anchors 'area' on the questions page: links to either landed on the first."""
    data = kbgen.minimal()
    data.files["redirects.yaml"]["redirects"] = [{"kind": "question", "old": "area", "new": "question"}]
    line = line_of(data, "redirects.yaml", "old: area")
    area = line_of(data, "themes/first-theme.yaml", "- id: area")
    assert problems_of(data) == [
        f"data/redirects.yaml:{line}: redirect 1, old: the old question id 'area' is now the id of the focus area at "
        f"data/themes/first-theme.yaml:{area}, and both are anchors on the questions page; choose another id for the focus area"]


def test_an_expansion_with_line_breaks_keeps_headings_and_tooltips_whole():
    """Found: an expansion with a line break went into <abbr title="..."> as it was, which
    ended the Markdown heading it stood in (losing the approach's anchor), and ended the
    tooltip definition the hand-written pages get."""
    data = kbgen.minimal()
    data.files["glossary.yaml"]["abbreviations"] = [{"abbreviation": "PRU", "expansion": "pupil\n~~~\nreferral unit"}]
    data.files["themes/first-theme.yaml"]["focus_areas"][0]["approaches"][0]["title"] = "The PRU"
    assert problems_of(data) == []
    render_check(data)


def test_html_in_a_setting_or_partner_stays_text_in_its_tag():
    """Found: settings and partners become tags, which Material prints into every example
    page and the tags page as HTML: a partner '<script>...' ran as a script there, and one
    '<!-- ...' hid the rest of the page, anchors and all, in a comment."""
    data = kbgen.minimal()
    data.files["examples.yaml"]["examples"] = [kbgen.example(
        setting="a <kbx>setting</kbx>", partners=["<script>alert(1)</script>", "<!-- never closed"])]
    assert problems_of(data) == []
    with tempfile.TemporaryDirectory(prefix="kbgen-") as temp:
        project = make_project(Path(temp), data)
        result = run_build(project, Path(temp) / "site")
        assert result.returncode == 0, result.stderr
        check_built(Path(temp) / "site")
        for page in ("examples/example/index.html", "tags/index.html"):
            html = (Path(temp) / "site" / page).read_text(encoding="utf-8")
            assert "&lt;kbx&gt;setting&lt;/kbx&gt;" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html, page
            assert not [p for p in parse_html(html).probes if "alert" in p or p.startswith("<kbx")], page


@pytest.mark.parametrize("settings, expected", [
    (["One authority", "one authority"],
     "example 'second', setting: 'one authority' and 'One authority' (data/examples.yaml:{first}) would be one tag "
     "on the tags page; write them the same way"),
    (["one authority", "***"],
     "example 'second', setting: '***' has no letter or digit to make its tag's address from; write it in words"),
])
def test_settings_and_partners_whose_tags_would_share_an_address_are_refused(settings, expected):
    """Found: tags are found on the tags page by an anchor made from their letters and digits:
    'One authority' and 'one authority' (or '***' and '😀', which have none) got one anchor,
    twice, and every link to the second landed on the first."""
    data = kbgen.minimal()
    data.files["examples.yaml"]["examples"] = [kbgen.example("first", 1, setting=settings[0]),
                                               kbgen.example("second", 2, setting=settings[1])]
    first = line_of(data, "examples.yaml", f"setting: {settings[0]}")
    second = line_of(data, "examples.yaml", f"setting: '{settings[1]}'" if settings[1] == "***" else f"setting: {settings[1]}")
    assert problems_of(data) == [f"data/examples.yaml:{second}: {expected.format(first=first)}"]


@pytest.mark.parametrize("change", ["theme-id-is-a-focus-area-id", "approach-id-is-a-print-heading-id"])
def test_the_whole_knowledge_base_page_gives_each_anchor_once(change):
    """Found: the one-page print view made its headings' anchors from ids with a prefix, so a
    theme and a focus area with one id both had 'part-questions-<id>', and an approach with the
    id 'part-glossary' met the glossary heading's own anchor."""
    data = kbgen.minimal()
    theme = data.files["themes/first-theme.yaml"]
    if change == "theme-id-is-a-focus-area-id":
        theme["focus_areas"][0]["id"] = "first-theme"
    else:
        theme["focus_areas"][0]["approaches"][0]["id"] = "part-glossary"
    assert problems_of(data) == []
    render_check(data)


@pytest.mark.parametrize("kind", ["focus area", "question", "approach", "evidence source"])
def test_an_id_in_the_sites_own_kb_namespace_is_refused(kind):
    """Found: the self-review page gives elements of its own ids such as 'kb-sr-status'; a
    question or focus area with that id put it on the page twice. Ids starting 'kb-' are the
    site's own (its classes and anchors), so data ids may not take them."""
    data = kbgen.minimal()
    theme = data.files["themes/first-theme.yaml"]
    area = theme["focus_areas"][0]
    if kind == "focus area":
        area["id"] = "kb-sr-status"
        file, record = "themes/first-theme.yaml", "focus area 'kb-sr-status'"
    elif kind == "question":
        area["questions"][0]["id"] = "kb-sr-status"
        file, record = "themes/first-theme.yaml", "question 'kb-sr-status'"
    elif kind == "approach":
        area["approaches"][0]["id"] = "kb-sr-status"
        file, record = "themes/first-theme.yaml", "approach 'kb-sr-status'"
    else:
        data.files["evidence.yaml"]["sources"][0]["id"] = "kb-sr-status"
        data.files["source.yaml"]["companion_report"] = "kb-sr-status"
        theme["introduction"][0]["cites"] = ["kb-sr-status"]
        file, record = "evidence.yaml", "evidence source 'kb-sr-status'"
    line = line_of(data, file, "id: kb-sr-status")
    assert problems_of(data) == [
        f"data/{file}:{line}: {record}, id: the id 'kb-sr-status' starts with 'kb-', which the site keeps for "
        "anchors of its own; choose another"]


@pytest.mark.parametrize("old", ["questions-for-consideration", "theme-questions-for-consideration"])
def test_an_old_question_id_spelt_like_a_heading_on_the_questions_page_is_its_only_anchor(old):
    """Found: an old question id stays an anchor on the questions page, in the HTML of the
    question's line, which Markdown's table of contents does not see: the page's heading
    ("Questions for consideration", or a theme's "Theme: Questions for consideration") took
    the same anchor, and the old address landed on the heading."""
    data = kbgen.minimal()
    data.files["redirects.yaml"]["redirects"] = [{"kind": "question", "old": old, "new": "question"}]
    assert problems_of(data) == []
    render_check(data)


def test_a_problem_that_quotes_text_with_a_line_break_stays_on_one_line():
    """Found: a message quoting a partner written over two lines ('x' and a line break) was
    printed over two lines, so the second looked like no problem at all, and no longer
    named its file and line."""
    data = kbgen.minimal()
    data.files["examples.yaml"]["examples"] = [kbgen.example(partners=["[[x]]", "x\n"])]
    line = line_of(data, "examples.yaml", "partners:")
    problems = problems_of(data)
    assert problems == [f"data/examples.yaml:{line + 2}: example 'example', partners: 'x\\n' and '[[x]]' "
                        f"(data/examples.yaml:{line + 1}) would be one tag on the tags page; write them the same way"]


def test_paragraphs_that_start_with_a_code_fence_stay_paragraphs():
    """Found: a paragraph starting '~~~' opened a Markdown code block, which the next such
    paragraph on the page closed: all between (headings, anchors, illustrations) showed as
    code. The one-page print view, which holds every paragraph, met it first."""
    data = kbgen.minimal()
    approach = data.files["themes/first-theme.yaml"]["focus_areas"][0]["approaches"][0]
    approach["blocks"] = [{"paragraph": "~~~ opens"}, {"id": "kept", "paragraph": "Between."},
                          {"illustration": {"id": "shown", "title": "Title", "text": "~~~"}}]
    assert problems_of(data) == []
    render_check(data)
