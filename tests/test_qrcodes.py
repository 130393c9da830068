"""QR codes kept between builds (kb/qrcodes.py): drawn once per address, read back by the
next build, and drawn afresh whenever the kept file cannot be trusted."""
from __future__ import annotations

import json

import pytest

from kb import qrcodes
from kb.qrcodes import QrCodes

URL = "https://example.org/questions/a-question/"


@pytest.fixture
def store(tmp_path):
    return tmp_path / ".cache/kb/qr-codes.json"


def test_a_code_is_named_by_its_address(store):
    svg = QrCodes(store)(URL)
    assert svg.startswith(f'<svg role="img" aria-label="QR code for {URL}"') and svg.endswith("</svg>")


def test_the_next_build_reads_the_codes_drawn_before(store, monkeypatch):
    first = QrCodes(store)
    drawn = first(URL)
    first.save()
    monkeypatch.setattr(qrcodes, "draw", lambda url: pytest.fail(f"drew {url} again"))
    assert QrCodes(store)(URL) == drawn


def test_nothing_is_written_when_nothing_new_was_drawn(store):
    codes = QrCodes(store)
    codes.save()
    assert not store.exists()


@pytest.mark.parametrize("kept", [
    "not json {",
    json.dumps({"key": "an older way of drawing", "content": {URL: "<svg>stale</svg>"}}),
    json.dumps({"key": qrcodes.DRAWING, "content": {URL: "<script>alert(1)</script>"}}),
    json.dumps(["a list"]),
])
def test_a_kept_file_that_cannot_be_trusted_is_drawn_afresh_and_replaced(store, kept):
    store.parent.mkdir(parents=True)
    store.write_text(kept, encoding="utf-8")
    codes = QrCodes(store)
    assert codes(URL) == qrcodes.draw(URL)
    codes.save()
    assert json.loads(store.read_text(encoding="utf-8"))["content"] == {URL: qrcodes.draw(URL)}


def test_a_folder_that_cannot_be_written_keeps_nothing_and_the_build_goes_on(tmp_path):
    (tmp_path / ".cache").write_text("a file where the folder should be", encoding="utf-8")
    codes = QrCodes(tmp_path / ".cache/kb/qr-codes.json")
    assert codes(URL) == qrcodes.draw(URL)
    codes.save()  # no OSError reaches the build
    assert (tmp_path / ".cache").read_text(encoding="utf-8") == "a file where the folder should be"


@pytest.mark.parametrize("url", [URL, "http://127.0.0.1:8000/questions/q/",
                                 "https://example.org/a/much/longer/address/" + "x" * 120 + "/"])
def test_modules_read_back_from_a_drawn_code_are_segnos_own(url):
    """A composed session draws codes in the browser from these modules: the same code, bit for bit."""
    import base64

    import segno
    size, packed = qrcodes.modules(qrcodes.draw(url)).split(" ")
    bits = "".join(f"{byte:08b}" for byte in base64.b64decode(packed))
    expected = segno.make(url, error="m", mask=qrcodes.MASK, micro=False).matrix
    assert int(size) == len(expected)
    assert bits[:len(expected) ** 2] == "".join(str(int(v)) for row in expected for v in row)
    assert set(bits[len(expected) ** 2:]) <= {"0"} and len(bits) - len(expected) ** 2 < 8
