"""The offline copy, unpacked and opened from file:// in Chromium: pages, links, search."""
import zipfile

import pytest

from browser_support import search_results
from kb.downloads import OFFLINE_FOLDER, OFFLINE_ZIP
from test_data import KB


@pytest.fixture(scope="module")
def unpacked(built_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    return folder / OFFLINE_FOLDER


def test_the_offline_copy_reads_links_and_searches_from_disk(open_page, unpacked):
    page = open_page()
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(("file://", "data:", "blob:")) else None)
    page.goto((unpacked / "index.html").as_uri())
    assert "Resourceful leadership" in page.inner_text("h1")

    behaviour = KB.behaviours[0]
    page.click(f"article a[href$='behaviours/{behaviour.id}.html']")
    page.wait_for_url(f"**/behaviours/{behaviour.id}.html")
    assert page.inner_text("h1").rstrip("¶").lower() == behaviour.name.lower()
    page.go_back()
    page.wait_for_url("**/index.html")

    # A word from a practice example, found by the offline search (no server, no worker file).
    word = "exclusions"
    assert word in " ".join(KB.examples[0].text)
    page.click("input.md-search__input")
    page.keyboard.type(word)
    results = search_results(page, word)
    assert any(f"examples/{KB.examples[0].id}.html" in href for href in results), results
    assert not outside, f"the offline copy requested {outside}"
