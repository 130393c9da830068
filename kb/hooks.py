"""MkDocs hooks: load the data once, add a page per entity, expand the navigation.

Listed in mkdocs.yml under `hooks:`. Each hook is a short function; the work is in kb.*.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from kb.problems import ContentError
from kb.site import Site, expand_nav

log = logging.getLogger("mkdocs.plugins.kb")
SITE_KEY = "kb_site"  # where the built Site waits in the config for macros.py


def on_config(config):
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        site = Site.from_data(data_dir)
    except ContentError as error:
        raise Abort(error.report()) from None
    config[SITE_KEY] = site
    config.nav = expand_nav(config.nav, site)
    return config


def on_files(files, config):
    site: Site = config[SITE_KEY]
    for page in site.all_pages():
        files.append(File.generated(config, page.path, content=site.renderer.render(page)))
    return files


def on_page_markdown(markdown, page, config, files):
    """Hand-written pages get the glossary's abbreviations as tooltips (Markdown's abbr)."""
    if page.file.generated_by:
        return markdown
    site: Site = config[SITE_KEY]
    definitions = "\n".join(
        f"*[{a.abbreviation}]: {a.expansion or 'not expanded in the report'}" for a in site.kb.abbreviations)
    return f"{markdown}\n\n{definitions}\n"
