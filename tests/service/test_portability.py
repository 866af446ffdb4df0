"""Progress export and import (service.portability) and mastery over time (service.web_panels)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from mltrail.service import portability, web_panels
from mltrail.service.errors import Invalid

CLAMP = "def clamp(x, low, high):\n    return min(max(x, low), high)\n"
WRONG = "def clamp(x, low, high):\n    return x\n"


@pytest.fixture
def engines(tmp_path):
    from mltrail.config import Settings
    from mltrail.service.app import App

    opened = []

    def make(name: str):
        app = App.open(Settings.resolve(home=tmp_path / name, sandbox="none"))
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


def _history(app):
    attempts = [(a.exercise_id, a.seed, a.code, a.status, a.created_at.replace(tzinfo=None)) for a in app.attempts("local")]
    events = [(e.kind, e.subject, e.detail, e.created_at.replace(tzinfo=None))
              for e in app.store.events(app.learner_id("local"))]
    return attempts, events


def test_round_trip_keeps_attempts_events_and_mastery(engines):
    from mltrail.service import coach_profile

    source = engines("a")
    source.submit("local", "python/clamp", WRONG.encode())
    source.submit("local", "python/clamp", CLAMP.encode())
    source.hint("local", "python/clamp")
    source.lesson("local", "python/01-values-and-control-flow")
    coach_profile.set_profile(source, "local", goal="data-scientist", hours_per_week=7)
    data = portability.export_learner(source, "local")
    assert data["version"] == portability.VERSION and data["profile"]["goal"] == "data-scientist"
    target = engines("b")
    result = portability.import_learner(target, "local", data)
    assert (result.attempts_added, result.passed, result.events_added) == (2, 1, 3)
    assert _history(target) == _history(source)
    assert target.progress("local") == source.progress("local")
    mine = {s: round(st.p_known, 9) for s, st in source.mastery("local").items()}
    assert {s: round(st.p_known, 9) for s, st in target.mastery("local").items()} == mine
    assert coach_profile.profile(target, "local") == coach_profile.profile(source, "local")
    again = portability.import_learner(target, "local", data)
    assert (again.attempts_added, again.events_added, again.attempts_known, again.events_known) == (0, 0, 2, 3)
    assert len(target.attempts("local")) == 2
    # into the home it came from: everything is known already
    assert portability.import_learner(source, "local", data).attempts_added == 0


def test_verdicts_are_not_trusted_and_unknown_exercises_are_skipped(engines):
    app = engines("a")
    data = portability.export_learner(app, "local")
    at = "2026-03-01T10:00:00Z"
    data["attempts"] = [
        {"exercise": "python/clamp", "code": WRONG, "seed": 5, "status": "passed", "passed": True, "created_at": at},
        {"exercise": "python/clamp", "code": CLAMP, "seed": 6, "status": "failed", "created_at": at},
        {"exercise": "python/not-a-thing", "code": CLAMP, "seed": 7, "status": "passed", "created_at": at},
    ]
    result = portability.import_learner(app, "local", data)
    assert result.attempts_added == 2 and result.passed == 1 and result.changed == 2
    assert result.not_in_course == ["python/not-a-thing"]
    by_seed = {a.seed: a for a in app.attempts("local")}
    assert by_seed[5].status == "failed" and not by_seed[5].passed and by_seed[6].passed
    assert by_seed[5].verdict["imported"] is True and by_seed[5].verdict["seed"] == 5


@pytest.mark.parametrize("change, field", [
    (lambda d: d.update(version=2), "version"),
    (lambda d: d.update(format="zip"), "format"),
    (lambda d: d.update(extra=1), "extra"),
    (lambda d: d["attempts"][0].update(code="x\0y"), "attempts[0].code"),
    (lambda d: d["attempts"][0].update(exercise="../etc"), "attempts[0].exercise"),
    (lambda d: d["attempts"][0].update(created_at="yesterday"), "attempts[0].created_at"),
    (lambda d: d["attempts"][0].update(code="#" * (portability.MAX_CODE_CHARS + 1)), "attempts[0].code"),
    (lambda d: d["events"].append({"kind": "Bad Kind", "subject": "", "created_at": "2026-01-01T00:00:00Z"}), "events[0].kind"),
    (lambda d: d.update(events=[{"kind": "hint", "subject": "s", "created_at": "2026-01-01T00:00:00Z"}]
                        * (portability.MAX_EVENTS + 1)), "events"),
])
def test_invalid_files_name_the_field_and_store_nothing(engines, change, field):
    app = engines("a")
    data = portability.export_learner(app, "local")
    data["attempts"] = [{"exercise": "python/clamp", "code": CLAMP, "seed": 1, "status": "passed",
                         "created_at": "2026-01-01T00:00:00Z"}]
    change(data)
    with pytest.raises(Invalid) as caught:
        portability.import_learner(app, "local", data)
    assert caught.value.ident == field, str(caught.value)
    assert app.attempts("local") == [] and app.store.events(app.learner_id("local")) == []


def test_loads_refuses_what_is_not_a_json_file():
    for raw, field in ((b"\xff\xfe", "file"), (b"[]", "file"), (b"1" * (portability.MAX_FILE_BYTES + 1), "file")):
        with pytest.raises(Invalid) as caught:
            portability.loads(raw)
        assert caught.value.ident == field


def test_import_is_all_or_nothing(engines, monkeypatch):
    import mltrail.store.models as models

    app = engines("a")
    data = portability.export_learner(app, "local")
    data["attempts"] = [{"exercise": "python/clamp", "code": CLAMP, "seed": 1, "status": "passed",
                         "created_at": "2026-01-01T00:00:00Z"}]
    data["events"] = [{"kind": "lesson_read", "subject": "python/01-values-and-control-flow",
                       "created_at": "2026-01-01T00:00:00Z"}]

    def broken(**_):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(models, "Event", broken)
    with pytest.raises(RuntimeError):
        portability.import_learner(app, "local", data)
    assert app.attempts("local") == []  # the attempt added before the failure was rolled back


def _attempt(exercise, status, at):
    return SimpleNamespace(exercise_id=exercise, status=status, created_at=at, verdict=None)


def test_mastery_over_time_replays_day_by_day(engines):
    from mltrail.coach.mastery import mastered, mastery

    app = engines("a")
    graph = app.skill_graph
    start = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
    exercises = [ex.id for ex in app.curriculum.exercises() if ex.kind == "function"][:12]
    attempts = [_attempt(ex, "passed", start + timedelta(days=i // 3)) for i, ex in enumerate(exercises * 3)]
    today = date(2026, 1, 20)
    points = web_panels.mastery_over_time(graph, attempts, [], today=today)
    assert points[0].day == date(2026, 1, 1) and points[-1].day == today and len(points) == 20
    assert [p.mastered for p in points] == sorted(p.mastered for p in points)  # passes only: never down
    assert points[-1].mastered == len(mastered(mastery(graph, attempts, [])))
    assert points[-1].mastered > points[0].mastered
    memo: dict = {}
    assert web_panels.mastery_over_time(graph, attempts, [], today=today, memo=memo) == points
    assert memo  # the settled part is kept, and gives the same answer next time
    more = attempts + [_attempt(exercises[0], "failed", datetime(2026, 1, 20, 9, tzinfo=timezone.utc))]
    assert (web_panels.mastery_over_time(graph, more, [], today=today, memo=memo)
            == web_panels.mastery_over_time(graph, more, [], today=today))
    weekly = web_panels.mastery_over_time(graph, attempts, [], today=date(2026, 6, 1))
    assert all((b.day - a.day).days == 7 for a, b in zip(weekly, weekly[1:])) and weekly[-1].day == date(2026, 6, 1)
    assert web_panels.mastery_over_time(graph, [], []) == []


def test_dashboard_panel_is_cached_until_something_changes(engines):
    app = engines("a")
    first = web_panels.dashboard_panel(app, "local")
    assert first.timeline == [] and first.problem == "no goal yet"
    assert web_panels.dashboard_panel(app, "local") is first
    app.submit("local", "python/clamp", CLAMP.encode())
    second = web_panels.dashboard_panel(app, "local")
    assert second is not first and len(second.timeline) == 1 and second.streak.current == 1


def test_quiz_attempts_are_graded_again_item_by_item(engines):
    from mltrail.curriculum.quiz_file import quiz_file, reference_answers

    source = engines("a")
    quiz = source.exercise("python/quiz")
    answers = reference_answers(quiz)
    ids = [item.id for item in quiz.manifest.items]
    whole = quiz_file(quiz, answers)
    source.submit("local", quiz.id, whole.encode())  # a whole file, as `mltrail check` grades it
    data = portability.export_learner(source, "local")
    assert data["attempts"][0]["items"] == ids and data["attempts"][0]["status"] == "passed"
    target = engines("b")
    assert portability.import_learner(target, "local", data).passed == 1
    assert target.passed_ids("local") == {quiz.id} and target.progress("local") == source.progress("local")

    # a forged file: one item answered right, said to pass the whole quiz
    forged = engines("c")
    data["attempts"] = [{**data["attempts"][0], "items": ids[:1], "seed": 3,
                         "code": quiz_file(quiz, {i: (answers[i] if i == ids[0] else None) for i in ids})}]
    result = portability.import_learner(forged, "local", data)
    assert result.attempts_added == 1 and result.passed == 0
    stored = forged.attempts("local")[0]
    assert stored.status == "failed" and [c["index"] for c in stored.verdict["cases"]] == [0]
    # the other items answered right in a later attempt: now every item's latest answer is right
    data["attempts"] = [{**data["attempts"][0], "items": ids[1:], "seed": 4, "created_at": "2026-05-01T00:00:00Z",
                         "code": whole}]
    assert portability.import_learner(forged, "local", data).passed == 1
    assert forged.passed_ids("local") == {quiz.id}


def test_answers_typed_on_the_quiz_page_round_trip(engines):
    from mltrail.curriculum.quiz_file import reference_answers
    from mltrail.service import web_coach

    source = engines("a")
    quiz = source.exercise("python/quiz")
    answers = {k: str(v) for k, v in reference_answers(quiz).items()}
    ids = list(answers)
    web_coach.answer_quiz(source, "local", quiz.id, {ids[0]: answers[ids[0]], ids[1]: "surely not this"})
    web_coach.answer_quiz(source, "local", quiz.id, {i: answers[i] for i in ids[1:]})
    assert [len(a.verdict["cases"]) for a in source.attempts("local")] == [2, len(ids) - 1]
    target = engines("b")
    portability.import_learner(target, "local", portability.export_learner(source, "local"))
    assert [(a.status, [c["passed"] for c in a.verdict["cases"]]) for a in target.attempts("local")] == \
        [(a.status, [c["passed"] for c in a.verdict["cases"]]) for a in source.attempts("local")]
    mine = {s: round(st.p_known, 9) for s, st in source.mastery("local").items()}
    assert {s: round(st.p_known, 9) for s, st in target.mastery("local").items()} == mine


def test_cli_export_and_import(tmp_path):
    import json
    import subprocess
    import sys

    def cli(home, *args):
        return subprocess.run([sys.executable, "-m", "mltrail", "--home", str(tmp_path / home), "--no-sandbox", *args],
                              capture_output=True, text=True, timeout=120)

    solution = tmp_path / "clamp.py"
    solution.write_text(CLAMP)
    assert cli("a", "grade", "python/clamp", str(solution)).returncode == 0
    exported = tmp_path / "progress.json"
    assert cli("a", "export", str(exported)).returncode == 0
    assert json.loads(exported.read_text())["attempts"][0]["status"] == "passed"
    first = cli("b", "import", str(exported), "--json")
    assert first.returncode == 0 and json.loads(first.stdout)["passed"] == 1
    again = cli("b", "import", str(exported))
    assert again.returncode == 0 and "Imported 0 attempts" in again.stdout
    exported.write_text(exported.read_text().replace('"version": 1', '"version": 7'))
    refused = cli("b", "import", str(exported))
    assert refused.returncode == 2 and "version" in refused.stderr and "Nothing was imported" in refused.stderr


def test_placement_and_review_records_are_not_imported(engines):
    """A hand-edited placement result would raise mastery: such records are left out."""
    source = engines("a")
    source.lesson("local", "python/01-values-and-control-flow")
    data = portability.export_learner(source, "local")
    stamp = data["events"][0]["created_at"]
    data["events"] += [
        {"kind": "placement_result", "subject": "placement", "created_at": stamp,
         "detail": {"skills": {skill: 0.999 for skill in source.skill_graph.order}}},
        {"kind": "review", "subject": "python/types", "created_at": stamp, "detail": {"correct": True}},
    ]
    target = engines("b")
    result = portability.import_learner(target, "local", data)
    assert (result.events_added, result.events_not_imported) == (1, 2)
    assert not any(state.mastered for state in target.mastery("local").values())
    assert [e.kind for e in target.store.events(target.learner_id("local"))] == ["lesson_read"]
