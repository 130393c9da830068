"""The plain project's hooks under `mkdocs serve` (part 3): what our hooks give an editor's
preview, settings any MkDocs site could have, so that the plain project's wait from save to page
is what MkDocs and Material cost for the same pages: the watched files looked at every 0.1 s
with a 30 ms batch (kb.hooks.on_serve) and pages not minified (kb.hooks.preview_unminified)."""
from kb.hooks import on_serve, on_startup, preview_unminified  # noqa: F401 - MkDocs calls them


def on_config(config):
    preview_unminified(config)
    return config
