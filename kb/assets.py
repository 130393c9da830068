"""Our own stylesheets and scripts (docs/stylesheets, docs/javascripts) as readers get them.

- Without their comments and spaces, which were a third of their gzipped weight (make bench,
  part 4), by rjsmin and rcssmin. Not by the minify plugin: it renames what it minifies, which
  would break the addresses our templates and front matter give, and its CSS minifier
  (csscompressor) takes the spaces out of "clamp(.9rem, .7rem + .6vw, 1.3rem)", which the
  browser then drops (tests/browser/test_trimmed_stylesheet.py caught it).
- Every page's one stylesheet, stylesheets/site.css, is Material's, trimmed to what our pages
  use (docs/stylesheets/material.css, made by `make css`), then ours: one file to fetch, not three.
- Every page's one script of ours, javascripts/site.js, is lazy-search.js, header.js and share.js
  joined: one request, not three, and 0.34 KB less gzipped than apart (they share their words).
- A tool page's own scripts are one file, and its own stylesheets one (kb/tools.py, joined).

Files minified already are left as they are: the vendored scripts and the trimmed stylesheet.
"""
from __future__ import annotations

import rcssmin
import rjsmin

FOLDERS = ("javascripts/", "stylesheets/")
MATERIAL = "stylesheets/material.css"  # Material's stylesheets, trimmed (make css)
EVERY_PAGE = "stylesheets/site.css"  # ours, on every page (mkdocs.yml, extra_css)
# Linked just before Material's bundle (overrides/partials/kb-scripts.html): lazy search first, as
# it must catch the bundle's first calls; the header's buttons and copy link and cite need nothing
# of the bundle's (they run on the parsed page, share.js once the document has loaded).
EVERY_PAGE_SCRIPT = "javascripts/site.js"
EVERY_PAGE_JOINED = {EVERY_PAGE_SCRIPT: ["javascripts/lazy-search.js", "javascripts/header.js", "javascripts/share.js"]}
AS_WRITTEN = ("javascripts/vendor/", MATERIAL)  # minified where they come from
# Material's own stylesheets (and their source maps), which no page links: MATERIAL holds what
# our pages use of them. Left out of the site, and so of its offline copy.
MATERIALS_OWN = "assets/stylesheets/"
# Its search's support for languages other than English (1 MB, half the offline copy's zip with
# the maps): its search worker loads these only for a search `lang` other than "en".
LUNR_LANGUAGES = "assets/javascripts/lunr/"
# The source maps of its scripts: only a browser's developer tools fetch them, never a page.
SOURCE_MAP = ".map"


def left_out(src_uri: str, search_languages: list[str]) -> bool:
    """Whether a file of Material's is one that no page of ours fetches, and so is not carried."""
    return (src_uri.startswith(MATERIALS_OWN) or src_uri.endswith(SOURCE_MAP)
            or (src_uri.startswith(LUNR_LANGUAGES) and set(search_languages) <= {"en"}))


def minifies(src_uri: str) -> bool:
    """Whether the site file at src_uri is one of ours that readers get minified."""
    return src_uri.startswith(FOLDERS) and src_uri.endswith((".js", ".css")) and not src_uri.startswith(AS_WRITTEN)


def minified(src_uri: str, text: str) -> str:
    """text without what a browser does not need."""
    if src_uri.endswith(".js"):
        return rjsmin.jsmin(text)
    return rcssmin.cssmin(text)


def joined_text(path: str, parts: list[str]) -> str:
    """Files joined into one, in order. Each script is a function called at once, so a ";" ends
    each (one that ends without it would otherwise call the next one's parentheses)."""
    return ("\n;\n" if path.endswith(".js") else "\n").join(parts)


def every_page_stylesheet(material: str, ours: str) -> str:
    """The one stylesheet every page links: Material's rules first, so ours win where both apply."""
    return f"{material.rstrip()}\n{ours}"
