// Material opens the phone navigation and search with <label> elements, which a keyboard
// cannot reach. Make them buttons: focusable and named. Material itself clicks a focused
// label on Enter; a button also answers Space, so add that.
(function () {
  var names = { __drawer: "Open the navigation", __search: "Open search" };
  Object.keys(names).forEach(function (id) {
    document.querySelectorAll('label.md-header__button[for="' + id + '"]').forEach(function (label) {
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      label.setAttribute("aria-label", names[id]);
      label.addEventListener("keydown", function (event) {
        if (event.key === " ") {
          event.preventDefault();
          label.click();
        }
      });
    });
  });
})();
