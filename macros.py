"""mkdocs-macros entry point: the macros of the hand-written pages in docs/.

Thin on purpose: the model comes from the MkDocs hooks (kb/hooks.py), the markup from
templates/ and kb/render.py. Generated pages never pass through macros (their text came from
YAML). An id that does not exist is refused by `make check` (kb/handwritten.py) before a page
is rendered, with the page, the line and the id it may have meant.
"""
from kb.site import SITE_KEY  # not kb.hooks: MkDocs loads that file as a module of its own
from kb.kinds import LINKABLE


def define_env(env):
    renderer = lambda: env.conf[SITE_KEY].renderer  # noqa: E731 - the site of this build

    @env.macro
    def kb_fragment(template: str) -> str:
        """Render templates/<template> with the knowledge base (for hand-written pages)."""
        return renderer().fragment(template, here=env.page.file.src_uri)

    # {{ behaviour("ability-to-collaborate") }}, {{ example(...) }}, {{ question(...) }},
    # {{ theme(...) }}, {{ focus_area(...) }}, {{ term("CAF") }}: a link with the current title.
    for name, kind in LINKABLE.items():
        env.macro(lambda ident, kind=kind: renderer().link(kind, ident, here=env.page.file.src_uri), name)
