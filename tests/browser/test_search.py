"""Search loads only when the reader goes to search, and answers the first query typed
straight after a fresh load, online and in the offline copy."""
import zipfile
from urllib.parse import urlparse

import pytest

from browser_support import search_results
from kb.downloads import OFFLINE_FOLDER, OFFLINE_ZIP
from test_data import KB, distinctive_word

WORD = distinctive_word(KB.examples[0])  # a word only the first practice example holds
SEARCH_FILES = ("search_index.json", "search_index.js", "workers/search.")


@pytest.fixture(scope="module")
def offline_home(built_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline-search")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    return (folder / OFFLINE_FOLDER / "index.html").as_uri()


def search_requests(requests):
    return [url for url in requests if any(name in url for name in SEARCH_FILES)]


@pytest.mark.parametrize("where", ["online", "offline"])
def test_search_loads_on_demand_and_answers_the_first_query(open_page, server, offline_home, where):
    assert WORD in " ".join(KB.examples[0].text)
    page = open_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server if where == "online" else offline_home)
    page.wait_for_load_state("networkidle")
    assert not search_requests(requests), "the search index or worker was fetched before the reader searched"

    page.click("input.md-search__input")
    page.keyboard.type(WORD)  # at once: no waiting for the index to be ready first
    results = search_results(page, WORD)
    assert any(f"examples/{KB.examples[0].id}" in href for href in results), results
    assert search_requests(requests), "searching must load the search index"
    if where == "online":
        outside = [url for url in requests if urlparse(url).netloc != urlparse(server).netloc]
        assert not outside, f"searching asked outside the site: {outside}"
    assert page.context.cookies() == []


def test_the_slash_key_loads_search(open_page, server):
    page = open_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "framework/")
    page.wait_for_load_state("networkidle")
    assert not search_requests(requests)
    page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(WORD)
    search_results(page, WORD)
    assert search_requests(requests)


# The lazy search's hooks are named kbHeld... (docs/javascripts/lazy-search.js). Offline,
# Material's own iframe-worker shim stands in for Worker, so only ours are looked for there.
HOOKS_LEFT = """() => [window.Worker, XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send,
    Node.prototype.appendChild, new XMLHttpRequest().send].map(f => f.name).filter(name => name.startsWith('kbHeld'))"""
NATIVE = """() => [XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send, Node.prototype.appendChild]
    .every(f => Function.prototype.toString.call(f).includes('[native code]'))"""


@pytest.mark.parametrize("where", ["online", "offline"])
def test_no_browser_function_stays_replaced(open_page, server, offline_home, where):
    """The lazy search catches Material's two calls as its bundle starts, and nothing after:
    once the page is loaded, every script meets the browser's own functions."""
    page = open_page()
    page.goto(server if where == "online" else offline_home)
    page.wait_for_load_state("load")
    assert page.evaluate(HOOKS_LEFT) == []
    assert page.evaluate(NATIVE)
    assert page.evaluate("() => window.kbSearchLoaded()") is False


def test_the_search_button_on_a_phone_loads_search(open_page, server):
    page = open_page(viewport="phone")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "framework/")
    page.wait_for_load_state("networkidle")
    assert not search_requests(requests)
    page.click("[data-kb-toggle=__search]")
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(WORD)
    assert any(f"examples/{KB.examples[0].id}" in href for href in search_results(page, WORD))
    assert search_requests(requests)


def test_a_page_opened_from_a_search_result_marks_the_words(open_page, server):
    example = KB.examples[0]
    page = open_page()
    page.goto(server + f"examples/{example.id}/?h={WORD}")
    page.wait_for_selector("article mark", timeout=60_000)
    assert WORD in page.inner_text("article mark").lower()
