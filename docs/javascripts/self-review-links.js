/* On a question's page: its "Add to my self-review" link says
 * "You have notes on this question" when this browser holds the reader's notes on it.
 * It only reads localStorage; nothing is sent anywhere. Kept apart from self-review-store.js
 * so that these pages stay light: tests/js checks that both read stored answers alike.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.KBSelfReviewLinks = api;
    var storage = null;
    try { storage = root.localStorage; } catch (error) { /* storage refused: nothing to mark */ }
    api.mark(root.document, storage);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var KEY = "kb-self-review";
  var FIELDS = ["status", "notes", "nextStep", "owner", "due", "next_step"];

  /** The ids of answered questions in the stored text (any format; none if unreadable). */
  function notedIds(raw) {
    var doc;
    try { doc = JSON.parse(raw); } catch (error) { return []; }
    if (!doc || typeof doc !== "object") return [];
    var answers = "format" in doc ? doc.answers : doc;  // format 0 had no "format" key
    if (!answers || typeof answers !== "object") return [];
    return Object.keys(answers).filter(function (id) {
      var answer = answers[id];
      return id !== "format" && answer && typeof answer === "object" && FIELDS.some(function (key) {
        return typeof answer[key] === "string" && answer[key].trim() !== "";
      });
    });
  }

  function mark(document, storage) {
    var raw = null;
    try { raw = storage && storage.getItem(KEY); } catch (error) { return; }
    if (!raw || !document) return;
    var noted = notedIds(raw);
    document.querySelectorAll("a.kb-sr-link").forEach(function (link) {
      if (noted.indexOf(decodeURIComponent(link.hash.slice(1))) !== -1) {
        link.textContent = "You have notes on this question: open them in your self-review";
      }
    });
  }

  return { KEY: KEY, notedIds: notedIds, mark: mark };
});
