"""The site as the commands, hooks and macros see it: the data loaded, every rule checked, the
pages listed and a renderer for them; built once per build."""
from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from . import rules
from .downloads import Edition
from .load import load
from .model import KnowledgeBase
from .pages import Page, all_pages, site_pages, site_paths
from .problems import ContentError, Problem
from .published import MANIFEST, Manifest, address
from .render import Renderer


@dataclass(frozen=True)
class Checked:
    """The project's data, loaded and checked: the model, and every problem and warning."""
    kb: KnowledgeBase
    problems: list[Problem]
    warnings: list[str]
    pages: list[Page]  # the generated pages, worked out once for the rules and the site
    paths: list[str]   # every page of the site, generated and hand-written (kb.pages.site_paths)

    @classmethod
    def of(cls, project: Path, extra: dict | None = None, skip: tuple[str, ...] = (), today: datetime.date | None = None) -> "Checked":
        """extra: mkdocs.yml's extra (read from the file when the caller has no configuration)."""
        loaded = load(project / "data")
        kb = KnowledgeBase.build(loaded)
        pages = [] if kb.failed else site_pages(kb)  # the rules about addresses run once every file reads
        paths = site_paths(pages, project / "docs")
        subject = rules.Subject(kb, today or datetime.date.today(), project, paths,
                                extra_of(project) if extra is None else extra)
        problems, warnings = rules.run(subject, skip)
        return cls(kb, [*loaded.problems, *problems], warnings, pages, paths)


# MkDocs' own reading of mkdocs.yml (its !ENV tag, INHERIT), on libyaml's parser where PyYAML
# has it: MkDocs' default, the pure-Python one, took 50 ms of every `make check` and every
# in-process check of the tests.
CONFIG_LOADER = get_yaml_loader(getattr(yaml, "CLoader", yaml.Loader))


def extra_of(project: Path) -> dict:
    """mkdocs.yml's extra: review_after_days, and the variables hand-written pages may use."""
    with open(project / "mkdocs.yml", encoding="utf-8") as config:
        return yaml_load(config, CONFIG_LOADER).get("extra") or {}


SITE_KEY = "kb_site"  # where the hooks leave the built Site in MkDocs' config, for macros.py


@dataclass(frozen=True)
class Site:
    kb: KnowledgeBase
    pages: list[Page]
    renderer: Renderer
    project: Path
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_project(cls, project: Path, site_url: str = "", edition: Edition = Edition(), extra: dict | None = None) -> "Site":
        """The site of the project whose mkdocs.yml is in `project`: its data/ and templates/,
        with absolute addresses made from site_url. Raises ContentError with every problem."""
        checked = Checked.of(project, extra)
        if checked.problems:
            raise ContentError(checked.problems)
        kb, pages = checked.kb, checked.pages
        known = {address(path): path for path in checked.paths}
        return cls(kb, pages, Renderer(kb, project / "templates", site_url, edition, known), project, checked.warnings)

    @cached_property
    def by_path(self) -> dict[str, Page]:
        return {page.path: page for page in self.all_pages()}

    def all_pages(self) -> list[Page]:
        return all_pages(self.pages)

    def page(self, path: str) -> Page | None:
        """The generated page made at path (docs-relative), if any."""
        return self.by_path.get(path)

    def nav_entry(self, path: str):
        """The nav entry for a generated page: a section when it has children."""
        page = self.page(path)
        return _entry(page) if page else None

    def manifest(self) -> Manifest:
        return Manifest.read(self.project / MANIFEST)


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


def knowledge_base(data_dir: Path, today: datetime.date | None = None) -> KnowledgeBase:
    """The model of a data/ folder alone, or ContentError with every problem its data has (the
    published addresses, which need the whole project, aside)."""
    loaded = load(data_dir)
    kb = KnowledgeBase.build(loaded)
    problems, _ = rules.run(rules.Subject(kb, today or datetime.date.today()))
    if loaded.problems or problems:
        raise ContentError([*loaded.problems, *problems])
    return kb
