// Skip logic on the answer page, for comfort only: a question with a condition is hidden
// while the earlier question's answer does not match. The server applies the same rule on
// submit (samskapa.evaluation.surveys.shown_questions), so the page works without this file.
(function () {
  "use strict";
  var form = document.querySelector("form.survey-form");
  if (!form) return;
  var blocks = Array.prototype.slice.call(form.querySelectorAll(".survey-question"));

  function answers(name) {
    var values = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name !== name) return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      if (el.value !== "") values.push(el.value.trim());
    });
    return values;
  }

  function update() {
    var shown = {};
    blocks.forEach(function (block) {
      var name = block.getAttribute("data-name");
      var on = block.getAttribute("data-relevant-name");
      var visible = !on || (shown[on] && answers(on).indexOf(block.getAttribute("data-relevant-value")) !== -1);
      shown[name] = visible;
      block.hidden = !visible;
    });
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
})();
