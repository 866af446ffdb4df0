"""Maths in the terminal: readable Unicode, or the TeX source untouched; never garbled."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from mltrail.cli.maths import Doubt, to_unicode
from mltrail.cli.render import markdown
from mltrail.curriculum.loader import load_curriculum


def shown(text: str, width: int = 100) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(markdown(text))
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines())


@pytest.mark.parametrize("tex, unicode", [
    (r"\alpha + \beta \le \gamma \ge \Sigma", "α + β ≤ γ ≥ Σ"),
    (r"a \cdot b \times c \ne d \approx e", "a · b × c ≠ d ≈ e"),
    (r"C_{ij} = \sum_{l=1}^{k} A_{il} B_{lj}", "Cᵢⱼ = Σₗ₌₁ᵏ Aᵢₗ Bₗⱼ"),
    (r"\sqrt{x_1^2 + x_2^2}", "√(x₁² + x₂²)"),
    (r"x^\top x = \|x\|^2", "xᵀ x = ‖x‖²"),
    (r"A^{-1}", "A⁻¹"),
    (r"\frac{1}{ad - bc}", "1/(ad - bc)"),
    (r"\frac{1}{c} A", "(1/c) A"),
    (r"2.5\, w_2", "2.5 w₂"),
    (r"x \in \mathbb{R}^n", "x ∈ ℝⁿ"),
    (r"\hat y", "ŷ"),
    (r"\cos\theta", "cos θ"),
    (r"e^{x+y_1}", "e^(x+y₁)"),
])
def test_common_tex_becomes_unicode(tex, unicode):
    assert to_unicode(tex).flat().strip() == unicode


def test_a_matrix_is_shown_as_rows():
    box = to_unicode(r"A = \begin{pmatrix} 2 & 1 \\ 1 & 3 \end{pmatrix}")
    assert box.lines == ["A = ⎛ 2  1 ⎞", "    ⎝ 1  3 ⎠"]


@pytest.mark.parametrize("tex", [r"\weird{x}", r"\frac{a}{", r"\begin{tikzpicture}x\end{tikzpicture}", r"\sqrt[3]{x}", r"a & b"])
def test_unknown_tex_is_a_doubt(tex):
    with pytest.raises(Doubt):
        to_unicode(tex)


def test_row_breaks_and_thin_spaces_survive_markdown():
    text = "Solve\n\n$$\n\\begin{aligned}\n2 w_1 + w_2 &= 5 \\\\\nw_1 + 3 w_2 &= 10\n\\end{aligned}\n$$\n\nthen $2.5\\, w_2 = 7.5$.\n"
    out = shown(text)
    assert "2 w₁ + w₂ = 5" in out and "w₁ + 3 w₂ = 10" in out
    assert "2.5 w₂ = 7.5" in out and "\\" not in out


def test_doubtful_maths_shows_its_tex_source_unchanged():
    out = shown("Inline $\\weird{x}_{1} \\\\ y$ and\n\n$$\\frac{a}{\\weird{b}} \\, c$$\n")
    assert "\\weird{x}_{1} \\\\ y" in out
    assert "\\frac{a}{\\weird{b}} \\, c" in out


def test_dollars_in_code_and_prices_are_not_maths():
    out = shown("It costs $5 and $10.\n\n```python\nprint('$x^2$')\n```\n\nand `$\\alpha$` stays.\n")
    assert "$5 and $10" in out and "print('$x^2$')" in out and "$\\alpha$" in out


def test_every_builtin_formula_converts_or_keeps_its_source():
    from mltrail.cli.markdown import parser

    for lesson in load_curriculum().lessons():
        rendered = None
        for token in parser().parse(lesson.body):
            maths = [token] if token.type == "math_block" else [c for c in token.children or [] if c.type == "math_inline"]
            for item in maths:
                try:
                    to_unicode(item.content)
                except Doubt:
                    rendered = rendered or shown(lesson.body, width=400)
                    assert item.content in rendered, f"{lesson.id}: {item.content!r} neither converted nor kept"


def test_the_lesson_command_renders_a_matrix_and_aligned_rows(cli):
    result = cli("lesson", "linear-algebra/03-inverses-determinants-and-systems")
    assert result.returncode == 0
    assert "⎛ 2  1 ⎞" in result.stdout and "2 w₁ + 1 w₂ = 5" in result.stdout and "1 w₁ + 3 w₂ = 10" in result.stdout
