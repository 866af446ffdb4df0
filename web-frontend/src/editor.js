// mltrail's in-browser code editor: CodeMirror 6 with Python, bundled at development time
// (npm run build) into src/mltrail/web/static/vendor/editor.js as a minified IIFE.
//
//   window.mltrailEditor.attach(textarea, options) -> EditorView | null
//   window.mltrailEditor.getValue(textarea)        -> string
//   window.mltrailEditor.setValue(textarea, text)
//   window.mltrailEditor.detach(textarea)
//
// Progressive enhancement: the page ships a plain <textarea name="code"> inside its form.
// attach() hides the textarea and shows an editor in its place; every change is written back
// to textarea.value, so an ordinary form submit or an htmx request carries the code. If this
// script fails to load, or attach() fails, the textarea stays as it is and still works.
//
// Textareas carrying the attribute `data-mltrail-editor` are attached automatically when the
// page loads and whenever htmx loads new content.

import {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  drawSelection,
} from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { python } from "@codemirror/lang-python";

const views = new WeakMap(); // textarea -> { view, wrapper }

const HELP_TEXT =
  "Tab indents. To leave the editor with the keyboard, press Esc and then Tab. " +
  "Ctrl-Enter (Cmd-Enter on a Mac) submits.";

// A light theme. Colours meet WCAG AA contrast on white; the syntax colours come from
// CodeMirror's defaultHighlightStyle, which is designed for a light background.
const lightTheme = EditorView.theme(
  {
    "&": {
      color: "#1f2328",
      backgroundColor: "#ffffff",
      border: "1px solid #d0d7de",
      borderRadius: "6px",
      fontSize: "14px",
    },
    "&.cm-focused": {
      outline: "2px solid #0969da",
      outlineOffset: "1px",
    },
    ".cm-scroller": {
      fontFamily:
        'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      lineHeight: "1.5",
      minHeight: "12em",
    },
    ".cm-content": { caretColor: "#1f2328", padding: "6px 0" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#1f2328" },
    "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
      { backgroundColor: "#b6d6fd" },
    ".cm-gutters": {
      backgroundColor: "#f6f8fa",
      color: "#57606a",
      borderRight: "1px solid #d0d7de",
      borderTopLeftRadius: "6px",
      borderBottomLeftRadius: "6px",
    },
    ".cm-activeLine": { backgroundColor: "#f3f6fa" },
    ".cm-activeLineGutter": { backgroundColor: "#e7ecf2", color: "#1f2328" },
    "&.cm-focused .cm-matchingBracket": { backgroundColor: "#c9e7cf", outline: "1px solid #7cc08a" },
    "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "#ffd7d5" },
  },
  { dark: false },
);

function labelFor(textarea) {
  const own = textarea.getAttribute("aria-label");
  if (own) return own;
  if (textarea.labels && textarea.labels.length) {
    return textarea.labels[0].textContent.trim();
  }
  return "Python code";
}

function submitDefault(textarea) {
  const form = textarea.form;
  if (!form) return false;
  if (typeof form.requestSubmit === "function") form.requestSubmit();
  else form.submit();
  return true;
}

function syncTextarea(textarea, text) {
  if (textarea.value === text) return;
  textarea.value = text;
  // Let listeners on the textarea (htmx triggers, unsaved-change markers) see the edit.
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
}

/**
 * Replace `textarea` by a CodeMirror editor. Idempotent: a second call returns the same view.
 *
 * options:
 *   onSubmit(text, view, textarea)  called on Ctrl-Enter / Cmd-Enter; without it, those keys
 *                                   submit the textarea's form (form.requestSubmit()), if any.
 *   readOnly   boolean, default textarea.readOnly
 *   tabSize    number, default 4 (Python)
 *   help       boolean, default true: a short line under the editor telling keyboard users
 *              how Tab behaves and how to leave the editor (Esc then Tab)
 *   autofocus  boolean, default textarea.autofocus
 */
function attach(textarea, options = {}) {
  if (!textarea || textarea.tagName !== "TEXTAREA") {
    throw new TypeError("mltrailEditor.attach expects a <textarea> element");
  }
  const existing = views.get(textarea);
  if (existing) return existing.view;
  // Stale editor markup (e.g. restored from htmx's history cache) without a live view.
  const stale = textarea.nextElementSibling;
  if (stale && stale.classList.contains("mltrail-editor")) stale.remove();

  const tabSize = options.tabSize || 4;
  const readOnly = options.readOnly ?? textarea.readOnly;
  const wrapper = document.createElement("div");
  wrapper.className = "mltrail-editor";
  let help = null;
  try {
    const submitKeys = (view) => {
      const text = view.state.doc.toString();
      syncTextarea(textarea, text);
      if (typeof options.onSubmit === "function") {
        options.onSubmit(text, view, textarea);
        return true;
      }
      return submitDefault(textarea);
    };
    const contentAttrs = { "aria-label": labelFor(textarea), "aria-multiline": "true" };
    if (options.help !== false) {
      help = document.createElement("p");
      help.className = "mltrail-editor-help";
      help.id = (textarea.id || "mltrail-editor-" + Math.random().toString(36).slice(2)) + "-help";
      help.textContent = HELP_TEXT;
    }
    const describedBy = [textarea.getAttribute("aria-describedby"), help && help.id]
      .filter(Boolean)
      .join(" ");
    if (describedBy) contentAttrs["aria-describedby"] = describedBy;

    const state = EditorState.create({
      doc: textarea.value,
      extensions: [
        // Highest precedence so Mod-Enter submits instead of defaultKeymap's insertBlankLine.
        Prec.highest(
          keymap.of([
            { key: "Mod-Enter", run: submitKeys },
            { key: "Ctrl-Enter", run: submitKeys },
          ]),
        ),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        python(),
        indentUnit.of(" ".repeat(tabSize)),
        EditorState.tabSize.of(tabSize),
        // indentWithTab captures Tab; CodeMirror's view lets keyboard users out with Escape
        // followed by Tab (and defaultKeymap's Ctrl-M / Shift-Alt-M toggles tab-focus mode).
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        lightTheme,
        EditorState.readOnly.of(!!readOnly),
        EditorView.editable.of(!readOnly),
        EditorView.contentAttributes.of(contentAttrs),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) syncTextarea(textarea, update.state.doc.toString());
        }),
      ],
    });
    const view = new EditorView({ state, parent: wrapper });
    textarea.parentNode.insertBefore(wrapper, textarea.nextSibling);
    if (help) wrapper.appendChild(help);
    textarea.style.display = "none";
    textarea.setAttribute("data-mltrail-editor-attached", "");

    // Clicking the textarea's <label> focuses the editor.
    const onLabelClick = (event) => {
      event.preventDefault();
      view.focus();
    };
    const labels = Array.from(textarea.labels || []);
    labels.forEach((label) => label.addEventListener("click", onLabelClick));
    // A form reset restores the textarea's default value: show it in the editor too.
    const form = textarea.form;
    const onReset = () => setTimeout(() => setValue(textarea, textarea.defaultValue), 0);
    if (form) form.addEventListener("reset", onReset);

    views.set(textarea, {
      view,
      wrapper,
      cleanup() {
        labels.forEach((label) => label.removeEventListener("click", onLabelClick));
        if (form) form.removeEventListener("reset", onReset);
      },
    });
    if (options.autofocus ?? textarea.autofocus) view.focus();
    return view;
  } catch (err) {
    // Progressive enhancement: on any failure keep the plain textarea usable.
    if (wrapper.parentNode) wrapper.parentNode.removeChild(wrapper);
    textarea.style.display = "";
    textarea.removeAttribute("data-mltrail-editor-attached");
    if (window.console) console.error("mltrailEditor: could not attach the editor", err);
    return null;
  }
}

function getValue(textarea) {
  const entry = views.get(textarea);
  return entry ? entry.view.state.doc.toString() : textarea.value;
}

function setValue(textarea, text) {
  text = text == null ? "" : String(text);
  const entry = views.get(textarea);
  if (entry) {
    const view = entry.view;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }
  syncTextarea(textarea, text); // no-op when the update listener already wrote it
}

function detach(textarea) {
  const entry = views.get(textarea);
  if (!entry) return;
  syncTextarea(textarea, entry.view.state.doc.toString());
  entry.cleanup();
  entry.view.destroy();
  if (entry.wrapper.parentNode) entry.wrapper.parentNode.removeChild(entry.wrapper);
  textarea.style.display = "";
  textarea.removeAttribute("data-mltrail-editor-attached");
  views.delete(textarea);
}

function attachAll(root) {
  if (!root || !root.querySelectorAll) return;
  const found = Array.from(root.querySelectorAll("textarea[data-mltrail-editor]"));
  if (root.matches && root.matches("textarea[data-mltrail-editor]")) found.push(root);
  found.forEach((textarea) => attach(textarea));
}

// htmx fires htmx:beforeCleanupElement on every element it removes: destroy the editor of a
// removed textarea (avoids leaking the view's listeners).
function cleanupElement(element) {
  if (!element || element.tagName !== "TEXTAREA") return;
  const entry = views.get(element);
  if (entry) {
    entry.cleanup();
    entry.view.destroy();
    views.delete(element);
  }
}

window.mltrailEditor = { attach, getValue, setValue, detach };

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => attachAll(document));
} else {
  attachAll(document);
}
document.addEventListener("htmx:load", (event) => attachAll(event.target));
document.addEventListener("htmx:beforeCleanupElement", (event) => cleanupElement(event.target));
// htmx's history cache stores the page's HTML, editor markup included: after a restore, attach()
// replaces the stale copy with a live editor.
document.addEventListener("htmx:historyRestore", () => attachAll(document));
