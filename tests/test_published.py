"""Published addresses never vanish: published-addresses.txt lists them (sorted, one a line),
the check and the build refuse to lose one without a redirect or to publish one it does not
list, every kind with an address can be renamed or retired, and two pull requests that add
pages merge cleanly. Edits are made to the small made-up knowledge base (tests/fixtures/kb/)."""
import shutil
import subprocess

from kb.published import MANIFEST
from support import ROOT, run_module

THEME = "data/themes/fixture-theme.yaml"


def run(project, module, *args):
    """`python -m module` in project; MkDocs prints an aborted build's reason on stdout."""
    return run_module(project, module, *args)


def rename(project, old, new):
    for path in [project / "data/examples.yaml", *(project / "data/themes").glob("*.yaml")]:
        path.write_text(path.read_text().replace(old, new))


def manifest_line(project, address):
    lines = (project / MANIFEST).read_text().splitlines()
    assert lines.count(address) == 1
    return lines.index(address) + 1


def add_redirect(project, *entries):
    path = project / "data/redirects.yaml"
    path.write_text(path.read_text().replace("redirects: []", "redirects:\n" + "".join(f"  - {e}\n" for e in entries)))


def listed(project) -> list[str]:
    return [line for line in (project / MANIFEST).read_text().splitlines() if line and not line.startswith("#")]


def built(project, address: str) -> str:
    return (project / "site" / address.strip("/") / "index.html").read_text()


def test_the_committed_manifest_lists_every_address_sorted_and_the_site_serves_them():
    result = run(ROOT, "kb.check")
    assert result.returncode == 0, result.output
    addresses = listed(ROOT)
    assert addresses == sorted(set(addresses)), "one address a line, sorted, so that pull requests merge"
    assert "/" in addresses and any(a.startswith("/examples/") for a in addresses) and any("#" in a for a in addresses)
    assert "published-addresses.txt merge=union" in (ROOT / ".gitattributes").read_text()


def test_an_example_renamed_without_a_redirect_fails_naming_the_address_and_fix(fixture_project):
    project = fixture_project
    rename(project, "fixture-second-example", "fixture-local-example")
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode != 0 and "Traceback" not in result.output
    line = manifest_line(project, "/examples/fixture-second-example/")
    assert (f"{MANIFEST}:{line}: the published address /examples/fixture-second-example/ is gone; "
            "if the example 'fixture-second-example' was renamed, add to data/redirects.yaml: "
            "- {kind: example, old: fixture-second-example, new: <its new id>}") in result.output
    assert not (project / "site").exists(), "nothing may be built"
    assert "is gone" in run(project, "kb.check").output, "make check says so too"

    add_redirect(project, "{kind: example, old: fixture-second-example, new: fixture-local-example}")
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode != 0 and "run `make urls`" in result.output, "the new address must be listed first"
    assert "/examples/fixture-local-example/" in run(project, "kb.urls").stdout
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.output
    assert 'url=../fixture-local-example/"' in built(project, "/examples/fixture-second-example/")


def test_a_question_renamed_keeps_its_anchor_and_page(fixture_project):
    project = fixture_project
    rename(project, "id: fixture-second-question", "id: fixture-key-players")
    result = run(project, "kb.check")
    line = manifest_line(project, "/questions/#fixture-second-question")
    assert f"{MANIFEST}:{line}: the published address /questions/#fixture-second-question is gone" in result.output

    add_redirect(project, "{kind: question, old: fixture-second-question, new: fixture-key-players}")
    run(project, "kb.urls")
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.output
    questions = built(project, "/questions/")
    assert 'id="fixture-second-question"' in questions and 'id="fixture-key-players"' in questions
    assert 'url=../fixture-key-players/"' in built(project, "/questions/fixture-second-question/")


def test_a_renamed_theme_takes_its_focus_areas_handouts_and_presenter_views_with_it(fixture_project):
    project = fixture_project
    (project / THEME).write_text((project / THEME).read_text().replace("id: fixture-theme", "id: fixture-renamed-theme"))
    (project / THEME).rename(project / "data/themes/fixture-renamed-theme.yaml")
    rename(project, "theme: fixture-theme", "theme: fixture-renamed-theme")
    assert "/themes/fixture-theme/fixture-opening/handout/ is gone" in run(project, "kb.check").output

    add_redirect(project, "{kind: theme, old: fixture-theme, new: fixture-renamed-theme}")
    assert "run `make urls`" in run(project, "kb.check").output, "only the new addresses are left to list"
    run(project, "kb.urls")
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.output
    assert 'url=../fixture-renamed-theme/"' in built(project, "/themes/fixture-theme/")
    assert 'url=../../../fixture-renamed-theme/fixture-opening/handout/"' in built(project, "/themes/fixture-theme/fixture-opening/handout/")
    assert 'url=../../fixture-renamed-theme/fixture-collaborating/"' in built(project, "/themes/fixture-theme/fixture-collaborating/")


def test_a_renamed_focus_area_keeps_its_pages(fixture_project):
    project = fixture_project
    rename(project, "fixture-opening", "fixture-possibilities")
    add_redirect(project, "{kind: focus_area, old: fixture-opening, new: fixture-possibilities}")
    run(project, "kb.urls")
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.output
    assert 'url=../../fixture-possibilities/present/"' in built(project, "/themes/fixture-theme/fixture-opening/present/")


def test_a_retired_question_sends_its_readers_where_the_editor_says(fixture_project):
    project = fixture_project
    theme = project / THEME
    text = theme.read_text()
    question = "      - id: fixture-second-question\n        text: Who are the fixture's key players?\n"
    assert text.count(question) == 1
    theme.write_text(text.replace(question, ""))
    assert "/questions/fixture-second-question/ is gone" in run(project, "kb.check").output

    add_redirect(project, "{kind: question, old: fixture-second-question, retired_to: /themes/fixture-theme/fixture-colaborating/}")
    result = run(project, "kb.check")
    assert "'/themes/fixture-theme/fixture-colaborating/' is not an address of the site (did you mean " \
           "'/themes/fixture-theme/fixture-collaborating/'?)" in result.output

    (project / "data/redirects.yaml").write_text((project / "data/redirects.yaml").read_text().replace("colaborating", "collaborating"))
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.output
    assert 'url=../../themes/fixture-theme/fixture-collaborating/"' in built(project, "/questions/fixture-second-question/")
    questions = built(project, "/questions/")
    assert 'id="fixture-second-question"' in questions, "its anchor still lands on the questions page"


def test_new_content_must_be_listed_and_make_urls_lists_it_sorted(fixture_project):
    project = fixture_project
    shutil.copy(ROOT / "tests/fixtures/fixture-theme.yaml", project / "data/themes/another-theme.yaml")
    theme = project / "data/themes/another-theme.yaml"
    text = theme.read_text().replace("          - example: fixture-example\n", "")
    theme.write_text(text.replace("fixture-", "another-").replace("ability-to-simplify", "fixture-simplicity"))
    result = run(project, "kb.check")
    assert result.returncode != 0
    assert "the site publishes 6 addresses not yet listed here (/questions/#another-question" in result.output
    assert "run `make urls` and commit this file with your change" in result.output
    assert run(project, "kb.build", "--no-offline-copy").returncode != 0, "the build agrees with the check"

    result = run(project, "kb.urls")
    assert "Added 6 new addresses" in result.stdout and "/themes/another-theme/" in result.stdout
    assert listed(project) == sorted(listed(project))
    assert run(project, "kb.check").returncode == 0
    assert f"{MANIFEST} already lists every address" in run(project, "kb.urls").stdout


def git(repo, *args):
    result = subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                            cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def add_question(project, after: str, ident: str, text: str):
    theme = project / THEME
    content = theme.read_text()
    assert content.count(after) == 1
    theme.write_text(content.replace(after, after + f"      - id: {ident}\n        text: {text}\n"))


def test_two_pull_requests_that_each_add_a_page_merge_cleanly(fixture_project):
    """Two editors each add a question (addresses that sort side by side) and run `make urls`:
    git merges published-addresses.txt as the union of both, and the result checks clean."""
    project = fixture_project
    shutil.copy(ROOT / ".gitattributes", project / ".gitattributes")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "data", MANIFEST, ".gitattributes")
    git(project, "commit", "-q", "-m", "start")
    git(project, "checkout", "-q", "-b", "first")
    add_question(project, "        text: Who are the fixture's key players?\n", "fixture-second-question-a", "Is this the first added question?")
    run(project, "kb.urls")
    git(project, "commit", "-q", "-am", "one question")
    git(project, "checkout", "-q", "main")
    add_question(project, "        text: What could the fixture do differently?\n", "fixture-second-question-b", "Is this the second added question?")
    run(project, "kb.urls")
    git(project, "commit", "-q", "-am", "another question")
    git(project, "merge", "-q", "--no-edit", "first")
    assert "<<<<<<<" not in (project / MANIFEST).read_text()
    assert {"/questions/#fixture-second-question-a", "/questions/#fixture-second-question-b"} <= set(listed(project))
    assert run(project, "kb.check").returncode == 0
