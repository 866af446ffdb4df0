"""Lessons and prompts in the terminal: Markdown parsed by markdown-it-py, maths as Unicode.

Maths is taken out of the Markdown by its own parser rules before any Markdown escape
is applied (`\\\\` and `\\,` would otherwise lose their backslash), converted to Unicode
where that is safe, and otherwise shown as its untouched TeX source.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.markdown import Markdown

from mltrail.cli.maths import Doubt, to_unicode


def _closing_dollar(src: str, start: int, end: int) -> int:
    """Index of the `$` that closes inline maths opened before `start`, or -1."""
    pos = start
    while pos < end:
        char = src[pos]
        if char == "\\":
            pos += 2  # `\$` inside maths is a dollar sign, not the end
            continue
        if char == "$":
            return pos
        pos += 1
    return -1


def math_inline(state, silent: bool) -> bool:
    """`$...$` (or `$$...$$` inside a paragraph): no space just inside, no digit just after."""
    src, pos = state.src, state.pos
    if src[pos] != "$":
        return False
    marker = "$$" if src.startswith("$$", pos) else "$"
    start = pos + len(marker)
    if start >= state.posMax or src[start].isspace():
        return False
    end = _closing_dollar(src, start, state.posMax)
    while end != -1 and marker == "$$" and not src.startswith("$$", end):
        end = _closing_dollar(src, end + 1, state.posMax)
    if end == -1 or src[end - 1].isspace() or end == start:
        return False
    after = end + len(marker)
    if marker == "$" and after < len(src) and src[after].isdigit():
        return False  # "$5 and $10" are prices, not maths
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content = src[start:end]
        token.markup = marker
    state.pos = after
    return True


def math_block(state, start_line: int, end_line: int, silent: bool) -> bool:
    """A `$$` block: from a line starting with `$$` to the line where `$$` closes it."""
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if state.sCount[start_line] - state.blkIndent >= 4 or not state.src.startswith("$$", begin):
        return False
    text = state.src[begin + 2 : state.eMarks[start_line]]
    line = start_line
    while "$$" not in text and line + 1 < end_line:
        line += 1
        text += "\n" + state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
    if "$$" not in text:
        return False
    content, rest = text.split("$$", 1)
    if rest.strip():
        return False  # text after the closing `$$`: leave it to the paragraph and inline rule
    if not silent:
        token = state.push("math_block", "math", 0)
        token.block = True
        token.content = content.strip()
        token.map = [start_line, line + 1]
        token.markup = "$$"
    state.line = line + 1
    return True


def parser() -> MarkdownIt:
    """The lesson parser: Rich's Markdown features plus `$` and `$$` maths."""
    md = MarkdownIt().enable("strikethrough").enable("table")
    md.inline.ruler.before("escape", "math_inline", math_inline)
    md.block.ruler.before("fence", "math_block", math_block, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    return md


def _terminal_math(token: Token) -> Token:
    """A maths token as one Rich already renders: text or a text block, else the TeX as code."""
    display = token.type == "math_block"
    try:
        box = to_unicode(token.content)
        if not display:
            return Token("text", "", 0, content=box.flat().strip())
        return Token("fence", "code", 0, content="\n".join(box.lines) + "\n", info="text", markup="```", block=True)
    except Doubt:
        if display:
            return Token("fence", "code", 0, content=token.content + "\n", info="latex", markup="```", block=True)
        return Token("code_inline", "code", 0, content=token.content, markup="`")


def _terminal_image(token: Token, base: Path | None) -> Token:
    """An image as a line of text naming the figure and where its file is (a terminal shows no picture)."""
    src = str(token.attrs.get("src", ""))
    alt = "".join(c.content for c in token.children or []).strip()
    where = str((base / src).resolve()) if base is not None and "://" not in src else src
    return Token("text", "", 0, content=f"[figure: {alt or 'no description'} — {where}]")


def _unfold(text: str) -> str:
    """Folded answers (`<details><summary>Answer</summary>...</details>`) as plain Markdown.

    A terminal cannot fold, and Rich drops HTML blocks: without this the answers of a
    lesson's self-check would not be shown at all. They follow their question, labelled.
    """
    import re

    text = re.sub(r"<details>\s*<summary>(.*?)</summary>", lambda m: f"*{m.group(1).strip()}:* ", text)
    return text.replace("</details>", "")


def terminal_tokens(text: str, base: Path | None = None) -> list[Token]:
    """Parsed Markdown with every maths token turned into something Rich can show.

    Images become a line naming the figure's file, relative to `base` (the lesson's folder).
    """
    tokens = parser().parse(_unfold(text))
    for index, token in enumerate(tokens):
        if token.type == "math_block":
            tokens[index] = _terminal_math(token)
        elif token.children:
            token.children = [
                _terminal_math(c) if c.type == "math_inline" else _terminal_image(c, base) if c.type == "image" else c
                for c in token.children
            ]
    return tokens


class LessonMarkdown(Markdown):
    """Rich's Markdown, fed by our parser so maths survives and reads as Unicode."""

    def __init__(self, text: str, base: Path | None = None, **options) -> None:
        super().__init__("", **options)
        self.markup = text
        self.parsed = terminal_tokens(text, base)
