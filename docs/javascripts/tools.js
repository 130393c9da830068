// What the tool pages' scripts share (kb/tools.py loads it before them), as window.KBTools: a
// classic script, as the offline copy opens pages from file://, where ES modules do not load.
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

  // say(text, once) in the live region `line`; with once, words already there are not said again.
  function status(line) {
    return function say(text, once) {
      if (once && line.textContent === text) return;
      // The same words again are announced too: a no-break space tells them apart.
      line.textContent = line.textContent === text ? text + "\u00a0" : text;
    };
  }

  // The text as a file, made in the browser: nothing is sent.
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Released later: some browsers read the blob after click().
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  // The text, selected to copy by hand, in the panel #<prefix>text-panel.
  function showText(prefix, label, text) {
    var panel = $("#" + prefix + "text-panel");
    var area = $("#" + prefix + "text-area");
    $("#" + prefix + "text-label").textContent = label;
    area.value = text;
    panel.hidden = false;
    area.focus();
    area.select();
  }

  // The page's questions: elements with data-<name> (the id), -wording, -theme, -focus-area(-id).
  function questions(name) {
    return $$("[data-" + name + "]").map(function (e) {
      return { id: e.getAttribute("data-" + name), wording: e.dataset.wording, theme: e.dataset.theme,
               focusArea: e.dataset.focusArea, focusAreaId: e.dataset.focusAreaId, element: e };
    });
  }

  // What an export says it comes from, from the tool's element.
  function exportMeta(app) {
    return { contentVersion: app.dataset.contentVersion || "", site: app.dataset.source || "" };
  }

  root.KBTools = { $: $, $$: $$, element: element, status: status, download: download, showText: showText,
                   questions: questions, exportMeta: exportMeta };
})(this);
