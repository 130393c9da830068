/* A session a trainer composes, held in its link: what the link says, read back; which items
 * it names as the site has them now (renamed ones followed, retired ones said); and the QR
 * code of a question, drawn from the modules the build read from it (kb/qrcodes.py: modules).
 * Plain functions, no page: window.KBSession in the browser, require() under node
 * (tests/js/session-link.test.js).
 *
 * The link's fragment (never sent to a server), in this order:
 *   session=1&title=<title, percent-encoded>&items=q:<id>,e:<id>,b:<id>&count=<number of items>
 * q a question, e a practice example, b a behaviour. "count" comes last, so that a link cut
 * short (by a line break in an email, or a chat that stops at punctuation) is told from a
 * whole one; it ends in a digit, which chats keep as part of the link. A presenter view may add
 * "&item-<n>", where the audience is.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KBSession = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var VERSION = 1;
  var KINDS = { q: "question", e: "practice example", b: "behaviour" };
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var MOST_ITEMS = 200;
  var LONGEST_TITLE = 200;
  var POSITION = /^item-(\d+)$/;

  /** Percent-encoded so that nothing in it is read as punctuation that ends a link. */
  function encode(text) {
    return encodeURIComponent(text).replace(/[!'()*~]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  /** The fragment for {title, items: [{kind, id}]}, without "#". */
  function format(session) {
    var items = session.items.map(function (item) { return item.kind + ":" + item.id; });
    return "session=" + VERSION + "&title=" + encode(session.title || "") + "&items=" + items.join(",") +
      "&count=" + items.length;
  }

  var DAMAGED = "it is damaged: part of it is missing or was changed, perhaps when it was copied. " +
    "Ask whoever sent it for the link again";

  /**
   * A fragment (with or without "#") read back: {title, items, position} or {problem}, where
   * problem says why, for a sentence that begins "This link ...". An empty fragment, or one
   * that is not a session's, is {empty: true}.
   */
  function parse(fragment) {
    var text = String(fragment || "").replace(/^#/, "");
    if (!/^session=/.test(text)) return { empty: true };
    var parts = text.split("&");
    var position = null;
    var last = parts[parts.length - 1];
    if (POSITION.test(last)) {
      position = parseInt(POSITION.exec(last)[1], 10);
      parts.pop();
    }
    var values = {};
    var keys = [];
    for (var i = 0; i < parts.length; i++) {
      var at = parts[i].indexOf("=");
      if (at < 1) return { problem: DAMAGED };
      var key = parts[i].slice(0, at);
      if (Object.prototype.hasOwnProperty.call(values, key)) return { problem: DAMAGED };
      values[key] = parts[i].slice(at + 1);
      keys.push(key);
    }
    if (!/^\d+$/.test(values.session)) return { problem: DAMAGED };
    if (parseInt(values.session, 10) > VERSION) {
      return { problem: "was made by a newer version of this site, which this copy cannot read" };
    }
    if (keys[keys.length - 1] !== "count" || !/^\d+$/.test(values.count) || values.items === undefined) {
      return { problem: DAMAGED };
    }
    var title;
    try {
      title = decodeURIComponent(values.title || "");
    } catch (error) {
      return { problem: DAMAGED };
    }
    var items = values.items ? values.items.split(",") : [];
    if (items.length !== parseInt(values.count, 10)) return { problem: DAMAGED };
    if (!items.length) return { problem: "holds no questions, practice examples or behaviours" };
    if (items.length > MOST_ITEMS || title.length > LONGEST_TITLE) return { problem: DAMAGED };
    var read = [];
    for (var j = 0; j < items.length; j++) {
      var pair = items[j].split(":");
      if (pair.length !== 2 || !Object.prototype.hasOwnProperty.call(KINDS, pair[0]) || !ID.test(pair[1])) {
        return { problem: DAMAGED };
      }
      read.push({ kind: pair[0], id: pair[1] });
    }
    return { title: title, items: read, position: position };
  }

  /**
   * The items as the site has them now. known: {q: {id: true}, e: ..., b: ...}; redirects:
   * {q: {renamed: {old: new}, retired: [old]}, ...}. Each item: {kind, id, was, state}, state
   * "ok", "renamed" (id is the new one, was the link's), "retired" or "unknown".
   */
  function resolve(items, known, redirects) {
    return items.map(function (item) {
      var ids = known[item.kind] || {};
      var moves = (redirects && redirects[item.kind]) || {};
      var renamed = moves.renamed || {};
      if (ids[item.id]) return { kind: item.kind, id: item.id, was: item.id, state: "ok" };
      if (Object.prototype.hasOwnProperty.call(renamed, item.id) && ids[renamed[item.id]]) {
        return { kind: item.kind, id: renamed[item.id], was: item.id, state: "renamed" };
      }
      var retired = (moves.retired || []).indexOf(item.id) !== -1;
      return { kind: item.kind, id: item.id, was: item.id, state: retired ? "retired" : "unknown" };
    });
  }

  /** A QR code's modules ("<size> <base64>", rows of dark modules packed eight to a byte) as
   *  an SVG path of one-module-high runs, with a quiet zone of `border` modules: {size, path}. */
  function qrPath(modules, border) {
    var parts = String(modules).split(" ");
    var size = parseInt(parts[0], 10);
    var bytes = atobBytes(parts[1] || "");
    var path = [];
    for (var y = 0; y < size; y++) {
      var x = 0;
      while (x < size) {
        if (!dark(bytes, y * size + x)) { x++; continue; }
        var start = x;
        while (x < size && dark(bytes, y * size + x)) x++;
        path.push("M" + (start + border) + " " + (y + border) + "h" + (x - start) + "v1h-" + (x - start) + "z");
      }
    }
    return { size: size + 2 * border, path: path.join("") };
  }

  function dark(bytes, index) {
    return (bytes[index >> 3] >> (7 - (index & 7))) & 1;
  }

  function atobBytes(text) {
    var binary = typeof atob === "function" ? atob(text) : Buffer.from(text, "base64").toString("binary");
    var bytes = new Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // --- on a page ---------------------------------------------------------------------------

  /** Every item the page lists ([data-kb-ss-item], templates/_session.md.j2), by "kind:id":
   *  {kind, id, label, address, qr, href, text (element), more (element or null)}; and which
   *  ids each kind has. */
  function catalogue(document) {
    var items = {};
    var known = { q: {}, e: {}, b: {} };
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-ss-item]"), function (element) {
      var pair = element.getAttribute("data-kb-ss-item").split(":");
      var link = element.querySelector("a");
      items[pair[0] + ":" + pair[1]] = {
        kind: pair[0], id: pair[1], element: element, label: element.getAttribute("data-kind"),
        address: element.getAttribute("data-address"), qr: element.getAttribute("data-qr"),
        href: link ? link.href : "", text: element.querySelector(".kb-ss-option__text"),
        more: element.querySelector(".kb-ss-option__more")
      };
      known[pair[0]][pair[1]] = true;
    });
    return { items: items, known: known };
  }

  /** The renames and retirements the page gives (#kb-ss--redirects), or none. */
  function redirects(document) {
    try {
      return JSON.parse(document.getElementById("kb-ss--redirects").getAttribute("data-json"));
    } catch (error) {
      return {};
    }
  }

  /** A question's QR code as an SVG element, named for screen readers by its address. */
  function qrElement(document, modules, address) {
    var NS = "http://www.w3.org/2000/svg";
    var drawn = qrPath(modules, 2);
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR code for " + address);
    svg.setAttribute("viewBox", "0 0 " + drawn.size + " " + drawn.size);
    svg.setAttribute("class", "kb-qr__code");
    svg.setAttribute("shape-rendering", "crispEdges");
    var light = document.createElementNS(NS, "path");
    light.setAttribute("fill", "#fff");
    light.setAttribute("d", "M0 0h" + drawn.size + "v" + drawn.size + "h-" + drawn.size + "z");
    var dark = document.createElementNS(NS, "path");
    dark.setAttribute("fill", "#000");
    dark.setAttribute("d", drawn.path);
    svg.appendChild(light);
    svg.appendChild(dark);
    return svg;
  }

  /** What a link's item has become, in a sentence for the reader. */
  function missing(item, entry) {
    var kind = KINDS[item.kind];
    return item.state === "retired"
      ? "This " + kind + " has been retired: the site no longer has it (the link names " + kind + " “" + item.was + "”)."
      : "The site has no " + kind + " “" + item.was + "”: it may have been removed, or the link was changed.";
  }

  return { VERSION: VERSION, KINDS: KINDS, format: format, parse: parse, resolve: resolve, qrPath: qrPath, encode: encode,
           catalogue: catalogue, redirects: redirects, qrElement: qrElement, missing: missing };
});
