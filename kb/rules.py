"""One flat list of named rules over the loaded model: what the schemas cannot say alone (RULES,
at the end, says what each checks; `make rules` lists them).

Every rule runs, whatever another found, so one `make check` reports every problem at once;
each problem names its file and line. A rule that
refers into a data file the loader could not read skips those references (they would all
look unknown), and the rules about published addresses wait until every file reads.
"""
from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pymdownx.slugs import slugify

from .addresses import RESERVED_IDS, page_url
from . import handwritten
from .kinds import (BEHAVIOUR, CHANGE, EVIDENCE_SOURCE, EXAMPLE, FOCUS_AREA, KINDS, LINKABLE, QUESTION, THEME, Where,
                    records_in)
from .messages import did_you_mean, located
from .model import KnowledgeBase, PlacedApproach, PlacedBlock, PlacedFocusArea, PlacedQuestion
from .problems import Problem
from .published import MANIFEST, Manifest, site_addresses, vanished
from .text import tag_name

DEFAULT_REVIEW_DAYS = 365
SENTENCE = re.compile(r"[.!?][”’\"')]*\s")


@dataclass(frozen=True)
class Subject:
    """What the rules look at: the model, today, and for the rules about addresses the project
    (its docs/ and published-addresses.txt) and the generated pages' paths."""
    kb: KnowledgeBase
    today: datetime.date
    project: Path | None = None
    page_paths: list[str] = field(default_factory=list)  # every page of the site (kb.pages.site_paths)
    extra: dict = field(default_factory=dict)  # mkdocs.yml's extra: review_after_days, and variables pages may use

    @property
    def review_days(self) -> int:
        return self.extra.get("review_after_days", DEFAULT_REVIEW_DAYS)

    # Read and worked out once per run, for the three rules about addresses.
    @cached_property
    def manifest(self) -> Manifest:
        return Manifest.read(self.project / MANIFEST)

    @cached_property
    def site_addresses(self) -> set[str]:
        return site_addresses(self.kb, self.page_paths, self.manifest.addresses)


@dataclass(frozen=True)
class Rule:
    name: str
    checks: str
    run: Callable[[Subject], Iterable[Problem]]
    warning: str = ""    # a warning's label ("REVIEW"): printed, never a failure
    whole: bool = False  # needs every data file read, and the project
    last: bool = False   # runs only when no other rule found a problem


def run(subject: Subject, skip: tuple[str, ...] = ()) -> tuple[list[Problem], list[str]]:
    """The problems of every rule that can run, and its warnings as lines to print."""
    problems, warnings = [], []
    for rule in RULES:
        if rule.name in skip or (rule.whole and (subject.kb.failed or subject.project is None)) or (rule.last and problems):
            continue
        found = list(rule.run(subject))
        problems += [] if rule.warning else found
        warnings += [f"{rule.warning}  -  {problem}" for problem in sorted(found)] if rule.warning else []
    return problems, warnings


def at(where: Where, message: str, *more, field: str | None = None) -> Problem:
    """A problem at a record (or a value inside it), its message led by the record's name."""
    return located(where.doc, where.path + more, message, field)


def _records(kb: KnowledgeBase, kind) -> tuple:
    return kb.records.get(kind.key, ())


def _repeats(items: Iterable, value, where, message) -> Iterator[Problem]:
    """Each item whose value an earlier item had: message(value, "file:line of the first")."""
    first: dict = {}
    for item in items:
        key, place = value(item), where(item)
        if key in first:
            yield Problem(place.file, place.line, message(key, first[key]))
        first.setdefault(key, str(place))


# --- ids and references ------------------------------------------------------------------------

def unique_ids(s: Subject) -> Iterator[Problem]:
    for kind in (BEHAVIOUR, EVIDENCE_SOURCE, EXAMPLE, THEME, FOCUS_AREA, QUESTION):
        yield from _repeats(_records(s.kb, kind), lambda r: r.id, lambda r: r.where.at("id"),
                            lambda ident, first, kind=kind: f"the {kind.name} id '{ident}' is already used at {first}; choose another")
    yield from _repeats(_records(s.kb, EXAMPLE), lambda e: str(e.number), lambda e: e.where.at("number"),
                        lambda number, first: f"the example number '{number}' is already used at {first}; choose another")
    # Approaches, strands and the anchors of narrative are all anchors of their focus area's page.
    anchors = [(node.approach.id, node.approach.where.at("id")) if isinstance(node, PlacedApproach)
               else (node.block.anchor[0], node.block.where) for node in s.kb.tree
               if isinstance(node, PlacedApproach) or (isinstance(node, PlacedBlock) and node.block.anchor[0])]
    yield from _repeats(anchors, lambda a: a[0], lambda a: a[1],
                        lambda ident, first: f"the id '{ident}' is already used at {first}; choose another")


def questions_once(s: Subject) -> Iterator[Problem]:
    # Across every theme: the report's repeated question is kept once, site-wide.
    first: dict[str, str] = {}
    for question in _records(s.kb, QUESTION):
        text = " ".join(question.text.casefold().split())
        if text in first:
            yield at(question.where, f"this question repeats the one at {first[text]}; keep one", "text")
        first.setdefault(text, str(question.where.at("text")))


def references_resolve(s: Subject) -> Iterator[Problem]:
    for kind in KINDS.values():
        for field, target_key in kind.refs.items():
            target = KINDS[target_key]
            if target.file in s.kb.failed:
                continue  # its records are missing: every reference would look unknown
            known = {r.id for r in _records(s.kb, target)}
            for record in _records(s.kb, kind):
                value = getattr(record, field)
                for path, ident in ([((field, j), v) for j, v in enumerate(value)] if isinstance(value, list)
                                    else [((field,), value)] if value is not None else []):
                    if ident not in known:
                        yield at(record.where, f"unknown {target.name} '{ident}'{did_you_mean(ident, known)}", *path, field=field)


def examples_belong(s: Subject) -> Iterator[Problem]:
    kb = s.kb
    for example in _records(kb, EXAMPLE):
        area = kb.focus_area.get(example.focus_area)
        if area and example.theme in kb.theme and area.theme.id != example.theme:
            yield at(example.where, f"the focus area '{example.focus_area}' belongs to the theme '{area.theme.id}', "
                                    f"not '{example.theme}'", "focus_area", field="focus_area")
        for j, approach in enumerate(example.approaches):
            placed = kb.approach.get(approach)
            if placed and area and placed.focus_area.id != example.focus_area:
                yield at(example.where, f"the approach '{approach}' is in the focus area '{placed.focus_area.id}', "
                                        f"not '{example.focus_area}'", "approaches", j, field="approaches")


def examples_shown_in_place(s: Subject) -> Iterator[Problem]:
    kb, shown = s.kb, {}
    for placed in kb.blocks:
        example = kb.example.get(placed.block.example or "")
        if example is None or example.focus_area not in kb.focus_area:
            continue  # an unknown reference, reported as such
        where, place = placed.block.where.at("example"), placed.citation
        if example.id in shown:
            yield at(where, f"the example '{example.id}' is already shown at {shown[example.id]}; show it once", field="example")
        shown.setdefault(example.id, str(where))
        if place.theme.id != example.theme or (place.focus_area and place.focus_area.id != example.focus_area):
            in_place = f"the focus area '{place.focus_area.id}'" if place.focus_area else f"the theme '{place.theme.id}'"
            yield at(where, f"the example '{example.id}' belongs to the focus area '{example.focus_area}' "
                            f"(data/examples.yaml), so it cannot be shown in {in_place}; move it there", field="example")


# --- what would mislead a reader ---------------------------------------------------------------

WEB_ADDRESS = re.compile(r"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$")


def addresses_printable(s: Subject) -> Iterator[Problem]:
    for source in _records(s.kb, EVIDENCE_SOURCE):
        address = source.original_address
        if address is not None and not WEB_ADDRESS.match(address):
            yield at(source.where, f"'{address}' is not a web address; it must start with http://, https:// or a host name "
                                   "like www.example.org", "original_address", field="original_address")
    for block in _records(s.kb, KINDS["block"]):
        source = s.kb.evidence_source.get(block.address or "")
        if source and not source.original_address:
            yield at(block.where, f"the evidence source '{block.address}' has no original_address to show", "address")


def review_dates(s: Subject) -> Iterator[Problem]:
    for kind, record in _reviewed(s.kb):
        yield from _dated(s, record.where.at("last_reviewed"), f"{kind.name} '{record.id}', last_reviewed",
                          record.last_reviewed, "write the date you checked it against the report")


def _dated(s: Subject, where, what: str, date, fix: str) -> Iterator[Problem]:
    """A date in the future, or before the report was published: `what` names it, `fix` says what to write."""
    report_year = s.kb.report.year if s.kb.report else None
    if date > s.today:
        yield Problem(where.file, where.line, f"{what}: {date.isoformat()} is in the future; {fix} (today is {s.today.isoformat()})")
    elif report_year and date.year < report_year:
        yield Problem(where.file, where.line, f"{what}: {date.isoformat()} is before the report was published "
                                              f"({report_year}); {fix}")


def _reviewed(kb: KnowledgeBase):
    return ((kind, record) for kind in KINDS.values() if kind.reviewed for record in _records(kb, kind))


LISTS_OF_NAMES = ("behaviours", "approaches", "cites", "partners")  # each item may appear once


def listed_once(s: Subject) -> Iterator[Problem]:
    for records in s.kb.records.values():
        for record in records:
            for field in LISTS_OF_NAMES:
                items = getattr(record, field, None)
                if isinstance(items, list) and all(isinstance(item, str) for item in items):
                    for i, item in enumerate(items):
                        if item in items[:i]:
                            yield at(record.where, f"'{item}' is listed twice; keep one", field, i, field=field)


# Anchors the templates give every focus area and theme page; no id may take them.
RESERVED_ANCHORS = ("questions", "evidence")
EXAMPLE_ANCHOR = "example-"  # where an example stands in the narrative: example-<id>
SITE_PREFIX = "kb-"  # the site's own classes and anchors (templates/, docs/javascripts/)


def anchors_distinct(s: Subject) -> Iterator[Problem]:
    kb, listed = s.kb, {}  # the questions page gives every focus area and question an anchor
    for node in kb.tree:
        if isinstance(node, (PlacedFocusArea, PlacedQuestion)):
            record = node.area if isinstance(node, PlacedFocusArea) else node.question
            where = record.where.at("id")
            # Two focus areas, or two questions, with one id are reported as repeated ids.
            if record.id in listed and listed[record.id][0] is not type(node):
                yield at(where, f"'{record.id}' is already the id of a focus area or question at {listed[record.id][1]}, "
                                "and both are anchors on the questions page; choose another", field="id")
            listed.setdefault(record.id, (type(node), str(where)))
            yield from _site_prefix(record.id, where)
        anchor, where = _anchor(node)
        if anchor and (anchor in RESERVED_ANCHORS or anchor.startswith(EXAMPLE_ANCHOR)):
            yield at(where, f"the id '{anchor}' is kept for the site's own anchors ({', '.join(RESERVED_ANCHORS)}, "
                            f"{EXAMPLE_ANCHOR}...); choose another", field="id")
        elif anchor:
            yield from _site_prefix(anchor, where)
    for source in _records(kb, EVIDENCE_SOURCE):
        yield from _site_prefix(source.id, source.where.at("id"))
    for i, redirect in enumerate(kb.redirects):
        area = kb.focus_area.get(redirect.old)
        if redirect.kind == QUESTION.key and area:  # an old question id stays an anchor there
            yield at(redirect.where, f"the old question id '{redirect.old}' is now the id of the focus area at "
                                     f"{area.area.where}, and both are anchors on the questions page; choose another "
                                     "id for the focus area", "old", field="old")


def _anchor(node) -> tuple[str | None, Where | None]:
    if isinstance(node, PlacedBlock) and node.block.anchor[0]:
        anchor, path = node.block.anchor
        return anchor, node.block.where.at(*path)
    if isinstance(node, PlacedApproach):
        return node.approach.id, node.approach.where.at("id")
    return None, None


def _site_prefix(ident: str, where: Where) -> Iterator[Problem]:
    """The site's own classes and anchors start "kb-" (kb-lead, kb-sr-status, ...): an id that
    becomes an anchor may not, or a page could hold one anchor twice."""
    if ident.startswith(SITE_PREFIX):
        yield at(where, f"the id '{ident}' starts with '{SITE_PREFIX}', which the site keeps for anchors of its own; "
                        "choose another", field="id")


def page_ids_free(s: Subject) -> Iterator[Problem]:
    """Ids that would give an entity's page the address of the page listing its kind
    (behaviours/index.md is /behaviours/ itself), so one page would replace the other."""
    for kind in (BEHAVIOUR, EXAMPLE, FOCUS_AREA, QUESTION):
        for record in _records(s.kb, kind):
            if record.id in RESERVED_IDS:
                address = page_url(s.kb.pages_of(kind, record.id)[0])
                yield at(record.where.at("id"), f"a {kind.name} cannot have the id '{record.id}': its page would take "
                                                f"the address /{address}/, which is another page's; choose another", field="id")


# How the tags plugin (Material's default, tags_slugify) makes a tag's anchor on the tags page.
TAG_SLUG = slugify(case="lower")


def tags_distinct(s: Subject) -> Iterator[Problem]:
    """An example's setting and partners become tags, each found on the tags page at an anchor
    made from its letters and digits (as Material's tags plugin makes it): two tags with one
    anchor, or a tag with none, would send a reader to another tag's examples."""
    seen = {}  # anchor -> (tag, where)
    for example in _records(s.kb, EXAMPLE):
        named = [("setting", example.where.at("setting"), example.setting)]
        named += [("partners", example.where.at("partners", j), partner) for j, partner in enumerate(example.partners)]
        for field, where, text in named:
            tag = tag_name(text)
            anchor = TAG_SLUG(tag, "-")
            if not anchor:
                yield at(where, f"'{text}' has no letter or digit to make its tag's address from; write it in words", field=field)
            elif anchor in seen and seen[anchor][0] != tag:
                other, first = seen[anchor]
                yield at(where, f"'{text}' and '{html.unescape(other)}' ({first}) would be one tag on the tags page; "
                                "write them the same way", field=field)
            seen.setdefault(anchor, (tag, str(where)))


def abbreviations_once(s: Subject) -> Iterator[Problem]:
    words = [(word, abbreviation.where.at(field), field) for abbreviation in _records(s.kb, KINDS["abbreviation"])
             for field, word in (("abbreviation", abbreviation.abbreviation), ("plural", abbreviation.plural)) if word]
    first: dict[str, str] = {}
    for word, where, field in words:
        if word.casefold() in first:
            yield at(where, f"'{word}' is already in the glossary at {first[word.casefold()]}; keep one", field=field)
        first.setdefault(word.casefold(), str(where))


# --- renames and retirements ---------------------------------------------------------------------

def redirects_valid(s: Subject) -> Iterator[Problem]:
    kb, seen = s.kb, set()
    for redirect in kb.redirects:
        kind = KINDS[redirect.kind]
        if (kind.key, redirect.old) in seen:
            yield at(redirect.where, f"the old {kind.name} id '{redirect.old}' is redirected twice; keep one", "old", field="old")
        seen.add((kind.key, redirect.old))
        if kind.file in kb.failed:
            continue
        known = getattr(kb, kind.key)
        if redirect.old in known:
            yield at(redirect.where, f"'{redirect.old}' is still a current {kind.name} id; a redirect is only for an id "
                                     "that was renamed or retired", "old", field="old")
        if redirect.new is not None and redirect.new not in known:
            yield at(redirect.where, f"unknown {kind.name} '{redirect.new}'{did_you_mean(redirect.new, known)}; a redirect "
                                     "must point at an id that exists", "new", field="new")


def retired_lead_somewhere(s: Subject) -> Iterator[Problem]:
    current = s.site_addresses
    for redirect in s.kb.redirects:
        if redirect.retired_to and redirect.retired_to not in current:
            hint = did_you_mean(redirect.retired_to, current)
            yield at(redirect.where, f"'{redirect.retired_to}' is not an address of the site{hint}; write one as the "
                                     "address bar shows it after the host, like /themes/<theme>/<focus-area>/",
                     "retired_to", field="retired_to")


# --- change notes -------------------------------------------------------------------------------

# Words that say only that something changed: a reader learns nothing from them.
VAGUE = {"updated", "update", "updates", "changed", "change", "changes", "fixed", "fix", "fixes", "edited", "edit",
         "edits", "minor changes", "minor change", "small changes", "typo", "typos", "wip", "tweaks", "misc", "various",
         "content updated", "page updated", "text updated", "updated content", "updated text", "updated page"}
NOTE_WORDS = 4  # at least: "Reworded the question's ending." says what changed


def notes_valid(s: Subject) -> Iterator[Problem]:
    editions = []
    for note in _records(s.kb, CHANGE):
        date = note.date
        yield from _dated(s, note.where.at("date"), "change note, date", date, "write the day the change reaches readers")
        if not note.name.startswith(date.isoformat()):
            yield Problem(note.where.file, 1, f"the file's name must start with the note's date: rename it to "
                                              f"{date.isoformat()}-{note.name[11:] if note.name[:4].isdigit() else note.name}.yaml")
        text = note.where.at("text")
        words = re.findall(r"[\w'’-]+", note.text)
        plain = " ".join(w.casefold() for w in words)
        if plain in VAGUE or len(words) < NOTE_WORDS:
            yield Problem(text.file, text.line, f"change note, text: '{note.text.strip()}' does not tell readers what "
                                                "changed; say what changed and why, in one or two sentences of plain words "
                                                "(like: The question now ends as the report prints it.)")
        elif len(SENTENCE.findall(note.text.strip() + " ")) > 2:
            yield Problem(text.file, text.line, "change note, text: write one or two sentences; the page, the changes page "
                                                "and the feed show it whole")
        if note.change == "first-edition":
            editions.append(note)
        for i, ref in enumerate(note.pages):
            if ref.kind == "page":
                continue  # an address: checked with the site's pages (notes-pages-exist)
            kind = KINDS[ref.kind]
            if kind.file in s.kb.failed:
                continue
            now, retired_to = s.kb.current(kind.key, ref.id)
            if not now and not retired_to:
                yield at(note.where, f"unknown {kind.name} '{ref.id}'{did_you_mean(ref.id, getattr(s.kb, kind.key))}; name a "
                                     f"{kind.name} by its id (a renamed one by its old or new id)", "pages", i, "id")
    for note in editions[1:]:
        yield Problem(note.where.file, 1, f"the site has one first edition, {editions[0].where.file}; "
                                          "this note needs change: new, changed, renamed or retired")


def notes_pages_exist(s: Subject) -> Iterator[Problem]:
    current = s.site_addresses
    for note in _records(s.kb, CHANGE):
        for i, ref in enumerate(note.pages):
            if ref.kind == "page" and ref.id not in current:
                hint = did_you_mean(ref.id, current)
                yield at(note.where, f"'{ref.id}' is not an address of the site{hint}; write one as the address bar "
                                     "shows it after the host, like /glossary/", "pages", i, "id")


# --- published addresses -----------------------------------------------------------------------

def addresses_kept(s: Subject) -> Iterator[Problem]:
    yield from vanished(s.manifest, s.site_addresses)


def addresses_recorded(s: Subject) -> Iterator[Problem]:
    manifest = s.manifest
    new = sorted(s.site_addresses - manifest.addresses)
    if new:
        listed = ", ".join(new[:5]) + (f" and {len(new) - 5} more" if len(new) > 5 else "")
        yield Problem(manifest.name, max((line for line, _ in manifest.entries), default=0) + 1,
                      f"the site publishes {len(new)} address{'es' if len(new) > 1 else ''} not yet listed here ({listed}); "
                      "run `make urls` and commit this file with your change")


# --- hand-written pages --------------------------------------------------------------------------

def handwritten_pages(s: Subject) -> Iterator[Problem]:
    if s.project is None:
        return
    # An id of a kind whose file could not be read is not known to be wrong: it is not checked.
    ids = {kind.key: None if kind.file in s.kb.failed else set(s.kb.by_id(kind)) for kind in LINKABLE.values()}
    yield from handwritten.template_problems(s.project, ids, set(s.extra))
    if not s.kb.failed:  # the pages a link may lead to are known once every file reads
        yield from handwritten.link_problems(s.project, set(s.page_paths))


# --- warnings (never failures) ---------------------------------------------------------------

def reviews_due(s: Subject) -> Iterator[Problem]:
    oldest = s.today - datetime.timedelta(days=s.review_days)
    for kind, record in _reviewed(s.kb):
        if record.last_reviewed < oldest:
            where = record.where.at("last_reviewed")
            yield Problem(where.file, where.line, f"{kind.name} '{record.id}' was last reviewed on {record.last_reviewed.isoformat()}, "
                                                  f"more than {s.review_days} days ago; check it against the report and update last_reviewed")


def abbreviations_used(s: Subject) -> Iterator[Problem]:
    kb = s.kb
    texts = "\n".join(value for model in (kb.report, kb.framework, *kb.behaviours, *kb.themes, *kb.examples,
                                          *kb.evidence_sources) if model is not None
                      for record in records_in(model) for value in _strings(record))
    for abbreviation in kb.abbreviations:
        words = [w for w in (abbreviation.abbreviation, abbreviation.plural) if w]
        if not any(re.search(rf"\b{re.escape(w)}\b", texts) for w in words):
            yield Problem(abbreviation.where.file, abbreviation.where.line,
                          f"the abbreviation '{abbreviation.abbreviation}' is not used in any text; "
                          "remove it from the glossary, or check the text that should use it")


def _strings(record) -> Iterator[str]:
    for name in type(record).model_fields:
        value = getattr(record, name)
        yield from (v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))


RULES = (
    Rule("unique-ids", "each id once in its kind; each example number once; anchors of one page once", unique_ids),
    Rule("questions-once", "no question's text repeats another's, in any theme", questions_once),
    Rule("references-resolve", "every id a record names (behaviours, examples, approaches, sources...) exists", references_resolve),
    Rule("examples-belong", "an example's focus area is in its theme, its approaches in its focus area", examples_belong),
    Rule("examples-in-place", "an example shown in the narrative is shown once, in its own focus area", examples_shown_in_place),
    Rule("addresses-printable", "the report's addresses are web addresses, and a block that prints one has one", addresses_printable),
    Rule("review-dates", "last_reviewed is not in the future, nor before the report", review_dates),
    Rule("listed-once", "no list of ids or names holds one twice", listed_once),
    Rule("anchors-distinct", "ids that become anchors meet neither each other nor the site's own", anchors_distinct),
    Rule("page-ids-free", "no id gives its page the address of another page", page_ids_free),
    Rule("tags-distinct", "settings and partners make distinct tags, each with letters or digits", tags_distinct),
    Rule("abbreviations-once", "each abbreviation (and plural) once in the glossary, whatever its case", abbreviations_once),
    Rule("redirects-valid", "each old id redirected once; a renamed id is not current, its new id exists", redirects_valid),
    Rule("retired-lead-somewhere", "a retired id sends its readers to an address the site has", retired_lead_somewhere, whole=True),
    Rule("notes-valid", "change notes: dated neither in the future nor before the report, file named by its date, "
         "pages named by ids that exist (renames followed), text that says what changed, one first edition", notes_valid),
    Rule("notes-pages-exist", "a change note's page named by its address is a page of the site", notes_pages_exist, whole=True),
    Rule("addresses-kept", "every address in published-addresses.txt is still served (or redirected)", addresses_kept, whole=True),
    Rule("addresses-recorded", "every address the site serves is in published-addresses.txt", addresses_recorded, whole=True, last=True),
    Rule("handwritten-pages", "docs/ pages: template syntax, macros and variables that exist, link macros given ids "
         "that exist, links that lead to a page", handwritten_pages),
    Rule("reviews-due", "warns where last_reviewed is older than extra.review_after_days", reviews_due, warning="REVIEW"),
    Rule("abbreviations-used", "warns of a glossary entry that no text uses", abbreviations_used, warning="WARNING"),
)
