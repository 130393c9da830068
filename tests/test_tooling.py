"""Editor tooling: JSON Schemas from the models, pre-commit, and the CI workflows."""
import subprocess
import sys
from pathlib import Path

import pytest

from kb.jsonschemas import SCHEMA_DIR, render, schema_files
from support import ROOT

BIN = Path(sys.executable).parent
DATA_SCHEMAS = [(f"data/{name}.yaml", f"{name}.schema.json")
                for name in ("behaviours", "examples", "evidence", "glossary", "source", "redirects")]
DATA_SCHEMAS += [(p.relative_to(ROOT).as_posix(), "theme.schema.json") for p in sorted((ROOT / "data/themes").glob("*.yaml"))]


def check_jsonschema(*args):
    return subprocess.run([str(BIN / "check-jsonschema"), *args], capture_output=True, text=True, cwd=ROOT)


def test_committed_schemas_are_the_ones_the_models_generate():
    for name, schema in schema_files().items():
        committed = SCHEMA_DIR / name
        assert committed.is_file(), f"run `make schemas`: {name} is missing"
        assert committed.read_text(encoding="utf-8") == render(schema), f"run `make schemas`: {name} is stale"


@pytest.mark.parametrize("data_file, schema", DATA_SCHEMAS)
def test_each_data_file_names_its_schema_and_matches_it(data_file, schema):
    first_line = (ROOT / data_file).read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=") and first_line.endswith(f"schemas/{schema}")
    named = (ROOT / data_file).parent / first_line.split("$schema=")[1]
    assert named.resolve() == (SCHEMA_DIR / schema).resolve()
    result = check_jsonschema("--schemafile", str(SCHEMA_DIR / schema), data_file)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_catches_a_typo_an_editor_makes(tmp_path):
    bad = tmp_path / "examples.yaml"
    bad.write_text((ROOT / "data/examples.yaml").read_text().replace("    setting: ", "    setings: ", 1))
    result = check_jsonschema("--schemafile", str(SCHEMA_DIR / "examples.schema.json"), str(bad))
    assert result.returncode == 1
    assert "setings" in result.stdout


def test_the_workflows_match_github_actions_published_schema():
    workflows = sorted(str(p) for p in (ROOT / ".github/workflows").glob("*.yml"))
    assert len(workflows) >= 2
    result = check_jsonschema("--builtin-schema", "vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflows_run_make_test_and_publish_main():
    test = (ROOT / ".github/workflows/test.yml").read_text()
    publish = (ROOT / ".github/workflows/publish.yml").read_text()
    assert "pull_request" in test and "run: make test" in test and "upload-artifact" in test
    assert "branches: [main]" in publish and "deploy-pages" in publish


def test_the_pre_commit_config_is_valid_and_runs_the_checks():
    result = subprocess.run([str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    assert "make check" in config
    assert all(f"schemas/{schema}" in config for _, schema in DATA_SCHEMAS)


def test_make_check_validates_the_data_quickly():
    result = subprocess.run(["make", "--no-print-directory", "check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "The data is valid" in result.stdout
