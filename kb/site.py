"""The site as the MkDocs hooks and macros see it: model, pages and renderer, built once per build."""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .loader import load
from .model import KnowledgeBase
from .pages import Page, site_pages
from .render import Renderer


@dataclass
class Site:
    kb: KnowledgeBase
    pages: list[Page]
    renderer: Renderer

    @classmethod
    def from_project(cls, project: Path) -> "Site":
        """The site of the project whose mkdocs.yml is in `project`: its data/ and templates/."""
        kb = load(project / "data")
        return cls(kb, site_pages(kb), Renderer(kb, project / "templates"))

    def __post_init__(self):
        self.by_path = {page.path: page for page in self.all_pages()}

    def all_pages(self) -> list[Page]:
        return [page for top in self.pages for page in top.walk()]

    def page(self, path: str) -> Page | None:
        """The generated page made at path (docs-relative), if any."""
        return self.by_path.get(path)

    def nav_entry(self, path: str):
        """The nav entry for a generated page: a section when it has children."""
        page = self.page(path)
        return _entry(page) if page else None


def _entry(page: Page):
    # Material prints nav titles into HTML unescaped; a title is text from YAML, so escape it.
    title = html.escape(page.title)
    if not page.children:
        return {title: page.path}
    index = [page.path] if page.path else []
    return {title: [*index, *(_entry(child) for child in page.children)]}


def expand_nav(nav, site: Site):
    """Replace each nav item naming a generated section page with the whole section."""
    expanded = []
    for item in nav or []:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                expanded.append({title: expand_nav(value, site)})
                continue
            entry = site.nav_entry(value) if isinstance(value, str) else None
            if entry:
                (_, content), = entry.items()
                expanded.append({title: content})
                continue
        expanded.append(item)
    return expanded
