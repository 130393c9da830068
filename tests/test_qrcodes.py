"""QR codes (kb/qrcodes.py): inline SVG named by its address for screen readers, kept for the
next build exactly as drawn. Real pixels of printed codes are decoded in tests/browser/test_print.py."""
import base64

import pytest
import segno

from kb import qrcodes
from kb.kept import BUILD_CACHE_ENV
from kb.qrcodes import MASK, qr_code, qr_modules
from support import run_build

URL = "https://example.org/questions/a-question/"


def test_a_code_is_named_by_its_address():
    svg = qr_code(URL)
    assert svg.startswith(f'<svg role="img" aria-label="QR code for {URL}"') and svg.endswith("</svg>")


def test_an_address_with_markup_characters_is_escaped_in_its_name():
    assert 'aria-label="QR code for https://example.org/?a=1&amp;b=&quot;x&quot;"' in qr_code('https://example.org/?a=1&b="x"')


@pytest.mark.parametrize("url", [URL, "http://127.0.0.1:8000/questions/q/",
                                 "https://example.org/a/much/longer/address/" + "x" * 120 + "/"])
def test_modules_are_the_codes_own_bit_for_bit(url):
    """A composed session draws codes in the browser from these modules: the same code, bit for bit."""
    size, packed = qr_modules(url).split(" ")
    bits = "".join(f"{byte:08b}" for byte in base64.b64decode(packed))
    expected = segno.make(url, error="m", mask=MASK, micro=False).matrix
    assert int(size) == len(expected)
    assert bits[:len(expected) ** 2] == "".join(str(int(v)) for row in expected for v in row)
    assert set(bits[len(expected) ** 2:]) <= {"0"} and len(bits) - len(expected) ** 2 < 8


# --- drawings kept for the next build (kb/kept.py) ------------------------------------------

def forget_drawn():
    """This process's own memory of drawn codes emptied, as in a new build process."""
    for cached in (qrcodes._code, qrcodes.qr_code, qrcodes.qr_modules):
        cached.cache_clear()


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """An empty folder for what builds keep, as on a fresh clone; codes drawn before are forgotten."""
    monkeypatch.setenv(BUILD_CACHE_ENV, str(tmp_path / "kept"))
    forget_drawn()
    yield tmp_path / "kept" / "qr-codes"
    forget_drawn()


def no_drawing(monkeypatch):
    def draw(*args, **kwargs):
        raise AssertionError("a QR code was drawn again")
    monkeypatch.setattr(segno, "make", draw)


def test_a_kept_code_is_the_code_drawn(kept, monkeypatch):
    drawn = qr_code(URL), qr_modules(URL)
    assert len(list(kept.iterdir())) == 2, "both the SVG and the modules are kept"
    forget_drawn()
    no_drawing(monkeypatch)
    assert (qr_code(URL), qr_modules(URL)) == drawn


@pytest.mark.parametrize("damage", [
    lambda text: text[:len(text) // 2],                                    # cut off: a full disk
    lambda text: text.replace('<g transform', '<g onload="alert(1)" transform', 1),  # not our shape
    lambda text: "https://example.org/another/\n" + text.split("\n", 1)[1],  # another address's
])
def test_a_kept_code_that_is_not_whole_or_not_ours_is_drawn_again(kept, damage):
    drawn = qr_code(URL)
    (entry,) = [e for e in kept.iterdir() if "<svg" in e.read_text(encoding="utf-8")]
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    forget_drawn()
    assert qr_code(URL) == drawn
    address, value = entry.read_text(encoding="utf-8").split("\n")
    assert address == URL and qrcodes.KEPT_SHAPES["svg"].fullmatch(value), "kept again, whole"


def site_files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_site_built_with_kept_codes_is_the_site_drawn_anew_byte_for_byte(fixture_project, kept, monkeypatch):
    first = run_build(fixture_project, fixture_project / "first")
    assert first.returncode == 0, first.output
    assert any(kept.iterdir())
    forget_drawn()
    no_drawing(monkeypatch)  # every code of the second build comes from what the first kept
    second = run_build(fixture_project, fixture_project / "second")
    assert second.returncode == 0, second.output
    assert site_files(fixture_project / "second") == site_files(fixture_project / "first")


def test_a_build_cache_folder_that_cannot_be_made_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(BUILD_CACHE_ENV, str(blocked))
    forget_drawn()
    try:
        assert qr_code(URL).startswith('<svg role="img"') and qr_modules(URL)
    finally:
        forget_drawn()
