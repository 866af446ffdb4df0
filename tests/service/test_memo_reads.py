"""What the coach derives from a learner's answers is not computed again when they only read a
lesson; what counts lessons (progress) is."""

from __future__ import annotations

from mltrail.config import Settings
from mltrail.service.app import App


def test_reading_a_lesson_keeps_the_coachs_results_and_updates_progress(tmp_path):
    app = App.open(Settings.resolve(home=tmp_path / "home", sandbox="none"))
    try:
        learner = app.settings.learner
        app.submit(learner, "python/clamp", b"def clamp(x, low, high):\n    return x\n")
        calls = []

        def counted(value):
            def compute():
                calls.append(value)
                return value
            return compute

        assert app.memo("probe", learner, counted("first"), reads_matter=False) == "first"
        before = app.progress(learner).modules
        lesson = app.curriculum.lessons()[0]
        app.lesson(learner, lesson.id)  # recorded as read
        assert app.memo("probe", learner, counted("again"), reads_matter=False) == "first"  # kept
        assert app.memo("probe-reads", learner, counted("x")) == "x"
        app.lesson(learner, app.curriculum.lessons()[1].id)
        assert app.memo("probe-reads", learner, counted("y")) == "y"  # reads matter to this one
        read_now = {m["id"]: m["lessons_read"] for m in app.progress(learner).modules}
        assert read_now != {m["id"]: m["lessons_read"] for m in before}
        app.hint(learner, "python/clamp")  # help is evidence: computed again
        assert app.memo("probe", learner, counted("after hint"), reads_matter=False) == "after hint"
        app.submit(learner, "python/clamp", b"def clamp(x, low, high):\n    return min(max(x, low), high)\n")
        assert app.memo("probe", learner, counted("after pass"), reads_matter=False) == "after pass"
        assert calls == ["first", "x", "y", "after hint", "after pass"]
    finally:
        app.close()


def test_the_next_step_is_told_which_skills_the_learner_has_answered_on(tmp_path, monkeypatch):
    """`recommend` opens what builds on an answered off-goal prerequisite sooner (READY_OFF_GOAL)."""
    from mltrail.coach import next_step

    seen = {}
    original = next_step.recommend

    def spying(*args, **kwargs):
        seen.update(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(next_step, "recommend", spying)
    app = App.open(Settings.resolve(home=tmp_path / "home", sandbox="none"))
    try:
        learner = app.settings.learner
        app.submit(learner, "python/clamp", b"def clamp(x, low, high):\n    return x\n")
        app.next_step(learner)
        assert set(app.exercise("python/clamp").skills) <= seen["answered"]
        assert all(app.mastery(learner)[skill].answers for skill in seen["answered"])
    finally:
        app.close()
