"""MkDocs hooks: load the data once, add a page per entity, expand the navigation.

Listed in mkdocs.yml under `hooks:`. Each hook is a short function; the work is in kb.*.
Under `mkdocs serve` a failed rebuild does not stop the server (which would leave every
open tab waiting): each page shows the list of problems instead, and the next good save
brings the site back, reloading the tab by itself.
"""
from __future__ import annotations

import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

from kb.addresses import FEED, built_file
from kb.assets import EVERY_PAGE, MATERIAL, every_page_stylesheet, joined_text, left_out, minified, minifies
from kb.downloads import OFFLINE_ZIP, Edition, open_data_files
from kb.pages import Location
from kb.tools import LEAD_ONLY_KEY, joined_files, only_joined
from kb.problems import ContentError
from kb.published import page_of, retired_pages
from kb.render import compiled_templates, problems_page
from kb.site import SITE_KEY, Site, expand_nav
from kb.text import abbreviation_titles

RENDERED_KEY = "kb_rendered"  # generated page path -> its source
PROBLEMS_KEY = "kb_problems"  # under serve, after a failed rebuild: the page every page shows
LOCAL_IFRAME_WORKER = "javascripts/vendor/iframe-worker-shim.js"
POLL_SECONDS = 0.1  # under serve: how often the watched files are looked at
BATCH_SECONDS = 0.03  # under serve: writes this close together make one rebuild


@dataclass
class Serving:
    """What `mkdocs serve` keeps between rebuilds (MkDocs loads this module once)."""
    active: bool = False
    last_good: Site | None = None  # its pages stay at their addresses while the data is broken


SERVING = Serving()


def on_startup(command, dirty):
    SERVING.active = command == "serve"


def on_serve(server, config, builder):
    """A save reaches the rebuild sooner: the watched files are looked at every 0.1 s, not 0.5 s
    (on average a quarter of a second of every save's wait, make bench part 3), and a rebuild
    waits 30 ms, not 100, for more writes. Still polling: the system's file events (inotify) lose
    a watched folder that is replaced, and report every read, so each build started another.
    MkDocs hands the server to this event to be changed before it starts; the paths it watches
    already are watched again by the new observer, and mkdocs.yml's `watch:` list after it."""
    from watchdog.observers.polling import PollingObserver  # only a server needs it (15 ms to import)

    watched = [config.docs_dir, *([config.config_file_path] if config.config_file_path else [])]
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    server.build_delay = BATCH_SECONDS
    for path in watched:
        server.watch(path)
    return server


def on_config(config):
    project = Path(config.config_file_path).parent
    try:
        site = Site.from_project(project, config.site_url or "", Edition.from_environment(), dict(config.extra))
        config[RENDERED_KEY] = {page.path: site.renderer.render(page) for page in site.all_pages()}
    except Exception as error:  # noqa: BLE001 - under serve, any failure becomes the problems page
        if not SERVING.active:
            if isinstance(error, ContentError):
                raise Abort(error.report()) from None
            raise
        if not isinstance(error, ContentError):
            traceback.print_exc()  # a bug in kb/, not in the edit: the developer needs the traceback
        return _show_problems(config, project, error)
    config[SITE_KEY] = site
    config.nav = expand_nav(config.nav, site)
    _local_polyfills(config)
    preview_unminified(config)
    SERVING.last_good = site
    if not site.renderer.edition.offline:  # make build builds twice: say it once
        # Printed, not logged: a warning logged through MkDocs would fail a --strict build.
        print("".join(f"{warning}\n" for warning in site.warnings), end="", file=sys.stderr)
    return config


def preview_unminified(config):
    """Under `make serve`, pages are not minified: an editor's preview on this computer gains
    nothing from smaller HTML, and minifying was a quarter of every rebuild at 1x."""
    minify = config.plugins.get("minify")
    if SERVING.active and minify:
        minify.config["minify_html"] = False


def _local_polyfills(config):
    """Material's offline plugin adds the iframe-worker shim from a CDN; use our copy instead."""
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [LOCAL_IFRAME_WORKER if "iframe-worker" in script else script for script in polyfills]


def _show_problems(config, project, error):
    report = error.report() if isinstance(error, ContentError) else f"The site's code failed: {error!r} (the traceback is in the terminal)"
    print(report, file=sys.stderr)
    problems = error.problems if isinstance(error, ContentError) else []
    config[PROBLEMS_KEY] = problems_page(project / "templates", report.splitlines()[0], problems)
    if SERVING.last_good:
        config.nav = expand_nav(config.nav, SERVING.last_good)
    return config


def on_env(env, config, files):
    """Material's templates compiled once, not on every build (kb.render.compiled_templates)."""
    env.bytecode_cache = compiled_templates()
    return env


def on_files(files, config):
    broken = PROBLEMS_KEY in config
    site = SERVING.last_good if broken else config[SITE_KEY]
    for page in site.all_pages() if site else []:
        content = config[PROBLEMS_KEY] if broken else config[RENDERED_KEY][page.path]
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.path, content=content, inclusion=inclusion))
    if not broken:
        _add_downloads(files, config, site)
    _our_assets(files, config, minify=not SERVING.active)  # an editor's preview gains nothing from minifying
    return files


def _our_assets(files, config, minify: bool):
    """Our scripts and stylesheets minified, Material's trimmed stylesheet put in front of ours on
    every page, every page's scripts joined into one, and each tool page's own files too (kb/assets.py,
    kb/tools.py); what no page fetches is left out, ours and Material's (kb/assets.py, left_out)."""
    for file in files:
        if minify and minifies(file.src_uri):
            file.content_string = minified(file.src_uri, file.content_string)
    material, ours = files.get_file_from_path(MATERIAL), files.get_file_from_path(EVERY_PAGE)
    if material and ours:
        ours.content_string = every_page_stylesheet(material.content_string, ours.content_string)
        files.remove(material)
    for path, parts in joined_files().items():
        text = joined_text(path, [files.get_file_from_path(part).content_string for part in parts])
        files.append(File.generated(config, path, content=text))
    unused, languages = only_joined(), _search_languages(config)
    for file in [file for file in files if file.src_uri in unused or left_out(file.src_uri, languages)]:
        files.remove(file)


def _search_languages(config) -> list[str]:
    search = config.plugins.get("material/search")
    return list(search.config.lang or []) if search else []


def _add_downloads(files, config, site):
    """The open data and the feed of change notes on every build; the offline copy's zip when make build made one."""
    for path, content in open_data_files(site.kb, site.renderer.permanent).items():
        files.append(File.generated(config, path, content=content))
    files.append(File.generated(config, FEED, content=site.renderer.feed(config.site_name)))
    edition = site.renderer.edition
    if edition.zip_source:
        files.append(File.generated(config, OFFLINE_ZIP, abs_src_path=str(edition.zip_source)))


def on_page_read_source(page, config):
    """After a failed rebuild under serve, every page is the problems page."""
    return config.get(PROBLEMS_KEY)


def on_page_markdown(markdown, page, config, files):
    """Hand-written pages get the glossary's abbreviations as tooltips (Markdown's abbr)."""
    if page.file.generated_by or PROBLEMS_KEY in config:
        return markdown
    site: Site = config[SITE_KEY]
    definitions = "\n".join(f"*[{word}]: {title}" for word, title in abbreviation_titles(site.kb.abbreviations).items())
    return f"{markdown}\n\n{definitions}\n"


# Every heading below a page's title, as Material's search reads them: <h2 id=...> to <h6 ...>.
_SUBHEADING = re.compile(r"<(h[2-6])(?=[\s>])")


def on_page_content(html, page, config, files):
    """A tool whose body repeats the report (tools.LEAD_ONLY) is found by its title and lead:
    each heading below the title keeps its section out of Material's search index."""
    if page.meta.get(LEAD_ONLY_KEY):
        return _SUBHEADING.sub(r"<\1 data-search-exclude", html)
    return html


def on_page_context(context, page, config, nav):
    """Tell the page template what it prints around the content: which file (and line)
    holds it and whether this is `mkdocs serve`, its permanent address and a QR code to it,
    and the report it comes from."""
    if PROBLEMS_KEY in config:
        return context
    site: Site = config[SITE_KEY]
    generated = site.page(page.file.src_uri)
    source = generated.source if generated else Location(f"docs/{page.file.src_uri}", 1)
    page.meta["kb_source"] = {"file": source.file, "line": source.line}
    page.meta["kb_serving"] = SERVING.active  # an editor's own preview: the page names its file and line
    page.meta["kb_permanent"] = site.renderer.permanent(page.file.src_uri)
    page.meta["kb_qr"] = site.renderer.qr(page.meta["kb_permanent"])
    report = site.kb.report
    page.meta["kb_report"] = {"title": report.title, "publisher": report.publisher, "year": report.year}
    return context


def on_post_build(config):
    """Leave a page at every renamed or retired page's old address (never over a real page)."""
    if PROBLEMS_KEY in config:
        return
    _leave_redirects(config)


def _leave_redirects(config):
    site: Site = config[SITE_KEY]
    known = site.renderer.known
    retired = [(page_of(old, known), page_of(to, known))
               for old, to in retired_pages(site.kb, site.manifest().addresses) if "#" not in old]
    for old, new in site.kb.renamed_pages() + retired:
        target = Path(config.site_dir) / built_file(old, config.use_directory_urls)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            page = site.renderer.redirect(old, new, config.site_name, config.use_directory_urls)
            target.write_text(page, encoding="utf-8")
