"""Published addresses never vanish: published-addresses.txt lists them, the build refuses
to lose one without a redirect, and new content adds its addresses."""
import shutil
import subprocess
import sys

from kb.published import MANIFEST
from support import ROOT


def run(project, module, *args):
    """`python -m module` in project; MkDocs prints an aborted build's reason on stdout."""
    result = subprocess.run([sys.executable, "-m", module, *args], cwd=project, capture_output=True, text=True)
    result.output = result.stdout + result.stderr
    return result


def rename(project, old, new):
    for path in [project / "data/examples.yaml", *(project / "data/themes").glob("*.yaml")]:
        path.write_text(path.read_text().replace(old, new))


def manifest_line(project, address):
    lines = (project / MANIFEST).read_text().splitlines()
    assert lines.count(address) == 1
    return lines.index(address) + 1


def add_redirect(project, entry):
    path = project / "data/redirects.yaml"
    path.write_text(path.read_text().replace("redirects: []", f"redirects:\n  - {entry}\n"))


def test_the_committed_manifest_lists_every_address_it_protects_and_the_site_serves_them():
    result = run(ROOT, "kb.check")
    assert result.returncode == 0, result.stderr
    listed = [line for line in (ROOT / MANIFEST).read_text().splitlines() if line and not line.startswith("#")]
    assert "/" in listed and any(a.startswith("/examples/") for a in listed) and any("#" in a for a in listed)


def test_an_example_renamed_without_a_redirect_fails_the_build_naming_the_address_and_fix(project):
    rename(project, "targeting-provision-locally", "local-targeting")
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode != 0 and "Traceback" not in result.output
    line = manifest_line(project, "/examples/targeting-provision-locally/")
    assert (f"{MANIFEST}:{line}: the published address /examples/targeting-provision-locally/ is gone; "
            "if the example 'targeting-provision-locally' was renamed, add to data/redirects.yaml: "
            "- {kind: example, old: targeting-provision-locally, new: <its new id>}") in result.output
    assert not (project / "site").exists(), "nothing may be built"
    assert "is gone" in run(project, "kb.check").output, "make check says so too"

    add_redirect(project, "{kind: example, old: targeting-provision-locally, new: local-targeting}")
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.stderr
    moved = (project / "site/examples/targeting-provision-locally/index.html").read_text()
    assert 'url=../local-targeting/"' in moved
    assert "/examples/local-targeting/" in (project / MANIFEST).read_text().splitlines()


def test_a_question_renamed_without_a_redirect_fails_and_with_one_keeps_its_anchor(project):
    rename(project, "id: key-players", "id: the-key-players")
    result = run(project, "kb.check")
    line = manifest_line(project, "/questions/#key-players")
    assert f"{MANIFEST}:{line}: the published address /questions/#key-players is gone" in result.output
    assert "- {kind: question, old: key-players, new: <its new id>}" in result.output

    add_redirect(project, "{kind: question, old: key-players, new: the-key-players}")
    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.stderr
    questions = (project / "site/questions/index.html").read_text()
    assert 'id="key-players"' in questions and 'id="the-key-players"' in questions


def test_new_content_adds_its_addresses_to_the_manifest_with_a_plain_message(project):
    shutil.copy(ROOT / "tests/fixtures/fixture-theme.yaml", project / "data/themes/fixture-theme.yaml")
    examples = project / "data/examples.yaml"
    examples.write_text(examples.read_text() + (ROOT / "tests/fixtures/fixture-examples.yaml").read_text())
    before = (project / MANIFEST).read_text()
    assert "new addresses are not yet in" in run(project, "kb.check").stderr

    result = run(project, "kb.build", "--no-offline-copy")
    assert result.returncode == 0, result.stderr
    assert f"new addresses to {MANIFEST}" in result.stdout and "/examples/fixture-example/" in result.stdout
    after = (project / MANIFEST).read_text()
    assert after.startswith(before), "published addresses are never removed or reordered"
    assert "/examples/fixture-example/\n" in after and "/questions/#fixture-question\n" in after
    assert f"{MANIFEST} already lists every address" in run(project, "kb.urls").stdout
