"""Rich rendering of what the service returns: verdicts, progress, lessons."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.markdown import Markdown
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

STATUS_STYLE = {
    "passed": ("green", "PASSED"),
    "failed": ("red", "FAILED"),
    "error": ("red", "ERROR"),
    "timeout": ("yellow", "TIMEOUT"),
    "memory_limit": ("yellow", "MEMORY LIMIT"),
    "rejected": ("red", "REJECTED"),
    "skipped": ("yellow", "SKIPPED"),
}


def short(value: Any, limit: int = 400) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def verdict_panel(verdict) -> Panel:
    style, label = STATUS_STYLE.get(verdict.status, ("white", verdict.status.upper()))
    parts: list = [Text(verdict.message)]
    failure = verdict.first_failure
    if failure is not None and not failure.hidden and verdict.status == "failed":
        table = Table(show_header=False, box=None, padding=(0, 1))
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        # Cells are Text, never markup: labels, values and messages may hold '[' from anyone.
        if failure.label:
            table.add_row("case", Text(failure.label))
        table.add_row("input", Text(short(failure.input)))
        for name, text in (failure.files or {}).items():  # what a file-reading case read
            table.add_row(f"file {name}", Text(text if len(text) <= 2000 else text[:2000] + " ..."))
        if failure.expected is not None or failure.got is not None:
            table.add_row("expected", Text(short(failure.expected)))
            table.add_row("got", Text(short(failure.got)))
        if failure.message:
            table.add_row("why", Text(failure.message))
        parts += [Text(""), table]
    if verdict.report:
        parts += [Text(""), *score_card(verdict.report)]
    if verdict.mistake is not None:  # the most useful line of feedback: what went wrong, in words
        parts += [Text(""), Text(f"This looks like a known mistake ({verdict.mistake.name}):", style="bold yellow"),
                  Text(verdict.mistake.explanation)]
    if verdict.output.strip():
        lines = verdict.output.strip().splitlines()
        shown = "\n".join(lines[:15]) + (f"\n... ({len(lines) - 15} more lines)" if len(lines) > 15 else "")
        parts += [Text(""), Text("Your program printed:", style="bold"), Text(shown, style="dim")]
    if verdict.hint:
        parts += [Text(""), Text(f"Hint: {verdict.hint}", style="cyan")]
    title = f"[{style} bold]{label}[/] {escape(verdict.exercise)}"
    subtitle = f"{verdict.elapsed_ms:.0f} ms · seed {verdict.seed}"
    return Panel(Group(*parts), title=title, subtitle=subtitle, border_style=style, title_align="left")


def score_card(report: dict) -> list:
    """A dataset exercise's score beside its baseline, and the confusion matrix of a classification."""
    def number(value) -> str:
        return "—" if value is None else (f"{value:,.4g}" if abs(value) >= 1000 else f"{value:.3f}")

    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column()
    table.add_row(Text(report["metric_name"]), Text(number(report["score"])))
    table.add_row("baseline", Text(f"{number(report['baseline'])} ({report['baseline_name']})"))
    table.add_row("needed", Text(("≥ " if report["higher_is_better"] else "≤ ") + number(report["needed"])))
    if report.get("task") == "policy":
        table.add_row("data", Text(f"{report['rows_train']:,} logged transitions; a policy for {report['rows_scored']:,} states"))
    else:
        rows = f"{report['rows_scored']:,} scored" + (f", {report['rows_train']:,} to train on" if report["rows_train"] else "")
        table.add_row("rows", Text(rows))
    table.add_row("fit time", Text(f"{report['fit_ms']:,.0f} ms in the sandbox"))
    parts: list = [table]
    confusion = report.get("confusion")
    if confusion:
        matrix = Table(title="confusion matrix (rows: true class, columns: predicted)", title_justify="left",
                       box=None, header_style="bold", padding=(0, 1))
        matrix.add_column("")
        labels = [str(label) for label in confusion["labels"]]
        for label in labels:
            matrix.add_column(Text(label), justify="right")
        for label, row in zip(labels, confusion["matrix"]):
            cells = [Text(str(v), style="green" if i == j else ("red" if v else "dim"))
                     for j, v in enumerate(row) for i in [labels.index(label)]]
            matrix.add_row(Text(label, style="bold"), *cells)
        parts += [Text(""), matrix]
    return parts


def quiz_table(verdict) -> Table:
    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column("item")
    table.add_column("")
    table.add_column("note", overflow="fold")
    for case in verdict.cases:
        mark = "[green]✓[/]" if case.passed else "[red]✗[/]"
        table.add_row(Text(case.label or str(case.index + 1)), mark, Text(case.message or ""))
    return table


def progress_view(data: dict, next_title: str | None) -> Group:
    head = Text.assemble(
        ("Progress ", "bold"), f"{data['passed']} of {data['exercises']} exercises passed ({data['percent']}%), ",
        f"{data['attempts']} attempts, {data['hints_taken']} hints taken",
    )
    table = Table(box=None, header_style="bold")
    table.add_column("module")
    table.add_column("exercises", justify="right")
    table.add_column("", width=32)
    table.add_column("lessons read", justify="right")
    for module in data["modules"]:
        bar = ProgressBar(total=max(module["exercises"], 1), completed=module["passed"], width=30)
        table.add_row(Text(module["title"]), f"{module['passed']}/{module['exercises']}", bar, f"{module['lessons_read']}/{module['lessons']}")
    parts: list = [head, Text(""), table]
    if next_title:
        parts += [Text(""), Text(f"Next: {next_title}", style="cyan")]
    return Group(*parts)


def listing(header: list[str], rows: list[list[str]], marks: list[bool], width: int) -> Group:
    """Rows under a header, aligned in columns when they fit in `width`, else stacked.

    The second column is an id, which a learner types: it is never wrapped, cut or
    shortened. Print the result with `soft_wrap=True` so Rich never crops a line.
    """
    widths = [max(len(cells[i]) for cells in [header, *rows]) for i in range(len(header))]
    lines: list[Text] = []
    if 2 + sum(widths) + 2 * (len(widths) - 1) <= width:
        def line(cells: list[str], mark: Text, style: str = "") -> Text:
            padded = "  ".join(cell.ljust(w) for cell, w in zip(cells, widths)).rstrip()
            return Text.assemble(mark, " ", (padded, style))

        lines.append(line(header, Text(" "), "bold"))
        lines += [line(cells, _mark(done)) for cells, done in zip(rows, marks)]
    else:
        for cells, done in zip(rows, marks):
            lines.append(Text.assemble(_mark(done), " ", (cells[0], "bold")))
            lines.append(Text("    " + " · ".join(cell for cell in cells[1:] if cell.strip())))
    return Group(*lines)


def _mark(done: bool) -> Text:
    return Text("✓", style="green") if done else Text(" ")


def exercise_table(rows: list[dict], passed: set[str], width: int) -> Group:
    """Every exercise: passed mark, id (never cut), title, kind, difficulty, minutes."""
    cells = [[r["id"], r["title"] + (" [" + r["needs"].split(": ")[0] + "]" if r.get("needs") else ""),
              r["kind"], "●" * r["difficulty"], f"{r['minutes']} min"] for r in rows]
    return listing(["id", "title", "kind", "difficulty", "time"], cells, [r["id"] in passed for r in rows], width)


def lesson_table(lessons: list, read: set[str], width: int) -> Group:
    """Lessons: read mark, id (never cut), title, minutes."""
    cells = [[lesson.id, lesson.title, f"{lesson.meta.minutes} min"] for lesson in lessons]
    return listing(["id", "title", "time"], cells, [lesson.id in read for lesson in lessons], width)


def markdown(text: str, base=None) -> Markdown:
    """Markdown for the terminal, with maths shown as Unicode (or as its TeX source when unsure).

    Images are shown as the path of their file, resolved from `base` (the lesson's folder).
    """
    from mltrail.cli.markdown import LessonMarkdown

    return LessonMarkdown(text, base=base, code_theme="ansi_dark")


def code(text: str) -> None:
    """Print Python source highlighted, every line whole: code is never wrapped or cut."""
    from rich.syntax import Syntax

    highlighted = Syntax(text, "python", theme="ansi_dark").highlight(text)
    highlighted.rstrip()
    console().print(highlighted, soft_wrap=True, crop=False)


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


def _outcome_line(outcome) -> Text:
    mark = Text("✓ ", style="green") if outcome.ok else Text("✗ ", style="red")
    want = "must pass" if outcome.must_pass else "must fail"
    line = Text.assemble(mark, (outcome.file, "bold"), f" (seed {outcome.seed}, {want}): ", outcome.status)
    if outcome.case is not None:
        where = f"case {outcome.case}" + (f" ({outcome.case_label})" if outcome.case_label else "")
        line.append(f"; first rejected by {where}")
        if outcome.case_message:
            line.append(f": {outcome.case_message}")
    elif outcome.status != "passed":
        line.append(f": {outcome.message}")
    if outcome.file.startswith("mistakes/"):
        line.append("\n    explanation: " + ("yes" if outcome.explanation else "none (add a .md beside it)"), style="dim")
    return line


def exercise_report_view(report) -> Group:
    """The gate's verbose report for one exercise: each graded file, then every problem."""
    parts: list = [Text(f"Content check of {report.exercise}", style="bold")]
    parts += [_outcome_line(outcome) for outcome in report.outcomes]
    parts += [Text.assemble(("✗ ", "red"), str(problem)) for problem in report.problems]
    if getattr(report, "skipped", None):
        parts.append(Text(f"– Not graded here: it {report.skipped}", style="yellow"))
    verdict = Text("OK", style="green") if report.ok else Text(f"{len(report.problems)} problem(s)", style="red")
    return Group(*parts, Text.assemble(verdict, f" for {report.exercise}."))


def preview_head(seen) -> list:
    """The top of `mltrail show`: title, lesson, prompt, hints, then where the file goes."""
    parts: list = [Text.assemble((seen.title, "bold"), f"  ({seen.exercise}, {seen.kind})")]
    if seen.lesson:
        parts.append(Text(f"Read first: mltrail lesson {seen.lesson}  ({seen.lesson_title})"))
    else:
        parts.append(Text("No lesson of its module teaches its skills.", style="yellow"))
    parts += [Text("Prompt, as `mltrail next` shows it:", style="bold"), markdown(seen.prompt)]
    parts.append(Text(f"Hints: {seen.hints} (mltrail hint {seen.exercise})"))
    parts.append(Text(f"The learner's file, {seen.file}, as `mltrail init` writes it:", style="bold"))
    return parts


def skill_path_view(graph, states: dict, skills: list[str], step) -> Group:
    """The skill graph as text: module by module, each skill with its mastery, what it builds on
    (outside its own line of the module), and the fringe marked."""
    fringe = set(step.fringe)
    parts: list = []
    module = None
    for skill_id in skills:
        skill = graph.skills[skill_id]
        if skill.module != module:
            module = skill.module
            parts.append(Text(""))
            parts.append(Text(module, style="bold"))
        state = states[skill_id]
        filled = int(round(state.p_known * 10))
        bar = "█" * filled + "░" * (10 - filled)
        if state.mastered:
            mark, style = "✓", "green"
        elif skill_id in fringe:
            mark, style = "→", "cyan"
        else:
            mark, style = " ", ""
        line = Text.assemble((f" {mark} ", style), (bar, style or "dim"), f" {state.p_known:4.0%}  ",
                             (skill_id.split("/", 1)[1], "bold" if skill_id == step.skill else ""),
                             f"  {skill.title}")
        requires = sorted(graph.prerequisites(skill_id), key=lambda s: graph.skills[s].order)
        if requires:
            line.append(f"  ← {', '.join(requires)}", style="dim")
        parts.append(line)
    parts.append(Text(""))
    parts.append(Text("✓ mastered (P(known) ≥ 95%)   → ready to learn now (the fringe)", style="dim"))
    if step.exercise is not None:
        parts.append(Text(f"Next: {step.exercise.id} — {step.reason}", style="cyan"))
    return Group(*parts)
