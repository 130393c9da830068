"""mkdocs-macros entry point: a few macros for the hand-written pages in docs/.

Thin on purpose: the model comes from the MkDocs hooks (kb/hooks.py), the markup from
templates/. Generated pages never pass through macros (their text came from YAML).
"""
from kb.hooks import SITE_KEY


def define_env(env):
    @env.macro
    def kb_fragment(template: str) -> str:
        """Render templates/<template> with the knowledge base (for hand-written pages)."""
        site = env.conf[SITE_KEY]
        return site.renderer.fragment(template, here=env.page.file.src_uri)
