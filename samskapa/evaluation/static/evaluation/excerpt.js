// Selecting a passage of the source with the mouse (or the keyboard) fills the passage field
// and its position; without JavaScript the passage is copied into the field by hand.
(function () {
  "use strict";
  var source = document.getElementById("source-text");
  var passage = document.getElementById("id_passage");
  var start = document.getElementById("id_start");
  if (!source || !passage || !start) return;

  function take() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return;
    var before = document.createRange();
    before.setStart(source, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var text = range.toString();
    var leading = text.length - text.replace(/^\s+/, "").length;
    passage.value = text.trim();
    start.value = String(before.toString().length + leading);
  }

  source.addEventListener("mouseup", take);
  source.addEventListener("keyup", take);
})();
