// Renders lesson maths offline with the vendored KaTeX auto-render.
//
// Lessons keep maths as <span class="math inline">\(..\)</span> and
// <div class="math display">\[..\]</div>. Load after vendor/katex/katex.min.js and
// vendor/katex/contrib/auto-render.min.js (with `defer` on all three, document order is kept).
// Runs once the page has loaded and again after every htmx swap. Rendering is idempotent:
// KaTeX's output holds no \( \) or \[ \] delimiters, so maths already rendered is left alone.
// If KaTeX failed to load, the maths stays readable as its TeX source.
(function () {
  "use strict";

  var options = {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
    // Never touch code: textareas, <pre>/<code> (auto-render's defaults) and the editor.
    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option"],
    ignoredClasses: ["cm-editor", "mltrail-no-math"],
  };

  function render() {
    if (typeof window.renderMathInElement !== "function" || !document.body) return;
    try {
      window.renderMathInElement(document.body, options);
    } catch (err) {
      if (window.console) console.error("mltrail-math: rendering failed", err);
    }
  }

  window.mltrailMath = { render: render, options: options };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
  document.addEventListener("htmx:afterSwap", render);
})();
