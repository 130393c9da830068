"""QR codes (kb/qrcodes.py): inline SVG named by its address for screen readers. Real pixels of
printed codes are decoded in tests/browser/test_print.py."""
import base64

import pytest
import segno

from kb.qrcodes import MASK, qr_code, qr_modules

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
