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
