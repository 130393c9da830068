// Search costs nothing until the reader goes to search. As Material's bundle starts, it
// creates its search worker and asks for the search index at once (its search highlighting
// wants the index on every page), and it has no setting to wait. So this script, which runs
// just before the bundle (overrides/main.html), catches those two calls and no others: it
// hands the bundle a stand-in worker and holds the index (online a request, offline a script
// element) until the reader focuses the search box, presses a search key (/ s f) or the
// search button. Each hook gives the browser's own function back as soon as it has caught its
// call, and every hook is gone once the page has loaded (the bundle has started by then);
// a hook passes every other call straight on (tests/browser/test_search.py holds both).
(function () {
  var wanted = false, waiting = [];
  function go() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }
  function whenWanted(start) { wanted ? start() : waiting.push(start); }
  window.kbSearchLoaded = function () { return wanted; };
  // A page opened from a search result (?h=...) marks the words searched for: that needs the index.
  if (/[?&]h=/.test(location.search)) wanted = true;

  var RealWorker = window.Worker, xhr = XMLHttpRequest.prototype, open = xhr.open,
      send = xhr.send, node = Node.prototype, append = node.appendChild;
  function giveBack() {
    window.Worker = RealWorker;
    xhr.open = open;
    node.appendChild = append;
  }

  // The index, online: only Material's request for search/search_index.json is held.
  xhr.open = function kbHeldOpen(method, url) {
    if (/search\/search_index\.json(\?|$)/.test(String(url))) {
      xhr.open = open;
      this.send = function kbHeldSend() {
        var request = this, args = arguments;
        delete request.send;
        whenWanted(function () { send.apply(request, args); });
      };
    }
    return open.apply(this, arguments);
  };

  // The index, offline: Material adds search/search_index.js to the page as a script.
  node.appendChild = function kbHeldAppendChild(child) {
    if (!(child instanceof HTMLScriptElement && /search\/search_index\.js$/.test(child.src))) {
      return append.apply(this, arguments);
    }
    node.appendChild = append;
    var parent = this;
    whenWanted(function () { append.call(parent, child); });
    return child;
  };

  // The worker: a stand-in that queues Material's messages until the real one starts.
  window.Worker = function kbHeldWorker(url, options) {
    if (!/workers\/search\./.test(String(url))) return new RealWorker(url, options);
    window.Worker = RealWorker;
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
  window.addEventListener("load", giveBack);

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
