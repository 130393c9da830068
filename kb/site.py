"""The site as the MkDocs hooks and macros see it: model, pages and renderer, built once per build."""
from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .downloads import Edition
from .loader import load
from .model import KnowledgeBase
from .pages import Page, site_pages
from .problems import ContentError
from .published import MANIFEST, Manifest, site_addresses, vanished
from .qrcodes import STORE as QR_STORE, QrCodes
from .render import Renderer


@dataclass(frozen=True)
class Site:
    kb: KnowledgeBase
    pages: list[Page]
    renderer: Renderer
    project: Path

    @classmethod
    def from_project(cls, project: Path, site_url: str = "", edition: Edition = Edition()) -> "Site":
        """The site of the project whose mkdocs.yml is in `project`: its data/ and templates/,
        with absolute addresses made from site_url.

        Raises ContentError for bad data, and for a published address the site would lose."""
        kb = load(project / "data")
        renderer = Renderer(kb, project / "templates", site_url, edition, QrCodes(project / QR_STORE))
        site = cls(kb, site_pages(kb), renderer, project)
        problems = vanished(site.manifest(), site.addresses())
        if problems:
            raise ContentError(problems)
        return site

    @cached_property
    def by_path(self) -> dict[str, Page]:
        return {page.path: page for page in self.all_pages()}

    def all_pages(self) -> list[Page]:
        return [page for top in self.pages for page in top.walk()]

    def page(self, path: str) -> Page | None:
        """The generated page made at path (docs-relative), if any."""
        return self.by_path.get(path)

    def nav_entry(self, path: str):
        """The nav entry for a generated page: a section when it has children."""
        page = self.page(path)
        return _entry(page) if page else None

    def addresses(self) -> set[str]:
        return site_addresses(self.kb, [page.path for page in self.all_pages()], self.project / "docs")

    def manifest(self) -> Manifest:
        return Manifest.read(self.project / MANIFEST)

    def publish_new_addresses(self) -> list[str]:
        """Add the site's new addresses to the manifest; the ones added."""
        return self.manifest().add(self.addresses())


def _entry(page: Page):
    # Material prints nav titles into HTML unescaped; a title is text from YAML, so escape it.
    title = html.escape(page.title)
    children = [child for child in page.children if child.in_nav]
    if not children:
        return {title: page.path}
    index = [page.path] if page.path else []
    return {title: [*index, *(_entry(child) for child in children)]}


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
