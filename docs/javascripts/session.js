// The session page (templates/session.md.j2). With a session in its address it shows the session
// as a list for participants, which prints as a handout (session.css: a QR code per question);
// "Change this session", or an address without one, opens the composer, which keeps the address
// in step with every change, so the page's own link is the session's. An example session's
// anchor (#kb-ss--example--...) opens that example. Nothing is sent or stored: there is no request
// and no storage in this file.
(function () {
  "use strict";
  var api = window.KBSession;
  var tools = window.KBTools;
  var app = document.getElementById("kb-ss--app");
  if (!api || !tools || !app) return;

  var $ = tools.$, $$ = tools.$$, element = tools.element;

  var catalogue = api.catalogue(document);
  var moves = api.redirects(document);
  var permanent = app.dataset.permanent;
  var view = $("#kb-ss--view");
  var composer = $("#kb-ss--composer");
  var examples = $("#kb-ss--examples");
  var heading = $("h1");
  var headingText = heading && heading.firstChild && heading.firstChild.nodeType === 3 ? heading.firstChild : null;
  var composeTitle = headingText ? headingText.data : "";
  var titleField = $("#kb-ss--title");
  var intro = $(".kb-ss-intro");  // how to compose: not for participants opening a session

  var session = { title: "", items: [] };  // items: {kind, id}, as the site has them now

  var say = tools.status($("#kb-ss--status"));

  function problem(text) {
    $("#kb-ss--problem").hidden = !text;
    $("#kb-ss--problem-text").textContent = text || "";
  }

  function entryOf(item) {
    return catalogue.items[item.kind + ":" + item.id];
  }

  // --- the address ------------------------------------------------------------------------------

  function fragment() {
    return session.items.length ? api.format(session) : "";
  }

  /** The address bar, the link field, the copy buttons and the Present links follow the session. */
  function follow() {
    var hash = fragment();
    var here = window.location.href.split("#")[0];
    if (window.location.hash.slice(1) !== hash) window.history.replaceState(null, "", hash ? "#" + hash : here);
    $("#kb-ss--link").value = hash ? permanent + "#" + hash : "";
    $("#kb-ss--link-box").hidden = !hash;
    $$(".kb-ss-copy").forEach(function (button) { button.setAttribute("data-url", hash ? permanent + "#" + hash : permanent); });
    $$("a.kb-ss-present").forEach(function (link) { link.href = link.href.split("#")[0] + (hash ? "#" + hash : ""); });
  }

  // --- the list for participants (and the handout) ----------------------------------------------

  function setHeading(text) {
    if (headingText) headingText.data = text;
  }

  function drawList(items) {
    var list = $("#kb-ss--list");
    var fragmentNode = document.createDocumentFragment();
    var gone = 0;
    items.forEach(function (item) {
      var entry = entryOf(item);
      var row = element("li", "kb-ss-item");
      if (!entry) {
        gone += 1;
        row.classList.add("kb-ss-item--missing");
        row.appendChild(element("p", "kb-ss-item__kind", "No longer on the site"));
        row.appendChild(element("p", "kb-ss-item__text", api.missing(item)));
        fragmentNode.appendChild(row);
        return;
      }
      row.appendChild(element("p", "kb-ss-item__kind", entry.label));
      var text = element("p", "kb-ss-item__text");
      text.innerHTML = entry.text.innerHTML;  // the site's own markup, made at build time
      row.appendChild(text);
      if (entry.more) {
        var more = element("p", "kb-ss-item__more");
        more.innerHTML = entry.more.innerHTML;
        row.appendChild(more);
      }
      var link = element("a", "kb-ss-item__page", "Open its page");
      link.href = entry.href;
      link.appendChild(element("span", "kb-visually-hidden", ": " + entry.label.toLowerCase() + ", " + entry.text.textContent));
      var paragraph = element("p", "kb-ss-item__open");
      paragraph.appendChild(link);
      row.appendChild(paragraph);
      // On paper: the page's address, with a QR code to it for a question, and room to write.
      var figure = element("figure", "kb-qr kb-ss-item__qr");
      if (entry.qr) figure.appendChild(api.qrElement(document, entry.qr, entry.address));
      figure.appendChild(element("figcaption", "", entry.address));
      row.appendChild(figure);
      if (item.kind === "q") {
        var write = element("div", "kb-write");
        write.setAttribute("aria-hidden", "true");
        row.appendChild(write);
      }
      fragmentNode.appendChild(row);
    });
    list.textContent = "";
    list.appendChild(fragmentNode);
    var count = items.length;
    $("#kb-ss--view-about").textContent = count + (count === 1 ? " item" : " items") +
      ", in the order of the session." + (gone ? " " + gone + (gone === 1 ? " is" : " are") + " no longer on the site." : "");
    return gone;
  }

  function showView(read, focus) {
    var resolved = api.resolve(read.items, catalogue.known, moves);
    session = {
      title: read.title,
      items: resolved.filter(function (item) { return item.state === "ok" || item.state === "renamed"; })
        .map(function (item) { return { kind: item.kind, id: item.id }; })
    };
    var gone = drawList(resolved);
    setHeading(read.title || "A composed session");
    view.hidden = false;
    composer.hidden = true;
    examples.hidden = true;
    if (intro) intro.hidden = true;
    problem(gone ? (gone === 1 ? "One item of this session is" : gone + " items of this session are") +
            " no longer on the site: " + (gone === 1 ? "it is" : "they are") + " marked in the list below." : "");
    // The address as the site has it now (renamed items under their new ids); missing items stay
    // in it, so that the link still says what the session held.
    var renamed = resolved.some(function (item) { return item.state === "renamed"; });
    if (renamed && !gone) window.history.replaceState(null, "", "#" + api.format(session));
    $$("a.kb-ss-present").forEach(function (link) { link.href = link.href.split("#")[0] + window.location.hash; });
    $$(".kb-ss-copy").forEach(function (button) { button.setAttribute("data-url", permanent + window.location.hash); });
    if (focus) $("#kb-ss--view-heading").focus();
  }

  // --- the composer ------------------------------------------------------------------------------

  var chosen = $("#kb-ss--chosen");

  function button(text, action, index, name) {
    var b = element("button", "kb-sr-button kb-ss-move", text);
    b.type = "button";
    b.dataset.kbSsMove = action;
    b.dataset.index = String(index);
    b.appendChild(element("span", "kb-visually-hidden", ": " + name));
    return b;
  }

  function drawChosen() {
    var nodes = document.createDocumentFragment();
    session.items.forEach(function (item, i) {
      var entry = entryOf(item);
      var row = element("li", "kb-ss-chosen__item");
      var text = element("span", "kb-ss-chosen__text");
      text.appendChild(element("strong", "", entry.label + ": "));
      text.appendChild(document.createTextNode(entry.text.textContent));
      row.appendChild(text);
      var name = entry.text.textContent;
      var tools = element("span", "kb-ss-chosen__tools");
      if (i > 0) tools.appendChild(button("Up", "up", i, name));
      if (i < session.items.length - 1) tools.appendChild(button("Down", "down", i, name));
      tools.appendChild(button("Remove", "remove", i, name));
      row.appendChild(tools);
      nodes.appendChild(row);
    });
    chosen.textContent = "";
    chosen.appendChild(nodes);
    $("#kb-ss--empty").hidden = session.items.length > 0;
    var picked = {};
    session.items.forEach(function (item) { picked[item.kind + ":" + item.id] = true; });
    $$(".kb-ss-pick").forEach(function (box) {
      box.checked = !!picked[box.closest("[data-kb-ss-item]").getAttribute("data-kb-ss-item")];
    });
  }

  function changed(message) {
    drawChosen();
    drawList(session.items);
    follow();
    if (message) say(message);
  }

  function showComposer(focus) {
    setHeading(composeTitle);
    titleField.value = session.title;
    view.hidden = true;
    composer.hidden = false;
    examples.hidden = false;
    if (intro) intro.hidden = false;
    problem("");
    changed();
    if (focus) $("#kb-ss--composer-heading").focus();
  }

  composer.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("kb-ss-pick")) return;
    var pair = box.closest("[data-kb-ss-item]").getAttribute("data-kb-ss-item").split(":");
    var name = entryOf({ kind: pair[0], id: pair[1] }).label;
    if (box.checked) {
      session.items.push({ kind: pair[0], id: pair[1] });
      changed("Added to the session, as item " + session.items.length + ": " + name + ".");
    } else {
      session.items = session.items.filter(function (item) { return item.kind !== pair[0] || item.id !== pair[1]; });
      changed("Taken out of the session: " + name + ".");
    }
  });

  titleField.addEventListener("input", function () {
    session.title = titleField.value;
    follow();
  });

  chosen.addEventListener("click", function (event) {
    var b = event.target.closest && event.target.closest("[data-kb-ss-move]");
    if (!b) return;
    var i = parseInt(b.dataset.index, 10);
    var action = b.dataset.kbSsMove;
    var items = session.items;
    var moved = items[i];
    var to = action === "up" ? i - 1 : action === "down" ? i + 1 : i;
    items.splice(i, 1);
    if (action !== "remove") items.splice(to, 0, moved);
    var name = entryOf(moved).label;
    changed(action === "remove" ? "Taken out of the session: " + name + "."
                                : name + " moved " + action + ", to item " + (to + 1) + " of " + items.length + ".");
    // Focus stays with the item: on the same button where it has one, else the row's next button.
    var rows = $$(".kb-ss-chosen__item", chosen);
    var row = rows[Math.min(action === "remove" ? i : to, rows.length - 1)];
    var again = row && (row.querySelector("[data-kb-ss-move=" + action + "]") || row.querySelector("[data-kb-ss-move]"));
    (again || titleField).focus();
  });

  // --- loading, and the buttons ------------------------------------------------------------------

  function load(focus) {
    var hash = window.location.hash.slice(1);
    var example = hash && document.getElementById(decodeURIComponent(hash));
    if (example && example.hasAttribute("data-kb-ss-session")) {
      window.history.replaceState(null, "", "#" + example.getAttribute("data-kb-ss-session"));
    }
    var read = api.parse(window.location.hash);
    if (read.empty) {
      session = { title: "", items: [] };
      showComposer(focus);
      return;
    }
    if (read.problem) {
      session = { title: "", items: [] };
      window.history.replaceState(null, "", window.location.href.split("#")[0]);
      showComposer(false);
      problem("This session cannot be opened: its link " + read.problem + ". You can compose a session below.");
      return;
    }
    showView(read, focus);
  }

  var actions = {
    print: function () { window.print(); },
    edit: function () {
      showComposer(true);
    },
    view: function () {
      showView(api.parse(window.location.hash), true);
    }
  };

  document.addEventListener("click", function (event) {
    var b = event.target.closest && event.target.closest("[data-kb-ss-action]");
    if (b && actions[b.dataset.kbSsAction]) actions[b.dataset.kbSsAction]();
  });

  window.addEventListener("hashchange", function () { load(true); });

  $$("[data-kb-ss-reveal]").forEach(function (e) { e.hidden = false; });
  load(false);
})();
