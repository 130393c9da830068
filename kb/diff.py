"""`make diff BASE=<ref>`: what readers will see change between a commit and the working tree
(or a second commit): pages added, removed, renamed or retired (with where their old address
now leads), each sentence changed (before and after), review dates moved, addresses published.

A reviewer approves a pull request by reading this, not YAML. Both versions are read by
today's code (the data of BASE with the templates of now), so only content changes show.
Printed as Markdown, for a terminal or a pull request's summary.
"""
from __future__ import annotations

import dataclasses
import difflib
import html
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .kinds import CHANGE, KINDS
from .problems import ContentError
from .published import MANIFEST, Manifest, address, owner, retired_pages
from .render import Renderer
from .handwritten import pages as handwritten_pages
from .pages import all_pages
from .site import Checked

CONTENT = ("data", "docs", "mkdocs.yml", MANIFEST)  # what a version's pages are made from
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z0-9“‘\"'(])")


@dataclass(frozen=True)
class Version:
    name: str
    checked: Checked
    pages: dict[str, list[str]]  # address -> the sentences a reader reads there
    manifest: set[str]


def read(project: Path, name: str, checked: Checked | None = None) -> Version:
    """The project's pages as readers read them; `checked`: the project already loaded and checked."""
    checked = checked or Checked.of(project)
    if checked.problems:
        raise ContentError(checked.problems)
    # The pages as readers see them, the change notes aside: a note explains a change, it is not
    # one (a branch whose only change is a note changes no page here).
    kb = dataclasses.replace(checked.kb, records={k: v for k, v in checked.kb.records.items() if k != CHANGE.key})
    renderer = Renderer(kb, Path(__file__).resolve().parent.parent / "templates")
    pages = {address(page.path): sentences(renderer.render(page)) for page in all_pages(checked.pages)}
    pages |= {address(path): sentences(text) for path, text in handwritten_pages(project)}
    return Version(name, checked, pages, Manifest.read(project / MANIFEST).addresses)


def sentences(markdown: str) -> list[str]:
    """A page's Markdown as the sentences a reader reads: no front matter, markup or link targets."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"\{[:#][^}]*\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", text)  # attribute lists, template tags
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's target
    text = re.sub(r"</(p|li|dt|dd|h\d|figcaption|div)>|<br\s*/?>", "\n\n", text)  # block ends
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"Last checked against the report:[^\n]*", "", text)  # its own section says it
    found = []
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(re.sub(r"^\s*(#+|[-*]|\d+\.|>)\s+", "", line) for line in block.splitlines())
        block = " ".join(block.replace("[", "").replace("]", "").replace("**", "").split())
        found += [s for s in SENTENCE_END.split(block) if re.search(r"\w", s)]
    return found


def report(base: Version, head: Version) -> str:
    out = [f"# What readers will see change: {base.name} → {head.name}", ""]
    kb = head.checked.kb
    moved = {address(old): address(new) for old, new in kb.renamed_pages()}
    retired = dict(retired_pages(kb, base.manifest))
    added = sorted(set(head.pages) - set(base.pages) - set(moved) - set(moved.values()))
    gone = sorted(set(base.pages) - set(head.pages) - set(moved))
    renamed = sorted(a for a in set(base.pages) & set(moved) if a not in head.pages or moved[a] in head.pages)
    out += _section("Pages added", [f"{a}" for a in added])
    out += _section("Pages renamed (the old address sends readers on)", [f"{a} → {moved[a]}" for a in renamed])
    out += _section("Pages removed", [f"{a}" + (f" (retired: readers are sent to {retired[a]})" if a in retired else "")
                                      for a in gone])
    changes = []
    for page in sorted(set(base.pages) & set(head.pages)):
        changes += _changed(page, base.pages[page], head.pages[page])
    for old, new in sorted((a, moved[a]) for a in renamed if moved[a] in head.pages):
        changes += _changed(f"{old} → {new}", base.pages[old], head.pages[new])
    out += _section("Sentences changed", changes)
    out += _section("Review dates moved", _reviews(base, head))
    out += _section(f"Addresses published for the first time ({MANIFEST})", sorted(head.manifest - base.manifest))
    out += _section("Change notes added", [f"{n.date.isoformat()} ({n.importance}, {n.change}): {n.one_line}"
                                           for n in new_notes(base, head)])
    if len(out) == 2:
        out.append("Nothing a reader sees changes.")
    return "\n".join(out).rstrip() + "\n"


def _section(title: str, items: list[str]) -> list[str]:
    return [f"## {title}", "", *(f"- {item}" for item in items), ""] if items else []


def _changed(page: str, before: list[str], after: list[str]) -> list[str]:
    """Each replaced, added or removed sentence of a page, with what it was and is."""
    lines = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        was, now = " ".join(before[a1:a2]), " ".join(after[b1:b2])
        if op == "replace":
            lines.append(f"{page}: “{was}” → “{now}”")
        elif op == "delete":
            lines.append(f"{page}: removed “{was}”")
        else:
            lines.append(f"{page}: added “{now}”")
    return lines


def _reviews(base: Version, head: Version) -> list[str]:
    dates = [{(kind.key, record.id): record.last_reviewed for kind in KINDS.values() if kind.reviewed
              for record in version.checked.kb.records.get(kind.key, ())} for version in (base, head)]
    return [f"{KINDS[key[0]].name} '{key[1]}': {dates[0][key]} → {dates[1][key]}"
            for key in sorted(set(dates[0]) & set(dates[1])) if dates[0][key] != dates[1][key]]


# --- every changed page has its change note (make check BASE=<ref>) ----------------------------

def changed_pages(base: Version, head: Version) -> dict[str, set[str]]:
    """Each address whose reader-visible content changed (added, removed, renamed or with a
    sentence changed), with the sentences that came or went there."""
    kb = head.checked.kb
    moved = {address(old): address(new) for old, new in kb.renamed_pages()}
    changed: dict[str, set[str]] = {}
    for page in set(head.pages) - set(base.pages) - set(moved.values()):
        changed[page] = set(head.pages[page])
    for page in set(base.pages) - set(head.pages) - set(moved):
        changed[page] = set(base.pages[page])
    for page in set(base.pages) & set(head.pages):
        differ = _differing(base.pages[page], head.pages[page])
        if differ:
            changed[page] = differ
    for old, new in moved.items():
        if old in base.pages and new in head.pages:
            changed[new] = _differing(base.pages[old], head.pages[new]) | {f"(renamed from {old})"}
    return changed


def _differing(before: list[str], after: list[str]) -> set[str]:
    found = set()
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op != "equal":
            found.update(before[a1:a2], after[b1:b2])
    return found


def new_notes(base: Version, head: Version) -> list:
    """The change notes of head that base does not have (by file name)."""
    had = {n.name for n in base.checked.kb.notes}
    return [n for n in head.checked.kb.notes if n.name not in had]


def uncovered(base: Version, head: Version) -> dict[str, set[str]]:
    """The changed pages that no change note new in head covers. A note covers the pages it
    concerns (their addresses then and now, a question's focus area too); a page it does not
    name is covered where every sentence that changed there changed on a page it covers too (a
    question reworded shows on the questions page, the cards, its behaviours ...)."""
    changed = changed_pages(base, head)
    kb, covered = head.checked.kb, set()
    for note in new_notes(base, head):
        covered |= {a for a, notes in kb.notes_at.items() if any(n is note for n in notes)}
        for ref in note.pages:
            if ref.kind != "page":  # its old pages, and a renamed or retired one's
                kind = KINDS[ref.kind]
                covered |= {a for a in set(base.pages) | set(base.manifest) if owner(a) == (kind.key, ref.id)}
                covered |= {address(path) for path in _pages_of(base.checked.kb, kind, ref.id)}
    explained = set().union(*(changed[a] for a in covered if a in changed)) if covered else set()
    return {a: sentences for a, sentences in changed.items()
            if a not in covered and not all(_explained(s, explained) for s in sentences)}


def _explained(sentence: str, explained: set[str]) -> bool:
    """The sentence changed on a covered page too, or holds one that did (a card's "Its page:
    question, <the question>", a table row's counts before it)."""
    return sentence in explained or any(len(e) >= 12 and e in sentence for e in explained)


def _pages_of(kb, kind, ident) -> list[str]:
    return kb.pages_of(kind, ident) if ident in getattr(kb, kind.key) else []


def note_problems(base: Version, head: Version) -> list[str]:
    """One line a page whose change no note explains: the page, what changed, and the fix."""
    lines = []
    for page, sentences in sorted(uncovered(base, head).items()):
        found = owner(page)
        ref = f"{{kind: {found[0]}, id: {found[1]}}}" if found else f"{{kind: page, id: {page}}}"
        example = sorted(sentences, key=len)[0] if sentences else ""
        lines.append(f"{page}: what readers see here changed since {base.name} (“{example[:80]}”) and no change note in "
                     f"this branch names it; add one: `make note`, then in data/changes/ name the page under pages: "
                     f"- {ref} (major if readers must know, minor for a typo or a link; CONTRIBUTING.md, "
                     f"'Write a change note')")
    return lines


def checkout(ref: str, into: Path) -> Path:
    """The content of a commit (its data/, docs/, mkdocs.yml and address list) in a folder."""
    archive = subprocess.run(["git", "archive", "--format=tar", ref, *CONTENT], capture_output=True)
    if archive.returncode != 0:
        raise SystemExit(f"make diff: git cannot read '{ref}': {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def main(argv: list[str]) -> int:
    if not argv:
        print("Give the commit or branch to compare with: make diff BASE=main", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kb-diff-") as temp:
        try:
            base = read(checkout(argv[0], Path(temp) / "base"), argv[0])
            head = read(checkout(argv[1], Path(temp) / "head"), argv[1]) if len(argv) > 1 else read(Path.cwd(), "this working tree")
        except ContentError as error:
            print(error.report(), file=sys.stderr)
            return 1
    print(report(base, head), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
