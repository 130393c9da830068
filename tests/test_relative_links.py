"""Links between pages are worked out from the two site paths alone (kb.render.relative),
and always agree with posixpath.relpath, which asks the system for the working directory;
permanent addresses always agree with urllib's urljoin."""
import functools
import posixpath
import urllib.parse

from hypothesis import given, settings, strategies as st

from kb.addresses import page_url
from kb.render import Renderer, relative
from support import ROOT
from test_data import KB

segment = st.sampled_from(["a", "b", "themes", "index.md", "x.md", "."])
path = st.lists(segment, min_size=0, max_size=4).map("/".join)


@given(target=path.filter(lambda p: p.strip("./")), start=path)
def test_relative_agrees_with_relpath(target, start):
    assert relative(target, start) == posixpath.relpath(target, start or ".")


# Permanent addresses (share lines, link previews, QR codes) are site_url joined with the
# page's address, worked out once per build rather than by urljoin() per link.
site_url = st.sampled_from(["", "/", "/kb/", "https://example.org", "https://example.org/",
                            "https://example.org/kb", "https://example.org/kb/", "http://127.0.0.1:8000/"])
page = st.lists(st.sampled_from(["themes", "a", "b-c", "handout", "index"]), min_size=1, max_size=3).map(
    lambda parts: "/".join(parts) + ".md")


@functools.cache
def renderer_for(site: str) -> Renderer:
    return Renderer(KB, ROOT / "templates", site_url=site)


@settings(deadline=None)  # the first example for each site_url makes its renderer
@given(site=site_url, path=page, anchor=st.none() | st.sampled_from(["q1", "evidence"]))
def test_permanent_addresses_agree_with_urljoin(site, path, anchor):
    renderer = renderer_for(site)
    url = page_url(path)
    expected = urllib.parse.urljoin(site or "/", f"{url}/" if url else "")
    assert renderer.permanent(path, anchor) == (f"{expected}#{anchor}" if anchor else expected)
