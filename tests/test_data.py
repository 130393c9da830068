"""The real data loads, every reference resolves both ways, and what it quotes is the report's.

Every test here holds for any faithful content: none names an id or counts the records, so an
editor's ordinary pull request (a review date moved on, an example renamed with its redirect)
moves none of them. The edits editors make are tested on a made-up knowledge base instead.
"""
import re

from kb.kinds import records_in
from kb.site import knowledge_base as load
from sitehtml import normalise
from support import ROOT, SOURCE_TEXT, report_paragraphs

KB = load(ROOT / "data")
REPORT = " ".join(report_paragraphs())


def in_report(text: str) -> bool:
    """Whether the text is the report's, word for word (its line breaks and hyphenation aside)."""
    return normalise(re.sub(r"\*\*?", "", text)) in REPORT


def test_the_behaviours_are_footnote_1s_in_its_order():
    footnote = KB.framework.behaviours_lead
    positions = [footnote.find(b.name) for b in KB.behaviours]
    assert -1 not in positions, "every behaviour is named in footnote 1"
    assert positions == sorted(positions), "behaviours must follow footnote 1's order"


def test_examples_are_numbered_one_by_one_and_quote_the_report():
    assert sorted(e.number for e in KB.examples) == list(range(1, len(KB.examples) + 1))
    for example in KB.examples:
        assert all(in_report(paragraph) for paragraph in example.text), example.id
        assert example.outcome is None or in_report(example.outcome), example.id
        assert in_report(example.setting), example.id


def test_questions_quotes_and_narrative_are_the_reports_word_for_word():
    for record in KB.records["question"]:
        assert in_report(record.text), record.id
    for block in KB.records["block"]:
        for text in [block.paragraph, *(block.list or []), block.quote and block.quote.text,
                     block.illustration and block.illustration.text]:
            assert text is None or in_report(text), text


def test_every_reference_resolves_both_ways():
    for example in KB.examples:
        for behaviour in example.behaviours:
            assert example in KB.behaviour_relations[behaviour].examples
        for approach in example.approaches:
            assert KB.approach[approach].focus_area.id == example.focus_area
    for placed in KB.focus_area.values():
        for behaviour in placed.area.behaviours:
            assert placed in KB.behaviour_relations[behaviour].focus_areas


def test_no_question_is_repeated():
    texts = [placed.question.text for placed in KB.question.values()]
    assert len(texts) == len(set(texts))


def test_the_glossary_holds_the_reports_abbreviations_and_every_one_the_text_uses():
    words = {w for a in KB.abbreviations for w in (a.abbreviation, a.plural) if w}
    assert all(re.search(rf"\b({'|'.join(w for w in (a.abbreviation, a.plural) if w)})\b", REPORT) for a in KB.abbreviations)
    text = " ".join(value for model in (KB.framework, *KB.behaviours, *KB.themes, *KB.examples) for record in records_in(model)
                    for value in (getattr(record, name) for name in type(record).model_fields) if isinstance(value, str))
    used = set(re.findall(r"\b[A-Z][A-Z0-9]*[A-Z]s?\b", text))
    assert used <= words, f"not in the glossary: {sorted(used - words)}"


def test_evidence_addresses_are_exactly_as_printed():
    for source in KB.evidence_sources:
        assert source.original_address is None or source.original_address in REPORT, source.id


def test_the_tests_copy_of_the_report_is_the_shared_text():
    from support import COPY_TEXT, SHARED_TEXT
    if SHARED_TEXT.is_file():
        assert COPY_TEXT.read_bytes() == SHARED_TEXT.read_bytes()
    assert SOURCE_TEXT.is_file()


def distinctive_word(example) -> str:
    """A word of the example's text that no other text of the data holds, nor any word that starts
    as it does (search finds a word's stem): for searching the example."""
    others = " ".join(value for model in (KB.report, KB.framework, *KB.behaviours, *KB.themes, *KB.evidence_sources, *KB.abbreviations,
                                          *(e for e in KB.examples if e is not example))
                      for record in records_in(model) for name in type(record).model_fields
                      for value in [getattr(record, name)] if isinstance(value, str)).lower()
    words = sorted(set(re.findall(r"[a-z]{6,}", " ".join(example.text).lower())), key=len, reverse=True)
    return next(word for word in words if word[:6] not in others)
