"""Printing in real Chromium: A4 without the site's chrome, nothing split across sheets,
and QR codes that decode (from rendered pixels, not regenerated) to the right address.

Two views of a printout: the PDF that page.pdf() makes (its sheets counted and read with
pypdf), and the page laid out in print media at the width of the sheet's printable area,
where the geometry of cards and blocks can be measured.
"""
from __future__ import annotations

import io
import math
import re
from urllib.parse import urljoin

import pypdf
import pytest
import zxingcpp
from PIL import Image


from kb.addresses import CARDS, EVIDENCE, PRINT_ALL, behaviour_path, example_path, handout_path, page_url, question_path
from test_data import KB

CARDS_PER_SHEET = 8  # what the cards page promises its readers: two columns of four
THEME, AREA = KB.themes[0], KB.themes[0].focus_areas[0]
PRINTED = {  # the kinds of page the issue names, each chosen from the data
    "behaviour": behaviour_path(KB.behaviours[0].id),
    "example": example_path(KB.examples[0].id),
    "handout": handout_path(THEME.id, AREA.id),
    "cards": CARDS,
}
# Nothing a reader could press or navigate by: Material's chrome, tag links and every button.
CHROME = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top",
          ".md-skip", ".md-tags", ".kb-edit", "button", "nav", "header", "footer"]
# Blocks that must never be split across two sheets.
WHOLE = ".kb-quote, .kb-example, .kb-illustration, .kb-handout-question, .kb-card, article li"

# The printable area of an A4 sheet, in CSS pixels, from the page's own @page rules (the last
# print rule that sets margins wins, as in the cascade).
PRINTABLE = """() => {
    const length = value => { const probe = document.createElement('div');
        probe.style.cssText = `position: absolute; height: ${value}`; document.body.append(probe);
        const px = probe.getBoundingClientRect().height; probe.remove(); return px; };
    const margins = {top: '0mm', right: '0mm', bottom: '0mm', left: '0mm'};
    const visit = rules => { for (const rule of rules) {
        if (rule instanceof CSSPageRule && rule.style.marginTop) {
            for (const side of Object.keys(margins)) margins[side] = rule.style.getPropertyValue(`margin-${side}`);
        } else if (rule instanceof CSSMediaRule && rule.media.mediaText.includes('print')) visit(rule.cssRules);
    } };
    for (const sheet of document.styleSheets) visit(sheet.cssRules);
    return {width: length('210mm') - length(margins.left) - length(margins.right),
            height: length('297mm') - length(margins.top) - length(margins.bottom)};
}"""


def url_of(path: str) -> str:
    url = page_url(path)
    return f"{url}/" if url else ""


@pytest.fixture(scope="module")
def site_url(browser, server) -> str:
    """The site's public address (site_url), as the built home page gives it."""
    with browser.new_context() as context:
        page = context.new_page()
        page.goto(server)
        address = page.get_attribute("link[rel=canonical]", "href")
    assert address, "the home page has no canonical address: is site_url set in mkdocs.yml?"
    return address


def permanent(site_url: str, path: str) -> str:
    return urljoin(site_url, url_of(path))


def printed_page(open_page, server, path, scale=1):
    """The page in print media, laid out at the width of an A4 sheet's printable area:
    (page, printable area {width, height} in CSS pixels)."""
    page = open_page(viewport={"width": 1280, "height": 800}, device_scale_factor=scale)
    page.goto(server + url_of(path))
    page.emulate_media(media="print")
    printable = page.evaluate(PRINTABLE)
    page.set_viewport_size({"width": math.ceil(printable["width"]), "height": math.ceil(printable["height"])})
    return page, printable


def decode(element) -> list[str]:
    """The text of every QR code in a screenshot of the element: real pixels, a real decoder."""
    image = Image.open(io.BytesIO(element.screenshot())).convert("L")
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format == zxingcpp.BarcodeFormat.QRCode]


def pdf_sheets(page) -> list[str]:
    """The text of each printed A4 sheet, letters and digits only (line breaks and spacing
    differ between the page and the PDF; the words do not)."""
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        # A4 is 595.3 x 841.9 pt; Chromium rounds the sheet to whole device pixels.
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, f"not A4: {width} x {height} pt"
    return [squash(sheet.extract_text()) for sheet in reader.pages]


def squash(text: str) -> str:
    return re.sub(r"\W|_", "", text).lower()


def visible(page, selector: str) -> list[str]:
    """The elements matching selector that take up room on the printed page."""
    return page.eval_on_selector_all(selector, """els => els.filter(e => e.checkVisibility())
        .map(e => e.outerHTML.slice(0, 120))""")


def whole_blocks(page) -> list[dict]:
    """Every block that must stay whole: how it breaks, its height, and its text as printed
    (what is visible, with external links followed by their printed addresses)."""
    return page.eval_on_selector_all(WHOLE, """els => els.filter(e => e.checkVisibility()).map(e => {
        let text = '';
        const walk = node => {
            if (node.nodeType === Node.TEXT_NODE) { text += node.data; return; }
            if (node.nodeType !== Node.ELEMENT_NODE || !node.checkVisibility()) return;
            node.childNodes.forEach(walk);
            if (node.matches('a[href^="http"]')) text += ` (${node.getAttribute('href')})`;
        };
        walk(e);
        return {breakInside: getComputedStyle(e).breakInside, height: e.getBoundingClientRect().height, text};
    })""")


def assert_never_split(blocks: list[dict], sheets: list[str], printable: dict):
    """Chromium keeps a block with break-inside: avoid on one sheet when it fits on one; and in
    the PDF, each block's words are found on a sheet of their own, never only in the sheets
    run together (which is where a block split across a sheet's edge would be found)."""
    assert blocks, "nothing to check on this page"
    joined = "".join(sheets)
    for block in blocks:
        what = block["text"].strip()[:80]
        assert block["breakInside"] == "avoid", f"may be split: {what!r}"
        assert block["height"] <= printable["height"], f"taller than a sheet: {what!r}"
        words = squash(block["text"])
        assert joined.count(words) >= 1, f"not in the printout: {what!r}"
        assert sum(sheet.count(words) for sheet in sheets) == joined.count(words), f"split across sheets: {what!r}"


@pytest.mark.parametrize("kind", list(PRINTED))
def test_a_printout_has_no_navigation_chrome_and_ends_with_its_address(open_page, server, site_url, kind):
    page, _ = printed_page(open_page, server, PRINTED[kind])
    shown = {selector: visible(page, selector) for selector in CHROME}
    assert not {s: v for s, v in shown.items() if v}, f"chrome in the printout: {shown}"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    sheets = pdf_sheets(page)
    assert all(sheets), f"a blank sheet among {len(sheets)}"
    if kind == "cards":
        # The sheet of cards alone: every card carries its own address and QR code.
        assert not visible(page, ".kb-print-footer") and not visible(page, "article h1")
    else:
        own = permanent(site_url, PRINTED[kind])
        assert squash(page.inner_text("article h1")) in sheets[0], "the printout starts elsewhere"
        footer = page.locator(".kb-print-footer")
        assert footer.is_visible() and own in footer.inner_text()
        assert squash(own) in sheets[-1], "the page's address is not at the foot of the printout"
        qr = footer.locator("svg")
        assert qr.get_attribute("aria-label") == f"QR code for {own}"
        assert decode(qr) == [own]


def test_the_footer_is_for_paper_only(open_page, server):
    page = open_page()
    page.goto(server + url_of(PRINTED["example"]))
    assert page.locator(".kb-print-footer").count() == 1
    assert not page.locator(".kb-print-footer").is_visible()


def test_external_links_print_their_address_and_internal_links_do_not(open_page, server):
    page, _ = printed_page(open_page, server, EVIDENCE)
    after = page.eval_on_selector_all("article a[href]", """links => links.filter(a => a.checkVisibility())
        .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
    external = [(href, content) for href, content in after if href.startswith("http")]
    internal = [(href, content) for href, content in after if not href.startswith(("http", "#", "mailto:"))]
    assert external and internal, "the evidence page should have links of both kinds"
    assert all(content in ('" (" attr(href) ")"', f'" ({href})"') for href, content in external), external
    assert all(content in ("none", "normal") for _, content in internal), internal
    sheets = "".join(pdf_sheets(page))
    assert all(squash(href) in sheets for href, _ in external), "an external address is missing from the PDF"


def test_the_card_sheet_holds_eight_whole_cards_to_an_a4_sheet(open_page, server):
    page, printable = printed_page(open_page, server, CARDS)
    questions = list(KB.question.values())
    sheets = pdf_sheets(page)
    assert len(sheets) == math.ceil(len(questions) / CARDS_PER_SHEET)
    # Each card's question is printed on one sheet, in the report's order, eight to a sheet.
    for number, placed in enumerate(questions):
        holding = [i for i, sheet in enumerate(sheets) if squash(placed.question.text) in sheet]
        assert holding == [number // CARDS_PER_SHEET], f"card {number + 1} is on sheets {holding}"
    cards = page.eval_on_selector_all(".kb-card", """cards => cards.map(card => {
        const box = card.getBoundingClientRect(), style = getComputedStyle(card);
        return {top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left, right: box.right,
                width: box.width, height: box.height, overflow: card.scrollHeight - card.clientHeight,
                // Its parts (question, focus area, behaviours, QR code, address) as laid out.
                parts: [...card.querySelectorAll('p, svg, figcaption')].map(part => {
                    const r = part.getBoundingClientRect();
                    return {name: part.className.baseVal ?? part.className ?? part.tagName,
                            top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
                            // Text taller than its box runs out of it, over its neighbours.
                            spill: part.scrollHeight - part.clientHeight}; }),
                breakInside: style.breakInside,
                dashed: ['Top', 'Right', 'Bottom', 'Left'].filter(side =>
                    style[`border${side}Style`] === 'dashed' && parseFloat(style[`border${side}Width`]) > 0)};
    })""")
    assert len(cards) == len(questions)
    # One fixed size, two columns by four rows filling the printable area (to a pixel).
    assert len({(round(c["width"], 1), round(c["height"], 1)) for c in cards}) == 1, "cards differ in size"
    assert abs(2 * cards[0]["width"] - printable["width"]) < 2, "two columns do not fill the sheet's width"
    assert abs(4 * cards[0]["height"] - printable["height"]) < 2, "four rows do not fill the sheet's height"
    assert 4 * cards[0]["height"] <= printable["height"] + 0.5, "four rows do not fit on a sheet"
    for number, card in enumerate(cards):
        assert card["breakInside"] == "avoid"
        assert card["overflow"] <= 0, f"card {number + 1}'s text is cut off"
        parts = card["parts"]
        assert len(parts) == 5, f"card {number + 1} lacks a part: {[p['name'] for p in parts]}"
        for part in parts:
            assert part["spill"] <= 0 and card["top"] - 0.5 <= part["top"] and part["bottom"] <= card["bottom"] + 0.5, \
                f"card {number + 1}: {part['name']} runs out of its place"
        for i, a in enumerate(parts):
            for b in parts[i + 1:]:
                overlap = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]), min(a["right"], b["right"]) - max(a["left"], b["left"])
                assert min(overlap) <= 0.5, f"card {number + 1}: {a['name']} and {b['name']} overlap"
        first = math.floor((card["top"] + 0.5) / printable["height"])
        last = math.floor((card["bottom"] - 0.5) / printable["height"])
        assert first == last == number // CARDS_PER_SHEET, f"card {number + 1} crosses a sheet's edge"
    # Dashed cut lines round every card, drawn once where two cards meet.
    def near(a, b):
        return abs(a - b) < 1

    def line(card, side, opposite, meets):
        return side in card["dashed"] or any(opposite in other["dashed"] and meets(other) for other in cards if other is not card)

    for number, c in enumerate(cards):
        column = lambda o: near(o["left"], c["left"])  # noqa: E731
        row = lambda o: near(o["top"], c["top"])  # noqa: E731
        edges = {"top": line(c, "Top", "Bottom", lambda o: column(o) and near(o["bottom"], c["top"])),
                 "right": line(c, "Right", "Left", lambda o: row(o) and near(o["left"], c["right"])),
                 "bottom": line(c, "Bottom", "Top", lambda o: column(o) and near(o["top"], c["bottom"])),
                 "left": line(c, "Left", "Right", lambda o: row(o) and near(o["right"], c["left"]))}
        assert all(edges.values()), f"card {number + 1} has no cut line on {[e for e, ok in edges.items() if not ok]}"


def test_every_qr_code_on_the_card_sheet_decodes_to_its_question(open_page, server, site_url):
    page, _ = printed_page(open_page, server, CARDS, scale=2)
    for placed in KB.question.values():
        q = placed.question
        card = page.locator(f"article.kb-card[aria-labelledby='card-{q.id}']")
        expected = permanent(site_url, question_path(q.id))
        qr = card.locator("svg")
        size_mm = qr.evaluate("svg => svg.getBoundingClientRect().width * 25.4 / 96")
        assert size_mm >= 25, f"QR code for {q.id} is {size_mm:.1f} mm: too small to scan from a card"
        assert qr.get_attribute("aria-label") == f"QR code for {expected}"
        assert expected in card.inner_text(), "the address is not printed on the card"
        assert decode(qr) == [expected], f"card {q.id}"


@pytest.mark.parametrize("session", [(t, a) for t in KB.themes for a in t.focus_areas], ids=lambda s: s[1].id)
def test_a_handout_prints_its_questions_whole_with_space_to_write_and_qr_codes_that_decode(
        open_page, server, site_url, session):
    theme, area = session
    page, printable = printed_page(open_page, server, handout_path(theme.id, area.id), scale=2)
    items = page.locator(".kb-handout-question")
    assert items.count() == len(area.questions)
    for item, q in zip(items.all(), area.questions):
        expected = permanent(site_url, question_path(q.id))
        assert decode(item.locator("svg")) == [expected], q.id
        assert expected in item.inner_text()
        height_mm, lines, exact = item.locator(".kb-write").evaluate("""el => { const s = getComputedStyle(el);
            return [el.getBoundingClientRect().height * 25.4 / 96, s.backgroundImage, s.printColorAdjust]; }""")
        assert height_mm >= 30 and "gradient" in lines and exact == "exact", f"no ruled space under {q.id}"
    sheets = pdf_sheets(page)
    assert all(sheets), "a blank sheet in the handout"
    assert_never_split(whole_blocks(page), sheets, printable)
    # The questions start a sheet of their own, after the text, in the report's order.
    title = squash(page.inner_text(".kb-handout-questions-title"))
    start = next(i for i, sheet in enumerate(sheets) if sheet.startswith(title))
    places = [next(i for i, sheet in enumerate(sheets) if squash(q.text) in sheet) for q in area.questions]
    assert start >= 1 and places == sorted(places) and places[0] == start


@pytest.mark.parametrize("kind", ["behaviour", "example"])
def test_quotes_examples_illustrations_and_questions_are_never_split(open_page, server, kind):
    page, printable = printed_page(open_page, server, PRINTED[kind])
    assert_never_split(whole_blocks(page), pdf_sheets(page), printable)


def test_every_list_on_the_whole_knowledge_base_page_is_a_real_list(open_page, server):
    """Each abbreviation, evidence source, ability, behaviour and question is an item of its own
    (a template once ran the glossary and the evidence list together into one bullet)."""
    page = open_page()
    page.goto(server + url_of(PRINT_ALL))
    items = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('article h2, article h3, article h4')]
        .map(h => { let list = h.nextElementSibling;
                    while (list && !/^(UL|OL)$/.test(list.tagName) && !/^H[1-4]$/.test(list.tagName)) list = list.nextElementSibling;
                    return [h.id, list && /^(UL|OL)$/.test(list.tagName) ? [...list.children].map(li => li.innerText.trim()) : []]; }))""")
    glossary = sorted(KB.abbreviations, key=lambda a: a.abbreviation)
    assert [item.split(":")[0] for item in items["part--glossary"]] == [a.abbreviation for a in glossary]
    evidence = items["part--evidence"]
    assert len(evidence) == len(KB.evidence_sources) and all(
        item.startswith(source.title) for item, source in zip(evidence, KB.evidence_sources)), evidence
    framework = KB.framework
    assert len(items["part--resourcefulness"]) == len(framework.resourcefulness.abilities)
    assert len(items["part--resourceful-leader"]) == len(framework.resourceful_leader.abilities)
    assert len(items["part--behaviours"]) == len(KB.behaviours)
    for theme in KB.themes:
        for area in theme.focus_areas:
            assert items[f"part--area-questions--{area.id}"] == [q.text for q in area.questions]


@pytest.mark.parametrize("question_id", list(KB.question))
def test_a_question_prints_on_one_sheet_with_its_qr_code_and_no_controls(open_page, server, site_url, question_id):
    page, _ = printed_page(open_page, server, question_path(question_id), scale=2)
    sheets = pdf_sheets(page)
    assert len(sheets) == 1, f"{question_id} prints on {len(sheets)} sheets"
    own = permanent(site_url, question_path(question_id))
    assert squash(KB.question[question_id].question.text) in sheets[0] and squash(own) in sheets[0]
    assert decode(page.locator(".kb-print-footer svg")) == [own]
    assert "selfreview" not in sheets[0], "a control is printed"
    assert not visible(page, "button") and not visible(page, "nav") and not visible(page, ".kb-sr-add")
