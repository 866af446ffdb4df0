"""Content changes never break a stored learner: records naming what is gone are kept, ignored by
the coach, and reported by `mltrail doctor`."""

from __future__ import annotations

from mltrail.config import Settings
from mltrail.service import App


def test_records_of_removed_content_are_kept_ignored_and_reported(tmp_path):
    app = App(Settings.resolve(home=tmp_path / "home", sandbox="fresh"))
    try:
        learner = app.learner_id("ada")
        attempt = app.store.start_attempt(learner, "retired/old-exercise", "def f():\n    pass\n", 1, None)
        app.store.finish_attempt(attempt, {"exercise": "retired/old-exercise", "status": "passed", "passed": True,
                                           "message": "", "cases": []})
        app.store.record_event(learner, "hint", "retired/old-exercise", {"level": 1})
        app.store.record_event(learner, "profile", "astronaut", {"persona": "astronaut", "goal": "astronaut-role",
                                                                "hours_per_week": 5, "started": "2026-01-01"})
        states = app.mastery("ada")  # replayed without the retired exercise
        assert all(state.answers == 0 for state in states.values())
        assert app.next_step("ada").exercise is not None  # a sensible first step all the same
        report = {check.check: check for check in app.doctor() if check.check in ("coach", "careers", "learner records")}
        assert report["coach"].status == "ok" and report["careers"].status == "ok"
        records = report["learner records"]
        assert records.status == "warning"
        assert "retired/old-exercise" in records.detail and "astronaut-role" in records.detail
        assert "astronaut" in records.detail and "kept" in records.detail
        assert len(app.store.attempts(learner)) == 1  # nothing was deleted
    finally:
        app.close()


def test_content_check_reports_careers_that_name_skills_the_course_lacks():
    from mltrail.authoring.content_check import coach_problems
    from mltrail.curriculum.loader import Curriculum, load_curriculum

    full = load_curriculum()
    assert coach_problems(full) == []
    without = Curriculum([m for m in full.modules if m.id != "supervised"], [], full.datasets)
    problems = coach_problems(without)
    assert len(problems) == 1 and problems[0].path.name == "careers.toml"
    assert "supervised/" in problems[0].message


def test_the_coach_says_what_is_missing_before_an_exercise_beyond_the_fringe(tmp_path):
    app = App(Settings.resolve(home=tmp_path / "home", sandbox="fresh"))
    try:
        first = app.curriculum.exercises()[0]
        assert app.missing_first("ada", first.id) == []  # the first exercise builds on nothing
        late = next(ex for ex in app.curriculum.exercises() if ex.module == "supervised" and ex.kind == "function")
        missing = app.missing_first("ada", late.id)
        graph = app.skill_graph
        assert missing and set(missing) <= set().union(*(graph.ancestors(s) for s in late.skills))
        assert missing == [s for s in graph.order if s in missing]  # prerequisites first
        assert first.skills[0] in missing
    finally:
        app.close()
