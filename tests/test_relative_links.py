"""Links between pages are worked out from the two site paths alone (kb.render.relative),
and always agree with posixpath.relpath, which asks the system for the working directory."""
import posixpath

from hypothesis import given, strategies as st

from kb.render import relative

segment = st.sampled_from(["a", "b", "themes", "index.md", "x.md", "."])
path = st.lists(segment, min_size=0, max_size=4).map("/".join)


@given(target=path.filter(lambda p: p.strip("./")), start=path)
def test_relative_agrees_with_relpath(target, start):
    assert relative(target, start) == posixpath.relpath(target, start or ".")
