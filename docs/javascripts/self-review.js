// The self-review page: reveals the controls the template rendered (hidden without
// JavaScript), restores the reader's answers from this browser, saves them as the reader
// types, and keeps the summary, the print view, downloads, import and "Start again".
// All storage, formats and exports are in self-review-store.js (window.KBSelfReview); what every
// tool page's script does (elements, downloads, the status line) is in tools.js (window.KBTools).
// Nothing is ever sent anywhere: there is no request in this file.
(function () {
  "use strict";
  var store = window.KBSelfReview;
  var tools = window.KBTools;
  var app = document.getElementById("kb-sr--app");
  if (!store || !tools || !app) return;

  var $ = tools.$, $$ = tools.$$, download = tools.download;
  var meta = tools.exportMeta(app);
  var questions = tools.questions("kb-sr-question");
  var byId = {};
  var renames = {};
  questions.forEach(function (q) {
    byId[q.id] = q;
    (q.element.dataset.oldIds || "").split(" ").filter(Boolean).forEach(function (old) { renames[old] = q.id; });
  });

  var storage = store.browserStorage();
  var doc = store.emptyDoc();
  var blocked = null;  // stored data that is not ours to write over: {state, raw, problem, format}
  var pendingImport = null;
  var problemKind = null;

  // --- messages ---------------------------------------------------------------------

  /** A status message, announced; saving as the reader types says it once, not per key. */
  var say = tools.status($("#kb-sr--status"));

  function showProblem(kind, text) {
    problemKind = kind;
    $("#kb-sr--problem").hidden = false;
    $("#kb-sr--problem-text").textContent = text;
    $("#kb-sr--problem-raw").hidden = !(kind === "unreadable" || kind === "newer");
    $("#kb-sr--problem-export").hidden = !(kind === "quota" || kind === "unavailable" || kind === "newer");
  }

  function clearProblem() {
    problemKind = null;
    $("#kb-sr--problem").hidden = true;
    $("#kb-sr--problem-text").textContent = "";
  }

  var UNAVAILABLE = "This browser does not let the page keep your answers (its storage is turned off or " +
    "blocked), so they will be gone when you leave this page. Download them before you go.";
  var QUOTA = "This browser's storage for this site is full, so your latest changes are not saved. " +
    "Download your review now so that nothing is lost.";

  function blockedMessage(stored) {
    if (stored.state === "newer") {
      return "Your answers were saved by a newer version of this site (format " + stored.format + "). They are " +
        "shown below as far as this page can read them, but cannot be changed here, so that nothing is lost. " +
        "Download what is stored to keep it; import a backup or start again to replace it.";
    }
    return "The self-review stored in this browser cannot be read: " + stored.problem + ". Nothing has been " +
      "changed or deleted. Download what is stored to keep it; import a JSON backup or start again to replace it.";
  }

  // --- the form ---------------------------------------------------------------------

  function controls(q) {
    return $$("[data-field]", q.element);
  }

  var personName = $("#kb-sr--person-name");

  function setEditable(editable) {
    questions.forEach(function (q) {
      controls(q).forEach(function (control) { control.disabled = !editable; });
    });
    personName.disabled = !editable;
  }

  function fillForm(except) {
    if (personName !== except) personName.value = store.personOf(doc).name;
    questions.forEach(function (q) {
      var answer = doc.answers[q.id] || {};
      controls(q).forEach(function (control) {
        if (control === except) return;
        var value = typeof answer[control.dataset.field] === "string" ? answer[control.dataset.field] : "";
        if (control.type === "radio") {
          control.checked = control.value === value;
        } else {
          control.value = value;
        }
      });
      renderShown(q.element.querySelector(".kb-sr-printed"), answer);
    });
  }

  function nextStepText(answer) {
    var bits = [];
    if (answer.nextStep) bits.push(answer.nextStep);
    if (answer.owner) bits.push("owner: " + answer.owner);
    if (answer.due) bits.push("by " + answer.due);
    return bits.join("; ");
  }

  /** The answer as text: in each question's print view, and for answers no longer in the framework. */
  function renderShown(root, answer) {
    if (!root) return;
    var values = {
      status: store.statusLabel(answer.status || ""),
      notes: answer.notes || "",
      nextStep: nextStepText(answer)
    };
    $$("[data-kb-sr-show]", root).forEach(function (element) {
      element.textContent = values[element.dataset.kbSrShow];
    });
    $$("[data-kb-sr-block]", root).forEach(function (element) {
      element.hidden = !values[element.dataset.kbSrBlock];
    });
  }

  function renderSummary() {
    var summary = store.summarise(doc, questions);
    var areas = {};
    summary.areas.forEach(function (area) { areas[area.id] = area.counts; });
    $$("[data-kb-sr-summary]").forEach(function (item) {
      var id = item.dataset.kbSrSummary;
      var counts = id ? areas[id] : summary.all;
      if (!counts) return;
      $(".kb-sr-summary__text", item).textContent = store.countsText(counts);
      $$("[data-kb-sr-part]", item).forEach(function (part) {
        var share = counts.total ? counts[part.dataset.kbSrPart] / counts.total : 0;
        part.style.width = (share * 100).toFixed(2) + "%";
      });
    });
  }

  function renderRemoved() {
    var ids = store.removedIds(doc, questions);
    var list = $("#kb-sr--removed-list");
    var template = $("#kb-sr--removed-template");
    list.textContent = "";
    ids.forEach(function (id) {
      var answer = doc.answers[id];
      var item = template.content.firstElementChild.cloneNode(true);
      $(".kb-sr-removed__wording", item).textContent = answer.question || "A question whose wording was not saved";
      $(".kb-sr-removed__id", item).textContent = id;
      renderShown(item, answer);
      list.appendChild(item);
    });
    $("#kb-sr--removed-section").hidden = ids.length === 0;
  }

  function renderAll() {
    renderSummary();
    renderRemoved();
    renderChanged();
  }

  /** Under each question changed (a major change note) since its answer was saved: the changes. */
  function renderChanged() {
    questions.forEach(function (q) {
      tools.markChanged(q.element, store.changesSince(doc.answers[q.id], q.changes, q.wording), "you answered it");
    });
  }

  // --- loading and saving -----------------------------------------------------------

  function loadStored(except) {
    var stored = store.load(storage);
    blocked = null;
    clearProblem();
    if (stored.state === "unavailable") {
      doc = store.emptyDoc();
      showProblem("unavailable", UNAVAILABLE);
    } else if (stored.state === "unreadable" || stored.state === "newer") {
      blocked = stored;
      doc = stored.doc || store.emptyDoc();
      showProblem(stored.state, blockedMessage(stored));
    } else {
      var adopted = store.adoptRenamed(stored.doc, renames);
      doc = adopted.doc;
      // A migrated format, or answers moved to a renamed question, are written back at once.
      if (adopted.moved.length || stored.state === "migrated") writeAll(doc);
    }
    setEditable(!blocked);
    fillForm(except);
    renderAll();
  }

  function writeAll(next) {
    var result = store.save(storage, next);
    if (!result.ok) showProblem(result.reason, result.reason === "quota" ? QUOTA : UNAVAILABLE);
    return result;
  }

  function onEdit(event) {
    var control = event.target;
    var field = control.dataset && control.dataset.field;
    if (!field || blocked) return;
    if (control.type === "radio" && !control.checked) return;
    // A date the field itself refuses (its max keeps the year to four digits as it is typed;
    // a pasted or scripted one may still be out of range) is not kept.
    if (control.validity && !control.validity.valid) {
      say("That date is not kept: give one with a four-digit year.");
      return;
    }
    var q = byId[event.currentTarget.dataset.kbSrQuestion];
    var values = {};
    values[field] = control.value;
    var result = storage ? store.saveAnswer(storage, q.id, values, q.wording, today()) : { ok: false, reason: "unavailable" };
    if (result.ok) {
      doc = result.doc;
      if (problemKind === "quota") clearProblem();
      say("Saved in this browser.", true);
    } else if (result.reason === "blocked") {
      // Another window left something here that cannot be read: keep it, and say so.
      doc = store.withAnswer(doc, q.id, values, q.wording, today());
      blocked = result.stored;
      setEditable(false);
      showProblem(blocked.state, blockedMessage(blocked));
    } else {
      doc = store.withAnswer(doc, q.id, values, q.wording, today());
      showProblem(result.reason, result.reason === "quota" ? QUOTA : UNAVAILABLE);
    }
    renderShown(q.element.querySelector(".kb-sr-printed"), doc.answers[q.id] || {});
    renderAll();
  }

  // --- downloads and the text view --------------------------------------------------

  function today() {
    return store.isoDate(new Date());
  }

  /** Before a download: the review gets its random id, once, so that the team page can tell
   *  two files of the same person apart (kept with the answers where they can be saved). */
  function withPersonId() {
    if (blocked || store.personOf(doc).id) return;
    var random = window.crypto && window.crypto.getRandomValues ? window.crypto.getRandomValues.bind(window.crypto) : null;
    var id = store.newPersonId(random);
    var result = storage ? store.savePerson(storage, { id: id }) : { ok: false };
    doc = result.ok ? result.doc : store.withPerson(doc, { id: id });
  }

  function exported(kind) {
    withPersonId();
    var info = { date: new Date(), contentVersion: meta.contentVersion, site: meta.site };
    return kind === "json" ? store.toJSON(doc, questions, info) : store.toMarkdown(doc, questions, info);
  }

  function showText(label, text) {
    tools.showText("kb-sr--", label, text);
  }

  // --- import -----------------------------------------------------------------------

  var fileInput = $("#kb-sr--import-file");

  function wordingOf(id, answer) {
    if (byId[id]) return byId[id].wording;
    return (answer && answer.question ? answer.question : "question id " + id) + " (no longer in the framework)";
  }

  function previewItem(label, ids, answers) {
    var item = document.createElement("li");
    var strong = document.createElement("strong");
    strong.textContent = label + ": " + ids.length;
    item.appendChild(strong);
    if (ids.length) {
      var list = document.createElement("ul");
      ids.forEach(function (id) {
        var entry = document.createElement("li");
        entry.textContent = wordingOf(id, answers[id]);
        list.appendChild(entry);
      });
      item.appendChild(list);
    }
    return item;
  }

  function showPreview(parsed) {
    pendingImport = parsed;
    var current = blocked ? store.emptyDoc() : doc;
    var change = store.diff(current, parsed.doc);
    // The version codes stay in the files: a reader is told only whether the questions changed.
    var changed = parsed.meta.contentVersion && parsed.meta.contentVersion !== meta.contentVersion;
    var about = "The file was exported on " + (parsed.meta.exported || "an unknown date") + "." +
      (changed ? " The site's questions have changed since then: answers stay with their questions." : "");
    if (blocked) about += " What this browser stores now cannot be read: importing replaces it.";
    $("#kb-sr--preview-about").textContent = about;
    var list = $("#kb-sr--preview-list");
    list.textContent = "";
    list.appendChild(previewItem("Added", change.added, parsed.doc.answers));
    list.appendChild(previewItem("Changed", change.changed, parsed.doc.answers));
    list.appendChild(previewItem("Kept as they are", change.kept, parsed.doc.answers));
    list.appendChild(previewItem("Removed (in this browser, not in the file)", change.removed, current.answers));
    $("#kb-sr--preview-panel").hidden = false;
    $("#kb-sr--preview-heading").focus();
  }

  function closePreview(message) {
    pendingImport = null;
    $("#kb-sr--preview-panel").hidden = true;
    fileInput.value = "";
    fileInput.focus();
    if (message) say(message);
  }

  function readFile(file, done) {
    var reader = new FileReader();
    reader.onload = function () { done(String(reader.result)); };
    reader.onerror = function () { done(null); };
    reader.readAsText(file);
  }

  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    readFile(file, function (text) {
      var parsed = text === null ? { problem: "the file could not be read" } : store.parseImport(text);
      if (parsed.problem) {
        $("#kb-sr--preview-panel").hidden = true;
        pendingImport = null;
        say("Nothing was imported: " + parsed.problem + ".");
        return;
      }
      showPreview(parsed);
    });
  });

  function confirmImport() {
    if (!pendingImport) return;
    var next = store.adoptRenamed(pendingImport.doc, renames).doc;
    var count = Object.keys(next.answers).length;
    if (storage) {
      var result = store.save(storage, next);
      if (!result.ok) {
        showProblem(result.reason, result.reason === "quota"
          ? "This browser's storage for this site is full, so the file's answers could not be saved. Nothing was replaced."
          : UNAVAILABLE);
        closePreview();
        return;
      }
    }
    doc = next;
    blocked = null;
    if (problemKind !== "unavailable") clearProblem();
    setEditable(true);
    fillForm();
    renderAll();
    closePreview("Imported " + count + (count === 1 ? " answer" : " answers") + " from the file" +
                 (storage ? ", saved in this browser." : "."));
  }

  // --- start again ------------------------------------------------------------------

  function startAgain() {
    var result = storage ? store.clear(storage) : { ok: true };
    closeClear();
    if (!result.ok) {
      showProblem("unavailable", UNAVAILABLE);
      return;
    }
    doc = store.emptyDoc();
    blocked = null;
    if (problemKind !== "unavailable") clearProblem();
    setEditable(true);
    fillForm();
    renderAll();
    say("All your answers were deleted from this browser.");
  }

  function openClear() {
    $("#kb-sr--clear-panel").hidden = false;
    $("#kb-sr--clear-question").focus();
  }

  function closeClear(message) {
    $("#kb-sr--clear-panel").hidden = true;
    $("[data-kb-sr-action=clear]").focus();
    if (message) say(message);
  }

  // --- wiring -----------------------------------------------------------------------

  var actions = {
    "export-markdown": function () {
      download("self-review-" + today() + ".md", "text/markdown;charset=utf-8", exported("markdown"));
      say("Your review was downloaded as Markdown.");
    },
    "export-json": function () {
      download("self-review-" + today() + ".json", "application/json;charset=utf-8", exported("json"));
      say("Your review was downloaded as JSON.");
    },
    "show-markdown": function () { showText("Your review as Markdown: select it all and copy it", exported("markdown")); },
    "show-json": function () { showText("Your review as JSON: select it all and copy it", exported("json")); },
    "hide-text": function () {
      $("#kb-sr--text-panel").hidden = true;
      $("[data-kb-sr-action=show-markdown]").focus();
    },
    "download-raw": function () {
      if (blocked) download("self-review-stored-" + today() + ".txt", "text/plain;charset=utf-8", blocked.raw);
    },
    "show-raw": function () {
      if (blocked) showText("What this browser stores for the self-review, exactly: select it all and copy it", blocked.raw);
    },
    "print": function () { window.print(); },
    "import-confirm": confirmImport,
    "import-cancel": function () { closePreview("Nothing was imported."); },
    "clear": openClear,
    "clear-confirm": startAgain,
    "clear-cancel": function () { closeClear("Nothing was deleted."); }
  };

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-kb-sr-action]");
    if (button && actions[button.dataset.kbSrAction]) actions[button.dataset.kbSrAction]();
  });

  // Escape closes a confirmation without doing anything.
  [["#kb-sr--preview-panel", "import-cancel"], ["#kb-sr--clear-panel", "clear-cancel"]].forEach(function (pair) {
    $(pair[0]).addEventListener("keydown", function (event) {
      if (event.key === "Escape") actions[pair[1]]();
    });
  });

  questions.forEach(function (q) {
    q.element.addEventListener("input", onEdit);
    q.element.addEventListener("change", onEdit);
  });

  personName.addEventListener("input", function () {
    if (blocked) return;
    var values = { name: personName.value };
    var result = storage ? store.savePerson(storage, values) : { ok: false, reason: "unavailable" };
    if (result.ok) {
      doc = result.doc;
      say("Saved in this browser.", true);
    } else {
      doc = store.withPerson(doc, values);
      if (result.reason === "blocked") {
        blocked = result.stored;
        setEditable(false);
        showProblem(blocked.state, blockedMessage(blocked));
      } else {
        showProblem(result.reason, result.reason === "quota" ? QUOTA : UNAVAILABLE);
      }
    }
  });

  // Another window of this site changed the answers: show them as they are now.
  window.addEventListener("storage", function (event) {
    if (event.key !== null && event.key !== store.KEY) return;
    loadStored(document.activeElement);
    say("Your answers were changed in another window of this site; they are shown as they are now.");
  });

  $$("[data-kb-sr-reveal]").forEach(function (element) { element.hidden = false; });
  $$(".kb-sr-printed").forEach(function (element) { element.hidden = false; });
  loadStored();

  // A problem with the stored answers, shown above a linked question, moved it: bring it back into view.
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView();
})();
