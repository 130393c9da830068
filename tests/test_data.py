"""The real data loads, every reference resolves, and it holds what the report holds."""
from support import ROOT, SOURCE_TEXT
from kb.site import knowledge_base as load

KB = load(ROOT / "data")


def test_the_eight_core_behaviours_in_footnote_order():
    names = [b.name for b in KB.behaviours]
    assert len(names) == 8
    footnote = KB.framework.behaviours_lead
    positions = [footnote.index(name) for name in names]
    assert positions == sorted(positions), "behaviours must follow footnote 1's order"


def test_five_numbered_examples_with_their_settings():
    assert [e.number for e in sorted(KB.examples, key=lambda e: e.number)] == [1, 2, 3, 4, 5]
    settings = {e.number: e.setting for e in KB.examples}
    assert settings == {1: "one authority", 2: "one authority", 3: "one authority",
                        4: "a large county authority", 5: "a London borough"}
    assert KB.example["working-with-partners"].outcome.endswith("exclusions had reduced from 44 to 2")


def test_examples_one_to_four_lead_collaboratively_and_five_is_openness():
    for example in KB.examples:
        area = KB.focus_area[example.focus_area].area
        expected = "openness-to-possibilities" if example.number == 5 else "leading-collaboratively"
        assert area.id == expected
        assert set(example.behaviours) == set(area.behaviours)
    collaborative = KB.focus_area["leading-collaboratively"].area
    assert collaborative.behaviours == ["ability-to-collaborate", "create-and-sustain-commitment"]


def test_example_three_illustrates_both_its_approaches():
    assert KB.example["social-forums-workforce-capability"].approaches == [
        "front-line-parents-and-carers", "workforce-development"]


def test_every_reference_resolves_both_ways():
    for example in KB.examples:
        for behaviour in example.behaviours:
            assert example in KB.behaviour_relations[behaviour].examples
        for approach in example.approaches:
            assert KB.approach[approach].focus_area.id == example.focus_area


def test_the_repeated_question_is_kept_once():
    texts = [placed.question.text for placed in KB.question.values()]
    assert len(texts) == len(set(texts)) == 9
    repeated = "What are you doing to ensure good working practices are embedded throughout children's services and your partners?"
    assert texts.count(repeated) == 1


def test_glossary_holds_every_abbreviation_the_report_uses():
    assert {a.abbreviation for a in KB.abbreviations} == {
        "DCS", "SLT", "CAF", "PRU", "CAMHS", "C4EO", "GP", "ICT", "MP"}


def test_evidence_addresses_are_exactly_as_printed():
    source = SOURCE_TEXT.read_text(encoding="utf-8")
    for evidence_id in ("grasping-the-nettle", "allen-review"):
        assert KB.evidence_source[evidence_id].original_address in source


def test_the_tests_copy_of_the_report_is_the_shared_text():
    from support import COPY_TEXT, SHARED_TEXT
    if SHARED_TEXT.is_file():
        assert COPY_TEXT.read_bytes() == SHARED_TEXT.read_bytes()
    assert SOURCE_TEXT.is_file()
