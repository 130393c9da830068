"""Hypothesis strategies for whole knowledge bases: every data file, written as an editor might.

`knowledge_bases()` draws a `GeneratedData`: the data/ folder as Python values (one per
file), which `write(data_dir)` dumps as YAML. What it draws is mostly what the models accept
and whose references resolve: 1-6 behaviours, 1-3 themes with focus areas, approaches
(numbered or not, with strands, or with strands and no blocks of their own), blocks of every
kind, 0-6 practice examples (shown in the narrative of their own focus area, or not at all),
evidence sources with and without an address, glossary entries, redirects. Its text is short
and long, non-ASCII, and full of characters that mean something to Markdown, HTML and Jinja.
Its ids reuse words the site's own headings and anchors are made of ("index", "questions",
"evidence", ...), and titles are sometimes made of other entities' ids, so the ids a page is
given can meet the ones its headings get.

About one knowledge base in eight carries one flaw an editor could make (a repeated id, an
unknown reference, a future date, ...): the checker must refuse those with file and line.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

# --- text ---------------------------------------------------------------------------------

WORDS = ["leaders", "partners", "early", "help", "families", "outcomes", "the", "a", "of", "and",
         "to", "in", "work", "children", "services", "risk", "were", "with", "one", "authority",
         "Leaders", "The", "This", "It", "Example", "Questions", "Evidence", "Introduction"]
NON_ASCII = ["café", "naïve", "Straße", "résumé", "“quoted”", "‘single’", "it’s", "children’s",
             "—", "–", "…", "©2011", "日本語", "中文字", "한국어", "😀", "👩‍👧‍👦", "🏳️‍🌈", "עברית",
             "العربية", "Ελληνικά", "Ünïcödé", "e\u0301", "ﬁ", "\u00a0", "Å"]
MARKUPISH = ["*", "**", "_", "__", "#", "# ", "## ", "<", ">", "&", "[", "]", "{", "}", "|", "{{", "}}",
             "{%", "%}", "{#", "#}", "{{ page.title }}", "{{ 7*7 }}", "{% raw %}", "{% if x %}",
             "{: #x }", "{ #y }", "{: .kb-lead }", "**bold**", "*italic*", "_under_", "`code`", "\\",
             "\\*", "<b>", "</b>", "<kbx>", "</kbx>", "<kbx id=\"evidence\">", "<script>alert(1)</script>",
             "<!--", "-->", "&amp;", "&lt;", "&#39;", "&#", "&nbsp;", "[link](http://example.org)",
             "[x](../index.md)", "![img](x.png)", "<http://example.org>", "| a | b |", "---", "===",
             "- ", "+ ", "1. ", "2) ", "> ", ": ", "~~", "^", "$", "%", "'", '"', "!", "@", "[^1]",
             "*[DCS]: x", "!!! note", "???", "\n", "\n\n", "\n    ", "    ", "\t", "\r\n", "--8<--",
             "~~~", "```", "\n~~~\n", ":::", "- [ ] ", "[[x]]", "{{ x }}\n{{ y }}"]
# Any character a page can show (control characters are one of the flaws below).
ANY_CHARACTER = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="\ufffe\uffff")
TOKENS = WORDS + NON_ASCII + MARKUPISH


def _joined(tokens: list[str], glue: str, odd: str) -> str:
    text = glue.join(tokens) + odd
    return text if text.strip() else f"x{text}"  # the models refuse blank text


def texts(extra: tuple[str, ...] = (), long: bool = False) -> st.SearchStrategy[str]:
    """Text the models accept (never blank): words and markup-ish tokens, joined by spaces
    (sometimes by nothing), now and then with a run of any characters at all."""
    tokens = st.lists(st.sampled_from(TOKENS + list(extra)), min_size=1, max_size=16 if long else 6)
    glue = st.sampled_from([" ", " ", " ", ""])
    odd = st.one_of(st.just(""), st.just(""), st.just(""), st.text(ANY_CHARACTER, min_size=1, max_size=6))
    return st.builds(_joined, tokens, glue, odd)


# --- ids ------------------------------------------------------------------------------------

# Words the site's own addresses, headings and anchors are made of, and a few plain ones.
ID_WORDS = ["index", "questions", "evidence", "example", "introduction", "glossary", "tags", "search",
            "content", "top", "toc", "about", "framework", "behaviours", "examples", "themes", "for",
            "consideration", "1", "2", "10", "a", "b", "x", "leading", "early", "help", "partners",
            "families", "risk", "approach", "strand", "question", "area", "theme"]
# Whole anchors that headings of the generated pages get from their text, and anchors the
# templates give their own elements.
ID_PHRASES = ["questions-for-consideration", "introduction", "where-this-report-shows-it", "approaches",
              "practice-examples", "questions-to-reflect-on", "the-example", "what-it-illustrates",
              "how-to-cite-it", "copyright", "the-publisher", "not-illustrated-in-this-report",
              "the-eight-core-behaviours", "resourcefulness", "glossary", "evidence", "index",
              "about-the-report", "the-framework", "example-1", "kb-lead", "part-glossary", "part-theme-x",
              "kb-sr-app", "kb-sr-status", "kb-sr-q-x", "kb-sr-theme-x", "tag", "theme-x"]
IDS = st.one_of(
    st.lists(st.sampled_from(ID_WORDS), min_size=1, max_size=3).map("-".join),
    st.sampled_from(ID_PHRASES),
    st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True),
)
# Kinds of id; the checker wants each unique within its kind ("anchor": approaches, strands
# and the paragraphs, illustrations and quotes that carry an id: one namespace).
ID_KINDS = ("behaviour", "source", "example", "theme", "focus_area", "question", "anchor")

ADDRESSES = ["www.example.org", "http://example.org/a/b.pdf", "https://example.org/?a=1&b=2",
             "www.c4eo.org.uk/themes/earlyintervention/default.aspx?themeid=12&accesstypeid=1",
             "http://media.example.gov.uk/assets/files/pdf/g/graham%20allens%20review.pdf",
             "example.org/<kbx>\"quoted\"", "https://example.org/#evidence", "www.example.org/{{x}}",
             "www.example.org/日本語", "example.org/a_b*c*[d]"]
ABBREVIATIONS = ["DCS", "CAF", "GP", "PRU", "SLT", "A", "X1", "lt", "amp", "gt", "quot", "39", "35",
                 "Glossary", "abbr", "title", "kb"]

EARLIEST = datetime.date(2011, 1, 1)  # no date before the report (2011)


class _Dumper(yaml.SafeDumper):
    """yaml.safe_dump's dumper, writing a value used twice out in full: the loader refuses
    anchors and aliases, as an editor never writes them."""

    def ignore_aliases(self, data):
        return True


def dump(value: Any, width: int = 80) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=width)


@dataclass
class GeneratedData:
    """A data/ folder: file (relative to data/) -> its value, and YAML dump settings."""
    files: dict[str, Any]
    width: int = 80
    flaw: str | None = None  # the editor's mistake it carries, if any

    def write(self, data_dir: Path) -> None:
        (data_dir / "themes").mkdir(parents=True, exist_ok=True)
        (data_dir / "changes").mkdir(parents=True, exist_ok=True)
        for name, value in self.files.items():
            (data_dir / name).write_text(dump(value, self.width), encoding="utf-8")


class _Ids:
    """Fresh ids of each kind; now and then one that another kind already uses."""

    def __init__(self, draw):
        self.draw = draw
        self.kinds: dict[str, set[str]] = {kind: set() for kind in ID_KINDS}

    @property
    def taken(self) -> set[str]:
        return set().union(*self.kinds.values())

    def new(self, kind: str) -> str:
        others = self.taken - self.kinds[kind]
        if kind in CLASHING and not _rarely(self.draw, 4):
            others -= self.kinds[CLASHING[kind]]
        ident = self.draw(st.sampled_from(sorted(others))) if others and _rarely(self.draw, 8) else None
        if ident is None or (_refused(kind, ident) and not _rarely(self.draw, 6)):
            ident = self.draw(IDS)
            if _refused(kind, ident) and not _rarely(self.draw, 6):
                ident = f"x-{ident}"
            base, n = ident, 2
            while ident in self.taken:
                ident, n = f"{base}-{n}", n + 1
        self.kinds[kind].add(ident)
        return ident


# Kinds whose ids the checker keeps apart (both are anchors on the questions page).
CLASHING = {"focus_area": "question", "question": "focus_area"}


def _refused(kind: str, ident: str) -> bool:
    """Ids the checker keeps for the site: anchors the templates give pages themselves (and
    all that start 'kb-'), and 'index' for kinds whose page would take the address of the
    page that lists them."""
    if kind in ("anchor", "focus_area", "question", "source") and ident.startswith("kb-"):
        return True
    if kind == "anchor":
        return ident in ("questions", "evidence") or ident.startswith("example-")
    return ident == "index" and kind in ("behaviour", "example", "focus_area", "question")


def _rarely(draw, one_in: int) -> bool:
    """True about once in `one_in` draws (Hypothesis favours small integers, not indexes);
    shrinking leads to False, the usual case."""
    return draw(st.sampled_from(range(one_in))) == one_in - 1


def _subset(draw, items: list, min_size: int = 1, max_size: int | None = None) -> list:
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), min_size=min_size, max_size=max_size or len(items), unique=True))


@st.composite
def knowledge_bases(draw, today: datetime.date | None = None) -> GeneratedData:
    today = today or datetime.date.today()
    ids = _Ids(draw)
    dates = st.dates(EARLIEST, today)

    glossary, used = [], set()  # each word once, whatever its case: the glossary anchors by it
    for word in draw(st.lists(st.one_of(st.sampled_from(ABBREVIATIONS), st.from_regex(r"[A-Za-z0-9]{1,5}", fullmatch=True)),
                              max_size=4)):
        if word.lower() in used:
            continue
        used.add(word.lower())
        entry = {"abbreviation": word, "expansion": draw(st.none() | texts())}
        if f"{word}s".lower() not in used and draw(st.booleans()):
            entry["plural"] = f"{word}s"
            used.add(entry["plural"].lower())
        glossary.append(entry)
    words = tuple(w for entry in glossary for w in (entry["abbreviation"], entry.get("plural")) if w)
    text, long_text = texts(words), texts(words, long=True)

    def title() -> str:
        """A title; now and then one made of an id, so headings' anchors can meet ids."""
        taken = sorted(ids.taken)
        if taken and _rarely(draw, 6):
            return draw(st.sampled_from(taken)).replace("-", " ").capitalize()
        return draw(text)

    def tag_text() -> str:
        """A setting or partner: it becomes a tag, found by its letters and digits, so it
        mostly has some (one with none is refused)."""
        found = draw(text)
        if not re.search(r"[^\W_]", re.sub(r"<[^>]*>", "", found)) and not _rarely(draw, 6):
            found = f"{draw(st.sampled_from(WORDS))} {found}"
        return found

    behaviours = [{"id": ids.new("behaviour"), "name": draw(text), "last_reviewed": draw(dates)}
                  for _ in range(draw(st.integers(1, 6)))]
    behaviour_ids = [b["id"] for b in behaviours]

    sources = []
    for _ in range(draw(st.integers(1, 4))):
        source = {"id": ids.new("source"), "title": title()}
        if draw(st.booleans()):
            source["publisher"] = draw(st.none() | text)
        source["kind"] = draw(text)
        if draw(st.booleans()):
            source["date"] = draw(st.none() | text)
        source["original_address"] = draw(st.none() | st.sampled_from(ADDRESSES))
        sources.append(source)
    source_ids = [s["id"] for s in sources]
    addressed = [s["id"] for s in sources if s["original_address"]]

    def blocks(min_size: int, max_size: int = 3) -> list[dict]:
        found = []
        for _ in range(draw(st.integers(min_size, max_size))):
            kind = draw(st.sampled_from(["paragraph", "paragraph", "list", "illustration", "quote", "address"]))
            if kind == "address" and not addressed:
                kind = "paragraph"
            if kind == "paragraph":
                block = {}
                if _rarely(draw, 4):
                    block["id"] = ids.new("anchor")
                block["paragraph"] = draw(long_text)
                if draw(st.booleans()):
                    block["cites"] = _subset(draw, source_ids, max_size=2)
            elif kind == "list":
                block = {"list": draw(st.lists(text, min_size=1, max_size=3))}
            elif kind == "illustration":
                block = {"illustration": {"id": ids.new("anchor"), "title": title(), "text": draw(long_text)}}
            elif kind == "quote":
                block = {"quote": {"id": ids.new("anchor"), "text": draw(long_text), "attribution": draw(text)}}
            else:
                block = {"address": draw(st.sampled_from(addressed))}
            found.append(block)
        return found

    themes, areas = [], []  # areas: (theme id, focus area, [block lists in it], [approach ids])
    for _ in range(draw(st.integers(1, 3))):
        theme = {"id": ids.new("theme"), "title": title(), "last_reviewed": draw(dates),
                 "introduction": blocks(1)}
        if draw(st.booleans()):
            theme["evidence"] = {"title": title(), "blocks": blocks(1)}
        theme["focus_areas"] = []
        for _ in range(draw(st.integers(1, 2))):
            area = {"id": ids.new("focus_area"), "title": title(),
                    "behaviours": _subset(draw, behaviour_ids, max_size=3),
                    "last_reviewed": draw(dates), "introduction": blocks(0, 2), "approaches": []}
            places, approach_ids = [area["introduction"]], []
            for number in range(1, draw(st.integers(1, 2)) + 1):
                approach = {"id": ids.new("anchor")}
                if draw(st.booleans()):
                    approach["number"] = number
                approach["title"] = title()
                strands = [{"id": ids.new("anchor"), "title": title(), "blocks": blocks(1, 2)}
                           for _ in range(draw(st.integers(0, 2)))]
                approach["blocks"] = blocks(0 if strands else 1)
                if strands or draw(st.booleans()):
                    approach["strands"] = strands
                area["approaches"].append(approach)
                places += [approach["blocks"], *(s["blocks"] for s in strands)]
                approach_ids += [approach["id"], *(s["id"] for s in strands)]
            area["questions_heading"] = title()
            area["questions"] = [{"id": ids.new("question"), "text": draw(text)}
                                 for _ in range(draw(st.integers(1, 2)))]
            theme["focus_areas"].append(area)
            areas.append((theme["id"], area, places, approach_ids))
        theme["questions_title"] = title()
        theme["questions_introduction"] = draw(long_text)
        themes.append(theme)

    # Question texts are unique site-wide (whatever their case and spacing).
    seen = set()
    for _, area, _, _ in areas:
        for question in area["questions"]:
            key = " ".join(question["text"].lower().split())
            while key in seen:
                question["text"] += "?"
                key = " ".join(question["text"].lower().split())
            seen.add(key)

    examples = []
    for number in draw(st.lists(st.integers(1, 99), max_size=6, unique=True)):
        theme_id, area, places, approach_ids = draw(st.sampled_from(areas))
        example = {"id": ids.new("example"), "number": number, "title": title(), "theme": theme_id,
                   "focus_area": area["id"], "approaches": _subset(draw, approach_ids, max_size=3),
                   "behaviours": _subset(draw, behaviour_ids, max_size=3), "setting": tag_text(),
                   "partners": list(dict.fromkeys(tag_text() for _ in range(draw(st.integers(0, 3))))),
                   "outcome": draw(st.none() | text), "last_reviewed": draw(dates),
                   "text": draw(st.lists(long_text, min_size=1, max_size=3))}
        examples.append(example)
        if draw(st.booleans()):  # shown in the narrative, in its own focus area
            place = draw(st.sampled_from(places))
            place.insert(draw(st.integers(0, len(place))), {"example": example["id"]})

    redirects = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["behaviour", "example", "theme", "focus_area", "question"]))
        current = {"behaviour": behaviour_ids, "example": [e["id"] for e in examples],
                   "theme": [t["id"] for t in themes], "focus_area": [a["id"] for _, a, _, _ in areas],
                   "question": [q["id"] for _, a, _, _ in areas for q in a["questions"]]}[kind]
        if not current:
            continue
        # An old id: a fresh one, or one another kind uses now (a renamed focus area's old id
        # may well be a question's id today).
        old = _old_id(draw, ids, kind, redirects)
        redirects.append({"kind": kind, "old": old, "new": draw(st.sampled_from(current))})

    # Change notes (data/changes/): major and minor, about current ids, renamed ones' old ids, and pages by address.
    notes = {}
    named = [(r["kind"], r["old"]) for r in redirects]
    named += [("behaviour", b) for b in behaviour_ids] + [("example", e["id"]) for e in examples]
    named += [("theme", t["id"]) for t in themes] + [("focus_area", a["id"]) for _, a, _, _ in areas]
    named += [("question", q["id"]) for _, a, _, _ in areas for q in a["questions"]] + [("page", "/glossary/"), ("page", "/")]
    for i in range(draw(st.integers(0, 3))):
        date = draw(dates)
        notes[f"changes/{date.isoformat()}-note-{i}.yaml"] = {
            "date": date, "importance": draw(st.sampled_from(["major", "minor"])),
            "change": draw(st.sampled_from(["new", "changed", "renamed", "retired"])),
            "pages": [{"kind": kind, "id": ident} for kind, ident in _subset(draw, named, max_size=3)],
            "text": draw(st.sampled_from(NOTE_TEXTS))}
    if draw(st.booleans()):
        notes["changes/2011-06-01-first-edition.yaml"] = {"date": datetime.date(2011, 6, 1), "importance": "major",
                                                          "change": "first-edition", "text": NOTE_TEXTS[0]}

    framework = {
        "introduction": draw(long_text),
        "resourcefulness": {"lead": draw(text), "abilities": draw(st.lists(text, min_size=1, max_size=3))},
        "resourceful_leader": {"lead": draw(text), "abilities": draw(st.lists(text, min_size=1, max_size=4))},
        "figure_title": draw(text),
        "behaviours_lead": draw(long_text),
    }
    report = {"title": draw(text), "subtitle": draw(text), "publisher": draw(text),
              "year": draw(st.integers(1, 2011)), "place": draw(text),
              "companion_report": draw(st.sampled_from(source_ids)),
              "about_publisher": draw(st.lists(long_text, min_size=1, max_size=2)),
              "copyright": draw(long_text), "contact": draw(st.lists(text, min_size=1, max_size=3)),
              "environment": {"title": draw(text), "text": draw(long_text)}}

    files = {
        "behaviours.yaml": {"framework": framework, "behaviours": behaviours},
        "examples.yaml": {"examples": examples},
        "evidence.yaml": {"sources": sources},
        "glossary.yaml": {"abbreviations": glossary},
        "source.yaml": report,
        "redirects.yaml": {"redirects": redirects},
        **notes,
    }
    names = set()
    for theme in themes:
        name = f"themes/{theme['id']}.yaml"
        while name in names:
            name = name.replace(".yaml", "-again.yaml")
        names.add(name)
        files[name] = theme
    generated = GeneratedData(files, width=draw(st.sampled_from([80, 4096])))
    if _rarely(draw, 8):
        generated.flaw = draw(st.sampled_from(sorted(FLAWS)))
        FLAWS[generated.flaw](draw, generated, today)
    return generated


def _old_id(draw, ids: _Ids, kind: str, redirects: list[dict]) -> str:
    """An id no entity of this kind has now, nor an earlier redirect of this kind."""
    earlier = {r["old"] for r in redirects if r["kind"] == kind}
    others = sorted(ids.taken - ids.kinds[kind] - earlier)
    if others and draw(st.booleans()):
        return draw(st.sampled_from(others))
    ident = draw(IDS)
    base, n = ident, 2
    while ident in ids.taken or ident in earlier:
        ident, n = f"{base}-{n}", n + 1
    return ident


# --- flaws: one mistake an editor could make, which the checker must refuse ---------------

def _themes(generated: GeneratedData) -> list[dict]:
    return [value for name, value in generated.files.items() if name.startswith("themes/")]


def _areas(generated: GeneratedData) -> list[dict]:
    return [area for theme in _themes(generated) for area in theme["focus_areas"]]


def _repeated_behaviour_id(draw, generated, today):
    behaviours = generated.files["behaviours.yaml"]["behaviours"]
    behaviours.append({**behaviours[0], "name": "again"})


def _unknown_behaviour(draw, generated, today):
    area = draw(st.sampled_from(_areas(generated)))
    area["behaviours"].append("no-such-behaviour")


def _future_date(draw, generated, today):
    behaviour = draw(st.sampled_from(generated.files["behaviours.yaml"]["behaviours"]))
    behaviour["last_reviewed"] = today + datetime.timedelta(days=draw(st.integers(1, 4000)))


def _blank_title(draw, generated, today):
    area = draw(st.sampled_from(_areas(generated)))
    area["title"] = draw(st.sampled_from([" ", "   ", "\n", ""]))


def _unknown_key(draw, generated, today):
    generated.files["source.yaml"]["titel"] = "a typo"


def _question_twice(draw, generated, today):
    area = draw(st.sampled_from(_areas(generated)))
    question = area["questions"][0]
    area["questions"].append({"id": question["id"] + "-again", "text": question["text"].upper()})


def _address_without_one(draw, generated, today):
    sources = generated.files["evidence.yaml"]["sources"]
    sources.append({"id": "no-address-source", "title": "t", "kind": "k", "original_address": None})
    theme = draw(st.sampled_from(_themes(generated)))
    theme["introduction"].append({"address": "no-address-source"})


def _example_elsewhere(draw, generated, today):
    examples = generated.files["examples.yaml"]["examples"]
    areas = _areas(generated)
    if not examples or len(areas) < 2:
        _unknown_behaviour(draw, generated, today)
        return
    example = examples[0]
    area = next(a for a in areas if a["id"] != example["focus_area"])
    area["introduction"].append({"example": example["id"]})


def _reserved_anchor(draw, generated, today):
    area = draw(st.sampled_from(_areas(generated)))
    area["approaches"][0]["id"] = draw(st.sampled_from(["questions", "evidence", "example-x"]))


def _redirect_to_nowhere(draw, generated, today):
    generated.files["redirects.yaml"]["redirects"].append({"kind": "theme", "old": "old-theme", "new": "no-such-theme"})


def _bad_id(draw, generated, today):
    generated.files["behaviours.yaml"]["behaviours"][0]["id"] = draw(st.sampled_from(["Upper", "under_score", "a--b", "-a", ""]))


def _control_character(draw, generated, today):
    report = generated.files["source.yaml"]
    # Ones YAML can only write escaped ("\x86"): a raw NEL or line separator would be read as a line break.
    report["place"] += draw(st.sampled_from(["\x00", "\x02", "\x03", "\x07", "\x1b", "\x7f", "\x86", "\x9f", "\ufffe"]))


def _invisible_character(draw, generated, today):
    # Pasted from a PDF or a word processor: there, but unseen; search cannot match across it.
    report = generated.files["source.yaml"]
    report["place"] += draw(st.sampled_from(["\u00ad", "\u200b", "\u2060", "\ufeff", "\u202e"])) + "x"


def _date_before_the_report(draw, generated, today):
    generated.files["source.yaml"]["year"] = 2011
    behaviour = draw(st.sampled_from(generated.files["behaviours.yaml"]["behaviours"]))
    behaviour["last_reviewed"] = datetime.date(2010, 12, 31) - datetime.timedelta(days=draw(st.integers(0, 4000)))


def _repeated_cite(draw, generated, today):
    theme = draw(st.sampled_from(_themes(generated)))
    source = generated.files["evidence.yaml"]["sources"][0]["id"]
    theme["introduction"].append({"paragraph": "Twice.", "cites": [source, source]})


NOTE_TEXTS = ("The site's first pages, made from the report.", "The question's wording now follows the report.",
              "A sentence left out of the page is back, as the report prints it. The rest is unchanged.",
              "Its *title* now reads as the report's <b> & 'quotes' \"too\".")


def _vague_note(draw, generated, today):
    generated.files["changes/2011-06-02-vague.yaml"] = {"date": datetime.date(2011, 6, 2), "importance": "major",
                                                       "change": "changed", "pages": [{"kind": "page", "id": "/"}],
                                                       "text": draw(st.sampled_from(["Updated.", "Fixed typo", "Changes."]))}


FLAWS = {
    "vague-note": _vague_note,
    "repeated-behaviour-id": _repeated_behaviour_id,
    "unknown-behaviour": _unknown_behaviour,
    "future-date": _future_date,
    "blank-title": _blank_title,
    "unknown-key": _unknown_key,
    "question-twice": _question_twice,
    "address-without-one": _address_without_one,
    "example-elsewhere": _example_elsewhere,
    "reserved-anchor": _reserved_anchor,
    "redirect-to-nowhere": _redirect_to_nowhere,
    "bad-id": _bad_id,
    "repeated-cite": _repeated_cite,
    "control-character": _control_character,
    "invisible-character": _invisible_character,
    "date-before-the-report": _date_before_the_report,
}


# --- the smallest knowledge base the models accept, for regression tests -------------------

def minimal(today: datetime.date | None = None) -> GeneratedData:
    """One behaviour, one source, one theme with one focus area, approach and question; no
    examples, glossary entries or redirects. Tests add the one thing they are about."""
    reviewed = (today or datetime.date.today()) - datetime.timedelta(days=1)
    theme = {
        "id": "first-theme", "title": "Theme", "last_reviewed": reviewed,
        "introduction": [{"paragraph": "Theme introduction.", "cites": ["source"]}],
        "focus_areas": [{
            "id": "area", "title": "Area", "behaviours": ["behaviour"], "last_reviewed": reviewed,
            "introduction": [],
            "approaches": [{"id": "approach", "title": "Approach", "blocks": [{"paragraph": "Approach text."}]}],
            "questions_heading": "Questions", "questions": [{"id": "question", "text": "A question?"}],
        }],
        "questions_title": "Questions for consideration", "questions_introduction": "Questions introduction.",
    }
    files = {
        "behaviours.yaml": {
            "framework": {"introduction": "Framework.", "resourcefulness": {"lead": "Lead:", "abilities": ["assess"]},
                          "resourceful_leader": {"lead": "Lead:", "abilities": ["apply"]},
                          "figure_title": "Figure", "behaviours_lead": "These are: behaviour."},
            "behaviours": [{"id": "behaviour", "name": "behaviour", "last_reviewed": reviewed}],
        },
        "examples.yaml": {"examples": []},
        "evidence.yaml": {"sources": [{"id": "source", "title": "Source", "kind": "report", "original_address": None}]},
        "glossary.yaml": {"abbreviations": []},
        "source.yaml": {"title": "Report", "subtitle": "Summary", "publisher": "Publisher", "year": 2011,
                        "place": "Place", "companion_report": "source", "about_publisher": ["About."],
                        "copyright": "Copyright.", "contact": ["Address"],
                        "environment": {"title": "Environment", "text": "Text."}},
        "redirects.yaml": {"redirects": []},
        "themes/first-theme.yaml": theme,
    }
    return GeneratedData(files)


def example(ident: str = "example", number: int = 1, **fields) -> dict:
    """A practice example in minimal()'s focus area, with fields changed."""
    return {"id": ident, "number": number, "title": "Example", "theme": "first-theme", "focus_area": "area",
            "approaches": ["approach"], "behaviours": ["behaviour"], "setting": "one authority",
            "partners": [], "outcome": None, "last_reviewed": datetime.date(2020, 1, 1),
            "text": ["The example."], **fields}
