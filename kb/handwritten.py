"""The rules for the hand-written pages in docs/: their template syntax (mkdocs-macros renders
every page as Jinja), the names they use, the ids they link by, and their links.

So `make check`, `make serve` and `make build` name the page and line of a broken one before
MkDocs or mkdocs-macros meet it (they would say "The build failed", or print a traceback).
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Iterator

import jinja2
from jinja2 import nodes

from .kinds import LINKABLE
from .messages import closest, did_you_mean
from .pages import handwritten
from .problems import Problem

# What mkdocs-macros gives every page (its own variables and macros, and Jinja's globals), and
# ours (macros.py): kb_fragment, and a link macro per kind that hand-written pages link by id.
MACROS_NAMES = {"config", "page", "environment", "plugin", "git", "navigation", "files", "macros", "filters",
                "filters_builtin", "extra", "context", "macros_info", "now", "fix_url", "range", "dict", "lipsum",
                "cycler", "joiner", "namespace", "kb_fragment"}
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")  # a Markdown link's target: [text](target "title")
FENCE = re.compile(r"^(```|~~~)")


def pages(project: Path) -> list[tuple[str, str]]:
    """(docs-relative path, text) of every hand-written page."""
    docs = project / "docs"
    return [(path, (docs / path).read_text(encoding="utf-8")) for path in handwritten(docs)]


def template_problems(project: Path, ids: dict[str, set[str] | None], extra: set[str]) -> Iterator[Problem]:
    """Syntax, unknown names, and link macros given an id that does not exist. ids: kind key ->
    the ids of that kind (None: not known); extra: mkdocs.yml's extra variables, which pages may use."""
    known = MACROS_NAMES | set(LINKABLE) | extra
    env = jinja2.Environment()
    for path, text in pages(project):
        name = f"docs/{path}"
        try:
            tree = env.parse(text)
        except jinja2.TemplateSyntaxError as error:
            yield Problem(name, error.lineno, _syntax(error))
            continue
        assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
        for node in tree.find_all(nodes.Name):
            if node.ctx == "load" and node.name not in known | assigned:
                yield Problem(name, node.lineno, f"'{node.name}' is not a macro or variable a page can use"
                                                 f"{did_you_mean(node.name, known)}; see CONTRIBUTING.md for the macros")
        for call in tree.find_all(nodes.Call):
            kind = LINKABLE.get(call.node.name) if isinstance(call.node, nodes.Name) else None
            if kind is None:
                continue
            given = [arg.value for arg in call.args if isinstance(arg, nodes.Const)]
            if len(call.args) != 1 or len(given) != 1:
                yield Problem(name, call.lineno, f"{call.node.name}() takes one {kind.name} id in quotes, like "
                                                 f"{call.node.name}(\"{next(iter(sorted(ids[kind.key] or ())), 'its-id')}\")")
            elif ids[kind.key] is not None and given[0] not in ids[kind.key]:
                yield Problem(name, call.lineno, f"{call.node.name}(\"{given[0]}\"): unknown {kind.name} '{given[0]}'"
                                                 f"{did_you_mean(given[0], ids[kind.key])}")


def _syntax(error: jinja2.TemplateSyntaxError) -> str:
    """Jinja's complaint, with what to do: text that holds {{, {% or {# is taken for a template."""
    return (f"the page's template syntax is broken ({error.message}); to show '{{{{', '{{%' or '{{#' as text, "
            "write it as {{ '{{' }}, or put the passage between {% raw %} and {% endraw %}")


def link_problems(project: Path, page_paths: set[str]) -> Iterator[Problem]:
    """Every relative Markdown link in a hand-written page leads to a page (page_paths: every
    page of the site) or a file of docs/."""
    docs = project / "docs"
    targets = page_paths | {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    for path, text in pages(project):
        fenced = False
        for number, line in enumerate(text.split("\n"), 1):
            fenced ^= bool(FENCE.match(line.lstrip()))
            for target in [] if fenced else LINK.findall(re.sub(r"`[^`]*`", "", line)):
                found = _resolve(path, target)
                if found is not None and found not in targets:
                    near = closest(found, targets)
                    hint = f" (did you mean '{posixpath.relpath(near, posixpath.dirname(path) or '.')}'?)" if near else ""
                    yield Problem(f"docs/{path}", number, f"the link '{target}' leads to no page of the site{hint}; "
                                                           "link a page by its file, like framework.md")


def _resolve(page: str, target: str) -> str | None:
    """The docs-relative file a relative link points at, or None for one that leaves the site,
    stays on the page, or is made by a macro ({{ ... }})."""
    if re.match(r"^([a-z][a-z0-9+.-]*:|//|#|/|\{)", target, re.I):
        return None
    target = target.split("#", 1)[0]
    if not target:
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    return resolved + "/index.md" if target.endswith("/") else resolved
