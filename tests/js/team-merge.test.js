// The team picture's model (docs/javascripts/team-merge.js) under node's test runner: files
// made by the self-review's own export, merged; the same person twice; renamed and retired
// questions; files that cannot be read; Markdown and CSV.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { SCALE, script } = require("./support.js");

const store = script("self-review-store.js")(SCALE);
const team = script("team-merge.js")(store);

const QUESTIONS = [
  { id: "q-one", wording: "What is the first question?", theme: "T", focusArea: "Area one", focusAreaId: "area-one" },
  { id: "q-two", wording: "And the second | with a bar?", theme: "T", focusArea: "Area one", focusAreaId: "area-one" },
  { id: "q-three", wording: "A third, elsewhere?", theme: "T", focusArea: "Area two", focusAreaId: "area-two" }
];
const REDIRECTS = { renamed: { "q-old": "q-three" }, retired: ["q-retired"] };

/** A file as the self-review downloads it. */
function exported(answers, { id = "", name = "", date = new Date(2031, 2, 4, 12) } = {}) {
  let doc = { format: 1, answers };
  if (id || name) doc = store.withPerson(doc, { id, name });
  return store.toJSON(doc, QUESTIONS, { date, contentVersion: "v1", site: "The report" });
}

function file(name, text, lastModified = 0) {
  return { name, text, lastModified };
}

test("each person's answers are counted per question and per focus area, everyone's notes kept", () => {
  const result = team.merge([
    file("a.json", exported({ "q-one": { status: "in-place", notes: "A's note" } }, { id: "aaaa", name: "Alex" })),
    file("b.json", exported({ "q-one": { status: "in-progress" }, "q-two": { notes: "B on two" } }, { id: "bbbb" })),
    file("c.json", exported({}, { id: "cccc" }))
  ], QUESTIONS, REDIRECTS);
  assert.deepEqual(result.people.map((p) => p.label), ["Alex", "Person 1", "Person 2"]);
  assert.deepEqual(result.summary.questions["q-one"], { total: 3, none: 1, "not-yet-considered": 0, "in-progress": 1, "in-place": 1 });
  assert.deepEqual(result.summary.questions["q-two"], { total: 3, none: 3, "not-yet-considered": 0, "in-progress": 0, "in-place": 0 });
  assert.equal(result.summary.areas["area-one"].total, 6);
  assert.equal(result.summary.all.total, 9);
  assert.deepEqual(result.notes["q-one"].map((n) => [n.person, n.answer.status]), [["Alex", "in-place"], ["Person 1", "in-progress"]]);
  assert.deepEqual(result.notes["q-two"].map((n) => [n.person, n.answer.notes]), [["Person 1", "B on two"]]);
  assert.deepEqual(result.problems, []);
});

test("the same person twice: the newer file is used and the picture says which was left out", () => {
  const older = exported({ "q-one": { status: "not-yet-considered" } }, { id: "aaaa", name: "Alex", date: new Date(2031, 0, 1) });
  const newer = exported({ "q-one": { status: "in-place" } }, { id: "aaaa", name: "Alex", date: new Date(2031, 1, 1) });
  for (const order of [[file("new.json", newer), file("old.json", older)], [file("old.json", older), file("new.json", newer)]]) {
    const result = team.merge(order, QUESTIONS, REDIRECTS);
    assert.equal(result.people.length, 1);
    assert.equal(result.people[0].answers["q-one"].status, "in-place");
    const [kept, dropped] = order[0].name === "new.json" ? [0, 1] : [1, 0];
    assert.deepEqual(result.duplicates, [{ label: "Alex", kept: "new.json", keptIndex: kept, exported: "2031-02-01",
                                           dropped: ["old.json"], droppedIndices: [dropped] }]);
    assert.equal(result.people[0].index, kept);
  }
  // Without ids (files from before them), the same name is the same person; a name in another
  // case too. Different ids with one name are two people, told apart.
  const noIds = team.merge([file("1.json", exported({}, { name: "Sam", date: new Date(2031, 0, 1) })),
                            file("2.json", exported({}, { name: "sam", date: new Date(2031, 0, 2) }))], QUESTIONS, REDIRECTS);
  assert.deepEqual(noIds.people.map((p) => p.label), ["sam"]);
  const twoSams = team.merge([file("1.json", exported({}, { id: "s1", name: "Sam" })),
                              file("2.json", exported({}, { id: "s2", name: "Sam" }))], QUESTIONS, REDIRECTS);
  assert.deepEqual(twoSams.people.map((p) => p.label), ["Sam", "Sam (2)"]);
  assert.deepEqual(twoSams.duplicates, []);
  // The same export time: the file changed last, then the one opened last.
  const same = exported({}, { id: "x" });
  const tie = team.merge([file("first.json", same, 5), file("second.json", same, 1)], QUESTIONS, REDIRECTS);
  assert.equal(tie.duplicates[0].kept, "first.json");
});

test("a renamed question's answer lands on it; answers to retired or unknown questions are listed apart", () => {
  const result = team.merge([file("a.json", exported({
    "q-old": { status: "in-progress", notes: "under the old id", question: "A third, as it was worded?" },
    "q-retired": { status: "in-place", notes: "kept", question: "A retired question?", nextStep: "Still do it", due: "2031-01-01" },
    "q-unknown": { notes: "also kept", question: "Where did this come from?" }
  }, { id: "a" }))], QUESTIONS, REDIRECTS);
  assert.equal(result.people[0].answers["q-three"].notes, "under the old id");
  assert.equal(result.summary.questions["q-three"]["in-progress"], 1);
  assert.deepEqual(result.gone.map((g) => [g.id, g.wording, g.retired]),
                   [["q-retired", "A retired question?", true], ["q-unknown", "Where did this come from?", false]]);
  assert.deepEqual(result.steps.map((s) => [s.id, s.inFramework]), [["q-retired", false]]);
});

test("a file that cannot be read is named with its problem, and the others still load", () => {
  const result = team.merge([
    file("good.json", exported({ "q-one": { notes: "fine" } }, { id: "g" })),
    file("broken.json", '{"kind": "kb-self-review", "answers": {'),
    file("photo.png", "\u0089PNG\r\n"),
    file("other.json", '{"kind": "something-else"}'),
    file("future.json", '{"format": 9, "answers": {}}'),
    file("unread.json", null),
    file("huge.json", " ".repeat(team.LARGEST + 1)),
    { name: "refused.json", text: null, problem: "the page refused it" }
  ], QUESTIONS, REDIRECTS);
  assert.deepEqual(result.problems.map((p) => p.index), [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(result.problems[6].problem, "the page refused it");
  assert.equal(result.people.length, 1);
  assert.deepEqual(result.problems.map((p) => p.file), ["broken.json", "photo.png", "other.json", "future.json", "unread.json", "huge.json", "refused.json"]);
  assert.match(result.problems[0].problem, /not valid JSON/);
  assert.match(result.problems[2].problem, /not a self-review/);
  assert.match(result.problems[3].problem, /newer version/);
  assert.match(result.problems[5].problem, /too large/);
});

test("next steps from everyone in one list, by due date, those without one last", () => {
  const result = team.merge([
    file("a.json", exported({ "q-one": { nextStep: "Later", due: "2031-06-01", owner: "Alex" },
                              "q-two": { nextStep: "Undated" } }, { id: "a", name: "Alex" })),
    file("b.json", exported({ "q-three": { nextStep: "Sooner", due: "2031-02-01" },
                              "q-one": { nextStep: "Same day, later question", due: "2031-06-01" } }, { id: "b", name: "Bo" }))
  ], QUESTIONS, REDIRECTS);
  assert.deepEqual(result.steps.map((s) => [s.due, s.nextStep, s.person]), [
    ["2031-02-01", "Sooner", "Bo"], ["2031-06-01", "Later", "Alex"], ["2031-06-01", "Same day, later question", "Bo"],
    ["", "Undated", "Alex"]]);
});

test("Markdown: counts per question, everyone's notes, next steps; text that would break a table stays text", () => {
  const result = team.merge([
    file("a.json", exported({ "q-one": { status: "in-place", notes: "Line one\n# not a heading", nextStep: "Do | this", due: "2031-01-02" } },
                            { id: "a", name: "Alex *the lead*" })),
    file("b.json", exported({ "q-retired": { notes: "old", question: "A retired question?" } }, { id: "b" }))
  ], QUESTIONS, REDIRECTS);
  const md = team.toMarkdown(result, { date: new Date(2031, 2, 4, 12), contentVersion: "v1", site: "The report" });
  assert.match(md, /^# Team picture: The report\n\nMade on 2031-03-04 from 2 self-reviews: Alex \*the lead\*, Person 1\./);
  assert.match(md, /\| Question \| In place \| In progress \| Not yet considered \| No status yet \|/);
  assert.match(md, /\| What is the first question\? \| 1 \| 0 \| 0 \| 1 \|/);
  assert.match(md, /\| And the second \\\| with a bar\? \| 0 \| 0 \| 0 \| 2 \|/);
  assert.match(md, /- \*\*Alex \\\*the lead\\\*\*\*: In place\n  - Next step: Do \| this; by 2031-01-02\n\n  > Line one\n  > # not a heading/);
  assert.match(md, /\| 2031-01-02 \| Do \\\| this \|  \| Alex \*the lead\* \| What is the first question\? \|/);
  assert.match(md, /## No longer in the framework[\s\S]*### A retired question\?\n\n- Question id: q-retired\n- \*\*Person 1\*\*: No status yet/);
  assert.ok(md.endsWith("\n") && !md.endsWith("\n\n"));
});

test("CSV: one row per person and question, quoted, formulas made plain, with a byte-order mark", () => {
  const result = team.merge([
    file("a.json", exported({ "q-one": { status: "in-progress", notes: '=HYPERLINK("x")\n"quoted"' } }, { id: "a", name: "Alex" })),
    file("b.json", exported({ "q-retired": { notes: "old", question: "A retired question?" } }, { id: "b" }))
  ], QUESTIONS, REDIRECTS);
  const csv = team.toCSV(result);
  assert.ok(csv.startsWith("\ufeff\"person\",\"question_id\""));
  const lines = csv.slice(1).split("\r\n").filter(Boolean);
  // A header, three questions each for two people, and one retired answer (notes have a line break inside quotes).
  const rows = csv.slice(1).match(/^"[^"]*","[^"]*"/gm);
  assert.equal(rows.length, 1 + 2 * QUESTIONS.length + 1);
  assert.ok(lines.some((l) => l.startsWith('"Alex","q-one","What is the first question?","Area one","In progress","\'=HYPERLINK(""x"")')));
  assert.ok(csv.includes('"Person 1","q-retired","A retired question?","","","old","","","","no"'));
  assert.equal(team.csvCell("-1"), "\"'-1\"");
  assert.equal(team.csvCell("plain"), '"plain"');
});
