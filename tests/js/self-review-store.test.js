// The self-review's storage module under node's own test runner (node --test), no packages:
// the stored format, migration from older formats, newer and unreadable data, saving with
// a full quota, exports and the import preview. Run from pytest by tests/test_self_review_store.py.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { SCALE, script } = require("./support.js");

const createStore = script("self-review-store.js");
const store = createStore(SCALE);

const QUESTIONS = [
  { id: "q-one", wording: "What is the first question?", theme: "A theme", focusArea: "Area one", focusAreaId: "area-one" },
  { id: "q-two", wording: "And the *second*?", theme: "A theme", focusArea: "Area one", focusAreaId: "area-one" },
  { id: "q-three", wording: "A third, elsewhere?", theme: "A theme", focusArea: "Area two", focusAreaId: "area-two" }
];
const DATE = new Date(2031, 2, 4, 12, 0, 0);  // 4 March 2031, local time
const META = { date: DATE, contentVersion: "abc123def456", site: "The report" };

/** A stand-in for window.localStorage, which can be made to refuse writes. */
class MemoryStorage {
  constructor(items = {}) { this.items = { ...items }; this.full = false; this.broken = false; }
  getItem(key) {
    if (this.broken) throw Object.assign(new Error("denied"), { name: "SecurityError" });
    return Object.prototype.hasOwnProperty.call(this.items, key) ? this.items[key] : null;
  }
  setItem(key, value) {
    if (this.full) throw Object.assign(new Error("full"), { name: "QuotaExceededError", code: 22 });
    this.items[key] = String(value);
  }
  removeItem(key) { delete this.items[key]; }
}

test("the key is versioned and one document holds every answer", () => {
  assert.equal(store.KEY, "kb-self-review");
  assert.equal(store.FORMAT, 1);
  assert.deepEqual(store.emptyDoc(), { format: 1, answers: {} });
  assert.deepEqual(store.STATUSES, SCALE.values);
});

test("the status scale is the one the page gives: its values, labels and words for no status", () => {
  const other = createStore({ values: [{ value: "started", label: "Started" }, { value: "done", label: "Done" }],
                              none: "Not rated", note: "Our own scale." });
  assert.deepEqual(other.STATUSES.map((s) => s.value), ["started", "done"]);
  assert.equal(other.statusLabel("done"), "Done");
  assert.equal(other.statusLabel(""), "Not rated");
  assert.equal(other.parseStored('{"format": 1, "answers": {"q": {"status": "done"}}}').state, "ok");
  assert.equal(other.parseStored('{"format": 1, "answers": {"q": {"status": "in-place"}}}').state, "unreadable");
  assert.equal(other.countsText({ total: 2, none: 1, started: 0, done: 1 }), "2 questions: 1 done, 0 started, 1 with not rated");
  assert.match(other.toJSON(other.emptyDoc(), [], META), /"note": "Our own scale."/);
});

test("whose review it is: a random id and an optional name, kept, exported and read back", () => {
  const id = store.newPersonId();
  assert.match(id, /^[0-9a-f]{16}$/);
  assert.notEqual(store.newPersonId(), id);
  let doc = store.withPerson(store.withAnswer(store.emptyDoc(), "q-one", { notes: "n" }), { id: id, name: "Head of early help" });
  assert.deepEqual(store.personOf(doc), { id: id, name: "Head of early help" });
  doc = store.withAnswer(doc, "q-two", { status: "in-place" });
  assert.deepEqual(store.personOf(doc), { id: id, name: "Head of early help" }, "answering keeps the person");
  assert.deepEqual(store.personOf(store.withPerson(doc, { name: "" })), { id: id, name: "" }, "an empty name is removed");
  const text = store.toJSON(doc, QUESTIONS, META);
  const data = JSON.parse(text);
  assert.deepEqual(data.person, { id: id, name: "Head of early help" });
  assert.equal(data.exportedAt, DATE.toISOString());
  const back = store.parseImport(text);
  assert.deepEqual(back.meta.person, { id: id, name: "Head of early help" });
  assert.equal(back.meta.exportedAt, DATE.toISOString());
  assert.deepEqual(back.doc.person, { id: id, name: "Head of early help" }, "a backup moves the person too");
  assert.match(store.toMarkdown(doc, QUESTIONS, META), /^# Self-review: The report\n\nBy Head of early help\.\n/);
  // A person that cannot be read is left out, never a reason to refuse the answers.
  const odd = store.parseStored('{"format": 1, "person": "me", "answers": {"q-one": {"notes": "x"}}}');
  assert.equal(odd.state, "ok");
  assert.deepEqual(store.personOf(odd.doc), { id: "", name: "" });
  const storage = new MemoryStorage();
  assert.equal(store.savePerson(storage, { name: "Alex" }).ok, true);
  assert.equal(store.personOf(store.load(storage).doc).name, "Alex");
  storage.items[store.KEY] = "{broken";
  assert.equal(store.savePerson(storage, { name: "Sam" }).reason, "blocked");
  assert.equal(storage.items[store.KEY], "{broken", "unreadable storage is never written over");
});

test("nothing stored reads as an empty review", () => {
  const read = store.parseStored(null);
  assert.equal(read.state, "empty");
  assert.deepEqual(read.doc, { format: 1, answers: {} });
});

test("the current format reads back exactly, unknown keys and removed questions kept", () => {
  const doc = {
    format: 1,
    futureSetting: true,
    answers: {
      "q-one": { status: "in-progress", notes: "Line one\nline two", question: "What is the first question?", extra: [1] },
      "gone-question": { status: "in-place", question: "An old question?" }
    }
  };
  const read = store.parseStored(JSON.stringify(doc));
  assert.equal(read.state, "ok");
  assert.deepEqual(read.doc, doc);
  assert.deepEqual(store.removedIds(read.doc, QUESTIONS), ["gone-question"]);
});

test("format 0 (unversioned, next_step) is migrated to format 1", () => {
  const old = { "q-one": { status: "in-place", notes: "kept", next_step: "Ask the board", owner: "Sam" } };
  const read = store.parseStored(JSON.stringify(old));
  assert.equal(read.state, "migrated");
  assert.equal(read.format, 0);
  assert.deepEqual(read.doc, {
    format: 1,
    answers: { "q-one": { status: "in-place", notes: "kept", nextStep: "Ask the board", owner: "Sam" } }
  });
  // Explicitly numbered format 0 migrates the same way.
  assert.deepEqual(store.parseStored(JSON.stringify({ format: 0, ...old })).doc, read.doc);
});

test("a newer format is read as far as possible and marked so that it is never written over", () => {
  const newer = { format: 7, answers: { "q-one": { status: "in-place", notes: "from the future", rating: 5 } } };
  const read = store.parseStored(JSON.stringify(newer));
  assert.equal(read.state, "newer");
  assert.equal(read.format, 7);
  assert.equal(read.doc.answers["q-one"].notes, "from the future");
  assert.equal(read.raw, JSON.stringify(newer));
  const storage = new MemoryStorage({ [store.KEY]: JSON.stringify(newer) });
  const saved = store.saveAnswer(storage, "q-one", { notes: "overwrite?" }, "What is the first question?");
  assert.equal(saved.ok, false);
  assert.equal(saved.reason, "blocked");
  assert.equal(storage.items[store.KEY], JSON.stringify(newer));
});

test("corrupt or foreign data is unreadable, with its raw text, and never written over", () => {
  const cases = {
    "{not json": "it is not valid JSON",
    "[1, 2, 3]": "it is not a self-review saved by this site",
    '"text"': "it is not a self-review saved by this site",
    "{}": "it is not a self-review saved by this site",
    '{"theme": "dark"}': "it is not a self-review saved by this site",
    '{"format": "one", "answers": {}}': 'its format ("one") is not one this site knows',
    '{"format": 1, "answers": []}': "it holds no answers",
    '{"format": 1, "answers": {"q-one": "yes"}}': "the answer to 'q-one' is not an answer",
    '{"format": 1, "answers": {"q-one": {"notes": 5}}}': "the answer to 'q-one' holds something other than text in 'notes'",
    '{"format": 1, "answers": {"q-one": {"status": "done"}}}': "the answer to 'q-one' has an unknown status 'done'"
  };
  for (const [raw, problem] of Object.entries(cases)) {
    const read = store.parseStored(raw);
    assert.equal(read.state, "unreadable", raw);
    assert.equal(read.problem, problem, raw);
    assert.equal(read.raw, raw);
    const storage = new MemoryStorage({ [store.KEY]: raw });
    assert.equal(store.saveAnswer(storage, "q-one", { notes: "x" }, "w").reason, "blocked");
    assert.equal(storage.items[store.KEY], raw, "stored text left exactly as it was");
  }
});

test("saving one answer reads the stored document first, keeps the others and records the wording", () => {
  const storage = new MemoryStorage({
    [store.KEY]: JSON.stringify({ format: 1, answers: { "q-two": { notes: "another window" } } })
  });
  const saved = store.saveAnswer(storage, "q-one", { status: "in-place" }, "What is the first question?");
  assert.equal(saved.ok, true);
  assert.deepEqual(JSON.parse(storage.items[store.KEY]), {
    format: 1,
    answers: {
      "q-two": { notes: "another window" },
      "q-one": { status: "in-place", question: "What is the first question?" }
    }
  });
  // Clearing every field removes the answer; the wording alone is not an answer.
  store.saveAnswer(storage, "q-one", { status: "" }, "What is the first question?");
  assert.deepEqual(Object.keys(JSON.parse(storage.items[store.KEY]).answers), ["q-two"]);
});

test("a migrated document is written as format 1 on the first save", () => {
  const storage = new MemoryStorage({ [store.KEY]: JSON.stringify({ "q-one": { next_step: "Plan" } }) });
  assert.equal(store.saveAnswer(storage, "q-two", { notes: "new" }, "And the *second*?").ok, true);
  const written = JSON.parse(storage.items[store.KEY]);
  assert.equal(written.format, 1);
  assert.deepEqual(written.answers["q-one"], { nextStep: "Plan" });
});

test("a full quota and a refused storage are reported, not thrown", () => {
  const storage = new MemoryStorage();
  storage.full = true;
  const saved = store.saveAnswer(storage, "q-one", { notes: "x" }, "w");
  assert.deepEqual([saved.ok, saved.reason], [false, "quota"]);
  assert.equal(saved.doc.answers["q-one"].notes, "x", "the answer is still there to export");
  assert.equal(store.isQuotaError({ name: "NS_ERROR_DOM_QUOTA_REACHED" }), true);
  storage.full = false;
  storage.broken = true;
  assert.equal(store.load(storage).state, "unavailable");
  assert.equal(store.load(null).state, "unavailable");
  assert.deepEqual(store.save(null, store.emptyDoc()), { ok: false, reason: "unavailable" });
});

test("answers under a renamed question's old id move to its new id, never over an answer", () => {
  const doc = { format: 1, answers: { "old-one": { notes: "a" }, "old-two": { notes: "b" }, "q-two": { notes: "c" } } };
  const adopted = store.adoptRenamed(doc, { "old-one": "q-one", "old-two": "q-two" });
  assert.deepEqual(adopted.moved, [["old-one", "q-one"]]);
  assert.deepEqual(adopted.doc.answers, { "q-one": { notes: "a" }, "old-two": { notes: "b" }, "q-two": { notes: "c" } });
});

test("the summary counts each status per focus area and overall, as text", () => {
  const doc = { format: 1, answers: { "q-one": { status: "in-place" }, "q-three": { status: "in-progress" }, gone: { status: "in-place" } } };
  const summary = store.summarise(doc, QUESTIONS);
  assert.deepEqual(summary.areas.map((a) => [a.id, a.counts.total]), [["area-one", 2], ["area-two", 1]]);
  assert.equal(store.countsText(summary.areas[0].counts),
    "2 questions: 1 in place, 0 in progress, 0 not yet considered, 1 with no status yet");
  assert.equal(store.countsText(summary.all),
    "3 questions: 1 in place, 1 in progress, 0 not yet considered, 1 with no status yet");
});

test("the JSON export names the date, the content version and each question's wording, and imports back", () => {
  const doc = {
    format: 1,
    answers: {
      "q-two": { status: "not-yet-considered", notes: "n", question: "And the second, as it once was?" },
      gone: { notes: "kept", question: "An old question?" }
    }
  };
  const text = store.toJSON(doc, QUESTIONS, META);
  const data = JSON.parse(text);
  assert.equal(data.kind, "kb-self-review");
  assert.equal(data.exported, "2031-03-04");
  assert.equal(data.contentVersion, "abc123def456");
  assert.equal(data.answers["q-two"].question, "And the *second*?", "the wording at the time of export");
  assert.equal(data.answers["q-two"].inFramework, true);
  assert.equal(data.answers.gone.inFramework, false);
  assert.equal(data.answers.gone.question, "An old question?");
  assert.match(data.statusScale.note, /not the report's/);
  const back = store.parseImport(text);
  assert.equal(back.problem, undefined);
  assert.deepEqual(back.meta, { exported: "2031-03-04", exportedAt: DATE.toISOString(), site: "The report",
                                contentVersion: "abc123def456", person: { id: "", name: "" } });
  assert.deepEqual(back.doc.answers, {
    "q-two": { status: "not-yet-considered", notes: "n", question: "And the *second*?" },
    gone: { notes: "kept", question: "An old question?" }
  });
  assert.equal(store.diff(doc, back.doc).kept.length, 2, "the same answers after a round trip");
});

test("import refuses what it cannot read, and the preview says what would change", () => {
  assert.equal(store.parseImport("nope").problem, "the file is not valid JSON");
  assert.match(store.parseImport('{"kind": "something-else"}').problem, /not a self-review/);
  assert.match(store.parseImport('{"format": 9, "answers": {}}').problem, /newer version/);
  const current = { format: 1, answers: { "q-one": { notes: "a" }, "q-two": { notes: "b" }, "q-three": { notes: "c" } } };
  const incoming = { format: 1, answers: { "q-one": { notes: "a", question: "other wording" }, "q-two": { notes: "B" }, gone: { notes: "d" } } };
  assert.deepEqual(store.diff(current, incoming), { added: ["gone"], changed: ["q-two"], kept: ["q-one"], removed: ["q-three"] });
});

test("the Markdown export lists every question in order, with answers, summary and removed questions", () => {
  const doc = {
    format: 1,
    answers: {
      "q-one": { status: "in-progress", notes: "First line\nSecond line", nextStep: "Meet partners", owner: "Alex", due: "2031-04-01" },
      gone: { status: "in-place", question: "An old question?" }
    }
  };
  const md = store.toMarkdown(doc, QUESTIONS, META);
  assert.match(md, /^# Self-review: The report\n/);
  assert.match(md, /Exported on 2031-03-04, from the site's content version abc123def456\./);
  assert.match(md, /not the report's/);
  assert.ok(md.indexOf("#### What is the first question?") < md.indexOf("#### And the *second*?"));
  assert.ok(md.indexOf("### Area one") < md.indexOf("### Area two"));
  assert.match(md, /- Status: In progress\n- Next step: Meet partners; owner: Alex; by 2031-04-01\n\nNotes:\n\n> First line\n> Second line/);
  assert.match(md, /#### A third, elsewhere\?\n\n- Status: No status yet/);
  assert.match(md, /## No longer in the framework[\s\S]*### An old question\?\n\n- Question id: gone\n- Status: In place/);
  assert.match(md, /- All questions: 3 questions: 0 in place, 1 in progress, 0 not yet considered, 2 with no status yet/);
  assert.ok(md.endsWith("\n") && !md.endsWith("\n\n"));
});

test("hasNotes: a status or any text counts; blanks and the wording alone do not", () => {
  assert.equal(store.hasNotes(undefined), false);
  assert.equal(store.hasNotes({ question: "w" }), false);
  assert.equal(store.hasNotes({ notes: "   " }), false);
  assert.equal(store.hasNotes({ status: "in-place" }), true);
  assert.equal(store.hasNotes({ due: "2031-01-01" }), true);
});

test("the question pages' small script finds the same answered questions as the store", () => {
  const links = script("self-review-links.js");
  assert.equal(links.KEY, store.KEY);
  const stored = [
    { format: 1, answers: { "q-one": { status: "in-place" }, "q-two": { notes: "  " }, "q-three": { question: "w" }, gone: { due: "2031-01-01" } } },
    { "q-one": { next_step: "Plan" }, "q-two": { notes: "" } },  // format 0
    { format: 4, answers: { "q-two": { notes: "newer" } } },
    { format: 1, answers: {} },
    [1, 2],
    "text"
  ].map((value) => JSON.stringify(value)).concat(["{not json"]);
  for (const raw of stored) {
    const read = store.parseStored(raw);
    const answers = (read.doc && read.doc.answers) || {};
    const expected = Object.keys(answers).filter((id) => store.hasNotes(answers[id]));
    assert.deepEqual(links.notedIds(raw).sort(), expected.sort(), raw);
  }
});

// --- change notes (issue 28): an answer saved before a major change to its question is marked -----

const CHANGES = [  // as the page gives them (data-changes), newest first
  { date: "2031-03-10", day: "10 March 2031", text: "The question now ends as the report prints it." },
  { date: "2031-02-01", day: "1 February 2031", text: "The question was reworded to match the report." }
];

test("an answer keeps the day it was saved, and an answer saved before a change is told of it", () => {
  const doc = store.withAnswer(store.emptyDoc(), "q-one", { notes: "Our notes" }, "What is the first question?", "2031-03-04");
  assert.equal(doc.answers["q-one"].saved, "2031-03-04");
  const before = store.changesSince(doc.answers["q-one"], CHANGES, "What is the first question?");
  assert.deepEqual(before.map((c) => c.date), ["2031-03-10"], "only the change made after it was saved");
  assert.equal(doc.answers["q-one"].notes, "Our notes", "the answer stays as it was");
  const after = store.withAnswer(doc, "q-one", { notes: "Looked again" }, "What is the first question?", "2031-03-11");
  assert.deepEqual(store.changesSince(after.answers["q-one"], CHANGES, "What is the first question?"), []);
});

test("an answer saved without a date is told of the changes only when its question reads differently now", () => {
  const answer = { notes: "Old notes", question: "What was the first question?" };
  assert.equal(store.changesSince(answer, CHANGES, "What is the first question?").length, 2);
  assert.deepEqual(store.changesSince({ notes: "Old", question: "What is the first question?" }, CHANGES,
                                      "What is the first question?"), []);
  assert.deepEqual(store.changesSince({}, CHANGES, "What is the first question?"), [], "no answer, no mark");
});

test("a stored answer with a saved date reads back, and one whose saved date is not text is refused", () => {
  const raw = JSON.stringify({ format: 1, answers: { "q-one": { notes: "x", saved: "2031-03-04" } } });
  assert.equal(store.parseStored(raw).doc.answers["q-one"].saved, "2031-03-04");
  const bad = JSON.stringify({ format: 1, answers: { "q-one": { notes: "x", saved: 20310304 } } });
  assert.equal(store.parseStored(bad).state, "unreadable");
});
