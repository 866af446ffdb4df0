"""Figures in lessons: the terminal names each figure's file; --html writes a self-contained page."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import write

from mltrail.cli.lesson_html import lesson_html
from mltrail.curriculum.loader import load_curriculum

LESSON_ID = "trigonometry/01-angles-and-the-unit-circle"


def _figure_path() -> Path:
    lesson = load_curriculum().lesson(LESSON_ID)
    return (lesson.path.parent / "figures" / "unit-circle.svg").resolve()


def test_the_terminal_shows_where_each_figure_is(cli):
    result = cli("lesson", LESSON_ID)
    assert result.returncode == 0, result.stderr
    text = re.sub(r"\s+", "", result.stdout)  # Rich may wrap a long path
    assert "[figure:" in result.stdout and str(_figure_path()).replace(" ", "") in text
    assert "![" not in result.stdout


def test_html_writes_a_self_contained_page_and_prints_its_path(cli, home):
    result = cli("lesson", LESSON_ID, "--html")
    assert result.returncode == 0, result.stderr
    page = Path(result.stdout.strip())
    assert page.is_file() and page.is_relative_to(home)
    html = page.read_text(encoding="utf-8")
    assert "data:image/svg+xml;base64," in html
    assert 'src="figures/' not in html and "<script" not in html and "<link" not in html
    assert not re.search(r'(src|href)="https?:', html)
    assert r'<span class="math">$\cos(\pi/2) = 0$</span>' in html  # maths kept as TeX
    assert "<details><summary>Answer</summary>" in html
    modules = json.loads(cli("progress", "--json").stdout)["modules"]
    assert [m["lessons_read"] for m in modules if m["id"] == "trigonometry"] == [1]  # recorded as read


def test_open_needs_html(cli):
    result = cli("lesson", LESSON_ID, "--open")
    assert result.returncode == 2 and "--html" in result.stderr


def test_open_hands_the_page_to_the_browser(cli, home, tmp_path):
    opened = tmp_path / "opened.txt"
    from conftest import run_cli

    result = run_cli("lesson", LESSON_ID, "--html", "--open",
                     env={"MLTRAIL_HOME": str(home), "BROWSER": f"sh -c 'echo \"$0\" > {opened}' %s"})
    assert result.returncode == 0, result.stderr
    assert opened.read_text().strip() == Path(result.stdout.strip()).resolve().as_uri()


def test_maths_is_escaped_not_interpreted_and_a_missing_figure_is_said(tmp_path):
    write(tmp_path / "figures" / "dots.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    page = lesson_html("T", "If $a < b_1$ then **bold**.\n\n![Dots](figures/dots.svg)\n\n![Gone](figures/gone.svg)\n",
                       tmp_path)
    assert '<span class="math">$a &lt; b_1$</span>' in page and "<strong>bold</strong>" in page
    assert "data:image/svg+xml;base64," in page
    assert "figure not found: figures/gone.svg" in page


def _terminal(text: str, base: Path | None = None) -> str:
    from rich.console import Console

    from mltrail.cli.render import markdown

    console = Console(width=120, record=True, file=open(__import__("os").devnull, "w"))
    console.print(markdown(text, base=base))
    return console.export_text()


def test_the_terminal_shows_folded_answers_after_their_question_and_figures_as_paths(tmp_path):
    text = ("## Check yourself\n\n1. What is $2 + 2$?\n\n   <details><summary>Answer</summary>\n   Four.\n"
            "   </details>\n\n![Two dots](figures/dots.svg)\n")
    shown = _terminal(text, tmp_path)
    assert "Answer: Four." in shown and "<details>" not in shown
    assert shown.index("What is") < shown.index("Answer: Four.")
    assert f"[figure: Two dots — {(tmp_path / 'figures' / 'dots.svg').resolve()}]" in shown
    same_line = _terminal("1. Why?\n\n   <details><summary>Answer</summary>8 * 7 = 56.</details>\n")
    assert "Answer: 8 * 7 = 56." in same_line and "*" not in same_line.replace("8 * 7", "")


def test_folded_answers_in_the_page_are_markdown_with_maths(tmp_path):
    text = "1. Why?\n\n   <details><summary>Answer</summary>\n   Because `x` is $a < b$.\n   </details>\n\n2. Next?\n"
    page = lesson_html("T", text, tmp_path)
    assert "<details><summary>Answer</summary>\n<p>Because <code>x</code> is " in page
    assert '<span class="math">$a &lt; b$</span>' in page
    assert page.count("<li>") == 2 and page.index("</details>") < page.index("Next?")  # still inside item 1
