// Search costs nothing until the reader goes to search. Material starts its search worker
// and fetches the index on every page load; this script, which runs before Material's
// bundle, hands it a stand-in worker and holds the index request until the reader focuses
// the search box, presses one of its keys (/ s f), or presses the search button. Then both
// load, and the query typed meanwhile is answered as soon as they are ready.
(function () {
  var RealWorker = window.Worker, wanted = false, waiting = [];
  function go() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }
  function whenWanted(start) { wanted ? start() : waiting.push(start); }
  window.kbSearchLoaded = function () { return wanted; };
  // Online the index comes by XMLHttpRequest; in the offline copy, as a script element.
  var INDEX = /search\/search_index\.js(on)?(\?|$)/, open = XMLHttpRequest.prototype.open,
      send = XMLHttpRequest.prototype.send, append = Node.prototype.appendChild;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.kbIndex) return send.apply(xhr, args);
    whenWanted(function () { send.apply(xhr, args); });
  };
  Node.prototype.appendChild = function (child) {
    if (!(child instanceof HTMLScriptElement && INDEX.test(child.src || ""))) return append.apply(this, arguments);
    var parent = this;
    whenWanted(function () { append.call(parent, child); });
    return child;
  };
  window.Worker = function (url, options) {
    if (!/workers\/search\./.test(String(url))) return new RealWorker(url, options);
    var proxy = new EventTarget(), queue = [], real = null;
    proxy.postMessage = function (message) { real ? real.postMessage(message) : queue.push(message); };
    proxy.terminate = function () { if (real) real.terminate(); };
    whenWanted(function () {
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        var copy = new MessageEvent("message", { data: event.data });
        proxy.dispatchEvent(copy);
        if (typeof proxy.onmessage === "function") proxy.onmessage(copy);
      });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    });
    return proxy;
  };
  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("md-search__input")) go();
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[/sf]$/.test(event.key)) go();
  }, true);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-kb-toggle=__search], label[for=__search]")) go();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) go();
  }, true);
})();
