"""Lesson figures: images a lesson shows must exist and have alt text; figures must be shown."""

from __future__ import annotations

from conftest import write

from mltrail.authoring.content_check import check_content
from mltrail.curriculum.figures import figure_problems, figures_folder_problems, image_refs
from mltrail.curriculum.loader import load_curriculum

LESSON = "---\ntitle: Adding\nskills: [adding]\nminutes: 5\n---\n# Adding\n\n1 + 2 is 3.\n\n{image}\n"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n'
SCRIPT = 'open("dots.svg", "w").write({svg!r})\n'.format(svg=SVG)


def _figure(course, name="dots", script=True, figure=True):
    folder = course / "modules/tiny/lessons/figures"
    if script:
        write(folder / f"{name}.py", SCRIPT.replace("dots.svg", f"{name}.svg"))
    if figure:
        write(folder / f"{name}.svg", SVG)
    return folder


def _lesson(course, image):
    return write(course / "modules/tiny/lessons/01-adding.md", LESSON.format(image=image))


def _problems(course):
    module = load_curriculum([course]).module("tiny")
    folder = course / "modules/tiny/lessons/figures"
    return figure_problems(module) + (figures_folder_problems(folder) if folder.exists() else [])


def test_image_refs_are_found_by_the_markdown_parser_with_alt_text_and_line():
    refs = image_refs("Text.\n\n![Two *dots*](figures/dots.svg)\n\n`![not](an-image.svg)`\n")
    assert [(r.src, r.alt, r.line) for r in refs] == [("figures/dots.svg", "Two dots", 3)]


def test_a_shown_figure_with_its_script_and_alt_text_is_accepted(tiny_course):
    _figure(tiny_course)
    _lesson(tiny_course, "![Two dots side by side](figures/dots.svg)")
    assert _problems(tiny_course) == []
    _, problems = check_content([tiny_course], only_custom=True, grade=False)
    assert problems == []


def test_a_missing_image_names_the_lesson_and_how_to_make_it(tiny_course):
    lesson = _lesson(tiny_course, "![Two dots](figures/dots.svg)")
    problems = _problems(tiny_course)
    assert len(problems) == 1 and problems[0].path == lesson, problems
    assert "figures/dots.svg does not exist" in problems[0].message
    assert "mltrail content figures" in problems[0].message


def test_an_image_without_alt_text_is_a_problem(tiny_course):
    _figure(tiny_course)
    _lesson(tiny_course, "![](figures/dots.svg)")
    problems = _problems(tiny_course)
    assert [p.message for p in problems if "no alt text" in p.message], problems


def test_remote_images_and_images_outside_figures_are_problems(tiny_course):
    _lesson(tiny_course, "![A chart](https://example.org/chart.png)\n\n![A chart](chart.svg)")
    messages = " | ".join(p.message for p in _problems(tiny_course))
    assert "lessons work offline" in messages and "must be a figure in lessons/figures/" in messages


def test_a_figure_no_lesson_shows_is_a_problem(tiny_course):
    folder = _figure(tiny_course)
    _lesson(tiny_course, "No picture here.")
    problems = _problems(tiny_course)
    assert len(problems) == 1 and problems[0].path == folder / "dots.svg"
    assert "no lesson shows this figure" in problems[0].message


def test_a_script_without_its_figure_and_a_figure_without_its_script_are_problems(tiny_course):
    folder = _figure(tiny_course, "only-script", figure=False)
    _figure(tiny_course, "only-figure", script=False)
    _lesson(tiny_course, "![The only figure](figures/only-figure.svg)")
    problems = {p.path.name: p.message for p in _problems(tiny_course)}
    assert "has no figure beside it" in problems["only-script.py"]
    assert "has no script" in problems["only-figure.svg"]
    assert set(problems) == {"only-script.py", "only-figure.svg"}, problems
    assert (folder / "only-script.py").is_file()


def test_stray_files_in_the_figures_folder_are_reported_by_the_gate(tiny_course):
    folder = _figure(tiny_course)
    write(folder / "notes.txt", "draft\n")
    write(folder / "Bad_Name.svg", SVG)
    _lesson(tiny_course, "![Two dots](figures/dots.svg)")
    _, problems = check_content([tiny_course], only_custom=True, grade=False)
    stray = sorted(p.path.name for p in problems if "stray file" in p.message)
    assert stray == ["Bad_Name.svg", "notes.txt"], problems


def test_other_folders_in_lessons_are_still_stray(tiny_course):
    write(tiny_course / "modules/tiny/lessons/images/dots.svg", SVG)
    _, problems = check_content([tiny_course], only_custom=True, grade=False)
    assert any(p.path.name == "images" and "stray" in p.message for p in problems), problems
