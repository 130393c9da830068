"""The plain project: our rendered pages as static Markdown in MkDocs + Material, no plugins of ours.

Building it measures what MkDocs and Material cost for the same pages, so the difference
with our build is the cost of our pipeline (hooks, loader, templates, macros). Both keep
Material's compiled templates between builds (bench/plain_hooks.py), so that saving, which
any MkDocs site could have, does not hide any of our cost.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import jinja2
import yaml
from markupsafe import Markup
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from kb import hooks
from kb.addresses import FEED
from kb.downloads import Edition, open_data_files
from kb.kinds import LINKABLE
from kb.site import Site, expand_nav

from .project import link

OUR_PLUGINS = {"macros"}  # everything else (search, tags) a plain project keeps
OUR_KEYS = ("hooks", "watch")
PLAIN_HOOKS = Path(__file__).with_name("plain_hooks.py")  # the theme's compiled templates kept, as ours are
PLAIN_SERVE_HOOKS = Path(__file__).with_name("plain_serve_hooks.py")  # under serve, our preview's settings
SERVE_CLOCK = Path(__file__).with_name("serve_clock.py")  # under serve, part 3's clock, in ours too


def make_plain_project(dest: Path, project: Path, with_macros: bool = False, served: bool = False) -> Path:
    """Write into dest the plain project of `project` (its data, docs and mkdocs.yml) and
    return its mkdocs.yml. With macros: the mkdocs-macros plugin too, as the stack requires,
    but with no macros of ours, so that its own cost (imports, git calls) can be told apart.
    Served: with the settings our hooks give `mkdocs serve` (bench/plain_serve_hooks.py)."""
    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        settings = yaml_load(file)
    # As our on_config hook makes it: share lines and QR codes carry addresses from site_url.
    site = Site.from_project(project, settings.get("site_url") or "", Edition.from_environment())
    docs = dest / "docs"
    shutil.copytree(project / "docs", docs)
    generated = {page.path: site.renderer.render(page) for page in site.all_pages()}
    for path in sorted(docs.rglob("*.md")):
        generated.setdefault(path.relative_to(docs).as_posix(), None)
    for here, text in generated.items():
        target = docs / here
        target.parent.mkdir(parents=True, exist_ok=True)
        source = text if text is not None else target.read_text(encoding="utf-8")
        target.write_text(static_markdown(source, here, site, text is not None, settings), encoding="utf-8")
    for path, content in open_data_files(site.kb, site.renderer.permanent).items():  # made by our hooks
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(content)
    (docs / FEED).write_bytes(site.renderer.feed(settings["site_name"]))  # made by our hooks too
    link(dest, ("overrides", "kb") if served else ("overrides",))  # the serve hooks import kb.hooks
    config = dest / "mkdocs.yml"
    plain = plain_config(site, settings, with_macros)
    if served:
        plain["hooks"] += [str(PLAIN_SERVE_HOOKS), str(SERVE_CLOCK)]
    config.write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def static_markdown(text: str, here: str, site: Site, generated: bool, settings: dict) -> str:
    """A page as MkDocs sees it once our macros and page hooks have run, as plain Markdown.

    A hand-written page is rendered as mkdocs-macros renders it, with our macros (macros.py)
    and the configuration; the hooks themselves do the rest (on_page_markdown, and
    on_page_context for the page's metadata), so the plain project follows them as they change.
    """
    if not generated:
        macros = {name: (lambda ident, kind=kind: site.renderer.link(kind, ident, here)) for name, kind in LINKABLE.items()}
        text = jinja2.Environment().from_string(text).render(
            config=settings, kb_fragment=lambda template: site.renderer.fragment(template, here), **macros)
    body, meta = get_data(text)
    page = SimpleNamespace(file=SimpleNamespace(generated_by="kb" if generated else None, src_uri=here), meta=meta)
    config = {hooks.SITE_KEY: site}
    body = hooks.on_page_markdown(body, page, config, None)
    hooks.on_page_context({}, page, config, None)
    meta = {key: str(value) if isinstance(value, Markup) else value for key, value in meta.items()}  # the QR code
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
    return front + body


def plain_config(site: Site, settings: dict, with_macros: bool = False) -> dict:
    """The project's mkdocs.yml settings without hooks and macros, with the navigation our hooks
    would expand. With macros: the macros plugin stays, without our module (macros.py)."""
    config = dict(settings)
    for key in OUR_KEYS:
        config.pop(key, None)
    dropped = OUR_PLUGINS - {"macros"} if with_macros else OUR_PLUGINS
    config["plugins"] = [without_our_module(p) if plugin_name(p) == "macros" else p
                         for p in config.get("plugins", []) if plugin_name(p) not in dropped]
    config["hooks"] = [str(PLAIN_HOOKS)]
    config["nav"] = expand_nav(config.get("nav"), site)
    # Pages our hooks add outside the navigation (question pages, handouts, presenter views).
    config["not_in_nav"] = "\n".join(f"/{page.path}" for page in site.all_pages() if not page.in_nav)
    return config


def without_our_module(entry) -> dict:
    options = {} if isinstance(entry, str) else dict(entry["macros"])
    options.pop("module_name", None)  # its default, main.py, is absent: mkdocs-macros goes on without
    return {"macros": options}


def plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))
