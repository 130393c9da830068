"""Published addresses never vanish: published-addresses.txt lists every page address and
every question anchor the site has published, and the build fails when one is gone without
a redirect, naming the address and the one line that keeps it.

New addresses are added by `make urls` and by `make build` (they print what they added);
the file is committed with the change that made them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .addresses import QUESTIONS, page_url
from .downloads import DOWNLOADS
from .kinds import KINDS
from .model import KnowledgeBase
from .problems import Problem
from .redirects import redirect_pages

MANIFEST = "published-addresses.txt"
HEADER = """\
# Every address this site has published: pages, and questions' anchors. Never delete a line.
# A page or anchor that is renamed needs a redirect in data/redirects.yaml, or the build fails.
# `make urls` (and `make build`) add new addresses here: commit this file with your change.
"""
# The kind and id an address belongs to, to suggest the redirect that keeps it.
ADDRESS_KINDS = (
    (re.compile(r"^/behaviours/(?P<id>[^/]+)/$"), "behaviour"),
    (re.compile(r"^/examples/(?P<id>[^/]+)/$"), "example"),
    (re.compile(r"^/themes/(?P<id>[^/]+)/$"), "theme"),
    (re.compile(r"^/themes/[^/]+/(?P<id>[^/]+)/(handout/|present/)?$"), "focus_area"),
    (re.compile(rf"^/{page_url(QUESTIONS)}/#(?P<id>.+)$"), "question"),
    (re.compile(rf"^/{page_url(QUESTIONS)}/(?P<id>[^/]+)/$"), "question"),
)


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
        """Append the addresses not yet listed; the ones added, in order."""
        new = sorted(addresses - self.addresses)
        if new:
            text = self.path.read_text(encoding="utf-8") if self.path.is_file() else HEADER
            self.path.write_text(text + "".join(f"{address}\n" for address in new), encoding="utf-8")
        return new


def site_addresses(kb: KnowledgeBase, page_paths: list[str], docs_dir: Path) -> set[str]:
    """Every address the site serves: its pages (generated and hand-written), the old
    addresses redirects keep, and every question's anchor (old ids included)."""
    paths = [*page_paths, *(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))]
    paths += [old for old, _ in redirect_pages(kb)]
    found = {_address(path) for path in paths}
    found |= {f"/{download}" for download in DOWNLOADS.values()}
    questions = _address(QUESTIONS)
    for question_id in kb.question:
        found.add(f"{questions}#{question_id}")
        found.update(f"{questions}#{old}" for old in kb.old_ids("question", question_id))
    return found


def _address(path: str) -> str:
    url = page_url(path)
    return f"/{url}/" if url else "/"


def vanished(manifest: Manifest, current: set[str]) -> list[Problem]:
    """A problem for every published address the site no longer serves."""
    return [Problem(manifest.name, line, _message(address)) for line, address in manifest.entries
            if address not in current]


def _message(address: str) -> str:
    for pattern, kind_key in ADDRESS_KINDS:
        match = pattern.match(address)
        if match:
            kind = KINDS[kind_key]
            return (f"the published address {address} is gone; if the {kind.name} '{match['id']}' was renamed, add to "
                    f"data/redirects.yaml: - {{kind: {kind.key}, old: {match['id']}, new: <its new id>}}")
    return (f"the published address {address} is gone; restore the page in docs/, or give the page "
            f"that replaced it that address")
