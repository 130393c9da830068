"""`make build` run twice at once, as an editor's watcher and a manual build do: site/ is
complete after every round, and the second build says that it waited."""
import subprocess
import sys

# Round one builds into an empty folder, round two swaps with a complete site/: every path
# kb/build.py takes. More rounds repeated the same paths at 10 s each.
ROUNDS = 2


def start_build(project):
    # The offline copy is built the same way, under the same lock: leaving it out halves the time.
    return subprocess.Popen([sys.executable, "-m", "kb.build", "--no-offline-copy"], cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def files_under(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def published_files(project):
    """The HTML file of every address the site publishes (its pages and their old addresses)."""
    from kb.addresses import built_file
    from kb.published import Manifest, MANIFEST
    pages = {address.split("#")[0] for address in Manifest.read(project / MANIFEST).addresses}
    return {built_file(address.strip("/") + "/index.md") if address != "/" else "index.html"
            for address in pages if address.endswith("/")}


def test_two_builds_at_once_always_leave_a_complete_site(fixture_project):
    # The small made-up knowledge base: what is tested is the lock and the swap, not the content.
    project = fixture_project
    site, expected, waited = project / "site", None, 0
    for _ in range(ROUNDS):
        builds = [start_build(project), start_build(project)]
        outputs = [build.communicate(timeout=300) for build in builds]
        for build, (out, err) in zip(builds, outputs):
            assert build.returncode == 0, err
            assert "Traceback" not in err
        waited += sum("waiting for it to finish" in err for _, err in outputs)
        found = files_under(site)
        if expected is None:  # the first round's site, checked against every published address
            assert published_files(project) <= set(found), "a published page is missing from site/"
            assert "index.html" in found and any(name.startswith("assets/") for name in found)
            expected = found
        assert found == expected, "site/ is not the complete site after two builds at once"
    assert waited >= 1, "no build ever waited for another: the builds did not overlap"
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site-")]
    assert not leftovers, f"temporary build folders were left behind: {leftovers}"
