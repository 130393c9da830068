// The header's menu and search buttons (overrides/partials/header.html) toggle Material's
// checkboxes, as its <label>s did, and say whether what they open is open.
(function () {
  document.querySelectorAll("button[data-kb-toggle]").forEach(function (button) {
    var toggle = document.getElementById(button.getAttribute("data-kb-toggle"));
    if (!toggle) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      toggle.click();  // Material listens to the checkbox's change, which a click fires
      var input = document.querySelector(".md-search__input");
      if (toggle.id === "__search" && toggle.checked && input) input.focus();
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
  });
})();
