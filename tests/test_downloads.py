"""Open data and the offline copy, as `make build` publishes them: the JSON validates against
its schema and holds every entity; each CSV holds every question (or example) once, with
addresses that resolve in the built site; the offline zip holds the whole site."""
import csv
import io
import json
import re
import zipfile

import jsonschema
import pytest
from hypothesis import given, strategies as st

from kb.downloads import OFFLINE_FOLDER, OFFLINE_ZIP, OPEN_DATA_FILES, OpenQuestion, _json
from test_data import KB


@pytest.fixture(scope="module")
def data(built_site):
    return json.loads((built_site / OPEN_DATA_FILES["json"]).read_text(encoding="utf-8"))


def site_path(address, built_site):
    """The built file an absolute address (from site_url) points at."""
    path = address.split("://", 1)[1].split("/", 1)[1]
    return built_site / path / "index.html"


def test_the_json_validates_against_its_schema(built_site, data):
    schema = json.loads((built_site / OPEN_DATA_FILES["schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


# The JSON is written by pydantic (fast), and must read as Python's json module writes it:
# indented, non-ASCII as it is, control characters escaped, for any text an editor can write.
@given(st.text(), st.lists(st.text(max_size=5), max_size=3))
def test_the_json_is_written_as_the_json_module_writes_it(text, behaviours):
    question = OpenQuestion(id="q", text=text, theme=text, focus_area="f", behaviours=behaviours, address="https://x/")
    assert (question.model_dump_json(indent=2) + "\n").encode("utf-8") == _json(question.model_dump(mode="json"))


def test_the_json_holds_every_entity_of_the_data(data):
    assert [b["id"] for b in data["behaviours"]] == [b.id for b in KB.behaviours]
    assert [e["id"] for e in data["practice_examples"]] == [e.id for e in KB.examples]
    assert [q["id"] for q in data["questions"]] == list(KB.question)
    assert [t["id"] for t in data["themes"]] == [t.id for t in KB.themes]
    assert {a["abbreviation"] for a in data["abbreviations"]} == {a.abbreviation for a in KB.abbreviations}
    assert [s["id"] for s in data["evidence_sources"]] == [s.id for s in KB.evidence_sources]
    assert data["report"]["title"] == KB.report.title
    example = next(e for e in data["practice_examples"] if e["id"] == KB.examples[0].id)
    assert example["text"] == KB.examples[0].text, "word for word"


@pytest.mark.parametrize("name, entities", [("questions", lambda: [p.question for p in KB.question.values()]),
                                            ("examples", lambda: list(KB.examples))])
def test_each_csv_holds_every_entity_once_with_addresses_that_resolve(built_site, name, entities):
    raw = (built_site / OPEN_DATA_FILES[name]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so spreadsheets read UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["id", "text", "theme", "focus_area", "behaviours", "address"]
    ids = [row["id"] for row in rows]
    assert sorted(ids) == sorted(e.id for e in entities()) and len(ids) == len(set(ids))
    for row in rows:
        assert site_path(row["address"], built_site).is_file(), row["address"]
    # Every character as in the data (curly quotes, dashes): the text is word for word.
    texts = {e.id: e.text if isinstance(e.text, str) else "\n\n".join(e.text) for e in entities()}
    assert {row["id"]: row["text"] for row in rows} == texts


def test_the_offline_copy_is_the_whole_site_built_for_files(built_site):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        names = set(archive.namelist())
        assert f"{OFFLINE_FOLDER}/index.html" in names
        assert f"{OFFLINE_FOLDER}/search/search_index.js" in names, "search works without a server"
        for behaviour in KB.behaviours:
            assert f"{OFFLINE_FOLDER}/behaviours/{behaviour.id}.html" in names
        home = archive.read(f"{OFFLINE_FOLDER}/index.html").decode("utf-8")
        assert "unpkg.com" not in home and "iframe-worker-shim.js" in home
    trainers = (built_site / "trainers/index.html").read_text(encoding="utf-8")
    # The link, and beside it the zip's real size as the trainers' page gives it.
    size = (built_site / OFFLINE_ZIP).stat().st_size
    shown = f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"
    assert re.search(rf'href="\.\./{re.escape(OFFLINE_ZIP)}">[^<]+</a> \(zip, {re.escape(shown)}\)', trainers), shown
