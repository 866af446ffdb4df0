"""TeX maths as readable Unicode for the terminal: `\\sum_{l=1}^{k} A_{il}` -> `Σₗ₌₁ᵏ Aᵢₗ`.

It covers the TeX a lesson uses (Greek letters, operators, scripts, fractions, roots,
accents, matrices and aligned rows). Anything it does not know raises `Doubt`, and the
caller then shows the TeX source unchanged: a formula is never shown wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

GREEK = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi psi omega"
GREEK_UPPER = "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
SYMBOLS = {
    **dict(zip(GREEK.split(), "αβγδεζηθικλμνξπρστυφχψω")),
    **dict(zip(GREEK_UPPER.split(), "ΓΔΘΛΞΠΣΥΦΨΩ")),
    "varepsilon": "ε", "varphi": "φ", "vartheta": "ϑ", "ell": "ℓ",
    "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "circ": "∘", "ast": "∗", "star": "⋆",
    "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼",
    "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫",
    "sum": "Σ", "prod": "Π", "int": "∫", "infty": "∞", "partial": "∂", "nabla": "∇",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "mapsto": "↦", "Rightarrow": "⇒", "implies": "⇒",
    "Leftrightarrow": "⇔", "Longleftrightarrow": "⟺", "iff": "⟺", "Longrightarrow": "⟹",
    "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "emptyset": "∅",
    "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨",
    "top": "⊤", "perp": "⊥", "prime": "′", "dagger": "†", "mid": "∣",
    "dots": "…", "ldots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    "quad": "  ", "qquad": "    ", ",": " ", ";": " ", ":": " ", " ": " ", "!": "",
    "{": "{", "}": "}", "|": "‖", "%": "%", "$": "$", "_": "_", "#": "#", "&": "&",
}
FUNCTIONS = set("det log ln exp sin cos tan max min arg lim sup inf dim ker deg gcd sinh cosh tanh Pr".split())
BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ"}
ACCENTS = {"hat": "\u0302", "bar": "\u0304", "overline": "\u0305", "tilde": "\u0303", "vec": "\u20d7", "dot": "\u0307"}
SUPERSCRIPT = dict(zip("0123456789+-−=()niTᵀ⊤′*abcdefghjklmoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵀᵀᵀ′*ᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))
SUBSCRIPT = dict(zip("0123456789+-−=()aehijklmnoprstuvxβγρφχ", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ"))
DELIMITERS = {"(": "(", ")": ")", "[": "[", "]": "]", "\\{": "{", "\\}": "}", "|": "|", "\\|": "‖", ".": "",
              "\\langle": "⟨", "\\rangle": "⟩"}
MATRICES = {"matrix": ("", ""), "pmatrix": ("()", "⎛⎜⎝⎞⎟⎠"), "bmatrix": ("[]", "⎡⎢⎣⎤⎥⎦"),
            "vmatrix": ("||", "││││││"), "Vmatrix": ("‖‖", "‖‖‖‖‖‖"), "Bmatrix": ("{}", "⎧⎨⎩⎫⎬⎭")}
ROWS = {"aligned", "align", "align*", "gathered", "gather", "gather*", "split", "cases"}
TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.DOTALL)
ATOMIC = re.compile(r"^[\w.ᵀ′⁰¹²³⁴⁵⁶⁷⁸⁹⁻₀-₉ᵢⱼₖₗₘₙ]+$|^\(.*\)$")


class Doubt(ValueError):
    """This TeX is beyond the converter; show its source instead."""


@dataclass
class Box:
    """Lines of text and the row that lines up with the surrounding text."""

    lines: list[str]
    base: int = 0

    @property
    def width(self) -> int:
        return max(len(line) for line in self.lines)

    def flat(self) -> str:
        if len(self.lines) != 1:
            raise Doubt("a multi-line part where one line is needed")
        return self.lines[0]


def hcat(boxes: list[Box]) -> Box:
    """Boxes side by side, their base rows aligned."""
    if not boxes:
        return Box([""])
    above = max(b.base for b in boxes)
    below = max(len(b.lines) - b.base - 1 for b in boxes)
    rows = [""] * (above + below + 1)
    for box in boxes:
        width = box.width
        padded = [""] * (above - box.base) + box.lines
        padded += [""] * (len(rows) - len(padded))
        rows = [row + line.ljust(width) for row, line in zip(rows, padded)]
    return Box([row.rstrip() if len(rows) > 1 else row for row in rows], above)


def to_unicode(tex: str) -> Box:
    """The formula as Unicode text; raises `Doubt` when unsure."""
    parser = _Parser(tex)
    rows = parser.rows("", top=True)
    if parser.peek() is not None:
        raise Doubt(f"unexpected {parser.peek()!r}")
    if len(rows) == 1:
        return rows[0][0]
    lines = [line.strip() for row in rows for line in row[0].lines]  # `\\` breaks a display into lines
    return Box(lines, (len(lines) - 1) // 2)


def _script(box: Box, table: dict[str, str], mark: str) -> Box:
    text = box.flat().strip()
    if text and all(char in table for char in text):
        return Box(["".join(table[char] for char in text)])
    return Box([mark + (text if len(text) == 1 else f"({text})")])


def _wrap(text: str) -> str:
    return text if ATOMIC.match(text) else f"({text})"


class _Parser:
    def __init__(self, tex: str) -> None:
        self.tokens = TOKEN.findall(tex)
        self.pos = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise Doubt("the formula ends too early")
        self.pos += 1
        return token

    def expect(self, token: str) -> None:
        if self.take() != token:
            raise Doubt(f"expected {token!r}")

    def raw_group(self) -> str:
        """The text of a `{...}` argument, unconverted (for \\text, \\begin)."""
        self.skip_space()
        self.expect("{")
        depth, parts = 1, []
        while True:
            token = self.take()
            depth += {"{": 1, "}": -1}.get(token, 0)
            if depth == 0:
                return "".join(parts)
            parts.append(token)

    def factor_follows(self) -> bool:
        """Whether the next non-space token multiplies what came before (a letter, digit or bracket)."""
        ahead = next((t for t in self.tokens[self.pos :] if not t.isspace()), "")
        if ahead.startswith("\\") and len(ahead) > 2:
            return ahead[1:] in GREEK.split() + GREEK_UPPER.split() + ["frac", "sqrt", "left", "begin", "hat", "bar"]
        return bool(ahead) and (ahead[0].isalnum() or ahead[0] in "({")

    def skip_space(self) -> None:
        while (token := self.peek()) is not None and token.isspace():
            self.pos += 1

    def expr(self, stops: set[str]) -> Box:
        parts: list[Box] = []
        while (token := self.peek()) is not None and token not in stops:
            if token in ("^", "_"):
                self.pos += 1
                parts.append(_script(self.argument(), SUPERSCRIPT if token == "^" else SUBSCRIPT, token))
                continue
            box = self.item()
            if box.lines == [" "] and parts and len(parts[-1].lines) == 1 and parts[-1].lines[0].endswith(" "):
                continue  # source spaces around `\,` or `\;` make one space, not two
            parts.append(box)
        return hcat(parts)

    def argument(self) -> Box:
        self.skip_space()
        token = self.take()
        if token == "{":
            box = self.expr({"}"})
            self.expect("}")
            return box
        if token in "}^_&":
            raise Doubt(f"{token!r} where an argument is needed")
        self.pos -= 1
        return self.item()

    def item(self) -> Box:
        token = self.take()
        if token == "{":
            box = self.expr({"}"})
            self.expect("}")
            return box
        if token.isspace():
            return Box([" "])
        if token in ("}", "&", "\\\\", "#"):
            raise Doubt(f"unexpected {token!r}")
        if token.startswith("\\"):
            return self.command(token[1:])
        return Box([{"~": " ", "'": "′"}.get(token, token)])

    def command(self, name: str) -> Box:
        if name in SYMBOLS:
            return Box([SYMBOLS[name]])
        if name in FUNCTIONS:
            following = self.peek() or ""
            # `\cos\theta` is "cos θ": TeX puts a space after an operator name.
            return Box([name + " " if following[:1].isalpha() or following.startswith("\\") and len(following) > 2 else name])
        if name in ("text", "textrm", "mathrm", "operatorname", "textit", "mathit", "mathbb"):
            return self.text(name)
        if name in ("mathbf", "boldsymbol", "mathsf", "mathcal"):
            return self.argument()
        if name in ACCENTS:
            text = self.argument().flat()
            if len(text) != 1:
                raise Doubt("an accent over more than one letter")
            return Box([unicodedata.normalize("NFC", text + ACCENTS[name])])
        if name in ("frac", "dfrac", "tfrac"):
            top, bottom = self.argument().flat().strip(), self.argument().flat().strip()
            text = f"{_wrap(top)}/{_wrap(bottom)}"
            # "1/c A" would read as 1/(cA): a fraction followed by a factor keeps its brackets.
            return Box([f"({text})" if self.factor_follows() else text])
        if name == "sqrt":
            if self.peek() == "[":
                raise Doubt("an n-th root")
            return Box(["√" + _wrap(self.argument().flat().strip())])
        if name in ("left", "right", "bigl", "bigr", "Bigl", "Bigr", "big", "Big"):
            self.skip_space()
            delimiter = self.take()
            if delimiter not in DELIMITERS:
                raise Doubt(f"delimiter {delimiter!r}")
            return Box([DELIMITERS[delimiter]])
        if name == "begin":
            return self.environment(self.raw_group())
        raise Doubt(f"\\{name}")

    def text(self, name: str) -> Box:
        """The argument of \\text and its kin, as written; \\mathbb{R} as ℝ."""
        text = self.raw_group()
        if name == "mathbb":
            if text.strip() not in BLACKBOARD:
                raise Doubt(f"\\mathbb{{{text}}}")
            return Box([BLACKBOARD[text.strip()]])
        if "\\" in text or "$" in text:
            raise Doubt("a command inside text")
        return Box([text])

    def rows(self, env: str, top: bool = False) -> list[list[Box]]:
        """Rows of cells up to `\\end{env}` (or the end of the formula at the top level)."""
        rows: list[list[Box]] = [[]]
        while True:
            rows[-1].append(self.expr({"&", "\\\\", "\\end"}))
            token = self.peek()
            if token is None:
                if not top:
                    raise Doubt(f"\\begin{{{env}}} without \\end")
                break
            self.pos += 1
            if token == "&":
                if top:
                    raise Doubt("'&' outside an environment")
                continue
            if token == "\\\\":
                rows.append([])
                continue
            if top or self.raw_group() != env:
                raise Doubt("mismatched \\end")
            break
        if len(rows) > 1 and all(cell.lines and not "".join(cell.lines).strip() for cell in rows[-1]):
            rows.pop()  # a trailing `\\` ends the last row; it does not start a new one
        return rows

    def environment(self, env: str) -> Box:
        if env not in MATRICES and env not in ROWS:
            raise Doubt(f"environment {env}")
        rows = self.rows(env)
        cells = [[cell.flat().strip() for cell in row] for row in rows]
        columns = max(len(row) for row in cells)
        cells = [row + [""] * (columns - len(row)) for row in cells]
        widths = [max(len(row[i]) for row in cells) for i in range(columns)]
        if env in MATRICES:
            lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths)) for row in cells]
            return _delimit(lines, *MATRICES[env])
        if env == "cases":
            lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in cells]
            return _delimit(lines, "{ ", "⎧⎨⎩   ")
        # aligned rows: '&' marks the alignment point, usually just before '='
        lines = [" ".join(c.rjust(w) if i % 2 == 0 else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()
                 for row in cells]
        return Box(lines, (len(lines) - 1) // 2)


def _delimit(lines: list[str], short: str, tall: str) -> Box:
    """Lines inside delimiters: `short` (left, right) for one line, `tall` (3 left, 3 right) for more."""
    width = max(len(line) for line in lines)
    lines = [line.ljust(width) for line in lines]
    if not short.strip():
        return Box(lines, (len(lines) - 1) // 2)
    if len(lines) == 1:
        return Box([f"{short[0]}{lines[0]}{short[1]}"])
    left = [tall[0]] + [tall[1]] * (len(lines) - 2) + [tall[2]]
    right = [tall[3]] + [tall[4]] * (len(lines) - 2) + [tall[5]]
    return Box([f"{a} {line} {b}" for a, line, b in zip(left, lines, right)], (len(lines) - 1) // 2)
