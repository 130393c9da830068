// What the tool pages' scripts share (kb/tools.py loads it first, before a tool's own scripts):
// finding and making elements, a status line that is announced, a download, a text shown to copy
// by hand, and the questions a page lists. A classic script that sets one global, window.KBTools:
// the offline copy opens pages from file://, where ES modules do not load. Nothing is sent anywhere.
(function (root) {
  "use strict";
  var document = root.document;

  function $(selector, scope) { return (scope || document).querySelector(selector); }
  function $$(selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** A function that writes a status message into `line` (a live region), announced; with
   *  `once`, words already there are not said again (saving as the reader types says it once). */
  function status(line) {
    return function say(text, once) {
      if (once && line.textContent === text) return;
      // The same words again are still announced: a no-break space tells them apart.
      line.textContent = line.textContent === text ? text + "\u00a0" : text;
    };
  }

  /** The text as a file the browser downloads, made here: nothing leaves the browser. */
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Released later: some browsers read the blob after click() returns.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  /** The text, selected to copy by hand, in the page's panel #<prefix>text-panel under its label. */
  function showText(prefix, label, text) {
    var panel = $("#" + prefix + "text-panel");
    var area = $("#" + prefix + "text-area");
    $("#" + prefix + "text-label").textContent = label;
    area.value = text;
    panel.hidden = false;
    area.focus();
    area.select();
  }

  /** The questions the page lists, each an element with data-<name> (its id) and data-wording,
   *  -theme, -focus-area, -focus-area-id, as the self-review's exports name them. */
  function questions(name) {
    return $$("[data-" + name + "]").map(function (e) {
      return { id: e.getAttribute("data-" + name), wording: e.dataset.wording, theme: e.dataset.theme,
               focusArea: e.dataset.focusArea, focusAreaId: e.dataset.focusAreaId, element: e };
    });
  }

  /** What an export says it comes from: the questions' fingerprint and the report (the page's app element). */
  function exportMeta(app) {
    return { contentVersion: app.dataset.contentVersion || "", site: app.dataset.source || "" };
  }

  root.KBTools = { $: $, $$: $$, element: element, status: status, download: download, showText: showText,
                   questions: questions, exportMeta: exportMeta };
})(this);
