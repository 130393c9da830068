"""QR codes (kb/qrcodes.py): inline SVG named by its address for screen readers. Real pixels of
printed codes are decoded in tests/browser/test_print.py."""
from kb.qrcodes import qr_code

URL = "https://example.org/questions/a-question/"


def test_a_code_is_named_by_its_address():
    svg = qr_code(URL)
    assert svg.startswith(f'<svg role="img" aria-label="QR code for {URL}"') and svg.endswith("</svg>")


def test_an_address_with_markup_characters_is_escaped_in_its_name():
    assert 'aria-label="QR code for https://example.org/?a=1&amp;b=&quot;x&quot;"' in qr_code('https://example.org/?a=1&b="x"')
