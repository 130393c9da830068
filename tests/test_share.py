"""Sharing, in the built HTML: link previews on every page, copy-link buttons with the right
permanent addresses, a citation on every page, and CITATION.cff (issue 11, items 2, 3, 11)."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from urllib.parse import urldefrag

import pytest
import yaml
from mkdocs.config import load_config

from kb.text import strip_emphasis, summary
from sitehtml import read_site
from support import ROOT, run_build
from test_data import KB

NOT_FOUND = "404.html"  # Material's not-found page: it has no address of its own
PREVIEW_IMAGE = "images/link-preview.png"  # every page's picture in a link preview


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The public address the build used (mkdocs.yml's site_url, from KB_SITE_URL if set)."""
    url = load_config(str(ROOT / "mkdocs.yml")).site_url
    assert url and url.startswith(("http://", "https://")) and url.endswith("/")
    return url


@dataclass
class Sharing:
    """Link-preview metadata in the head; copy buttons (their attributes, and "name": the
    button's whole text) and the citation in the body."""
    meta: dict[str, list[str]]
    canonical: list[str]
    buttons: list[dict]
    cite_text: str


def sharing(page) -> Sharing:
    root, meta = page.root, {}
    for element in root.iter("meta"):
        key = element.attrs.get("property") or element.attrs.get("name")
        if key:
            meta.setdefault(key, []).append(element.attrs.get("content", ""))
    cite = root.find("p", "kb-cite__text")
    return Sharing(meta, [e.attrs["href"] for e in root.iter("link") if e.attrs.get("rel") == "canonical"],
                   [{**b.attrs, "name": b.text} for b in root.iter("button", "kb-copy")], cite.text if cite else "")


def one(values: list[str] | None, what: str) -> str:
    assert values and len(values) == 1, f"expected one {what}, found {values}"
    assert values[0].strip(), f"{what} is empty"
    return values[0]


def preview_text(text: str) -> str:
    """Data text as a preview shows it: without emphasis marks, whitespace collapsed."""
    return " ".join(strip_emphasis(text).split())


# --- link previews -----------------------------------------------------------------------

def test_every_page_has_a_link_preview_with_its_absolute_address(pages, site_url):
    assert len(pages) > 40
    for url, page in pages.items():
        if page.moved:
            continue  # a page left at an old address sends readers on at once
        head = sharing(page)
        assert one(head.meta.get("og:type"), f"og:type on {url}") == "website"
        assert one(head.meta.get("og:site_name"), f"og:site_name on {url}") == "Resourceful Leadership"
        assert one(head.meta.get("twitter:card"), f"twitter:card on {url}") == "summary_large_image"
        assert one(head.meta.get("og:image"), f"og:image on {url}") == site_url + PREVIEW_IMAGE
        assert one(head.meta.get("og:image:alt"), f"og:image:alt on {url}") == "Resourceful Leadership knowledge base"
        assert [head.meta.get("og:image:width"), head.meta.get("og:image:height")] == [["1200"], ["630"]]
        one(head.meta.get("og:title"), f"og:title on {url}")
        description = one(head.meta.get("description"), f"meta description on {url}")
        assert one(head.meta.get("og:description"), f"og:description on {url}") == description
        if url == NOT_FOUND:
            # It answers for every missing address, so it claims none for itself.
            assert "og:url" not in head.meta and not head.canonical, "the not-found page names an address"
            continue
        address = site_url + url
        assert one(head.meta.get("og:url"), f"og:url on {url}") == address
        assert one(head.canonical, f"canonical link on {url}") == address


def test_the_preview_picture_is_served_at_the_size_previews_ask_for(built_site):
    from PIL import Image
    with Image.open(built_site / PREVIEW_IMAGE) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert len(image.convert("RGB").getcolors(1_000_000)) > 2, "the picture is blank"


def test_previews_say_what_each_page_is_made_from_the_data(pages):
    for placed in KB.question.values():
        head = sharing(pages[f"questions/{placed.question.id}/"])
        # The title is the question; the description says where it comes from, not the question again.
        assert head.meta["og:title"] == [placed.question.text]
        assert head.meta["description"] == [preview_text(
            f"A question for consideration from the focus area {placed.focus_area.title}, in the theme {placed.theme.title}.")]
    for example in KB.examples:
        head = sharing(pages[f"examples/{example.id}/"])
        assert head.meta["og:description"] == [preview_text(summary(example.text))]  # its first sentence
        assert head.meta["og:title"] == [f"Example {example.number}: {example.title}"]
    for behaviour in KB.behaviours:
        description = sharing(pages[f"behaviours/{behaviour.id}/"]).meta["description"][0]
        assert description.lower().startswith(behaviour.name.lower() + ": one of the core behaviours")
    for theme in KB.themes:
        description = sharing(pages[f"themes/{theme.id}/"]).meta["description"][0]
        assert description.startswith(theme.title) and all(a.title in description for a in theme.focus_areas)
        for area in theme.focus_areas:
            description = sharing(pages[f"themes/{theme.id}/{area.id}/"]).meta["description"][0]
            assert description.startswith(f"{area.title}: a focus area of the theme {theme.title}")


def test_a_description_with_markup_in_the_data_stays_text(fixture_project, tmp_path):
    """Material prints descriptions into an attribute as they are: only escaped text goes in."""
    line = "      - Leaders in one fixture authority worked with partners. Exclusions fell from 44 to 2."
    marked = '<b onmouseover="x">"Leaders</b> & in one fixture authority worked with partners'
    path = fixture_project / "data/examples.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(line) == 1
    path.write_text(text.replace(line, "      - " + json.dumps(marked + ". Exclusions fell from 44 to 2.")), encoding="utf-8")
    result = run_build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = read_site(tmp_path / "out")["examples/fixture-first-example/"]
    head = sharing(page)
    assert head.meta["description"][0].startswith(marked)
    assert head.meta["og:description"] == head.meta["description"]
    assert "<b onmouseover" not in page.path.read_text(encoding="utf-8")


# --- copy-link buttons ---------------------------------------------------------------------

def buttons_by_url(page) -> dict[str, str]:
    """Each copy-link button's address and its name, as a screen reader hears it."""
    return {b["data-url"]: b["name"] for b in sharing(page).buttons if "data-url" in b}


def test_a_behaviour_page_has_copy_links_to_itself_and_everything_it_lists(pages, site_url):
    # The behaviour that names the most: its page lists focus areas, examples and questions.
    behaviour = max(KB.behaviours, key=lambda b: len(KB.behaviour_relations[b.id].examples) + len(KB.behaviour_relations[b.id].focus_areas))
    relations = KB.behaviour_relations[behaviour.id]
    assert relations.examples and relations.focus_areas and relations.questions
    found = buttons_by_url(pages[f"behaviours/{behaviour.id}/"])
    assert found[f"{site_url}behaviours/{behaviour.id}/"] == "Copy link to this behaviour"
    for placed in relations.focus_areas:
        area_url = f"{site_url}themes/{placed.theme.id}/{placed.area.id}/"
        assert found[area_url] == f"Copy link to the focus area {placed.area.title}"
        for approach in placed.area.approaches:
            assert f"{area_url}#{approach.id}" in found
            assert all(f"{area_url}#{strand.id}" in found for strand in approach.strands)
    for example in relations.examples:
        assert found[f"{site_url}examples/{example.id}/"] == f"Copy link to example {example.number}: {example.title}"
    for placed in relations.questions:
        assert f"{site_url}questions/{placed.question.id}/" in found


def test_an_example_page_has_copy_links_to_itself_its_approaches_and_behaviours(pages, site_url):
    example = max(KB.examples, key=lambda e: len(e.approaches))  # one that illustrates the most
    placed_area = KB.focus_area[example.focus_area]
    found = buttons_by_url(pages[f"examples/{example.id}/"])
    assert found[f"{site_url}examples/{example.id}/"] == "Copy link to this example"
    area_url = f"{site_url}themes/{placed_area.theme.id}/{example.focus_area}/"
    assert area_url in found
    for placed in KB.approaches_for_example(example):
        assert f"{area_url}#{placed.approach.id}" in found
    for behaviour_id in example.behaviours:
        assert found[f"{site_url}behaviours/{behaviour_id}/"] == f"Copy link to the behaviour {KB.behaviour[behaviour_id].name}"
    for question in placed_area.area.questions:
        assert f"{site_url}questions/{question.id}/" in found


def test_a_question_page_has_a_copy_link_to_itself(pages, site_url):
    for placed in KB.question.values():
        found = buttons_by_url(pages[f"questions/{placed.question.id}/"])
        assert found[f"{site_url}questions/{placed.question.id}/"] == "Copy link to this question"


def test_focus_area_pages_have_a_copy_link_under_every_approach_and_strand(pages, site_url):
    for theme in KB.themes:
        for area in theme.focus_areas:
            url = f"themes/{theme.id}/{area.id}/"
            found = buttons_by_url(pages[url])
            assert found[site_url + url] == "Copy link to this focus area"
            for approach in area.approaches:
                name = found[f"{site_url}{url}#{approach.id}"]
                assert name.startswith("Copy link to ") and name.endswith(approach.title)
                for strand in approach.strands:
                    assert found[f"{site_url}{url}#{strand.id}"].startswith(f"Copy link to {strand.title}, in ")


def test_lists_of_behaviours_examples_and_focus_areas_have_copy_links(pages, site_url):
    behaviours = {f"{site_url}behaviours/{b.id}/" for b in KB.behaviours}
    for url in ("", "framework/", "behaviours/"):
        assert behaviours <= set(buttons_by_url(pages[url])), f"a behaviour card on {url or 'the home page'} has no copy link"
    examples = {f"{site_url}examples/{e.id}/" for e in KB.examples}
    assert examples <= set(buttons_by_url(pages["examples/"]))
    for theme in KB.themes:
        areas = {f"{site_url}themes/{theme.id}/{a.id}/" for a in theme.focus_areas}
        assert areas <= set(buttons_by_url(pages[f"themes/{theme.id}/"]))
        assert areas <= set(buttons_by_url(pages["themes/"]))


def test_every_copy_link_lands_on_a_page_and_anchor_that_exist(pages, site_url):
    checked = 0
    for url, page in pages.items():
        names = {}
        for button in sharing(page).buttons:
            assert "hidden" in button, f"{url}: a copy button shows before its script runs"
            if "data-copy-text" in button:
                continue
            address, fragment = urldefrag(button["data-url"])
            assert address.startswith(site_url), f"{url}: {address} is not under {site_url}"
            target = address[len(site_url):]
            assert target in pages, f"{url}: copy link to a missing page {address}"
            assert not fragment or fragment in pages[target].ids, f"{url}: copy link to a missing anchor {button['data-url']}"
            names.setdefault(button["name"], set()).add(button["data-url"])
            checked += 1
        # The questions' buttons in a list are all "this question", each beside its question.
        clashes = {n: a for n, a in names.items() if len(a) > 1 and n != "Copy link to this question"}
        assert not clashes, f"{url}: one name, several addresses: {clashes}"
    assert checked > 100


# --- cite this page --------------------------------------------------------------------------

def test_every_page_has_a_citation_ready_to_copy(pages, site_url):
    report = KB.report
    for url, page in pages.items():
        if url == NOT_FOUND or url.endswith("/present/") or page.moved:
            continue  # a presenter view shows its slide alone (issue 20 item 2); an old address sends readers on
        found = sharing(page)
        cited = found.cite_text
        assert cited.startswith(f"{report.publisher} ({report.year}) {report.title}."), f"{url}: {cited!r}"
        assert cited.endswith(f"Available at: {site_url}{url}"), f"{url}: {cited!r}"
        if url:
            assert f"“{page.title.rsplit(' - ', 1)[0]}”" in cited, f"{url}: the page's title is not cited"
        copies = [b for b in found.buttons if "data-copy-text" in b]
        assert len(copies) == 1 and copies[0]["name"] == "Copy citation of this page"
        assert html.unescape(copies[0]["data-copy-text"]) == cited


def test_citation_cff_names_the_report_as_data_source_yaml_gives_it():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    source = yaml.safe_load((ROOT / "data/source.yaml").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "software" and citation["title"] and citation["message"] and citation["authors"]
    preferred = citation["preferred-citation"]
    assert preferred["type"] == "report"
    assert preferred["title"] == source["title"]
    assert preferred["year"] == source["year"]
    assert preferred["authors"] == [{"name": source["publisher"]}]
    assert preferred["publisher"] == {"name": source["publisher"], "city": source["place"]}
    assert preferred["notes"] == source["subtitle"]
    assert not {"doi", "url", "identifiers", "repository-code"} & (set(citation) | set(preferred)), \
        "an identifier or address the data does not give"
