"""Self-review exports for the team page's tests and benchmark, made in the browser by the
site's own self-review-store.js (KBSelfReview.toJSON), so they are exactly what a person
downloads. Answers are generated from a seed, from the questions and the status scale the
open page gives (nothing here names a live id or status).

    people = generated_people(page, count, seed)     # on the team page (or the self-review)
    texts = exports(page, people)                    # one JSON text per person
"""
from __future__ import annotations

import random

# The questions and status values the open page shows, read as its scripts read them.
PAGE_FACTS = """() => ({
    questions: [...document.querySelectorAll('[data-kb-team-question], [data-kb-sr-question]')].map(e => ({
        id: e.dataset.kbTeamQuestion || e.dataset.kbSrQuestion, wording: e.dataset.wording, theme: e.dataset.theme,
        focusArea: e.dataset.focusArea, focusAreaId: e.dataset.focusAreaId})),
    statuses: KBSelfReview.STATUSES.map(s => s.value),
})"""

EXPORT = """([people, questions]) => people.map(p => {
    let doc = {format: 1, answers: p.answers};
    if (p.id || p.name) doc = KBSelfReview.withPerson(doc, {id: p.id || '', name: p.name || ''});
    return KBSelfReview.toJSON(doc, questions, {date: new Date(p.exportedAt), contentVersion: 'generated', site: 'generated'});
})"""


def page_facts(page) -> dict:
    return page.evaluate(PAGE_FACTS)


def generated_people(page, count: int, seed: int = 1) -> list[dict]:
    """`count` people, each with an id, every other one with a name, and answers to about two
    thirds of the questions: a status, notes with a line break and characters a naive export
    breaks, and for some a next step with an owner and a due date."""
    facts = page_facts(page)
    rng = random.Random(seed)
    people = []
    for n in range(count):
        answers = {}
        for q in facts["questions"]:
            if rng.random() < 0.34:
                continue
            answer = {"status": rng.choice(facts["statuses"] + [""]),
                      "notes": f"Reviewer {n + 1} on {q['id']}:\nsecond line, “quotes” & <angles> | bar"}
            if rng.random() < 0.5:
                answer |= {"nextStep": f"Step by reviewer {n + 1} on {q['id']}", "owner": rng.choice(["Director", "Head of service", ""]),
                           "due": f"2031-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else ""}
            answers[q["id"]] = {k: v for k, v in answer.items() if v}
        people.append({"id": f"{seed:04x}{n:012x}", "name": f"Member {n + 1}" if n % 2 == 0 else "",
                       "exportedAt": f"2031-03-{1 + n % 28:02d}T09:00:00.000Z", "answers": answers})
    return people


def exports(page, people: list[dict]) -> list[str]:
    return page.evaluate(EXPORT, [people, page_facts(page)["questions"]])
