"""An editor's ordinary pull request breaks no test (issue 29 item 2).

The pull request, as CONTRIBUTING's recipes have an editor make it on the real data: every
review date moved on a year (never past today), the last practice example renamed with its
redirect, then `make urls`. Made on a copy of the project, it must pass the check and the
build with no warning; the content tests of tests/test_data.py must hold for the changed
data; and what the browser tests look for must be where they look: every page of one of each
kind (tests/browser/browser_support.py) and every query's page of the search relevance test
(followed through the rename) is a page of the copy's site, and the old address sends readers on.
(The whole suite on such a copy passed before this test was written; this keeps it true.)
"""
from __future__ import annotations

import datetime
import json
import re
import sys

import pytest
import yaml

import test_data
from kb.site import knowledge_base as load
from sitehtml import read_site
from support import ROOT, copy_project, made_once, record_addresses, run_module

sys.path.insert(0, str(ROOT / "tests" / "browser"))  # what the browser tests look for

REVIEWED = re.compile(r"(last_reviewed: )(\d{4}-\d{2}-\d{2})")
SUFFIX = "-renamed"


def moved_on(match: re.Match) -> str:
    before = datetime.date.fromisoformat(match[2])
    return match[1] + min(before.replace(year=before.year + 1), datetime.date.today()).isoformat()


def ordinary_pull_request(project) -> tuple[str, str]:
    """Make the pull request in project: (the renamed example's old id, its new id)."""
    data = project / "data"
    for file in sorted(data.rglob("*.yaml")):
        file.write_text(REVIEWED.sub(moved_on, file.read_text(encoding="utf-8")), encoding="utf-8")
    old = load(data).examples[-1].id
    new = old + SUFFIX
    for file in [data / "examples.yaml", *sorted((data / "themes").glob("*.yaml"))]:
        text = file.read_text(encoding="utf-8")
        file.write_text(re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text), encoding="utf-8")
    redirects = data / "redirects.yaml"
    listed = (yaml.safe_load(redirects.read_text(encoding="utf-8")) or {}).get("redirects") or []
    listed.append({"kind": "example", "old": old, "new": new})
    redirects.write_text(yaml.safe_dump({"redirects": listed}, sort_keys=False), encoding="utf-8")
    record_addresses(project)  # make urls
    return old, new


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory):
    """The copy with the pull request made, checked and built (once for all the test workers):
    (project, old id, new id, what make check and make build said)."""
    def make(folder):
        project = copy_project(folder)
        old, new = ordinary_pull_request(project)
        said = [run_module(project, "kb.check"), run_module(project, "kb.build", "--no-offline-copy")]
        (project / "pull-request.json").write_text(json.dumps(
            {"old": old, "new": new, "said": [[result.returncode, result.output] for result in said]}))

    project = made_once(tmp_path_factory, "ordinary-pull-request", make)
    made = json.loads((project / "pull-request.json").read_text())
    return project, made["old"], made["new"], made["said"]


def test_the_check_and_the_build_pass_without_a_warning(pull_request):
    project, old, new, said = pull_request
    for code, output in said:
        assert code == 0, output
        assert "REVIEW" not in output and "WARNING" not in output, output
    site = read_site(project / "site")
    assert f"examples/{new}/" in site
    assert f'url=../{new}/"' in (project / "site" / "examples" / old / "index.html").read_text(encoding="utf-8")


def test_the_content_tests_hold_for_the_changed_data(pull_request, monkeypatch):
    project = pull_request[0]
    monkeypatch.setattr(test_data, "KB", load(project / "data"))
    tests = [test for name, test in vars(test_data).items() if name.startswith("test_") and callable(test)]
    assert tests
    for test in tests:
        test()


def test_what_the_browser_tests_look_for_is_on_the_copys_site(pull_request, monkeypatch):
    project, old, new, _ = pull_request
    built = {f"/{url}" for url in read_site(project / "site")}
    changed = load(project / "data")
    monkeypatch.setattr(test_data, "KB", changed)
    from browser_support import page_kinds  # reads test_data.KB
    import test_search_relevance as relevance
    kinds = page_kinds()
    assert f"/{kinds['example']}" in built and kinds["example"] != f"examples/{old}/"
    missing = [kind for kind, url in kinds.items() if f"/{url}" not in built]
    assert not missing, missing

    renamed = relevance.renamed_in(changed)
    assert renamed.get(f"/examples/{old}/") == f"/examples/{new}/"
    lost = [f"{q.text!r}: {q.page}" for q in relevance.QUERIES if renamed.get(q.page, q.page) not in built]
    assert not lost, lost
