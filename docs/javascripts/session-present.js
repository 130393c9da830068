// A composed session's presenter view (templates/session_present.md.j2): reads the session from
// the address, makes one slide per item (a question with its QR code), and leaves the rest to
// present.js, which runs after this script. A link it cannot read gets a message, and no slides.
(function () {
  "use strict";
  var api = window.KBSession;
  var tools = window.KBTools;
  var root = document.querySelector("[data-kb-present]");
  if (!api || !tools || !root) return;

  var element = tools.element;

  var catalogue = api.catalogue(document);
  var read = api.parse(window.location.hash);
  var exit = document.querySelector(".kb-present__exit");

  function problem(text) {
    document.getElementById("kb-ss--problem").hidden = false;
    document.getElementById("kb-ss--problem-text").textContent = text;
  }

  if (read.empty) {
    problem("This page presents a session composed on this site, and its link names no session. " +
            "Open the session's own link, or compose one: “Leave the presenter view” goes there.");
    return;
  }
  if (read.problem) {
    problem("This session cannot be presented: its link " + read.problem + ".");
    return;
  }

  var fragment = api.format(read);
  if (exit) exit.href = exit.href.split("#")[0] + "#" + fragment;
  var heading = document.querySelector("h1");
  var title = read.title || "A composed session";
  if (heading) {
    var first = heading.firstChild && heading.firstChild.nodeType === 3 ? heading.firstChild : null;
    if (first) first.data = title; else heading.insertBefore(document.createTextNode(title), heading.firstChild);
  }
  document.title = title + " - " + document.title.split(" - ").slice(-1)[0];

  var items = api.resolve(read.items, catalogue.known, api.redirects(document));
  var count = items.length;

  items.forEach(function (item, i) {
    var entry = catalogue.items[item.kind + ":" + item.id];
    var n = i + 1;
    var slide = element("section", "kb-slide");
    slide.id = "item-" + n;
    slide.setAttribute("aria-labelledby", "item-" + n + "-position");
    var position = element("h2", "kb-slide__position",
                           n + " of " + count + ": " + (entry ? entry.label : api.KINDS[item.kind].replace(/^./, function (c) { return c.toUpperCase(); })));
    position.id = "item-" + n + "-position";
    slide.appendChild(position);
    var text = element("div", "kb-slide__question");
    if (entry) {
      var words = element("p", "");
      words.innerHTML = entry.text.innerHTML;  // the site's own markup, made at build time
      text.appendChild(words);
      if (entry.more) {
        var more = element("p", "kb-slide__more");
        more.innerHTML = entry.more.innerHTML;
        text.appendChild(more);
      }
    } else {
      text.appendChild(element("p", "", api.missing(item)));
    }
    slide.appendChild(text);
    if (entry) {
      var figure = element("figure", "kb-qr kb-slide__qr");
      if (entry.qr) figure.appendChild(api.qrElement(document, entry.qr, entry.address));
      figure.appendChild(element("figcaption", "", entry.address));
      slide.appendChild(figure);
    }
    root.appendChild(slide);
  });
})();
