"""One relation, read one way, shown both ways: a behaviour's page, the behaviours list and
the framework page all show every example and question that names the behaviour, wherever
it sits: in another focus area, in another theme, or in no focus area at all."""
import re

import pytest

from kb.site import knowledge_base as load
from sitehtml import read_site, resolve
from support import FIXTURE_KB, ROOT, copy_project, made_once, run_build

# On the made-up knowledge base, a second theme is added: its example names a behaviour its
# focus area joins, one that a focus area of the first theme joins, and one no focus area joins.
CROSS_THEME = "fixture-collaboration"
NOWHERE_ELSE = "fixture-simplicity"
OWN = "fixture-commitment"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    def build(folder):
        folder.mkdir()
        project = copy_project(folder / "project", data=FIXTURE_KB)
        theme = (ROOT / "tests/fixtures/fixture-theme.yaml").read_text().replace("ability-to-simplify", OWN)
        (project / "data/themes/added-theme.yaml").write_text(theme.replace("id: fixture-theme", "id: added-theme"))
        fixture_examples = (ROOT / "tests/fixtures/fixture-examples.yaml").read_text().replace(
            "behaviours: [ability-to-simplify]", f"behaviours: [{OWN}, {CROSS_THEME}, {NOWHERE_ELSE}]").replace(
            "theme: fixture-theme", "theme: added-theme").replace("number: 6", "number: 3")
        examples = project / "data/examples.yaml"
        examples.write_text(examples.read_text() + fixture_examples)
        result = run_build(project, folder / "out")
        assert result.returncode == 0, result.output

    folder = made_once(tmp_path_factory, "relations", build)
    return load(folder / "project/data"), read_site(folder / "out")


def links(page):
    return {resolve(page, href) for href in page.article_links}


def test_a_behaviour_no_focus_area_joins_still_shows_the_example_that_names_it(site):
    kb, pages = site
    page = pages[f"behaviours/{NOWHERE_ELSE}/"]
    assert ("examples/fixture-example/", "") in links(page)
    assert "Not illustrated in this report" not in page.text
    assert "no focus area joins this behaviour" in page.text.lower()
    relations = kb.behaviour_relations[NOWHERE_ELSE]
    assert relations.illustrated and not relations.focus_areas and not relations.questions


def test_a_behaviour_shows_examples_and_questions_from_every_theme(site):
    kb, pages = site
    page = pages[f"behaviours/{CROSS_THEME}/"]
    targets = links(page)
    assert ("examples/fixture-example/", "") in targets
    assert ("examples/fixture-first-example/", "") in targets
    for placed in kb.behaviour_relations[CROSS_THEME].questions:
        assert (f"questions/{placed.question.id}/", "") in targets
    # Its evidence section names both themes: the report's (with its evidence) and the fixture's.
    assert ("themes/fixture-theme/", "evidence") in targets
    assert "The report gives no evidence passage for the theme Fixture theme." in page.text


@pytest.mark.parametrize("url", ["behaviours/", "framework/"])
def test_the_behaviours_list_and_the_framework_say_the_same_as_the_behaviour_pages(site, url):
    kb, pages = site
    text = pages[url].text
    for behaviour in kb.behaviours:
        relations = kb.behaviour_relations[behaviour.id]
        name = behaviour.name[:1].upper() + behaviour.name[1:]
        shown = pages[f"behaviours/{behaviour.id}/"].text
        assert ("Not illustrated in this report" in shown) == (not relations.illustrated), behaviour.id
        # Each card: the behaviour's name, its copy-link button, then what the report shows of it.
        card = re.search(rf"{re.escape(name)} Copy link to the behaviour [^.]*?(Illustrated in this report: [^A-Z]*|Not illustrated in this report)", text)
        assert card, behaviour.id
        if relations.illustrated:
            count = len(relations.examples)
            assert card[1].startswith(f"Illustrated in this report: {count or 'no'} practice example"), (behaviour.id, card[1])
        else:
            assert card[1] == "Not illustrated in this report", (behaviour.id, card[1])


def test_the_example_links_back_to_every_behaviour_that_lists_it(site):
    kb, pages = site
    page = pages["examples/fixture-example/"]
    for behaviour_id in kb.example["fixture-example"].behaviours:
        assert (f"behaviours/{behaviour_id}/", "") in links(page)
        assert kb.example["fixture-example"] in kb.behaviour_relations[behaviour_id].examples


def _grouped_under_themes(kb, page, kind: str, items: dict[str, str]) -> None:
    """Each item's link (item id -> its theme id) comes after its theme's linked heading and
    before the next theme's."""
    html = page.path.read_text(encoding="utf-8")
    starts = {t.id: html.find(f'id="{kind}--{t.id}"') for t in kb.themes if t.id in items.values()}
    assert len(starts) > 1 and -1 not in starts.values(), f"{page.url}: no heading for each theme"
    for theme_id in starts:
        assert f"In the theme {kb.theme[theme_id].title}" in page.text
        assert (f"themes/{theme_id}/", "") in links(page)
    ends = sorted(starts.values()) + [len(html)]
    for item, theme_id in items.items():
        start = starts[theme_id]
        end = ends[ends.index(start) + 1]
        assert item in html[start:end], f"{page.url}: {item} is not under its theme {theme_id}"


def test_lists_that_span_several_themes_are_grouped_under_each_theme(site):
    kb, pages = site
    relations = kb.behaviour_relations[CROSS_THEME]
    page = pages[f"behaviours/{CROSS_THEME}/"]
    _grouped_under_themes(kb, page, "examples", {f"examples/{e.id}/": e.theme for e in relations.examples})
    # OWN is joined by a focus area of each theme: its questions come from both.
    relations = kb.behaviour_relations[OWN]
    assert len({p.theme.id for p in relations.questions}) > 1
    _grouped_under_themes(kb, pages[f"behaviours/{OWN}/"], "questions",
                          {f"questions/{p.question.id}/": p.theme.id for p in relations.questions})
    _grouped_under_themes(kb, pages["examples/"], "examples", {f"examples/{e.id}/": e.theme for e in kb.examples})
