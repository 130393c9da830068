"""Render a page's Markdown from its template. Only templates produce markup."""
from __future__ import annotations

import html
import json
import operator
import posixpath
import urllib.parse
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import addresses as paths
from .addresses import built_file, page_url
from .downloads import DOWNLOADS, Edition
from .kinds import Kind
from .kinds.change import CHANGES
from .model import KnowledgeBase, grouped
from . import published
from .pages import Page
from .qrcodes import qr_code, qr_modules
from .kept import kept_in
from .text import InlineText, count_of, long_date, strip_emphasis, tag_name, summary


def compiled_templates() -> jinja2.BytecodeCache:
    """Where compiled templates are kept between builds, ours and the theme's (kb/kept.py):
    keyed by each template's name and source, so an edit shows at once. Compiling them anew was
    a fifth of our pipeline's cost over plain MkDocs, and a tenth of every build (Material's
    templates). Jinja's own folder unless KB_BUILD_CACHE names another."""
    folder = kept_in("templates")
    return jinja2.FileSystemBytecodeCache(str(folder) if folder else None)


class Renderer:
    def __init__(self, kb: KnowledgeBase, templates: Path, site_url: str = "", edition: Edition = Edition(),
                 known: dict[str, str] | None = None):
        self.kb = kb
        self.known = known or {}  # address -> page path of every page (for addresses the data gives)
        self.qr = qr_code
        self.site_url = site_url
        # Every permanent address but the home page's starts here (as urljoin() reads site_url),
        # worked out once rather than per link.
        self._base = urllib.parse.urljoin(site_url or "/", ".")
        self.edition = edition
        self.inline = InlineText(kb.abbreviations)
        # The folder's real path: compiled templates are kept under each file's path, so every
        # copy of the project that links templates/ (the tests', the bench's) finds them compiled.
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates.resolve()), autoescape=True,
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True, bytecode_cache=compiled_templates())
        self.env.filters.update(text=self.inline, paragraph=self.inline.paragraph,
                                plain=self.inline.plain, capfirst=capfirst, summary=summary,
                                count_of=count_of, long_date=long_date, in_themes=self.in_themes)
        self.env.globals.update(kb=kb, paths=paths, href=href, archive=archive_address,
                                report=kb.report, permanent=self.permanent, qr=self.qr, qr_modules=qr_modules,
                                edition=edition, downloads=DOWNLOADS, question_changes=self.question_changes,
                                page_of=lambda address: published.page_of(address, self.known))

    def in_themes(self, items, attribute: str) -> list[tuple]:
        """(theme, its items) in the report's order of themes; `attribute` ("theme" or
        "theme.id") names each item's theme id. For pages that list items from every theme."""
        groups = grouped(items, operator.attrgetter(attribute))
        return [(theme, groups[theme.id]) for theme in self.kb.themes if theme.id in groups]

    def permanent(self, path: str, anchor: str | None = None) -> str:
        """The absolute, permanent URL of a page (from site_url in mkdocs.yml), for sharing."""
        url = page_url(path)
        address = f"{self._base}{url}/" if url else self.site_url or "/"
        return f"{address}#{anchor}" if anchor else address

    def link(self, kind: Kind, ident: str, here: str) -> Markup:
        """A Markdown link from the page `here` to an entity by its id, with its current title (a
        glossary term: to its line on the glossary page)."""
        record = self.kb.by_id(kind)[ident]  # make check has refused an unknown id
        path, anchor = (paths.GLOSSARY, ident.lower()) if kind.key == "abbreviation" else (self.kb.pages_of(kind, ident)[0], None)
        target = relative(path, posixpath.dirname(here))
        return Markup(f"[{self.inline.plain(kind.title(record))}]({target}{'#' + anchor if anchor else ''})")

    def fragment(self, template: str, here: str) -> str:
        """A piece of Markdown for a hand-written page, which links relative to `here`."""
        return self.env.get_template(template).render(here=here).strip()

    def question_changes(self, question_id: str) -> list[dict]:
        """The major changes to a question, newest first, for the self-review and the team picture
        (data-changes): an answer saved before one is marked."""
        return [{"date": n.date.isoformat(), "day": long_date(n.date), "text": n.one_line}
                for n in self.kb.updates_of(paths.question_path(question_id))]

    def feed(self, site_name: str) -> bytes:
        """The change notes as an Atom feed (templates/feed.xml.j2): the same bytes for the same data."""
        return self.env.get_template("feed.xml.j2").render(
            here=paths.FEED, site_name=site_name, feed_url=f"{self._base}{paths.FEED}", notes=self.kb.major_notes, groups=CHANGES,
            timestamp=lambda day: f"{day.isoformat()}T00:00:00Z").encode("utf-8")

    def redirect(self, old_path: str, new_path: str, site_name: str, directory_urls: bool = True) -> str:
        """The small page left at a renamed page's old address."""
        old, new = built_file(old_path, directory_urls), built_file(new_path, directory_urls)
        target = posixpath.relpath(new, posixpath.dirname(old))
        if directory_urls:
            target = target.removesuffix("index.html")
        return self.env.get_template("redirect.html.j2").render(target=target, site_name=site_name)

    def render(self, page: Page) -> str:
        """The page's whole source: front matter (static keys only) and Markdown."""
        body = self.env.get_template(page.template).render(here=page.path, page=page, **page.context)
        # Generated pages are never passed through mkdocs-macros: their text came from YAML.
        meta = {"render_macros": False, **page.meta}
        if not page.in_nav:
            # MkDocs titles a page outside the navigation by its first heading; ours says what it is.
            meta["title"] = html.escape(page.title)  # printed unescaped, like the nav titles (kb/site.py)
        if page.tags:
            meta["tags"] = [tag_name(tag) for tag in page.tags]
        if page.description:
            # Themes print it into an attribute unescaped: it goes in as escaped plain text.
            meta["description"] = html.escape(" ".join(strip_emphasis(page.description).split()))
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
        return f"---\n{front}\n---\n\n{body}"


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def problems_page(templates: Path, summary: str, problems) -> str:
    """The page `mkdocs serve` shows at every address while the data has problems."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("problems.md.j2").render(summary=summary, problems=problems)


@jinja2.pass_context
def href(context, target: str, anchor: str | None = None) -> str:
    """A relative link from the page being rendered, which MkDocs then checks."""
    here = posixpath.dirname(context["here"])
    link = relative(target, here)
    return f"{link}#{anchor}" if anchor else link


def relative(target: str, start: str) -> str:
    """posixpath.relpath for two site-relative paths, worked out from the strings alone:
    relpath asks the system for the working directory on each of a site's many links."""
    to, at = [p for p in target.split("/") if p not in ("", ".")], [p for p in start.split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def archive_address(original: str) -> str:
    """The web archive's list of captures for an address the report printed."""
    return f"https://web.archive.org/web/*/{original}"
