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
      var changes = [];
      try { changes = JSON.parse(e.dataset.changes || "[]"); } catch (error) { changes = []; }
      return { id: e.getAttribute("data-" + name), wording: e.dataset.wording, theme: e.dataset.theme,
               focusArea: e.dataset.focusArea, focusAreaId: e.dataset.focusAreaId, changes: changes, element: e };
    });
  }

  // Under a question's heading, the major changes made to it since an answer was saved (or none:
  // the mark goes); `since` ends "This question changed after ...".
  function markChanged(question, changes, since) {
    var old = question.querySelector(".kb-sr-changed");
    if (old) old.parentNode.removeChild(old);
    if (!changes.length) return;
    var box = element("div", "kb-sr-changed");
    box.appendChild(element("p", "", "This question changed after " + since + ": look at the answer again (it is kept as it was written)."));
    var list = element("ul");
    changes.forEach(function (change) {
      var item = element("li");
      var when = element("time", "", change.day || change.date);
      when.setAttribute("datetime", change.date);
      item.appendChild(when);
      item.appendChild(document.createTextNode(": " + change.text));
      list.appendChild(item);
    });
    box.appendChild(list);
    var heading = question.querySelector("h3, h4");
    question.insertBefore(box, heading ? heading.nextSibling : question.firstChild);
  }

  // What an export says it comes from, from the tool's element.
  function exportMeta(app) {
    return { contentVersion: app.dataset.contentVersion || "", site: app.dataset.source || "" };
  }

  root.KBTools = { $: $, $$: $$, element: element, status: status, download: download, showText: showText,
                   questions: questions, markChanged: markChanged, exportMeta: exportMeta };
})(this);
