// A composed session's link (docs/javascripts/session-link.js) under node's test runner: what
// it holds round-trips; a link cut short, edited or from a newer site is refused with a reason;
// renamed items are followed and retired ones told; QR modules become a path of dark runs.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script } = require("./support.js");

const session = script("session-link.js");

const ITEMS = [{ kind: "q", id: "key-players" }, { kind: "e", id: "working-with-partners" }, { kind: "b", id: "ability-to-simplify" },
               { kind: "q", id: "a-2nd-question" }];

test("a session round-trips through its link, title and order intact", () => {
  for (const title of ["Team day: 3 questions", "Früh & spät? 100% (draft) *new* 'quoted' ~ / #hash", ""]) {
    const fragment = session.format({ title, items: ITEMS });
    assert.deepEqual(session.parse("#" + fragment), { title, items: ITEMS, position: null });
    assert.match(fragment, /^session=1&title=[^&#'()!* ]*&items=[a-z0-9:,-]+&count=4$/);
  }
  // A presenter view adds where the audience is; the session reads the same.
  assert.deepEqual(session.parse(session.format({ title: "T", items: ITEMS }) + "&item-3"), { title: "T", items: ITEMS, position: 3 });
});

test("a link that is not a session's is empty, not damaged", () => {
  for (const hash of ["", "#", "#question-2", "#kb-ss--example-x"]) assert.deepEqual(session.parse(hash), { empty: true });
});

test("a link cut short anywhere, or edited, is refused as damaged", () => {
  const fragment = session.format({ title: "Cut me", items: ITEMS });
  for (let end = "session=".length + 1; end < fragment.length; end++) {
    const read = session.parse(fragment.slice(0, end));
    assert.ok(read.problem && /damaged|no questions/.test(read.problem), `cut at ${end}: ${JSON.stringify(read)}`);
  }
  for (const broken of [fragment.replace("count=4", "count=5"), fragment.replace("q:key", "x:key"),
                        fragment.replace("key-players", "Key Players"), fragment.replace("title=Cut", "title=%E0%A4%A"),
                        fragment.replace("&items", "&items=q:a&items"), fragment + "&extra=1"]) {
    assert.match(session.parse(broken).problem, /damaged/, broken);
  }
  assert.match(session.parse("session=2&title=&items=q:a&count=1").problem, /newer version/);
  assert.match(session.parse("session=1&title=&items=&count=0").problem, /holds no questions/);
});

test("renamed items are followed, retired and unknown ones are told apart", () => {
  const known = { q: { "key-players": true, "renamed-now": true }, e: {}, b: { x: true } };
  const redirects = { q: { renamed: { "a-2nd-question": "renamed-now" }, retired: [] },
                      e: { renamed: {}, retired: ["working-with-partners"] }, b: { renamed: {}, retired: [] } };
  assert.deepEqual(session.resolve(ITEMS, known, redirects).map((i) => [i.kind, i.id, i.was, i.state]), [
    ["q", "key-players", "key-players", "ok"],
    ["e", "working-with-partners", "working-with-partners", "retired"],
    ["b", "ability-to-simplify", "ability-to-simplify", "unknown"],
    ["q", "renamed-now", "a-2nd-question", "renamed"]
  ]);
});

test("QR modules become one-module-high runs of dark modules inside a quiet zone", () => {
  // 3 x 3: rows 101 / 111 / 000, packed as 10111100 0 -> "vA==" (0xBC, 0x00).
  const drawn = session.qrPath("3 " + Buffer.from([0xbc, 0x00]).toString("base64"), 2);
  assert.equal(drawn.size, 7);
  assert.equal(drawn.path, "M2 2h1v1h-1zM4 2h1v1h-1zM2 3h3v1h-3z");
});
