"""The built-in lessons: figures up to date and shown, and 2-3 self-check questions at the end."""

from __future__ import annotations

import re

import pytest

from mltrail.authoring.figures import module_scripts, stale_figures
from mltrail.curriculum.figures import figure_problems, image_refs
from mltrail.curriculum.loader import load_curriculum

CURRICULUM = load_curriculum()
AFTER_CHECK = {"Practice", "What comes next"}  # the only sections a lesson may have after its self-check


def self_check(body: str) -> tuple[list[str], str, list[str]]:
    """The questions of the `## Check yourself` section, its text, and the headings after it."""
    parts = re.split(r"^## +(.+?)\s*$", body, flags=re.M)
    headings = parts[1::2]
    if "Check yourself" not in headings:
        return [], "", []
    index = headings.index("Check yourself")
    section = parts[2 + 2 * index]
    outside = re.sub(r"<details>.*?</details>", "", section, flags=re.S)
    questions = re.findall(r"^\d+\. +(.+)$", outside, flags=re.M)
    return questions, section, headings[index + 1:]


def test_every_committed_figure_is_what_its_script_writes_now():
    report = stale_figures(module_scripts())
    assert report.problems == [], "\n".join(str(p) for p in report.problems)
    assert report.stale == [], "out of date (run `mltrail content figures` and commit them): " + ", ".join(
        str(p) for p in report.stale)


@pytest.mark.parametrize("module", CURRICULUM.modules, ids=lambda m: m.id)
def test_figures_follow_the_rules(module):
    assert figure_problems(module) == []


@pytest.mark.parametrize("lesson", CURRICULUM.lessons(), ids=lambda le: le.id)
def test_every_lesson_shows_a_figure_and_says_what_to_look_at(lesson):
    refs = image_refs(lesson.body)
    assert refs, f"{lesson.id}: no figure; add lessons/figures/<name>.py and show it with ![alt](figures/<name>.svg)"
    for ref in refs:
        assert len(ref.alt.split()) >= 5, f"{lesson.id}: the alt text of {ref.src} should say what it shows"
        after = lesson.body.split(f"]({ref.src})", 1)[1].split("\n\n", 2)[1]
        assert "figure" in after.lower() or "panel" in after.lower(), (
            f"{lesson.id}: the paragraph after {ref.src} should tell the reader what to look at")


@pytest.mark.parametrize("lesson", CURRICULUM.lessons(), ids=lambda le: le.id)
def test_every_lesson_ends_with_two_or_three_self_check_questions_with_folded_answers(lesson):
    questions, section, later = self_check(lesson.body)
    assert 2 <= len(questions) <= 3, f"{lesson.id}: {len(questions)} self-check questions under '## Check yourself'"
    assert "<details><summary>Answer</summary>" in section, f"{lesson.id}: answers must be folded in <details>"
    assert section.count("<details>") == section.count("</details>"), lesson.id
    assert set(later) <= AFTER_CHECK, f"{lesson.id}: the self-check comes last, but {later} follow it"


def test_the_self_check_parser_can_fail():
    body = "## Check yourself\n\n1. Only one?\n\n<details><summary>Answer</summary>\n\n1. Yes.\n2. Sure.\n</details>\n"
    assert self_check(body)[0] == ["Only one?"]
    assert self_check("## Summary\n\nNo questions.\n")[0] == []
