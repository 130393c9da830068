// The team picture (templates/team.md.j2): opens self-review files (picked or dropped), merges
// them (team-merge.js) and shows the spread of statuses, everyone's notes, the next steps and
// the answers to questions the site no longer has; downloads as Markdown and CSV. The files
// are read in this browser and never sent: there is no request in this file. They are kept
// (under "kb-team-review" in localStorage) only while the reader ticks "Keep".
(function () {
  "use strict";
  var store = window.KBSelfReview;
  var team = window.KBTeam;
  var tools = window.KBTools;
  var app = document.getElementById("kb-team--app");
  if (!store || !team || !tools || !app) return;

  var KEEP_KEY = "kb-team-review";

  var $ = tools.$, $$ = tools.$$, element = tools.element, download = tools.download;
  var meta = tools.exportMeta(app);
  var questions = tools.questions("kb-team-question");
  var redirects = { renamed: {}, retired: [] };
  try { redirects = JSON.parse($("#kb-team--redirects").getAttribute("data-json")); } catch (error) { /* none, then */ }

  var files = [];      // {name, text, lastModified}, in the order opened
  var result = null;   // the last merge
  var storage = store.browserStorage();
  var keep = $("#kb-team--keep");
  var fileInput = $("#kb-team--files");

  var say = tools.status($("#kb-team--status"));

  function plural(count, noun) {
    return count + " " + noun + (count === 1 ? "" : "s");
  }

  // --- reading files ------------------------------------------------------------------------

  function readAll(list, done) {
    var read = new Array(list.length);
    var left = list.length;
    if (!left) done([]);
    list.forEach(function (file, i) {
      var reader = new FileReader();
      var finish = function (text) {
        read[i] = { name: file.name, text: text, lastModified: file.lastModified || 0 };
        if (--left === 0) done(read);
      };
      if (file.size > team.LARGEST) {
        read[i] = { name: file.name, text: null, lastModified: 0, problem: "the file is far too large to be a self-review" };
        if (--left === 0) done(read);
        return;
      }
      reader.onload = function () { finish(String(reader.result)); };
      reader.onerror = function () { finish(null); };
      reader.readAsText(file);
    });
  }

  function open(list) {
    if (!list.length) return;
    if (window.performance && performance.mark) performance.mark("kb-team:files");
    readAll(list, function (read) {
      var added = 0;
      read.forEach(function (file) {
        var same = files.some(function (f) { return f.name === file.name && f.text === file.text; });
        if (!same) {
          files.push(file);
          added += 1;
        }
      });
      update();
      var shown = result.people.length;
      var message = "Opened " + plural(added, "file") + (added < read.length ? " (" + (read.length - added) + " already open)" : "") +
        ". The picture shows " + plural(shown, "review") + ".";
      if (result.problems.length) message += " " + plural(result.problems.length, "file") + " could not be read: see the list.";
      if (result.duplicates.length) message += " Some files are the same person's: the newer of each is used.";
      say(message);
    });
  }

  fileInput.addEventListener("change", function () {
    open(Array.prototype.slice.call(fileInput.files || []));
    fileInput.value = "";
  });

  // Files dropped on the drop zone (anywhere on the page, rather than the browser opening them).
  var drop = $("#kb-team--drop");
  function carriesFiles(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], "Files") !== -1;
  }
  document.addEventListener("dragover", function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    drop.classList.add("kb-team-drop--over");
  });
  document.addEventListener("dragleave", function (event) {
    if (event.target === document.documentElement || !event.relatedTarget) drop.classList.remove("kb-team-drop--over");
  });
  document.addEventListener("drop", function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    drop.classList.remove("kb-team-drop--over");
    open(Array.prototype.slice.call(event.dataTransfer.files || []));
  });

  // --- drawing --------------------------------------------------------------------------------

  function update() {
    result = team.merge(files, questions, redirects);
    draw(result);
    if (keep.checked) keepFiles();
    if (window.performance && performance.mark) performance.mark("kb-team:drawn");
  }

  function draw(r) {
    var any = r.people.length > 0;
    $$(".kb-team-results").forEach(function (section) { section.hidden = !any; });
    $("#kb-team--opened").hidden = files.length === 0;
    drawFiles(r);
    drawProblems(r);
    if (!any) return;
    $("#kb-team--about").textContent = plural(r.people.length, "review") + ": " +
      r.people.map(function (p) { return p.label; }).join(", ") + ". " + store.SCALE_NOTE;
    drawSpread(r);
    drawNotes(r);
    drawSteps(r);
    drawGone(r);
  }

  function drawFiles(r) {
    var problems = {};
    r.problems.forEach(function (p) { problems[p.index] = p.problem; });
    var usedBy = {};
    r.people.forEach(function (p) { usedBy[p.index] = p; });
    var dropped = {};
    r.duplicates.forEach(function (d) { d.droppedIndices.forEach(function (i) { dropped[i] = d; }); });
    var list = $("#kb-team--file-list");
    var fragment = document.createDocumentFragment();
    files.forEach(function (file, i) {
      var item = element("li", "kb-team-file");
      item.appendChild(element("span", "kb-team-file__name", file.name));
      var what = "";
      if (problems[i] !== undefined) what = "could not be read: " + problems[i];
      else if (dropped[i]) what = "left out, the same person's as file " + (dropped[i].keptIndex + 1) + ", which is newer (" +
        dropped[i].label + (dropped[i].exported ? ", exported " + dropped[i].exported : "") + ")";
      else if (usedBy[i]) what = usedBy[i].label + (usedBy[i].exported ? ", exported " + usedBy[i].exported : "");
      item.appendChild(document.createTextNode(what ? ": " + what + " " : " "));
      var remove = element("button", "kb-sr-button kb-team-file__remove");
      remove.type = "button";
      remove.dataset.kbTeamRemove = String(i);
      remove.appendChild(document.createTextNode("Close"));
      remove.appendChild(element("span", "kb-visually-hidden", " " + file.name));
      item.appendChild(remove);
      fragment.appendChild(item);
    });
    list.textContent = "";
    list.appendChild(fragment);
  }

  function drawProblems(r) {
    var box = $("#kb-team--problem");
    box.hidden = r.problems.length === 0;
    $("#kb-team--problem-text").textContent = r.problems.length
      ? plural(r.problems.length, "file") + " could not be read and " + (r.problems.length === 1 ? "is" : "are") +
        " left out; the others are shown:"
      : "";
    var list = $("#kb-team--problem-list");
    list.textContent = "";
    r.problems.forEach(function (p) { list.appendChild(element("li", "", "File " + (p.index + 1) + ", “" + p.file + "”: " + p.problem + ".")); });
  }

  function fillCounts(row, counts) {
    $$("[data-kb-team-count]", row).forEach(function (cell) { cell.textContent = counts[cell.dataset.kbTeamCount]; });
    $$("[data-kb-team-part]", row).forEach(function (part) {
      var share = counts.total ? counts[part.dataset.kbTeamPart] / counts.total : 0;
      part.style.width = (share * 100).toFixed(2) + "%";
    });
  }

  function drawSpread(r) {
    $$("[data-kb-team-area]").forEach(function (table) {
      $$("[data-kb-team-row]", table).forEach(function (row) {
        var id = row.dataset.kbTeamRow;
        fillCounts(row, id ? r.summary.questions[id] : r.summary.areas[table.dataset.kbTeamArea]);
      });
    });
  }

  var noteTemplate = $("#kb-team--note-template");

  function note(person, answer) {
    var item = noteTemplate.content.firstElementChild.cloneNode(true);
    $(".kb-team-note__person", item).textContent = person;
    $(".kb-team-note__status", item).textContent = store.statusLabel(answer.status || "");
    var step = ["nextStep", "owner", "due"].some(function (key) { return answer[key]; });
    $(".kb-team-note__step", item).hidden = !step;
    if (step) $(".kb-team-note__step-text", item).textContent = team.stepText({ nextStep: answer.nextStep || "",
                                                                                 owner: answer.owner || "", due: answer.due || "" });
    var notes = $(".kb-team-note__notes", item);
    notes.textContent = answer.notes || "";
    notes.hidden = !answer.notes;
    return item;
  }

  function drawNotes(r) {
    questions.forEach(function (q) {
      var items = r.notes[q.id];
      var list = $(".kb-team-notes", q.element);
      var fragment = document.createDocumentFragment();
      items.forEach(function (n) {
        var item = note(n.person, n.answer);
        tools.markChanged(item, store.changesSince(n.answer, q.changes, q.wording), n.person + " answered it");
        fragment.appendChild(item);
      });
      list.textContent = "";
      list.appendChild(fragment);
      list.hidden = items.length === 0;
      $(".kb-team-none", q.element).hidden = items.length > 0;
    });
  }

  // The steps table's column names, beside each value where narrow screens stack the cells.
  var stepLabels = $$("#kb-team--steps thead th").map(function (th) { return th.textContent; });

  function drawSteps(r) {
    var body = $("#kb-team--steps tbody");
    var fragment = document.createDocumentFragment();
    r.steps.forEach(function (s) {
      var row = document.createElement("tr");
      [s.due || "no date", s.nextStep || "(not written)", s.owner, s.person,
       s.question + (s.inFramework ? "" : " (no longer in the framework)")].forEach(function (value, i) {
        var cell = row.appendChild(element("td", "", value));
        cell.dataset.label = stepLabels[i];
      });
      fragment.appendChild(row);
    });
    body.textContent = "";
    body.appendChild(fragment);
    $("#kb-team--steps").hidden = r.steps.length === 0;
    $("#kb-team--no-steps").hidden = r.steps.length > 0;
  }

  function drawGone(r) {
    var list = $("#kb-team--gone");
    list.textContent = "";
    r.gone.forEach(function (g) {
      var item = note(g.person, g.answer);
      var wording = element("p", "kb-team-note__question");
      wording.appendChild(element("strong", "", g.wording || "A question whose wording was not saved"));
      wording.appendChild(document.createTextNode(" (question id " + g.id + (g.retired ? ", retired" : "") + ")"));
      item.insertBefore(wording, item.firstChild);
      list.appendChild(item);
    });
    $("#kb-team--gone-section").hidden = r.gone.length === 0;
  }

  // --- keeping the files in this browser, at the reader's choice ----------------------------

  function keepFiles() {
    if (!storage) {
      keep.checked = false;
      say("This browser does not let the page keep anything: the reviews stay open until you leave the page.");
      return;
    }
    try {
      storage.setItem(KEEP_KEY, JSON.stringify({ format: 1, kept: new Date().toISOString(), files: files }));
    } catch (error) {
      keep.checked = false;
      say(store.isQuotaError(error)
        ? "These reviews are too large to keep in this browser: they stay open until you leave the page."
        : "This browser does not let the page keep anything: the reviews stay open until you leave the page.");
    }
  }

  function forget() {
    try { if (storage) storage.removeItem(KEEP_KEY); } catch (error) { /* nothing was kept */ }
  }

  keep.addEventListener("change", function () {
    if (keep.checked) {
      keepFiles();
      if (keep.checked) say("These reviews are kept in this browser, on this device only, until you untick “Keep”.");
    } else {
      forget();
      say("The reviews are no longer kept in this browser. They stay open here until you leave the page.");
    }
  });

  function restore() {
    var raw = null;
    try { raw = storage && storage.getItem(KEEP_KEY); } catch (error) { raw = null; }
    if (!raw) return;
    var kept = null;
    try { kept = JSON.parse(raw); } catch (error) { kept = null; }
    var usable = kept && kept.format === 1 && Array.isArray(kept.files) && kept.files.every(function (f) {
      return f && typeof f.name === "string" && (typeof f.text === "string" || f.text === null);
    });
    if (!usable) {
      forget();
      say("The reviews kept in this browser could not be read and were removed from it. Open the files again.");
      return;
    }
    files = kept.files.map(function (f) { return { name: f.name, text: f.text, lastModified: f.lastModified || 0 }; });
    keep.checked = true;
    update();
    say("These are the " + plural(files.length, "file") + " you kept in this browser" +
        (typeof kept.kept === "string" ? " on " + kept.kept.slice(0, 10) : "") +
        ". To forget them, untick “Keep these reviews in this browser” or close them.");
  }

  // --- downloads ------------------------------------------------------------------------------

  function exported(kind) {
    var info = { date: new Date(), contentVersion: meta.contentVersion, site: meta.site };
    return kind === "csv" ? team.toCSV(result) : team.toMarkdown(result, info);
  }

  function showText(label, text) {
    tools.showText("kb-team--", label, text);
  }

  var actions = {
    "export-markdown": function () {
      download("team-picture-" + store.isoDate(new Date()) + ".md", "text/markdown;charset=utf-8", exported("markdown"));
      say("The team picture was downloaded as Markdown.");
    },
    "export-csv": function () {
      download("team-picture-" + store.isoDate(new Date()) + ".csv", "text/csv;charset=utf-8", exported("csv"));
      say("The team picture was downloaded as CSV.");
    },
    "show-markdown": function () { showText("The team picture as Markdown: select it all and copy it", exported("markdown")); },
    "show-csv": function () { showText("The team picture as CSV: select it all and copy it", exported("csv")); },
    "hide-text": function () {
      $("#kb-team--text-panel").hidden = true;
      $("[data-kb-team-action=show-markdown]").focus();
    },
    "print": function () { window.print(); },
    "close-all": function () {
      files = [];
      if (keep.checked) {
        forget();
        keep.checked = false;
      }
      update();
      fileInput.focus();
      say("All the reviews were closed" + (storage ? " and nothing of them is kept in this browser." : "."));
    }
  };

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-kb-team-action], [data-kb-team-remove]");
    if (!target) return;
    if (target.dataset.kbTeamAction) {
      if (actions[target.dataset.kbTeamAction]) actions[target.dataset.kbTeamAction]();
      return;
    }
    var index = parseInt(target.dataset.kbTeamRemove, 10);
    var name = files[index] && files[index].name;
    files.splice(index, 1);
    update();
    var next = $$("[data-kb-team-remove]")[Math.min(index, files.length - 1)];
    (next || fileInput).focus();
    say("Closed “" + name + "”." + (keep.checked ? " It is no longer kept in this browser." : ""));
  });

  $$("[data-kb-sr-reveal]").forEach(function (e) { e.hidden = false; });
  restore();
})();
