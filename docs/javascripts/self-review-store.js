/* The self-review's storage: the format of a reader's answers, its migration, and the
 * exports. Plain JavaScript with no dependencies, in one file that works two ways: as a
 * classic script in the browser (window.KBSelfReview; the offline copy opens pages from
 * file://, where ES modules do not load), and under node's test runner, where require()
 * gives the factory: require(...)(scale).
 *
 * The status scale is not written here: the page gives it as JSON in the data-json attribute
 * of #kb-status-scale (templates/_status_scale.md.j2, its one source), and without
 * it window.KBSelfReview stays unset and the page stays a list of questions.
 *
 * Answers live in the browser only, under one versioned localStorage key:
 *   {"format": 1, "answers": {"<question id>": {"status", "notes", "nextStep", "owner", "due",
 *                                                "question": "<its wording when last saved>",
 *                                                "saved": "<YYYY-MM-DD, the day it was last saved>"}},
 *    "person": {"id": "<random>", "name": "<a name or role, if the reader gave one>"}}
 * "person" is optional: a random id made at the first export, so that the team page can tell
 * two files of the same person, and the name or role the reader typed, if any.
 * Answers are kept by question id: for a question the site no longer has too, and whatever
 * keys an answer carries that this version does not know are kept as they are.
 *
 * Format 0 is the shape before the format was versioned: the answers object itself at the
 * top level, with "next_step" for the next step. It is migrated to format 1 on reading. A
 * newer format is read as far as possible and never written over.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
    return;
  }
  var island = root.document && root.document.getElementById("kb-status-scale");
  var scale = null;
  try { scale = island && JSON.parse(island.getAttribute("data-json")); } catch (error) { scale = null; }
  if (scale && Array.isArray(scale.values) && scale.values.length) root.KBSelfReview = factory(scale);
})(typeof self !== "undefined" ? self : this, function (scale) {
  "use strict";

  var KEY = "kb-self-review";
  var FORMAT = 1;
  var KIND = "kb-self-review";
  // Our own scale, not the report's: the page and every export say so.
  var STATUSES = scale.values.map(function (s) { return { value: s.value, label: s.label }; });
  var NO_STATUS = scale.none;
  var SCALE_NOTE = scale.note;
  var TEXT_FIELDS = ["notes", "nextStep", "owner", "due"];
  var FIELDS = ["status"].concat(TEXT_FIELDS);
  // Keys an export adds to each answer, recomputed from the site on import.
  var DERIVED = ["theme", "focusArea", "inFramework"];

  // --- small helpers ------------------------------------------------------------------

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function copy(object) {
    var out = {};
    Object.keys(object).forEach(function (key) { out[key] = object[key]; });
    return out;
  }

  function statusLabel(value) {
    for (var i = 0; i < STATUSES.length; i++) {
      if (STATUSES[i].value === value) return STATUSES[i].label;
    }
    return value ? value : NO_STATUS;
  }

  function field(answer, key) {
    return answer && typeof answer[key] === "string" ? answer[key] : "";
  }

  /** True when an answer holds nothing the reader wrote or chose. */
  function isEmptyAnswer(answer) {
    if (!isObject(answer)) return true;
    return FIELDS.every(function (key) { return field(answer, key).trim() === ""; });
  }

  function hasNotes(answer) {
    return !isEmptyAnswer(answer);
  }

  /**
   * The major changes to a question (the page's data-changes: [{date, day, text}], newest first)
   * made after an answer was saved: the reader should look at the answer again. An answer saved
   * before answers kept their date tells only by its wording: if the question reads differently
   * now, every change may be after it. The answer itself is never touched.
   */
  function changesSince(answer, changes, wording) {
    if (isEmptyAnswer(answer) || !Array.isArray(changes) || !changes.length) return [];
    var saved = field(answer, "saved");
    if (saved) return changes.filter(function (change) { return change.date > saved; });
    var was = field(answer, "question");
    return was && wording && was !== wording ? changes.slice() : [];
  }

  /** Two answers say the same (the wording they were saved with aside). */
  function sameAnswer(one, other) {
    return FIELDS.every(function (key) { return field(one, key) === field(other, key); });
  }

  function emptyDoc() {
    return { format: FORMAT, answers: {} };
  }

  // --- reading and checking -----------------------------------------------------------

  /** One answer as stored: an object whose known keys hold strings. Unknown keys are kept. */
  function checkAnswer(id, value) {
    if (!isObject(value)) return { problem: "the answer to '" + id + "' is not an answer" };
    var known = FIELDS.concat(["question", "saved"]);
    for (var i = 0; i < known.length; i++) {
      if (own(value, known[i]) && value[known[i]] !== null && typeof value[known[i]] !== "string") {
        return { problem: "the answer to '" + id + "' holds something other than text in '" + known[i] + "'" };
      }
    }
    var status = field(value, "status");
    if (status && !STATUSES.some(function (s) { return s.value === status; })) {
      return { problem: "the answer to '" + id + "' has an unknown status '" + status + "'" };
    }
    var answer = copy(value);
    known.forEach(function (key) { if (answer[key] === null) delete answer[key]; });
    return { answer: answer };
  }

  function checkAnswers(value) {
    if (!isObject(value)) return { problem: "it holds no answers" };
    var answers = {};
    var ids = Object.keys(value);
    for (var i = 0; i < ids.length; i++) {
      var checked = checkAnswer(ids[i], value[ids[i]]);
      if (checked.problem) return checked;
      answers[ids[i]] = checked.answer;
    }
    return { answers: answers };
  }

  // Each migration turns format n into format n + 1.
  var MIGRATIONS = {
    0: function (old) {
      var answers = {};
      Object.keys(old).forEach(function (id) {
        if (id === "format") return;
        var answer = copy(old[id]);
        if (own(answer, "next_step")) {
          answer.nextStep = answer.next_step;
          delete answer.next_step;
        }
        answers[id] = answer;
      });
      return { format: 1, answers: answers };
    }
  };

  /** Format 0 had no "format" key: every value was an answer with at least one known key. */
  function looksLikeFormat0(value) {
    var ids = Object.keys(value);
    return ids.length > 0 && ids.every(function (id) {
      var answer = value[id];
      return isObject(answer) && FIELDS.concat(["next_step"]).some(function (key) { return own(answer, key); });
    });
  }

  /** A parsed value as a document of the current format: {doc, from} or {problem}. */
  function readDoc(value) {
    if (!isObject(value)) return { problem: "it is not a self-review saved by this site" };
    var format = own(value, "format") ? value.format : (looksLikeFormat0(value) ? 0 : undefined);
    if (format === undefined) return { problem: "it is not a self-review saved by this site" };
    if (typeof format !== "number" || format < 0 || Math.floor(format) !== format) {
      return { problem: "its format (" + JSON.stringify(format) + ") is not one this site knows" };
    }
    if (format > FORMAT) {
      var newer = checkAnswers(value.answers);
      return { newer: format, doc: { format: format, answers: newer.answers || {} }, problem: newer.problem };
    }
    var doc = value;
    for (var from = format; from < FORMAT; from++) doc = MIGRATIONS[from](doc);
    var checked = checkAnswers(doc.answers);
    if (checked.problem) return { problem: checked.problem };
    var out = copy(doc);  // unknown top-level keys stay
    out.format = FORMAT;
    out.answers = checked.answers;
    var person = checkedPerson(out.person);
    if (person) out.person = person; else delete out.person;
    return { doc: out, from: format };
  }

  function parseJSON(text) {
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { problem: "it is not valid JSON" };
    }
  }

  /**
   * What localStorage held, read: {state, doc, raw, problem, format}.
   *   empty      nothing stored yet                         doc: a new, empty document
   *   ok         the current format                         doc
   *   migrated   an older format, now in the current one    doc (not yet written back)
   *   newer      saved by a newer version of the site       doc: what could be read; never written
   *   unreadable not JSON, or not a self-review             raw: the text, to export; never written
   */
  function parseStored(text) {
    if (text === null || text === undefined) return { state: "empty", doc: emptyDoc() };
    var parsed = parseJSON(text);
    if (parsed.problem) return { state: "unreadable", raw: text, problem: parsed.problem };
    var read = readDoc(parsed.value);
    if (read.newer) {
      return { state: "newer", raw: text, format: read.newer, doc: read.doc, problem: read.problem };
    }
    if (read.problem) return { state: "unreadable", raw: text, problem: read.problem };
    return { state: read.from === FORMAT ? "ok" : "migrated", doc: read.doc, format: read.from, raw: text };
  }

  function serialise(doc) {
    return JSON.stringify(doc);
  }

  // --- whose review it is ---------------------------------------------------------------

  /** A stored person as far as it can be read: its id and name where they are text. */
  function checkedPerson(value) {
    if (!isObject(value)) return null;
    var person = copy(value);
    ["id", "name"].forEach(function (key) { if (typeof person[key] !== "string" || !person[key]) delete person[key]; });
    return Object.keys(person).length ? person : null;
  }

  /** Whose review a document is: {id, name}, "" where not known. */
  function personOf(doc) {
    var person = (doc && checkedPerson(doc.person)) || {};
    return { id: field(person, "id"), name: field(person, "name").trim() };
  }

  /** A random id for a person's review (no name, no device, nothing else in it). */
  function newPersonId(random) {
    var bytes = new Uint8Array(8);
    if (random) random(bytes); else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  /** The document with its person's id or name set (an empty value removed). */
  function withPerson(doc, values) {
    var out = copy(doc);
    var person = copy(checkedPerson(doc.person) || {});
    Object.keys(values).forEach(function (key) { person[key] = values[key]; });
    person = checkedPerson(person);
    if (person) out.person = person; else delete out.person;
    return out;
  }

  // --- the browser's storage ----------------------------------------------------------

  function isQuotaError(error) {
    if (!error) return false;
    return error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
      error.code === 22 || error.code === 1014;
  }

  /** window.localStorage, or null where the browser refuses it. */
  function browserStorage() {
    try {
      var storage = typeof window !== "undefined" ? window.localStorage : null;
      if (storage) storage.getItem(KEY);
      return storage || null;
    } catch (error) {
      return null;
    }
  }

  /** Read the stored review; with no storage at all, state "unavailable" and an empty doc. */
  function load(storage) {
    if (!storage) return { state: "unavailable", doc: emptyDoc() };
    var text;
    try {
      text = storage.getItem(KEY);
    } catch (error) {
      return { state: "unavailable", doc: emptyDoc() };
    }
    return parseStored(text);
  }

  /** Write a whole document: {ok: true} or {ok: false, reason: "quota" | "unavailable"}. */
  function save(storage, doc) {
    if (!storage) return { ok: false, reason: "unavailable" };
    try {
      storage.setItem(KEY, serialise(doc));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isQuotaError(error) ? "quota" : "unavailable" };
    }
  }

  /** Put one answer into a document (an empty one is removed), keeping its unknown keys. */
  function withAnswer(doc, id, values, wording, on) {
    var out = copy(doc);
    out.answers = copy(doc.answers || {});
    var answer = copy(out.answers[id] || {});
    FIELDS.forEach(function (key) {
      if (own(values, key)) answer[key] = values[key];
    });
    if (wording) answer.question = wording;
    if (on) answer.saved = on;
    FIELDS.forEach(function (key) { if (answer[key] === "") delete answer[key]; });
    if (isEmptyAnswer(answer) && Object.keys(answer).every(function (key) { return key === "question" || key === "saved"; })) {
      delete out.answers[id];
    } else {
      out.answers[id] = answer;
    }
    return out;
  }

  /**
   * Save one answer, reading what is stored first (another tab may have saved since):
   * {ok, doc} or {ok: false, reason: "quota" | "unavailable" | "blocked", doc}. Stored data
   * that cannot be read, or comes from a newer format, is "blocked": never written over.
   */
  function saveAnswer(storage, id, values, wording, on) {
    var current = load(storage);
    if (current.state === "unreadable" || current.state === "newer") {
      return { ok: false, reason: "blocked", stored: current };
    }
    var doc = withAnswer(current.doc, id, values, wording, on);
    var saved = save(storage, doc);
    saved.doc = doc;
    return saved;
  }

  /** Save whose review it is, as saveAnswer saves an answer (same results). */
  function savePerson(storage, values) {
    var current = load(storage);
    if (current.state === "unreadable" || current.state === "newer") {
      return { ok: false, reason: "blocked", stored: current };
    }
    var doc = withPerson(current.doc, values);
    var saved = save(storage, doc);
    saved.doc = doc;
    return saved;
  }

  function clear(storage) {
    if (!storage) return { ok: false, reason: "unavailable" };
    try {
      storage.removeItem(KEY);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: "unavailable" };
    }
  }

  // --- questions, summary -------------------------------------------------------------

  /**
   * Answers kept under a question's earlier id (renamed in the site's data) move to its
   * current id, unless that id has an answer of its own: {doc, moved: [[old, new], ...]}.
   */
  function adoptRenamed(doc, renames) {
    var out = copy(doc);
    out.answers = {};
    var moved = [];
    Object.keys(doc.answers).forEach(function (id) {
      var target = own(renames, id) ? renames[id] : null;
      if (target && !own(doc.answers, target) && !own(out.answers, target)) {
        out.answers[target] = doc.answers[id];
        moved.push([id, target]);
      } else if (!own(out.answers, id)) {
        out.answers[id] = doc.answers[id];
      }
    });
    return { doc: out, moved: moved };
  }

  /** Answers to questions the site no longer has, in stored order. */
  function removedIds(doc, questions) {
    var known = {};
    questions.forEach(function (q) { known[q.id] = true; });
    return Object.keys(doc.answers).filter(function (id) { return !known[id]; });
  }

  function emptyCounts() {
    var counts = { total: 0, none: 0 };
    STATUSES.forEach(function (s) { counts[s.value] = 0; });
    return counts;
  }

  /**
   * How many questions are at each status: {all: counts, areas: [{id, title, theme, counts}]},
   * areas in the order of the questions. Only questions the site has are counted.
   */
  function summarise(doc, questions) {
    var all = emptyCounts();
    var areas = [];
    var byId = {};
    questions.forEach(function (q) {
      var area = byId[q.focusAreaId];
      if (!area) {
        area = byId[q.focusAreaId] = { id: q.focusAreaId, title: q.focusArea, theme: q.theme, counts: emptyCounts() };
        areas.push(area);
      }
      var status = field(doc.answers[q.id], "status") || "none";
      [all, area.counts].forEach(function (counts) {
        counts.total += 1;
        counts[status] += 1;
      });
    });
    return { all: all, areas: areas };
  }

  function plural(count, noun) {
    return count + " " + noun + (count === 1 ? "" : "s");
  }

  /** "5 questions: 1 in place, 2 in progress, 1 not yet considered, 1 with no status yet" */
  function countsText(counts) {
    var parts = STATUSES.slice().reverse().map(function (s) {
      return counts[s.value] + " " + s.label.toLowerCase();
    });
    parts.push(counts.none + " with " + NO_STATUS.toLowerCase());
    return plural(counts.total, "question") + ": " + parts.join(", ");
  }

  // --- exports and import ---------------------------------------------------------------

  function isoDate(date) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  /** Every answer with the wording of its question now (or as saved, for a removed one). */
  function exportedAnswers(doc, questions) {
    var out = {};
    questions.forEach(function (q) {
      var answer = doc.answers[q.id];
      if (!answer) return;
      var item = copy(answer);
      item.question = q.wording;
      item.theme = q.theme;
      item.focusArea = q.focusArea;
      item.inFramework = true;
      out[q.id] = item;
    });
    removedIds(doc, questions).forEach(function (id) {
      var item = copy(doc.answers[id]);
      item.inFramework = false;
      out[id] = item;
    });
    return out;
  }

  /** The JSON backup: the answers, the date and time, the site's content version, the wording,
   *  and whose review it is (as far as the document says). */
  function toJSON(doc, questions, meta) {
    var scale = {};
    STATUSES.forEach(function (s) { scale[s.value] = s.label; });
    var out = {
      kind: KIND,
      format: FORMAT,
      exported: isoDate(meta.date),
      exportedAt: meta.date.toISOString(),
      site: meta.site || "",
      contentVersion: meta.contentVersion || "",
      statusScale: { note: SCALE_NOTE, values: scale }
    };
    var person = checkedPerson(doc.person);
    if (person) out.person = person;
    out.answers = exportedAnswers(doc, questions);
    return JSON.stringify(out, null, 2) + "\n";
  }

  function quoted(text) {
    return text.split(/\r\n|\r|\n/).map(function (line) { return line ? "> " + line : ">"; }).join("\n");
  }

  function answerMarkdown(answer) {
    var lines = ["- Status: " + statusLabel(field(answer, "status"))];
    var step = field(answer, "nextStep");
    var owner = field(answer, "owner");
    var due = field(answer, "due");
    if (step || owner || due) {
      var bits = [step || "(not written)"];
      if (owner) bits.push("owner: " + owner);
      if (due) bits.push("by " + due);
      lines.push("- Next step: " + bits.join("; "));
    }
    var notes = field(answer, "notes");
    if (notes.trim()) lines.push("", "Notes:", "", quoted(notes));
    return lines.join("\n");
  }

  /** The Markdown export: to print or share; every question, in the site's order. */
  function toMarkdown(doc, questions, meta) {
    var out = ["# Self-review: " + (meta.site || "questions for consideration"), ""];
    var name = personOf(doc).name;
    if (name) out.push("By " + name + ".", "");
    out.push("Exported on " + isoDate(meta.date) + ", from the site's content version " +
             (meta.contentVersion || "(unknown)") + ". The questions are the report's, word for word, " +
             "as the site had them on that date. " + SCALE_NOTE, "");
    var summary = summarise(doc, questions);
    out.push("## Summary", "");
    summary.areas.forEach(function (area) { out.push("- " + area.title + ": " + countsText(area.counts)); });
    out.push("- All questions: " + countsText(summary.all), "");
    var theme = null;
    var area = null;
    questions.forEach(function (q) {
      if (q.theme !== theme) {
        theme = q.theme;
        area = null;
        out.push("## " + q.theme, "");
      }
      if (q.focusAreaId !== area) {
        area = q.focusAreaId;
        out.push("### " + q.focusArea, "");
      }
      out.push("#### " + q.wording, "", answerMarkdown(doc.answers[q.id] || {}), "");
    });
    var removed = removedIds(doc, questions);
    if (removed.length) {
      out.push("## No longer in the framework", "",
               "Answers to questions the site no longer has, kept with the wording they were saved with.", "");
      removed.forEach(function (id) {
        var answer = doc.answers[id];
        out.push("### " + (field(answer, "question") || "A question whose wording was not saved"), "",
                 "- Question id: " + id, answerMarkdown(answer), "");
      });
    }
    return out.join("\n").replace(/\n+$/, "") + "\n";
  }

  /** A JSON export (or a stored document) read back: {doc, meta} or {problem}. */
  function parseImport(text) {
    var parsed = parseJSON(text);
    if (parsed.problem) return { problem: "the file is not valid JSON" };
    var value = parsed.value;
    if (!isObject(value) || (own(value, "kind") && value.kind !== KIND)) {
      return { problem: "the file is not a self-review exported from this site" };
    }
    var stored = copy(value);
    ["kind", "exported", "exportedAt", "site", "contentVersion", "statusScale"].forEach(function (key) { delete stored[key]; });
    if (isObject(stored.answers)) {
      var answers = {};
      Object.keys(stored.answers).forEach(function (id) {
        var answer = stored.answers[id];
        if (isObject(answer)) {
          answer = copy(answer);
          DERIVED.forEach(function (key) { delete answer[key]; });
        }
        answers[id] = answer;
      });
      stored.answers = answers;
    }
    var read = readDoc(stored);
    if (read.newer) return { problem: "the file was saved by a newer version of this site (format " + read.newer + ")" };
    if (read.problem) return { problem: "the file cannot be read: " + read.problem };
    return {
      doc: read.doc,
      meta: { exported: value.exported, exportedAt: value.exportedAt, site: value.site,
              contentVersion: value.contentVersion, person: personOf(read.doc) }
    };
  }

  /** What replacing `current` with `incoming` changes: ids that are added, changed, kept, removed. */
  function diff(current, incoming) {
    var out = { added: [], changed: [], kept: [], removed: [] };
    Object.keys(incoming.answers).forEach(function (id) {
      if (!own(current.answers, id)) out.added.push(id);
      else if (sameAnswer(current.answers[id], incoming.answers[id])) out.kept.push(id);
      else out.changed.push(id);
    });
    Object.keys(current.answers).forEach(function (id) {
      if (!own(incoming.answers, id)) out.removed.push(id);
    });
    return out;
  }

  return {
    KEY: KEY,
    FORMAT: FORMAT,
    STATUSES: STATUSES,
    FIELDS: FIELDS,
    NO_STATUS: NO_STATUS,
    SCALE_NOTE: SCALE_NOTE,
    emptyDoc: emptyDoc,
    isEmptyAnswer: isEmptyAnswer,
    hasNotes: hasNotes,
    sameAnswer: sameAnswer,
    statusLabel: statusLabel,
    parseStored: parseStored,
    serialise: serialise,
    isQuotaError: isQuotaError,
    browserStorage: browserStorage,
    load: load,
    save: save,
    withAnswer: withAnswer,
    changesSince: changesSince,
    saveAnswer: saveAnswer,
    personOf: personOf,
    newPersonId: newPersonId,
    withPerson: withPerson,
    savePerson: savePerson,
    clear: clear,
    adoptRenamed: adoptRenamed,
    removedIds: removedIds,
    summarise: summarise,
    countsText: countsText,
    isoDate: isoDate,
    toJSON: toJSON,
    toMarkdown: toMarkdown,
    parseImport: parseImport,
    diff: diff
  };
});
