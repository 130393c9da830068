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
