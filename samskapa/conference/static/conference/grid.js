/* Drag and drop in the organisers' programme grid: an enhancement only. Dropping a session on
   a cell fills in that session's own "Move" form (day, start, end keeping its length, room or
   track) and submits it, so the server checks for clashes exactly as without JavaScript. */
(function () {
  "use strict";

  function minutes(value) {
    var parts = value.split(":");
    return Number(parts[0]) * 60 + Number(parts[1]);
  }

  function clock(total) {
    var capped = Math.min(total, 23 * 60 + 59);
    var h = Math.floor(capped / 60);
    var m = capped % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  function moveTo(card, cell) {
    var form = card.querySelector("form.place-form");
    if (!form) return;
    var prefix = form.dataset.prefix + "-";
    var starts = form.elements[prefix + "starts"];
    var ends = form.elements[prefix + "ends"];
    var length = minutes(ends.value) - minutes(starts.value);
    form.elements[prefix + "day"].value = cell.dataset.dropDay;
    starts.value = cell.dataset.dropTime;
    ends.value = clock(minutes(cell.dataset.dropTime) + Math.max(length, 5));
    var where = form.elements[prefix + "room"] || form.elements[prefix + "track"];
    if (where) where.value = cell.dataset.dropWhere;
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  function init() {
    var cards = document.querySelectorAll(".programme-grid article.grid-session[data-session]");
    if (!cards.length) return;
    if (window.matchMedia("(hover: hover) and (pointer: fine)").matches) {
      document.querySelectorAll(".grid-drag-hint").forEach(function (hint) {
        hint.hidden = false;
      });
    }
    cards.forEach(function (card) {
      card.setAttribute("draggable", "true");
      card.classList.add("is-draggable");
      card.addEventListener("dragstart", function (event) {
        event.dataTransfer.setData("text/plain", card.id);
        event.dataTransfer.effectAllowed = "move";
        card.classList.add("is-dragging");
      });
      card.addEventListener("dragend", function () {
        card.classList.remove("is-dragging");
      });
    });
    document.querySelectorAll(".programme-grid td[data-drop-time]").forEach(function (cell) {
      cell.addEventListener("dragover", function (event) {
        event.preventDefault();
        cell.classList.add("is-drop-target");
      });
      cell.addEventListener("dragleave", function () {
        cell.classList.remove("is-drop-target");
      });
      cell.addEventListener("drop", function (event) {
        event.preventDefault();
        cell.classList.remove("is-drop-target");
        var card = document.getElementById(event.dataTransfer.getData("text/plain"));
        if (card && card.matches("article.grid-session")) moveTo(card, cell);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
