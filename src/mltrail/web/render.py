"""Pages from templates, and the course's Markdown as HTML for the browser.

Templates autoescape everything; only Markdown written by the course's authors (lessons,
prompts, hints, explanations) is turned into HTML, by the same parser the terminal uses,
with maths kept as TeX between `\\(..\\)` / `\\[..\\]` for the vendored KaTeX, figures served
from the lesson's folder and code highlighted by Pygments on the server. Anything a learner
typed (names, code, team names) only ever reaches a page through autoescaping.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
FIGURE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html", "svg"]),
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)  # packaged: never edited live
    env.filters["markdown"] = lambda text: _markdown_cached(text or "")
    env.filters["percent"] = lambda share: f"{100 * float(share or 0):.0f} %"
    env.filters["code"] = highlight_python
    env.filters["value"] = show_value
    env.globals["url_for_exercise"] = exercise_url
    env.globals["url_for_lesson"] = lesson_url
    return env


def show_value(value) -> str:
    """A JSON-ready value from a verdict as text to read (Python-like, cut when long)."""
    import json

    text = value if isinstance(value, str) else json.dumps(value, indent=None, ensure_ascii=False, default=str)
    return text if len(text) <= 4000 else text[:4000] + f"… ({len(text) - 4000:,} more characters)"


def exercise_url(exercise_id: str) -> str:
    return "/exercises/" + quote(exercise_id, safe="/")


def lesson_url(lesson_id: str) -> str:
    return "/lessons/" + quote(lesson_id, safe="/")


def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    """A whole page for the request's viewer."""
    state = request.app.state.web
    viewer = request.state.viewer
    body = environment().get_template(template).render(
        request=request, viewer=viewer, csrf=viewer.csrf, multi_user=state.multi_user, path=request.url.path,
        **context)
    return HTMLResponse(body, status_code=status)


def fragment(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    """A piece of a page, for htmx to swap in."""
    return page(request, template, status, **context)


def render_error(request: Request, status: int, detail: str) -> str:
    viewer = getattr(request.state, "viewer", None)
    state = request.app.state.web
    return environment().get_template("error.html").render(
        request=request, viewer=viewer, csrf=getattr(viewer, "csrf", ""), multi_user=state.multi_user,
        path=request.url.path, status=status, detail=detail)


# ---------------------------------------------------------------- Markdown


def _math_inline(self, tokens, idx, options, env) -> str:
    return f'<span class="math inline">\\({html.escape(tokens[idx].content)}\\)</span>'


def _math_block(self, tokens, idx, options, env) -> str:
    return f'<div class="math display">\\[{html.escape(tokens[idx].content)}\\]</div>\n'


def _highlight(code: str, lang: str, _attrs) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(lang or "text")
    except ClassNotFound:
        return ""
    return highlight(code, lexer, HtmlFormatter(nowrap=True))


@lru_cache(maxsize=1)
def _parser():
    from mltrail.cli.markdown import parser

    md = parser()
    md.options["highlight"] = _highlight
    md.add_render_rule("math_inline", _math_inline)
    md.add_render_rule("math_block", _math_block)
    return md


def markdown_html(text: str, figures: str | None = None) -> Markup:
    """Course Markdown as HTML; relative images point under `figures` (a URL prefix) when given."""
    from mltrail.cli.lesson_html import _open_details  # folded answers parsed as Markdown, as in --html

    md = _parser()
    tokens = md.parse(_open_details(text))
    for token in tokens:
        for child in token.children or []:
            if child.type == "image":
                src = str(child.attrs.get("src", ""))
                if figures and "://" not in src and not src.startswith("/"):
                    child.attrs["src"] = figures + quote(src.split("/")[-1])
                child.attrs["loading"] = "lazy"
    return Markup(md.renderer.render(tokens, md.options, {}))


@lru_cache(maxsize=1024)
def _markdown_cached(text: str) -> Markup:
    """Course Markdown (prompts, hints, explanations) rendered once per text."""
    return markdown_html(text)


@lru_cache(maxsize=256)
def _lesson_html(lesson_id: str, body: str) -> Markup:
    return markdown_html(body, figures=lesson_url(lesson_id) + "/figures/")


def lesson_html(lesson) -> Markup:
    return _lesson_html(lesson.id, lesson.body)


def highlight_python(code: str) -> Markup:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    return Markup(highlight(code or "", PythonLexer(), HtmlFormatter(cssclass="highlight")))


def figure_file(lesson, name: str) -> Path | None:
    """A lesson's figure by file name, only from its own folder (or its `figures/` subfolder)."""
    if "/" in name or "\\" in name or name.startswith(".") or Path(name).suffix.lower() not in FIGURE_TYPES:
        return None
    folder = lesson.path.parent
    for candidate in (folder / "figures" / name, folder / name):
        try:
            resolved = candidate.resolve(strict=True)
        except (FileNotFoundError, OSError):
            continue
        if resolved.is_file() and folder.resolve() in resolved.parents:
            return resolved
    return None
