"""A lesson as one self-contained HTML page: works offline, from a local file, with no CDN.

The Markdown is parsed by the same parser as in the terminal (so `$...$` maths is never
mangled by Markdown escapes) and rendered by markdown-it-py. Maths is kept as its TeX
source between `$...$` / `$$...$$`; figures are inlined as data URIs, so the page is a
single file that can be copied anywhere.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from markdown_it.token import Token

from mltrail.cli.markdown import parser

MIME = {".svg": "image/svg+xml", ".png": "image/png"}

STYLE = """
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font: 17px/1.55 system-ui, sans-serif; color: #222; }
pre { background: #f5f5f5; padding: .75rem; overflow-x: auto; border-radius: 4px; }
code { font-family: ui-monospace, monospace; font-size: .92em; }
figure, img { max-width: 100%; }
img { display: block; margin: 1rem auto; height: auto; }
.math { font-family: ui-monospace, monospace; color: #333; white-space: pre-wrap; }
div.math { margin: 1rem 0; text-align: center; }
.missing { color: #a00; border: 1px dashed #a00; padding: .5rem; }
details { background: #f7f7fb; padding: .4rem .8rem; border-radius: 4px; margin: .5rem 0; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2rem .5rem; }
"""


def data_uri(path: Path) -> str | None:
    """The file as a data URI, or None when it is missing or not a figure type."""
    mime = MIME.get(path.suffix.lower())
    if mime is None or not path.is_file():
        return None
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline_images(tokens: list[Token], base: Path) -> None:
    for token in tokens:
        for index, child in enumerate(token.children or []):
            if child.type != "image":
                continue
            src = str(child.attrs.get("src", ""))
            uri = None if "://" in src else data_uri((base / src).resolve())
            if uri is not None:
                child.attrs["src"] = uri
            else:
                alt = "".join(c.content for c in child.children or [])
                token.children[index] = Token("html_inline", "", 0, content=(
                    f'<span class="missing">figure not found: {html.escape(src)} ({html.escape(alt)})</span>'))


def _math_inline(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    return f'<span class="math">{token.markup}{html.escape(token.content)}{token.markup}</span>'


def _math_block(self, tokens, idx, options, env) -> str:
    return f'<div class="math">$$\n{html.escape(tokens[idx].content)}\n$$</div>\n'


def _open_details(body: str) -> str:
    """Blank lines inside `<details>` blocks, so that the folded answers are Markdown too.

    CommonMark ends an HTML block at a blank line: with one after `<summary>...</summary>`
    and one before `</details>`, the answer between them is parsed (maths, code, lists)
    instead of being passed through as raw HTML. Indentation is kept, so an answer stays
    inside its list item.
    """
    body = re.sub(r"^([ \t]*)(<details>\s*<summary>.*?</summary>)[ \t]*$", r"\1\2\n", body, flags=re.M)
    return re.sub(r"^([ \t]*)</details>", r"\n\1</details>", body, flags=re.M)


def lesson_html(title: str, body: str, base: Path) -> str:
    """The whole page for a lesson whose Markdown `body` lives in folder `base`."""
    md = parser()
    md.add_render_rule("math_inline", _math_inline)
    md.add_render_rule("math_block", _math_block)
    tokens = md.parse(_open_details(body))
    _inline_images(tokens, base)
    content = md.renderer.render(tokens, md.options, {})
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{content}</body>\n</html>\n"
    )


def write_lesson_page(lesson, folder: Path) -> Path:
    """Write `<folder>/<module>/<lesson>.html` for a loaded `Lesson`; return its path."""
    target = folder / lesson.module / f"{lesson.path.stem}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(lesson_html(lesson.title, lesson.body, lesson.path.parent), encoding="utf-8")
    return target
