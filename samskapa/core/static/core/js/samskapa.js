// Samskapa's only script of its own: progressive enhancements; every page works without it.
(function () {
  "use strict";
  // Move focus to an error summary so screen-reader and keyboard users hear what went wrong.
  function focusErrors(root) {
    var summary = root.querySelector(".error-summary");
    if (summary) { summary.focus(); }
  }
  // Buttons with data-confirm ask before a destructive action.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
  document.addEventListener("DOMContentLoaded", function () { focusErrors(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrors(event.target); });
})();
