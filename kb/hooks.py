"""MkDocs hooks: load the data once, add a page per entity, expand the navigation.

Listed in mkdocs.yml under `hooks:`. Each hook is a short function; the work is in kb.*.
"""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from kb.model import Location
from kb.problems import ContentError
from kb.redirects import redirect_pages
from kb.addresses import page_url
from kb.review import stale_reviews
from kb.site import Site, expand_nav
from kb.text import abbreviation_titles

SITE_KEY = "kb_site"  # where the built Site waits in the config for macros.py
DEFAULT_REVIEW_DAYS = 365


def on_config(config):
    try:
        site = Site.from_project(Path(config.config_file_path).parent)
    except ContentError as error:
        raise Abort(error.report()) from None
    config[SITE_KEY] = site
    config.nav = expand_nav(config.nav, site)
    _warn_stale_reviews(site, config)
    return config


def _warn_stale_reviews(site, config):
    # Printed, not logged: a warning logged through MkDocs would fail a --strict build.
    days = config.extra.get("review_after_days", DEFAULT_REVIEW_DAYS)
    for problem in stale_reviews(site.kb, datetime.date.today(), days):
        print(f"REVIEW  -  {problem}", file=sys.stderr)


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
    definitions = "\n".join(f"*[{word}]: {title}" for word, title in abbreviation_titles(site.kb.abbreviations).items())
    return f"{markdown}\n\n{definitions}\n"


def on_page_context(context, page, config, nav):
    """Tell the page template which file (and line) holds this page's content."""
    site: Site = config[SITE_KEY]
    generated = site.page(page.file.src_uri)
    source = generated.source if generated else Location(f"docs/{page.file.src_uri}", 1)
    page.meta["kb_source"] = {"file": source.file, "line": source.line}
    return context


def on_post_build(config):
    """Leave a page at every renamed page's old address (never over a real page)."""
    site: Site = config[SITE_KEY]
    for old, new in redirect_pages(site.kb):
        target = Path(config.site_dir) / page_url(old) / "index.html"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(site.renderer.redirect(old, new, config.site_name), encoding="utf-8")
