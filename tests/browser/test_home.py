"""The home page leads each kind of user to what is theirs in one click (issue 20 item 5), in
real Chromium: practitioners to the framework and the self-review, trainers to the trainers'
page, and editors, where the site knows its repository (extra.edit_base), to the editors' guide
there; without a repository, readers are not told about repository work at all."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from browser_support import EDIT_BASE, page_kinds

KINDS = page_kinds()

# Each box of "Where to start": its label (the first bold text) and where its links lead.
BOXES = """() => [...document.querySelectorAll('.md-content .grid.cards')].slice(0, 1).flatMap(grid =>
    [...grid.querySelectorAll(':scope > ul > li')].map(box => ({
        label: box.querySelector('strong')?.textContent.trim(),
        links: [...box.querySelectorAll('a[href]')].filter(a => a.checkVisibility())
                   .map(a => ({text: a.textContent.trim(), href: a.href}))})))"""


def boxes(page) -> dict[str, list[dict]]:
    return {box["label"]: box["links"] for box in page.evaluate(BOXES)}


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_practitioners_and_trainers_reach_their_tools_from_the_home_page(open_page, server, viewport):
    page = open_page(viewport=viewport)
    page.goto(server)
    found = boxes(page)
    assert set(found) == {"Practitioners", "Trainers"}, f"the boxes are {list(found)}"
    targets = {kind: {link["href"] for link in links} for kind, links in found.items()}
    for kind in ("framework", "examples", "questions", "self-review"):
        assert urljoin(server, KINDS[kind]) in targets["Practitioners"], f"practitioners have no link to the {kind}"
    assert urljoin(server, KINDS["trainers"]) == found["Trainers"][0]["href"], "the trainers' box leads elsewhere first"
    text = page.inner_text(".md-content")
    assert "repository" not in text and "CONTRIBUTING" not in text, "readers are told about repository work"


def test_with_a_repository_editors_reach_their_guide_from_the_home_page(open_page, edit_site):
    _, base = edit_site
    page = open_page(viewport="phone")
    page.goto(base)
    found = boxes(page)
    assert list(found) == ["Practitioners", "Trainers", "Editors"]
    assert [link["href"] for link in found["Editors"]] == [f"{EDIT_BASE}CONTRIBUTING.md"]
