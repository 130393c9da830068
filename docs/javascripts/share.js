// Copy link (and copy citation): every button.kb-copy copies its data-copy-text, or else its
// data-url, to the clipboard and says so through one polite live region. Where the clipboard
// is missing (a page that is not a secure context) or refuses, the text appears in a read-only
// field beside the button, selected, with a hint to copy it by keyboard. Without JavaScript the
// buttons stay hidden: the links themselves carry the addresses.
(function () {
  var status;

  function init() {
    var buttons = document.querySelectorAll("button.kb-copy");
    if (!buttons.length) {
      return;
    }
    status = document.createElement("div");
    status.className = "kb-visually-hidden kb-copy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(status);
    buttons.forEach(function (button) {
      button.hidden = false;
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button.kb-copy");
      if (button) {
        copy(button);
      }
    });
  }

  function copy(button) {
    var citation = button.hasAttribute("data-copy-text");
    var text = citation ? button.getAttribute("data-copy-text") : button.getAttribute("data-url");
    var what = citation ? "citation" : "link";
    var clipboard = window.isSecureContext && navigator.clipboard;
    if (!clipboard || !clipboard.writeText) {
      fallBack(button, text, what);
      return;
    }
    clipboard.writeText(text).then(function () {
      done(button, what);
    }, function () {
      fallBack(button, text, what);
    });
  }

  function done(button, what) {
    var field = fieldAfter(button);
    if (field) {
      field.remove();
    }
    var message = what === "citation" ? "Citation copied" : "Link copied";
    announce(message);
    // Seen as well as heard; hidden from screen readers, which hear the live region.
    var note = button.nextElementSibling;
    if (!note || !note.classList.contains("kb-copy__done")) {
      note = document.createElement("span");
      note.className = "kb-copy__done";
      note.setAttribute("aria-hidden", "true");
      button.insertAdjacentElement("afterend", note);
    }
    note.textContent = message;
    clearTimeout(note.kbTimer);
    note.kbTimer = setTimeout(function () { note.remove(); }, 4000);
  }

  function fallBack(button, text, what) {
    var field = fieldAfter(button);
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "kb-copy__field";
      field.setAttribute("aria-label", what === "citation" ? "Citation to copy" : "Link to copy");
      button.insertAdjacentElement("afterend", field);
    }
    field.value = text;
    field.focus();
    field.select();
    var keys = /Mac|iPhone|iPad/.test(navigator.platform || "") ? "Command+C" : "Ctrl+C";
    announce("Press " + keys + " to copy the " + what);
  }

  function fieldAfter(button) {
    var next = button.nextElementSibling;
    return next && next.classList.contains("kb-copy__field") ? next : null;
  }

  // Emptied first, then filled: the same message twice in a row is announced twice.
  function announce(message) {
    status.textContent = "";
    setTimeout(function () { status.textContent = message; }, 50);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
