"""Search finds what readers mean. Every query of tests/search_queries.yaml is typed into the
built site's own search box in Chromium (its last key pressed, see typed()): its page must come among the first
three results, and no page may be listed twice among the first five. Online, and in the
offline copy opened from disk. One browser page serves all the queries of a run."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass

import pytest
import yaml

from browser_support import search_results
from kb.downloads import OFFLINE_FOLDER, OFFLINE_ZIP
from kb.published import address
from support import ROOT
from test_data import KB

QUERIES_FILE = ROOT / "tests" / "search_queries.yaml"
FIRST, DISTINCT = 3, 5  # the page among the first three; no page twice among the first five


@dataclass(frozen=True)
class Query:
    text: str
    page: str  # the address bar's path: "/", "/examples/<id>/"
    line: int


def load_queries() -> list[Query]:
    """The queries with the line each is written on (for messages an editor can act on)."""
    root = yaml.compose(QUERIES_FILE.read_text(encoding="utf-8"))
    items = dict((key.value, value) for key, value in root.value)["queries"].value
    queries = []
    for item in items:
        fields = {key.value: value.value for key, value in item.value}
        queries.append(Query(str(fields["query"]), str(fields["page"]), item.start_mark.line + 1))
    return queries


QUERIES = load_queries()
# A page renamed since its query was written is looked for at its new address, as its old one
# sends readers there (data/redirects.yaml): an editor's rename breaks no query.
def renamed_in(kb) -> dict[str, str]:
    return {address(old): address(new) for old, new in kb.renamed_pages()}


RENAMED = renamed_in(KB)

# Material writes the result count (or "No matching documents") once for every answer of its
# search worker, and sends one query for every key that changes the search box: counting those
# writes tells when the answer to the whole query, not to its first letters, is on screen.
COUNT_ANSWERS = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    window.kbAnswers = 0;
    new MutationObserver(records => { window.kbAnswers += records.length; }).observe(meta, {childList: true});
}"""
RESULT_LINKS = """items => items.map(item => item.querySelector('a').href)"""


def page_of(href: str, base: str) -> str:
    """A result's page as the address bar shows it online: "/examples/<id>/" (offline copies
    name the same page examples/<id>.html)."""
    path = href.split("#")[0].split("?")[0].removeprefix(base)
    path = path.removesuffix("index.html")
    if path.endswith(".html"):
        path = path.removesuffix(".html") + "/"
    return "/" + path


def typed(page, text: str) -> None:
    """Put `text` in the search box as a reader who types it, or pastes it and adds a last
    key, leaves it: return once the search has answered the whole of it. Material searches at
    each key that is let go (keyup) and changes the box, so the text but its last character
    goes in at once, without a key, and the last character is typed: one search, for the whole
    query (typing every key searched for every first few letters too, 15 times the work). The
    previous query is selected without a key (a key would search for it again) and replaced."""
    page.locator("input.md-search__input").select_text()
    page.evaluate("() => { window.kbAnswers = 0; }")
    page.keyboard.insert_text(text[:-1])
    page.keyboard.type(text[-1])
    page.wait_for_function("() => window.kbAnswers >= 1")


def ranked_pages(page, query: str, base: str) -> list[str]:
    typed(page, query)
    hrefs = page.eval_on_selector_all(".md-search-result__item", RESULT_LINKS)
    return [page_of(href, base) for href in hrefs]


def misses(page, base: str) -> list[str]:
    """Every query whose page is not among the first three, or that lists a page twice among
    the first five: one line each, with the line of the query file and what came instead."""
    page.click("input.md-search__input")
    page.keyboard.type("framework")
    search_results(page, "framework")  # the search has loaded and answered once
    page.evaluate(COUNT_ANSWERS)
    found = []
    for query in QUERIES:
        pages = ranked_pages(page, query.text, base)
        first = pages[:DISTINCT]
        problems = []
        expected = RENAMED.get(query.page, query.page)
        if expected not in pages[:FIRST]:
            place = f"at {pages.index(expected) + 1}" if expected in pages else "not listed"
            problems.append(f"{expected} {place}")
        twice = sorted({p for p in first if first.count(p) > 1})
        if twice:
            problems.append(f"listed twice: {', '.join(twice)}")
        if problems:
            found.append(f"{QUERIES_FILE.name}:{query.line}: {query.text!r}: {'; '.join(problems)}; "
                         f"first five: {', '.join(first) or 'none'}")
    return found


@pytest.fixture(scope="module")
def site_pages(pages) -> set[str]:
    return {"/" + url for url in pages}


def test_the_query_file_names_pages_of_the_site(site_pages):
    assert len(QUERIES) >= 40
    unknown = [f"{QUERIES_FILE.name}:{q.line}: {q.page} is no page of the site" for q in QUERIES if q.page not in site_pages]
    assert not unknown, "\n".join(unknown)
    repeated = {q.text for q in QUERIES if [other.text for other in QUERIES].count(q.text) > 1}
    assert not repeated, f"queries written twice: {sorted(repeated)}"


def test_search_finds_each_querys_page(open_page, server):
    page = open_page()
    page.goto(server)
    found = misses(page, server)
    assert not found, f"{len(found)} of {len(QUERIES)} queries missed:\n" + "\n".join(found)


def test_the_offline_copys_search_finds_them_too(open_page, built_site, tmp_path):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    home = tmp_path / OFFLINE_FOLDER / "index.html"
    page = open_page()
    page.goto(home.as_uri())
    found = misses(page, home.parent.as_uri() + "/")
    assert not found, f"{len(found)} of {len(QUERIES)} queries missed offline:\n" + "\n".join(found)
