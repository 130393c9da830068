// The presenter view (templates/present.md.j2): one question at a time, in large type.
// Without this script every question is listed one after another and the page still works.
// Forward: ArrowRight, ArrowDown, Space, PageDown, Next, a swipe to the left.
// Back: ArrowLeft, ArrowUp, Shift+Space, PageUp, Previous, a swipe to the right.
// Home and End: the first and the last question. Escape: back to the focus area's page.
// The address ends in #question-N, so that a reload or a shared link lands on that question.
// Where the view has data-kb-present-keep (a composed session, whose items are in the address),
// the address keeps what it holds and the slide's id follows it: #<session>&item-N.
(function () {
  "use strict";

  var root = document.querySelector("[data-kb-present]");
  var slides = root ? Array.prototype.slice.call(root.querySelectorAll(".kb-slide")) : [];
  var controls = document.querySelector(".kb-present__controls");
  var position = document.querySelector(".kb-present__position");
  var previous = document.querySelector(".kb-present__previous");
  var next = document.querySelector(".kb-present__next");
  var exit = document.querySelector(".kb-present__exit");
  var help = document.querySelector(".kb-present__help");
  if (!slides.length || !controls || !position || !previous || !next || !exit) {
    return; // not a presenter view as the template makes it: leave the page as it is
  }

  var SWIPE = 50; // CSS pixels a finger must travel sideways to count as a swipe
  var last = slides.length - 1;
  var current = -1;
  var keep = root.hasAttribute("data-kb-present-keep");

  /** The address's fragment as {kept: what the page holds there, slide: the index it names}. */
  function address() {
    var hash = window.location.hash.slice(1);
    var at = keep ? hash.lastIndexOf("&") : -1;
    var named = at === -1 ? hash : hash.slice(at + 1);
    var slide = null;
    slides.forEach(function (s, i) {
      if (s.id === named) slide = i;
    });
    return { kept: keep ? (slide === null ? hash : hash.slice(0, Math.max(at, 0))) : "", slide: slide };
  }

  function fromHash() {
    return address().slide;
  }

  function show(index, direction, keepAddress) {
    index = Math.max(0, Math.min(last, index));
    if (index === current) {
      return;
    }
    root.setAttribute("data-direction", direction || "none");
    slides.forEach(function (slide, i) {
      slide.hidden = i !== index;
    });
    current = index;
    position.textContent = (index + 1) + " of " + slides.length;
    previous.setAttribute("aria-disabled", String(index === 0));
    next.setAttribute("aria-disabled", String(index === last));
    fit();
    var kept = address().kept;
    var hash = "#" + (kept ? kept + "&" : "") + slides[index].id;
    if (!keepAddress && window.location.hash !== hash) {
      // Replaced, not pushed: Back leaves the presenter view rather than stepping through it.
      window.history.replaceState(null, "", hash);
    }
  }

  // Where the question stands beside its QR code (present.css, wider than 45em), the whole view
  // fits on one screen: a question too long for it at the stylesheet's size gets smaller text,
  // as large as still fits. Narrower, or where even small text would not fit (a window too low
  // for the controls and the QR code), the view scrolls and the text keeps its size.
  var SIDE_BY_SIDE = window.matchMedia("(min-width: 45em)");
  var SMALLEST = 14; // CSS pixels: smaller than this, the view scrolls instead

  function overflows() {
    var page = document.documentElement;
    return page.scrollHeight > window.innerHeight || page.scrollWidth > window.innerWidth;
  }

  function fit() {
    var question = slides[current] && slides[current].querySelector(".kb-slide__question");
    if (!question) {
      return;
    }
    question.style.fontSize = "";
    if (!SIDE_BY_SIDE.matches || !overflows()) {
      return;
    }
    var high = parseFloat(window.getComputedStyle(question).fontSize);
    question.style.fontSize = SMALLEST + "px";
    if (overflows()) {
      question.style.fontSize = ""; // the question is not what makes it too tall: it scrolls
      return;
    }
    var low = SMALLEST;
    while (high - low > 0.5) {
      var size = (low + high) / 2;
      question.style.fontSize = size + "px";
      if (overflows()) {
        high = size;
      } else {
        low = size;
      }
    }
    question.style.fontSize = low + "px";
  }

  var fitting = 0;
  window.addEventListener("resize", function () {
    window.cancelAnimationFrame(fitting);
    fitting = window.requestAnimationFrame(fit);
  });

  function move(step) {
    show(current + step, step > 0 ? "forward" : "back");
  }

  function leave() {
    window.location.assign(exit.href);
  }

  function onControl(target) {
    return target && target.closest && target.closest("a, button, input, select, textarea, summary, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
      case "PageDown":
        move(1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
      case "PageUp":
        move(-1);
        break;
      case " ":
      case "Spacebar":
        if (onControl(event.target)) {
          return; // Space presses the focused button or follows the focused link
        }
        move(event.shiftKey ? -1 : 1);
        break;
      case "Home":
        show(0, "back");
        break;
      case "End":
        show(last, "forward");
        break;
      case "Escape":
        leave();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  previous.addEventListener("click", function () {
    move(-1);
  });
  next.addEventListener("click", function () {
    move(1);
  });

  // A horizontal swipe by finger or pen (a mouse drag stays free to select text).
  var start = null;
  root.addEventListener("pointerdown", function (event) {
    start = event.pointerType === "mouse" ? null : { id: event.pointerId, x: event.clientX, y: event.clientY };
  });
  root.addEventListener("pointerup", function (event) {
    if (!start || start.id !== event.pointerId) {
      return;
    }
    var dx = event.clientX - start.x;
    var dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      move(dx < 0 ? 1 : -1);
    }
  });
  root.addEventListener("pointercancel", function () {
    start = null;
  });

  window.addEventListener("hashchange", function () {
    var index = fromHash();
    if (index !== null) {
      show(index, index > current ? "forward" : "back");
    }
  });

  var landing = fromHash();
  // overrides/present.html set kb-presenting already (before the first paint); "on" tells it
  // and present.css that this script has taken over.
  document.documentElement.classList.add("kb-presenting");
  root.setAttribute("data-kb-present", "on");
  controls.hidden = false;
  if (help) {
    help.hidden = false;
  }
  // The address the reader opened stays as it is until they move (present.css keeps the
  // browser from scrolling the view away from its top when it follows a #question-N).
  show(landing === null ? 0 : landing, "none", true);
})();
