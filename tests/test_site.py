"""The built site, read as a reader reads it: the report's words, links both ways, anchors."""
import re
from html import escape as html_escape, unescape
from importlib.metadata import version
from pathlib import Path

import pytest

from kb.site import knowledge_base
from kb.text import abbreviation_titles
from support import ROOT, report_paragraphs, run_build
from sitehtml import normalise, resolve
from test_data import KB



def site_text(pages) -> str:
    return " ".join(page.text for page in pages.values())


def test_every_paragraph_of_the_report_is_on_the_site_word_for_word(pages):
    text = site_text(pages)
    missing = [p for p in report_paragraphs() if p not in text]
    assert not missing, "missing from the site:\n" + "\n".join(missing)


def test_each_question_appears_once_on_the_questions_page(pages):
    for placed in KB.question.values():
        assert pages["questions/"].text.count(normalise(placed.question.text)) == 1, placed.question.id


def test_every_original_evidence_address_and_its_archive_link(pages):
    evidence = pages["evidence/"]
    for source in KB.evidence_sources:
        if source.original_address:
            assert source.original_address in evidence.text
            assert f"https://web.archive.org/web/*/{source.original_address}" in evidence.links


def test_the_copyright_notice_is_on_the_about_page(pages):
    assert normalise(KB.report.copyright) in pages["about/"].text


@pytest.mark.parametrize("behaviour", [b.id for b in KB.behaviours])
def test_behaviour_page_lists_its_examples_and_questions(pages, behaviour):
    page = pages[f"behaviours/{behaviour}/"]
    targets = {resolve(page, href) for href in page.article_links}
    relations = KB.behaviour_relations[behaviour]
    for example in relations.examples:
        assert (f"examples/{example.id}/", "") in targets
        assert example.title in page.text
    for placed in relations.questions:
        assert (f"questions/{placed.question.id}/", "") in targets
        assert normalise(placed.question.text) in page.text
    if not relations.illustrated:
        assert "does not illustrate it" in page.text
        assert ("evidence/", KB.report.companion_report) in targets


@pytest.mark.parametrize("example", [e.id for e in KB.examples])
def test_example_page_links_back_to_behaviours_approaches_and_questions(pages, example):
    page = pages[f"examples/{example}/"]
    model = KB.example[example]
    targets = {resolve(page, href) for href in page.article_links}
    for behaviour in model.behaviours:
        assert (f"behaviours/{behaviour}/", "") in targets
    for approach in model.approaches:
        placed = KB.approach[approach]
        assert (f"themes/{placed.theme.id}/{placed.focus_area.id}/", approach) in targets
    for question in KB.focus_area[model.focus_area].area.questions:
        assert (f"questions/{question.id}/", "") in targets
    for paragraph in model.text:
        assert normalise(paragraph) in page.text
    assert model.setting[:1].upper() + model.setting[1:] in page.text


def test_every_question_has_an_anchor_of_its_own(pages):
    ids = pages["questions/"].ids
    for question_id in KB.question:
        assert question_id in ids


def test_focus_area_pages_carry_approach_anchors_and_examples_in_place(pages):
    for theme in KB.themes:
        for area in theme.focus_areas:
            page = pages[f"themes/{theme.id}/{area.id}/"]
            for approach in area.approaches:
                assert approach.id in page.ids
                assert all(strand.id in page.ids for strand in approach.strands)
            for example in (e for e in KB.examples if e.focus_area == area.id):
                assert f"example-{example.id}" in page.ids


@pytest.mark.parametrize("leak", ["{{", "}}", "{%", "%}", "**", "](", "{:", "{ #", "\\*"])
def test_no_template_or_markdown_syntax_leaks_into_a_page(pages, leak):
    leaking = [url for url, page in pages.items() if leak in page.text]
    assert not leaking, f"{leak!r} shows as text on {leaking}"


def test_every_internal_link_and_anchor_on_every_page_resolves(pages, built_site):
    """Navigation, header, footer and content alike; links to downloads (open data) must find
    their file. (LinkChecker 10.6 cannot check anchors on directory URLs in local files, which
    is every page here, so the test reads the ids itself.)"""
    broken, external = [], set()
    for page in pages.values():
        for href in page.links:
            target = resolve(page, href)
            if target is None:
                external.add(href)
                continue
            url, fragment = target
            if url not in pages and not (built_site / url).is_file():
                broken.append(f"{page.url} -> {href}")
            elif fragment and fragment not in pages[url].ids:
                broken.append(f"{page.url} -> {href}")
    assert not broken, "\n".join(broken)
    # External links are listed for a person to review, never fetched by the tests.
    report = ROOT / "reports" / "external-links.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text("".join(f"{href}\n" for href in sorted(external)))
    for source in KB.evidence_sources:
        assert not source.original_address or f"https://web.archive.org/web/*/{source.original_address}" in external


def test_abbreviations_in_data_carry_their_expansion_as_a_tooltip(built_site):
    """Every example's page: each glossary word its text uses carries its expansion (or says the
    report does not expand it)."""
    seen = 0
    for example in KB.examples:
        html = (built_site / f"examples/{example.id}/index.html").read_text()
        for a in KB.abbreviations:
            title = html_escape(a.expansion or f"{a.abbreviation}: not expanded in the report; see the glossary")
            for word in (w for w in (a.abbreviation, a.plural) if w and re.search(rf"\b{w}\b", " ".join(example.text))):
                assert f'<abbr title="{title}">{word}</abbr>' in html, (example.id, word)
                seen += 1
    assert seen, "no example uses an abbreviation: the test would show nothing"


def test_abbreviations_on_hand_written_pages_carry_tooltips_too(fixture_project, tmp_path):
    # The made-up knowledge base's glossary: a build of the real site for one sentence cost four
    # times as much, and the real glossary's words are an editor's to change.
    titles = abbreviation_titles(knowledge_base(fixture_project / "data").abbreviations)
    words = [word for word in titles if word.isalpha()][:2]
    assert words, "the made-up glossary has no abbreviation: the test would show nothing"
    index = fixture_project / "docs" / "index.md"
    index.write_text(index.read_text() + f"\nThe {' and the '.join(words)}.\n")
    result = run_build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text()
    for word in words:
        shown = [unescape(title) for title in re.findall(rf'<abbr title="([^"]*)">{word}</abbr>', html)]
        assert shown == [titles[word]], (word, shown)


def test_evidence_sources_link_back_to_where_the_report_refers_to_them(pages):
    evidence = pages["evidence/"]
    targets = {resolve(evidence, href) for href in evidence.article_links}
    assert KB.citations, "the report refers to no source: the test would show nothing"
    for places in KB.citations.values():
        for place in (placed.citation for placed in places):
            page = f"themes/{place.theme.id}/{place.focus_area.id + '/' if place.focus_area else ''}"
            assert (page, place.anchor or "") in targets, place


def test_every_page_has_a_title_of_its_own_and_headings_in_order(pages):
    titles, problems = {}, []
    for url, page in pages.items():
        if url.startswith("downloads/") or page.path.name != "index.html" and url != "404.html":
            continue  # a redirect page or a file that is not a page of the site
        if page.moved:
            continue  # a page left at a renamed page's old address
        titles.setdefault(page.title, []).append(url)
        levels = page.headings
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{url}: needs exactly one h1, first: {levels[:3]}")
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if jumps:
            problems.append(f"{url}: heading levels jump {jumps}")
    # Material titles the 404 page with the site name alone, like the home page.
    repeated = {title: urls for title, urls in titles.items()
                if len([u for u in urls if u != "404.html"]) > 1 or not title}
    assert not repeated, f"titles shared or empty: {repeated}"
    assert not problems, "\n".join(problems)


def test_materials_stylesheets_reach_every_page_trimmed_from_the_installed_material_in_front_of_ours(built_site, pages):
    """Every page links one stylesheet for Material's rules and ours (kb/assets.py), not Material's
    two; its Material part was trimmed (`make css`) from the Material installed, so an upgrade not
    trimmed again fails here. What the trim kept is checked in the browser, every page in both
    schemes (tests/browser/test_trimmed_stylesheet.py): a trim once dropped the whole dark scheme."""
    trimmed = (ROOT / "docs" / "stylesheets" / "material.css").read_text(encoding="utf-8")
    made_from = re.search(r"from mkdocs-[\d.]+, mkdocs-material-([\d.]+):", trimmed)
    assert made_from and made_from.group(1) == version("mkdocs-material"), (
        "docs/stylesheets/material.css was trimmed from another Material than the one installed: run `make css`")
    served = (built_site / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert served.startswith(trimmed.rstrip() + "\n") and len(served) > len(trimmed), "site.css is not Material's, then ours"
    for url, page in pages.items():
        sheets = [link.attrs["href"] for link in page.root.iter("link") if link.attrs.get("rel") == "stylesheet"]
        assert sheets and sheets[0].endswith("stylesheets/site.css"), (url, sheets)
        assert not any("assets/stylesheets/" in sheet for sheet in sheets), (url, sheets)


def test_the_site_leaves_out_what_no_page_of_it_fetches_of_materials_files(built_site):
    """Material's source maps (only developer tools fetch them) and, for an English search, its
    search's other languages are not in the site, so not in the offline copy's zip either; its
    search worker, which would load them, is. Search still answers: tests/browser/test_search.py."""
    from kb.assets import left_out
    carried = [path.relative_to(built_site).as_posix() for path in built_site.rglob("*") if path.is_file()]
    assert any(path.startswith("assets/javascripts/workers/search.") for path in carried), "the search worker is missing"
    assert not [path for path in carried if path.endswith(".map") or "/lunr/" in path]
    # Another language is what Material's worker then loads (workers/search.*.js: lunr.<lang>.min.js).
    assert not left_out("assets/javascripts/lunr/min/lunr.de.min.js", ["en", "de"])
    assert left_out("assets/javascripts/lunr/min/lunr.de.min.js", ["en"])


def test_a_tool_page_fetches_its_own_scripts_as_one_file_and_its_own_stylesheets_as_one(built_site, pages):
    """kb/tools.py joins a tool page's own scripts, and its own stylesheets, each into one file,
    its parts in their order (a first visit of the team picture: 13.0 KB of scripts apart, 11.2
    joined); every page's own scripts are one file too (kb/assets.py, javascripts/site.js)."""
    from kb.assets import joined_text, minified
    from kb.tools import joined_files, only_joined
    everywhere = {"site.css", "site.js"}
    for path, parts in joined_files().items():
        texts = [minified(part, (ROOT / "docs" / part).read_text(encoding="utf-8")) for part in parts]
        assert (built_site / path).read_text(encoding="utf-8") == joined_text(path, texts), path
    # What no page fetches is not carried, nor Material's own stylesheets, which no page links.
    assert only_joined() and not any((built_site / part).exists() for part in only_joined())
    assert not (built_site / "assets" / "stylesheets").exists()
    for url, page in pages.items():
        own = [Path(link.attrs["href"]).name for link in page.root.iter("link") if link.attrs.get("rel") == "stylesheet"]
        own += [Path(script.attrs["src"]).name for script in page.root.iter("script")
                if "src" in script.attrs and "/assets/" not in script.attrs["src"] and "vendor/" not in script.attrs["src"]]
        assert "site.js" in own, (url, own)  # every page's one script of ours, before Material's bundle
        assert len([name for name in own if name.endswith(".js") and name not in everywhere]) <= 1, (url, own)
        assert len([name for name in own if name.endswith(".css") and name not in everywhere]) <= 1, (url, own)


def test_the_search_dialog_is_named_on_every_page_with_search(pages):
    """Material's search partial is used as shipped, its dialog given a name where the header
    includes it (overrides/partials/header.html): axe and Lighthouse's aria-dialog-name."""
    searched = 0
    for url, page in pages.items():
        html = page.path.read_text(encoding="utf-8")
        dialogs = re.findall(r'<div class="md-search"[^>]*>', html)
        if not dialogs:
            continue
        searched += 1
        assert len(dialogs) == 1 and 'role="dialog"' in dialogs[0] and 'aria-label="Search"' in dialogs[0], \
            f"{url}: {dialogs}"
    assert searched > 40
