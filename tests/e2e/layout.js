// Measures one page as the person sees it; run by tests/e2e/test_layout.py with
// page.evaluate(). Returns {problems: [...], images: [{src, width}]} where images are charts
// shown as <img> with SVG data (measured separately, see test_layout.py).
(minSize) => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const describe = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = el.classList && el.classList.length ? "." + [...el.classList].join(".") : "";
    return el.tagName.toLowerCase() + id + cls;
  };
  const short = (text) => text.trim().replace(/\s+/g, " ").slice(0, 40);

  // 1. The document is not wider than the viewport.
  const docWidth = document.documentElement.scrollWidth;
  if (docWidth > vw + 1) {
    const culprits = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && r.width > 0 && !el.closest(".table-wrap, [data-scroll-region]")) {
        culprits.push(describe(el));
        if (culprits.length >= 3) break;
      }
    }
    problems.push(`document is ${docWidth}px wide in a ${vw}px viewport (${culprits.join(", ")})`);
  }

  // 2. No word in a table cell is broken across lines.
  const broken = [];
  for (const cell of document.querySelectorAll("td, th")) {
    if (cell.closest("[hidden], .visually-hidden")) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      const re = /\S+/g;
      let match;
      while ((match = re.exec(text)) !== null) {
        const word = match[0];
        if (word.length < 2) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + word.length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
        );
        // A hyphenated word may break at its own hyphen (e.g. "ESF-stöd").
        if (tops.size > 1 && !/[-\u2010\u2011\u2013\/]/.test(word)) {
          broken.push(`"${word}"`);
        }
      }
    }
  }
  if (broken.length) {
    problems.push(`${broken.length} word(s) broken inside table cells: ${broken.slice(0, 5).join(", ")}`);
  }

  // 3. Text of inline SVG pictures (charts and diagrams): at least minSize px as shown, and
  // inside its picture.
  for (const svg of document.querySelectorAll("main svg")) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const small = [];
    const outside = [];
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent.trim()) continue;
      const r = text.getBoundingClientRect();
      if (r.width === 0) continue;
      const ctm = text.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < minSize - 0.25) small.push(`"${short(text.textContent)}" ${size.toFixed(1)}px`);
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        outside.push(`"${short(text.textContent)}"`);
      }
    }
    if (small.length) problems.push(`${describe(svg)}: ${small.length} text(s) under ${minSize}px as shown: ${small.slice(0, 3).join(", ")}`);
    if (outside.length) problems.push(`${describe(svg)}: ${outside.length} text(s) outside the picture: ${outside.slice(0, 3).join(", ")}`);
  }

  // 4. Text of HTML diagrams: at least minSize px, and not spilling out of its box.
  for (const diagram of document.querySelectorAll("main .diagram")) {
    for (const el of diagram.querySelectorAll("*")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own) continue;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      if (el.closest(".visually-hidden")) continue;
      const size = parseFloat(style.fontSize);
      if (size < minSize - 0.25) {
        problems.push(`diagram text "${short(el.textContent)}" is ${size.toFixed(1)}px`);
      }
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== "visible" && el.clientWidth > 0) {
        problems.push(`diagram text "${short(el.textContent)}" crosses its box edge`);
      }
    }
    const d = diagram.getBoundingClientRect();
    if (d.right > vw + 1 && !diagram.closest(".table-wrap, [data-scroll-region]")) {
      problems.push(`diagram ${describe(diagram)} runs off the right edge (${Math.round(d.right)}px)`);
    }
  }

  // 5. Charts shown as images: measured by the test after decoding.
  const images = [];
  for (const img of document.querySelectorAll("main img")) {
    const src = img.currentSrc || img.src;
    if (!src.startsWith("data:image/svg+xml")) continue;
    const r = img.getBoundingClientRect();
    if (r.width === 0) continue;
    images.push({ src, width: r.width, right: r.right });
  }
  return { problems, images };
}
