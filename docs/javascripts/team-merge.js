/* The team picture's model: several people's self-review exports merged into one picture, and
 * that picture as Markdown and CSV. No page, no storage, no network: plain functions over the
 * files' text, tested under node (tests/js/team-merge.test.js). In the browser,
 * window.KBTeam = factory(window.KBSelfReview); under node, require(...)(store).
 *
 * Whose file is whose: each export carries a random id made by the self-review (and a name or
 * role if the person gave one). Two files with the same id, or without ids and with the same
 * name, are the same person's: the newer (its export time) is used and the other is left out,
 * and the picture says so. Answers kept under a renamed question's old id land on the question
 * (the page gives the renames); answers to questions the site no longer has are listed apart.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else if (root.KBSelfReview) {
    root.KBTeam = factory(root.KBSelfReview);
  }
})(typeof self !== "undefined" ? self : this, function (store) {
  "use strict";

  var LARGEST = 5 * 1024 * 1024;  // characters: no self-review comes near it
  var FIELDS = ["status", "notes", "nextStep", "owner", "due"];

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function text(answer, key) {
    return answer && typeof answer[key] === "string" ? answer[key] : "";
  }

  /** When a file was exported, as a number to compare (-Infinity when it does not say). */
  function exportTime(meta) {
    var at = typeof meta.exportedAt === "string" ? Date.parse(meta.exportedAt) : NaN;
    if (isNaN(at) && typeof meta.exported === "string") at = Date.parse(meta.exported);
    return isNaN(at) ? -Infinity : at;
  }

  function newer(one, other) {
    if (one.time !== other.time) return one.time > other.time;
    if (one.lastModified !== other.lastModified) return one.lastModified > other.lastModified;
    return one.order > other.order;
  }

  /** The group of files a file belongs to: the same id, or (a file without an id, or a group
   *  whose files have none) the same name. */
  function groupOf(groups, entry) {
    var name = entry.person.name.toLowerCase();
    for (var i = 0; i < groups.length; i++) {
      var group = groups[i];
      if (entry.person.id && group.ids[entry.person.id]) return group;
    }
    if (!name) return null;
    for (var j = 0; j < groups.length; j++) {
      var other = groups[j];
      var hasIds = Object.keys(other.ids).length > 0;
      if (other.names[name] && (!entry.person.id || !hasIds)) return other;
    }
    return null;
  }

  function isAnswered(answer) {
    return FIELDS.some(function (key) { return text(answer, key).trim() !== ""; });
  }

  /**
   * Read and merge the files: [{name, text, lastModified, problem}] (text null: it could not be
   * read; problem: why the page did not read it). Files are told apart by their place in the
   * list (index), since many share a name (self-review-<date>.json).
   * questions: the site's, in order ({id, wording, focusArea, focusAreaId, theme}).
   * redirects: {renamed: {old id: current id}, retired: [old ids]}.
   * Returns {people, problems: [{file, problem}], duplicates: [{label, kept, dropped: [file]}],
   *          questions, summary, notes, steps, gone}.
   */
  function merge(files, questions, redirects) {
    var renamed = (redirects && redirects.renamed) || {};
    var retired = {};
    ((redirects && redirects.retired) || []).forEach(function (id) { retired[id] = true; });
    var current = {};
    questions.forEach(function (q) { current[q.id] = q; });

    var problems = [];
    var groups = [];
    files.forEach(function (file, order) {
      var problem = null;
      var parsed = null;
      if (file.problem) problem = file.problem;
      else if (file.text === null || file.text === undefined) problem = "the file could not be read";
      else if (file.text.length > LARGEST) problem = "the file is far too large to be a self-review";
      else {
        parsed = store.parseImport(file.text);
        problem = parsed.problem || null;
      }
      if (problem) {
        problems.push({ file: file.name, index: order, problem: problem });
        return;
      }
      var entry = {
        file: file.name, order: order, lastModified: file.lastModified || 0, time: exportTime(parsed.meta),
        exported: typeof parsed.meta.exported === "string" ? parsed.meta.exported : "",
        person: parsed.meta.person, doc: parsed.doc
      };
      var group = groupOf(groups, entry);
      if (!group) {
        group = { ids: {}, names: {}, entries: [] };
        groups.push(group);
      }
      if (entry.person.id) group.ids[entry.person.id] = true;
      if (entry.person.name) group.names[entry.person.name.toLowerCase()] = true;
      group.entries.push(entry);
    });

    var people = [];
    var duplicates = [];
    var unnamed = 0;
    var labels = {};
    groups.forEach(function (group) {
      var kept = group.entries.reduce(function (best, entry) { return newer(entry, best) ? entry : best; });
      var name = kept.person.name || group.entries.map(function (e) { return e.person.name; }).filter(Boolean)[0] || "";
      var label = name || "Person " + (++unnamed);
      var key = label.toLowerCase();
      if (labels[key]) label += " (" + (++labels[key]) + ")";
      else labels[key] = 1;
      var person = { label: label, name: name, file: kept.file, index: kept.order, exported: kept.exported,
                     answers: {}, gone: [] };
      var doc = store.adoptRenamed(kept.doc, renamed).doc;
      Object.keys(doc.answers).forEach(function (id) {
        var answer = doc.answers[id];
        if (!isAnswered(answer)) return;
        if (own(current, id)) person.answers[id] = answer;
        else person.gone.push({ id: id, wording: text(answer, "question"), retired: !!retired[id], answer: answer });
      });
      people.push(person);
      if (group.entries.length > 1) {
        var others = group.entries.filter(function (e) { return e !== kept; });
        duplicates.push({
          label: label, kept: kept.file, keptIndex: kept.order, exported: kept.exported,
          dropped: others.map(function (e) { return e.file; }), droppedIndices: others.map(function (e) { return e.order; })
        });
      }
    });
    return picture(people, problems, duplicates, questions);
  }

  function emptyCounts() {
    var counts = { total: 0, none: 0 };
    store.STATUSES.forEach(function (s) { counts[s.value] = 0; });
    return counts;
  }

  function picture(people, problems, duplicates, questions) {
    var summary = { questions: {}, areas: {}, all: emptyCounts() };
    var notes = {};
    var steps = [];
    var gone = [];
    var position = {};
    questions.forEach(function (q, index) {
      position[q.id] = index;
      var counts = summary.questions[q.id] = emptyCounts();
      var area = summary.areas[q.focusAreaId] = summary.areas[q.focusAreaId] || emptyCounts();
      notes[q.id] = [];
      people.forEach(function (person) {
        var answer = person.answers[q.id];
        var status = text(answer, "status") || "none";
        [counts, area, summary.all].forEach(function (c) { c.total += 1; c[status] += 1; });
        if (answer) notes[q.id].push({ person: person.label, answer: answer });
      });
    });
    people.forEach(function (person, p) {
      questions.forEach(function (q) {
        var answer = person.answers[q.id];
        if (hasStep(answer)) steps.push(step(person, p, answer, q.wording, q.id, true, position[q.id]));
      });
      person.gone.forEach(function (item) {
        gone.push({ person: person.label, id: item.id, wording: item.wording, retired: item.retired, answer: item.answer });
        if (hasStep(item.answer)) steps.push(step(person, p, item.answer, item.wording, item.id, false, questions.length));
      });
    });
    steps.sort(byDue);
    return { people: people, problems: problems, duplicates: duplicates, questions: questions,
             summary: summary, notes: notes, steps: steps, gone: gone };
  }

  function hasStep(answer) {
    return !!answer && ["nextStep", "owner", "due"].some(function (key) { return text(answer, key).trim() !== ""; });
  }

  function step(person, p, answer, wording, id, inFramework, place) {
    return { due: text(answer, "due"), nextStep: text(answer, "nextStep"), owner: text(answer, "owner"),
             person: person.label, question: wording, id: id, inFramework: inFramework, place: place, p: p };
  }

  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  /** By due date (those without one last), then in the questions' order, then by person. */
  function byDue(one, other) {
    var a = DATE.test(one.due) ? one.due : "~";
    var b = DATE.test(other.due) ? other.due : "~";
    if (a !== b) return a < b ? -1 : 1;
    if (one.place !== other.place) return one.place - other.place;
    return one.p - other.p;
  }

  // --- Markdown and CSV ---------------------------------------------------------------------

  function cell(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r\n|\r|\n/g, " ");
  }

  function quoted(value) {
    return value.split(/\r\n|\r|\n/).map(function (line) { return line ? "> " + line : ">"; }).join("\n");
  }

  function statusColumns() {
    return store.STATUSES.slice().reverse().map(function (s) { return { value: s.value, label: s.label }; })
      .concat([{ value: "none", label: store.NO_STATUS }]);
  }

  function stepText(item) {
    var bits = [item.nextStep || "(not written)"];
    if (item.owner) bits.push("owner: " + item.owner);
    if (item.due) bits.push("by " + item.due);
    return bits.join("; ");
  }

  /** The picture as Markdown: to print, or to paste into minutes. */
  function toMarkdown(result, meta) {
    var columns = statusColumns();
    var out = ["# Team picture: " + (meta.site || "self-reviews"), ""];
    out.push("Made on " + store.isoDate(meta.date) + " from " + result.people.length + " self-review" +
             (result.people.length === 1 ? "" : "s") + ": " + result.people.map(function (p) { return p.label; }).join(", ") +
             ". The questions are the report's, word for word, as the site (content version " +
             (meta.contentVersion || "(unknown)") + ") has them. " + store.SCALE_NOTE, "");
    result.duplicates.forEach(function (d) {
      out.push("- " + d.label + ": " + d.kept + " is used; the older " + d.dropped.join(", ") + " left out.");
    });
    if (result.duplicates.length) out.push("");
    out.push("## How the statuses spread", "");
    var area = null;
    var head = "| Question | " + columns.map(function (c) { return cell(c.label); }).join(" | ") + " |";
    var rule = "| --- |" + columns.map(function () { return " ---: |"; }).join("");
    result.questions.forEach(function (q) {
      if (q.focusAreaId !== area) {
        if (area !== null) out.push("");
        area = q.focusAreaId;
        out.push("### " + q.focusArea, "", head, rule);
      }
      var counts = result.summary.questions[q.id];
      out.push("| " + cell(q.wording) + " | " + columns.map(function (c) { return counts[c.value]; }).join(" | ") + " |");
    });
    out.push("", "## Everyone's notes", "");
    area = null;
    result.questions.forEach(function (q) {
      if (q.focusAreaId !== area) {
        area = q.focusAreaId;
        out.push("### " + q.focusArea, "");
      }
      out.push("#### " + q.wording, "");
      var items = result.notes[q.id];
      if (!items.length) out.push("No one has answered this question.", "");
      items.forEach(function (item) { out.push(answerMarkdown(item.person, item.answer), ""); });
    });
    out.push("## Next steps, by due date", "");
    if (!result.steps.length) out.push("No one has written a next step.", "");
    else {
      out.push("| By when | Next step | Owner | Whose review | Question |", "| --- | --- | --- | --- | --- |");
      result.steps.forEach(function (s) {
        out.push("| " + [s.due || "no date", s.nextStep || "(not written)", s.owner, s.person,
                         s.question + (s.inFramework ? "" : " (no longer in the framework)")].map(cell).join(" | ") + " |");
      });
      out.push("");
    }
    if (result.gone.length) {
      out.push("## No longer in the framework", "",
               "Answers to questions the site no longer has, with the wording each person's file gave them.", "");
      result.gone.forEach(function (g) {
        out.push("### " + (g.wording || "A question whose wording was not saved"), "", "- Question id: " + g.id,
                 answerMarkdown(g.person, g.answer), "");
      });
    }
    return out.join("\n").replace(/\n+$/, "") + "\n";
  }

  function answerMarkdown(person, answer) {
    var lines = ["- **" + person.replace(/([\\*_`[\]])/g, "\\$1") + "**: " + store.statusLabel(text(answer, "status"))];
    if (hasStep(answer)) lines.push("  - Next step: " + stepText({ nextStep: text(answer, "nextStep"),
                                                                    owner: text(answer, "owner"), due: text(answer, "due") }));
    var notes = text(answer, "notes");
    if (notes.trim()) lines.push("", quoted(notes).split("\n").map(function (l) { return "  " + l; }).join("\n"));
    return lines.join("\n");
  }

  /** A spreadsheet cell: quoted, and text a spreadsheet would run as a formula made plain. */
  function csvCell(value) {
    var s = String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  var CSV_HEADER = ["person", "question_id", "question", "focus_area", "status", "notes", "next_step", "owner", "due",
                    "in_framework"];

  /** One row per person and question (every question of the site, answered or not, then the
   *  person's answers to questions the site no longer has). UTF-8 with a byte-order mark and
   *  CRLF, as the site's open data, so that spreadsheets keep the punctuation. */
  function toCSV(result) {
    var rows = [CSV_HEADER];
    result.people.forEach(function (person) {
      result.questions.forEach(function (q) {
        rows.push(row(person.label, q.id, q.wording, q.focusArea, person.answers[q.id], "yes"));
      });
      person.gone.forEach(function (g) { rows.push(row(person.label, g.id, g.wording, "", g.answer, "no")); });
    });
    return "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function row(person, id, wording, area, answer, inFramework) {
    var status = text(answer, "status");
    return [person, id, wording, area, status ? store.statusLabel(status) : "", text(answer, "notes"),
            text(answer, "nextStep"), text(answer, "owner"), text(answer, "due"), inFramework];
  }

  return {
    LARGEST: LARGEST,
    merge: merge,
    statusColumns: statusColumns,
    stepText: stepText,
    toMarkdown: toMarkdown,
    toCSV: toCSV,
    csvCell: csvCell
  };
});
