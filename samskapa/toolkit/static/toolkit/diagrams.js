// The arrows of the toolkit's diagrams (problem tree, objective tree, theory of change).
// The boxes are HTML laid out by core/css/diagrams.css; this draws an SVG behind them with an
// arrow from the edge of each box to the edge of every box it leads to (`data-to`: ids), and
// draws it again whenever the layout changes (resizing, a <details> opened, an htmx swap).
// The SVG holds no text. Without this script each box names the numbers it leads to.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var INK = "#4a5560";

  function make(name, attrs) {
    var element = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (key) { element.setAttribute(key, attrs[key]); });
    return element;
  }

  // From which edge to which edge. A tree (`.ptree`) prefers up and down, the theory of
  // change in columns sideways; either goes the other way when the boxes overlap on the
  // preferred axis. Returns [x1, y1, x2, y2, sideways].
  function route(a, b, sidewaysFirst) {
    var ay = a.top + a.height / 2, by = b.top + b.height / 2;
    var ax = a.left + a.width / 2, bx = b.left + b.width / 2;
    var right = b.left - a.right, left = a.left - b.right;
    var up = a.top - b.bottom, down = b.top - a.bottom;
    var sideways = Math.max(right, left) > 0 && (sidewaysFirst || Math.max(up, down) <= 0);
    if (sideways) {
      return right > 0 ? [a.right, ay, b.left, by, true] : [a.left, ay, b.right, by, true];
    }
    return up > 0 || by < ay ? [ax, a.top, bx, b.bottom, false] : [ax, a.bottom, bx, b.top, false];
  }

  function draw(diagram) {
    var old = diagram.querySelector(":scope > .dconnectors");
    if (old) { old.remove(); }
    var frame = diagram.getBoundingClientRect();
    if (!frame.width || !frame.height) { return; }  // not shown (a closed <details>)
    var left = frame.left + diagram.clientLeft, top = frame.top + diagram.clientTop;
    var svg = make("svg", {
      "class": "dconnectors", "aria-hidden": "true", focusable: "false",
      width: diagram.clientWidth, height: diagram.clientHeight
    });
    var marker = make("marker", {
      id: diagram.id + "-arrow", viewBox: "0 0 10 10", refX: "9", refY: "5",
      markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse"
    });
    marker.appendChild(make("path", { d: "M0,0 L10,5 L0,10 z", fill: INK }));
    var defs = make("defs", {});
    defs.appendChild(marker);
    svg.appendChild(defs);
    var sidewaysFirst = getComputedStyle(diagram).display === "grid";  // columns side by side
    diagram.querySelectorAll("[data-to]").forEach(function (node) {
      var a = node.getBoundingClientRect();
      node.getAttribute("data-to").split(" ").forEach(function (id) {
        var target = document.getElementById(id);
        if (!target || !diagram.contains(target)) { return; }
        var p = route(a, target.getBoundingClientRect(), sidewaysFirst);
        var x1 = p[0] - left, y1 = p[1] - top, x2 = p[2] - left, y2 = p[3] - top;
        var d = p[4]
          ? "M" + x1 + "," + y1 + " C" + (x1 + x2) / 2 + "," + y1 + " " + (x1 + x2) / 2 + "," + y2 + " " + x2 + "," + y2
          : "M" + x1 + "," + y1 + " C" + x1 + "," + (y1 + y2) / 2 + " " + x2 + "," + (y1 + y2) / 2 + " " + x2 + "," + y2;
        svg.appendChild(make("path", {
          d: d, fill: "none", stroke: INK, "stroke-width": "1.5",
          "marker-end": "url(#" + diagram.id + "-arrow)"
        }));
      });
    });
    diagram.insertBefore(svg, diagram.firstChild);
    diagram.classList.add("has-connectors");
  }

  var observer = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { draw(entry.target); });
  }) : null;

  function setUp(root) {
    root.querySelectorAll(".diagram-flow").forEach(function (diagram) {
      draw(diagram);
      if (observer) { observer.observe(diagram); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:afterSettle", function (event) { setUp(event.target); });
  document.addEventListener("toggle", function (event) { setUp(event.target); }, true);
  window.addEventListener("resize", function () {
    document.querySelectorAll(".diagram-flow").forEach(draw);
  });
})();
