"""Editors' plumbing stays out of readers' sight (issue 20 item 6), in real Chromium: no page
shows a data file, a line number or the self-review's version code as text (every page, at phone
width, in the every-page pass of tests/browser/test_every_page.py; here, the self-review with its
text shown). With a repository set (extra.edit_base), every kind of page (of the made-up
knowledge base's site, tests/fixtures/kb/) has Material's own "Edit this page" control, whose
address ends in the file and line that hold the page's content. (Under `mkdocs serve` the page names
them as text: tests/test_serve.py.)"""
from __future__ import annotations

import re

from browser_support import EDIT_BASE, page_kinds
from kb.site import knowledge_base
from support import FIXTURE_KB, line_of
from test_data import KB

KINDS = page_kinds()
# The site with a repository set is the made-up knowledge base's (the edit_site fixture).
MADE_UP = knowledge_base(FIXTURE_KB)
# What editors' plumbing looks like in text: a data or docs file, or a line number.
PLUMBING = re.compile(r"\bdata/|\bdocs/|\.ya?ml\b|\.md\b|\bline \d+")


def visible_text(page) -> str:
    return page.evaluate("document.body.innerText")


def plumbing_in_sight(page, url) -> list[str]:
    """What of editors' plumbing a reader sees on the page as it is: checked on every page at
    phone width in tests/browser/test_every_page.py, and below on the self-review with its
    exported text shown."""
    text = visible_text(page)
    problems = [f"{url}: {found!r} in what a reader sees" for found in PLUMBING.findall(text)]
    if "Edit this page" in text or page.locator("a[rel=edit]").count():
        problems.append(f"{url}: an edit control, though no repository is set (extra.edit_base)")
    return problems


def test_the_self_review_shows_no_plumbing_and_no_version_code_with_its_text_shown(open_page, server):
    page = open_page(viewport="phone")
    page.goto(server + KINDS["self-review"])
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    page.click("[data-kb-sr-action=show-json]")  # the text panel shows what is exported
    page.click("[data-kb-sr-action=hide-text]")
    assert not plumbing_in_sight(page, "self-review")
    version = page.get_attribute("#kb-sr--app", "data-content-version")
    assert version and version not in visible_text(page), "the self-review shows its version code"


def test_the_self_reviews_import_says_only_whether_the_questions_changed(open_page, server, tmp_path):
    page = open_page()
    page.goto(server + KINDS["self-review"])
    page.wait_for_selector(".kb-sr-controls:not([hidden])")
    version = page.get_attribute("#kb-sr--app", "data-content-version")
    first = next(iter(KB.question))
    for theirs, changed in ((version, False), ("0123456789ab", True)):
        backup = tmp_path / f"{theirs}.json"
        backup.write_text('{"kind": "kb-self-review", "format": 1, "exported": "2031-03-04", "contentVersion": "%s",'
                          ' "answers": {"%s": {"status": "in-place"}}}' % (theirs, first))
        page.set_input_files("#kb-sr--import-file", str(backup))
        about = page.locator("#kb-sr--preview-about")
        about.wait_for()
        said = about.inner_text()
        assert "2031-03-04" in said and version not in said and theirs not in said, said
        assert ("changed" in said) == changed, said
        page.click("[data-kb-sr-action=import-cancel]")


def test_with_a_repository_every_page_has_materials_edit_link_to_its_file_and_line(open_page, edit_site):
    project, base = edit_site
    example = MADE_UP.examples[0]
    expected = {"example": f"{EDIT_BASE}data/examples.yaml#L{line_of(project / 'data/examples.yaml', f'- id: {example.id}')}",
                "home": f"{EDIT_BASE}docs/index.md#L1",
                "accessibility": f"{EDIT_BASE}docs/accessibility.md#L1"}
    page = open_page(viewport="phone")
    for kind, url in page_kinds(MADE_UP).items():
        if kind in ("presenter view", "not found"):
            continue
        page.goto(base + url)
        edit = page.get_by_role("link", name=re.compile("^Edit this page"))
        assert edit.count() == 1, f"{kind}: {edit.count()} edit links"
        assert edit.is_visible() and "md-content__button" in edit.get_attribute("class"), f"{kind}: not Material's own place"
        href = edit.get_attribute("href")
        assert re.fullmatch(re.escape(EDIT_BASE) + r"(data|docs)/[\w/.-]+\.(yaml|md)#L\d+", href), f"{kind}: {href}"
        file, line = href[len(EDIT_BASE):].split("#L")
        assert file in edit.get_attribute("title"), f"{kind}: the title does not name {file}"
        if kind in expected:
            assert href == expected[kind], kind
        box = edit.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, f"{kind}: edit target {box}"
        text = visible_text(page)
        assert not PLUMBING.findall(text), f"{kind}: {PLUMBING.findall(text)} in what a reader sees"
