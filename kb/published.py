"""Published addresses never vanish: published-addresses.txt lists every page address and every
question anchor the site has published, one a line, sorted, so that two pull requests that each
add pages merge cleanly (.gitattributes merges it as a union of both sides' lines).

The rules (kb/rules.py) refuse an address that is gone without a redirect, and one the site
publishes that the file does not list yet; `make urls` adds those.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .addresses import FEED, QUESTIONS, address
from .downloads import DOWNLOADS
from .kinds import KINDS, PUBLISHED, QUESTION, THEME
from .model import KnowledgeBase
from .problems import Problem

MANIFEST = "published-addresses.txt"
HEADER = """\
# Every address this site has published: pages, and questions' anchors. Never delete a line.
# A page or anchor that is renamed or retired needs a line in data/redirects.yaml, or the check fails.
# `make urls` adds new addresses here, sorted: commit this file with your change.
"""


@dataclass(frozen=True)
class Manifest:
    path: Path
    name: str  # as an editor sees it, for messages
    entries: tuple[tuple[int, str], ...]  # (line, address)

    @classmethod
    def read(cls, path: Path, name: str = MANIFEST) -> "Manifest":
        if not path.is_file():
            return cls(path, name, ())
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls(path, name, tuple((n, line.strip()) for n, line in enumerate(lines, 1)
                                     if line.strip() and not line.lstrip().startswith("#")))

    @property
    def addresses(self) -> set[str]:
        return {address for _, address in self.entries}

    def add(self, addresses: set[str]) -> list[str]:
        """Write every address listed or given, sorted and once each; the ones added."""
        new = sorted(addresses - self.addresses)
        listed = sorted(self.addresses | addresses)
        if new or [address for _, address in self.entries] != listed:
            self.path.write_text(HEADER + "".join(f"{address}\n" for address in listed), encoding="utf-8")
        return new


def question_anchor(question_id: str) -> str:
    return f"{address(QUESTIONS)}#{question_id}"


def site_addresses(kb: KnowledgeBase, page_paths: list[str], published: set[str]) -> set[str]:
    """Every address the site serves: its pages (page_paths: generated and hand-written), the old
    pages that redirects keep (of the `published` addresses, those of retired ids), and every
    question's anchor (old and retired ids included), the downloads and the feed of change notes
    (trainers follow it in feed readers: its address is a promise too)."""
    paths = [*page_paths, *(old for old, _ in kb.renamed_pages())]
    found = {address(path) for path in paths} | {f"/{file}" for file in (*DOWNLOADS.values(), FEED)}
    for question_id in kb.question:
        found.add(question_anchor(question_id))
        found.update(question_anchor(old) for old in kb.old_ids(QUESTION.key, question_id))
    return found | {old for old, _ in retired_pages(kb, published)}


def _patterns() -> list[tuple[re.Pattern, str]]:
    """(pattern, kind key) for each kind's published addresses, made from its own pages."""
    found = []
    for kind in PUBLISHED:
        ids = ("PLACEID", "OWNID") if kind.within else ("OWNID",)
        for path in kind.pages(*ids):
            pattern = re.escape(address(path)).replace("PLACEID", "[^/]+").replace("OWNID", "(?P<id>[^/]+)")
            found.append((re.compile(f"^{pattern}$"), kind.key))
    return found + [(re.compile("^" + re.escape(question_anchor("")) + "(?P<id>.+)$"), QUESTION.key)]


PATTERNS = _patterns()


def owner(published: str) -> tuple[str, str] | None:
    """(kind key, id) of the entity a published address belongs to, if any."""
    for pattern, kind in PATTERNS:
        match = pattern.match(published)
        if match:
            return kind, match["id"]
    return None


def retired_pages(kb: KnowledgeBase, published: set[str]) -> list[tuple[str, str]]:
    """(published address, where it sends readers) for each address of a retired id: the
    addresses are the ones published (a retired focus area's theme may be unknown now), and
    always a retired question's anchor."""
    retired = {(r.kind, r.old): r.retired_to for r in kb.redirects if r.retired_to}
    found = [(published_address, retired[found]) for published_address in sorted(published)
             if (found := owner(published_address)) in retired]
    found += [(question_anchor(old), to) for (kind, old), to in retired.items() if kind == QUESTION.key]
    return found


def vanished(manifest: Manifest, current: set[str]) -> list[Problem]:
    """A problem for every published address the site no longer serves."""
    return [Problem(manifest.name, line, _gone(published)) for line, published in manifest.entries
            if published not in current]


def _gone(published: str) -> str:
    found = owner(published)
    if found:
        kind, ident = found
        name = KINDS[kind].name
        return (f"the published address {published} is gone; if the {name} '{ident}' was renamed, add to "
                f"data/redirects.yaml: - {{kind: {kind}, old: {ident}, new: <its new id>}}; if it was retired: "
                f"- {{kind: {kind}, old: {ident}, retired_to: <the address its readers should go to>}}")
    return (f"the published address {published} is gone; restore the page in docs/, or give the page "
            f"that replaced it that address")


def page_of(published: str, known: dict[str, str]) -> str:
    """The page an address is built from: a page the site has (known: address -> page path), or
    for a page that is gone, its kind's (a theme's page is its folder's index)."""
    if published in known:
        return known[published]
    url, found = published.strip("/"), owner(published)
    return f"{url}/index.md" if not url or (found and found[0] == THEME.key) else f"{url}.md"
