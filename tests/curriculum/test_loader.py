"""Loading content: the built-in course is clean, and every authoring mistake is named."""

from __future__ import annotations

from conftest import write

from mltrail.authoring.content_check import check_content
from mltrail.curriculum.loader import load_curriculum


def problems_of(course, grade=False):
    _, problems = check_content([course], only_custom=True, grade=grade)
    return [str(p) for p in problems]


def test_builtin_course_loads_without_problems(curriculum):
    assert curriculum.problems == []
    ids = [m.id for m in curriculum.modules]
    assert ids[0] == "python" and ids.index("python") < ids.index("linear-algebra")


def test_exercise_ids_are_folder_paths(curriculum):
    ids = [ex.id for ex in curriculum.exercises()]
    assert "linear-algebra/matrix-product" in ids
    assert len(ids) == len(set(ids))


def test_custom_course_is_added_beside_the_builtin_one(tiny_course):
    curriculum = load_curriculum([tiny_course])
    assert curriculum.exercise("tiny/add") is not None
    assert curriculum.exercise("python/clamp") is not None


def test_custom_module_replaces_builtin_module_with_same_id(tiny_course):
    (tiny_course / "modules" / "tiny").rename(tiny_course / "modules" / "python")
    curriculum = load_curriculum([tiny_course])
    assert [ex.id for ex in curriculum.module("python").exercises] == ["python/add"]


def test_valid_custom_course_passes_the_gate(tiny_course):
    assert problems_of(tiny_course, grade=True) == []


def test_malformed_toml_names_the_file(tiny_course):
    path = tiny_course / "modules/tiny/exercises/add/exercise.toml"
    path.write_text("title = \n", encoding="utf-8")
    found = problems_of(tiny_course)
    assert any("exercise.toml" in p and "not valid TOML" in p for p in found)


def test_wrong_field_type_names_file_and_field(tiny_course):
    path = tiny_course / "modules/tiny/exercises/add/exercise.toml"
    path.write_text(path.read_text().replace("difficulty = 1", "difficulty = 9"), encoding="utf-8")
    found = problems_of(tiny_course)
    assert any("exercise.toml [difficulty]" in p for p in found), found


def test_unknown_key_is_named(tiny_course):
    path = tiny_course / "modules/tiny/exercises/add/exercise.toml"
    path.write_text(path.read_text() + "dificulty = 2\n", encoding="utf-8")
    assert any("[dificulty]" in p for p in problems_of(tiny_course))


def test_fewer_than_two_hints_is_a_problem(tiny_course):
    path = tiny_course / "modules/tiny/exercises/add/exercise.toml"
    path.write_text(path.read_text().replace('hints = ["Use +.", "return a + b"]', 'hints = ["Use +."]'), encoding="utf-8")
    assert any("[hints]" in p for p in problems_of(tiny_course))


def test_missing_file_is_named(tiny_course):
    (tiny_course / "modules/tiny/exercises/add/check.py").unlink()
    assert any("add/check.py: file is missing" in p for p in problems_of(tiny_course))


def test_unknown_skill_is_named(tiny_course):
    path = tiny_course / "modules/tiny/exercises/add/exercise.toml"
    path.write_text(path.read_text().replace('skills = ["adding"]', 'skills = ["multiplying"]'), encoding="utf-8")
    assert any("[skills]: unknown skill 'multiplying'" in p for p in problems_of(tiny_course))


def test_cycle_in_module_prerequisites_is_named(tiny_course):
    other = tiny_course / "modules" / "other"
    write(other / "module.toml", (tiny_course / "modules/tiny/module.toml").read_text().replace('prerequisites = []', 'prerequisites = ["tiny"]'))
    tiny = tiny_course / "modules/tiny/module.toml"
    tiny.write_text(tiny.read_text().replace('prerequisites = []', 'prerequisites = ["other"]'), encoding="utf-8")
    found = problems_of(tiny_course)
    assert any("[prerequisites]: prerequisites form a cycle" in p for p in found), found


def test_unknown_prerequisite_module_is_named(tiny_course):
    tiny = tiny_course / "modules/tiny/module.toml"
    tiny.write_text(tiny.read_text().replace('prerequisites = []', 'prerequisites = ["nowhere"]'), encoding="utf-8")
    assert any("[prerequisites]: unknown module 'nowhere'" in p for p in problems_of(tiny_course))


def test_cycle_in_skill_prerequisites_is_named(tiny_course):
    tiny = tiny_course / "modules/tiny/module.toml"
    tiny.write_text(tiny.read_text() + '\nrequires = ["adding"]\n', encoding="utf-8")
    assert any("skill prerequisites form a cycle" in p for p in problems_of(tiny_course))


def test_stray_files_are_reported(tiny_course):
    write(tiny_course / "modules/tiny/exercises/add/notes.txt", "scratch")
    write(tiny_course / "modules/tiny/README.md", "hello")
    found = problems_of(tiny_course)
    assert any("add/notes.txt: stray file" in p for p in found)
    assert any("tiny/README.md: stray file" in p for p in found)


def test_lesson_without_front_matter_is_named(tiny_course):
    write(tiny_course / "modules/tiny/lessons/02-more.md", "# No front matter\n")
    assert any("02-more.md [front matter]" in p for p in problems_of(tiny_course))


def test_future_kind_is_explained(tiny_course):
    path = tiny_course / "modules/tiny/exercises/add/exercise.toml"
    path.write_text(path.read_text().replace('kind = "function"', 'kind = "project"'), encoding="utf-8")
    assert any("kind 'project' is not supported yet" in p for p in problems_of(tiny_course))


def test_solution_that_cannot_pass_is_reported(tiny_course):
    ex = tiny_course / "modules/tiny/exercises/add"
    # A solution that disagrees with itself (non-deterministic) cannot pass its own check.
    (ex / "solution.py").write_text("import random\ndef add(a, b):\n    return a + b + random.random()\n", encoding="utf-8")
    found = problems_of(tiny_course, grade=True)
    assert any("solution.py: must PASS" in p for p in found), found


def test_starter_that_passes_is_reported(tiny_course):
    ex = tiny_course / "modules/tiny/exercises/add"
    (ex / "starter.py").write_text("def add(a, b):\n    return a + b\n", encoding="utf-8")
    found = problems_of(tiny_course, grade=True)
    assert any("starter.py: must FAIL" in p for p in found), found


def test_starter_that_does_not_run_is_reported(tiny_course):
    ex = tiny_course / "modules/tiny/exercises/add"
    (ex / "starter.py").write_text("def add(a, b)\n", encoding="utf-8")
    found = problems_of(tiny_course, grade=True)
    assert any("starter.py: a starter must run" in p for p in found), found


def test_mistake_that_passes_is_reported(tiny_course):
    mistake = tiny_course / "modules/tiny/exercises/add/mistakes/subtract.py"
    mistake.write_text("def add(a, b):\n    return b + a\n", encoding="utf-8")
    assert any("mistakes/subtract.py: must FAIL" in p for p in problems_of(tiny_course, grade=True))


def test_every_problem_is_reported_at_once(tiny_course):
    (tiny_course / "modules/tiny/exercises/add/check.py").unlink()
    write(tiny_course / "modules/tiny/stray.txt", "x")
    tiny = tiny_course / "modules/tiny/module.toml"
    tiny.write_text(tiny.read_text().replace('prerequisites = []', 'prerequisites = ["nowhere"]'), encoding="utf-8")
    assert len(problems_of(tiny_course)) >= 3
