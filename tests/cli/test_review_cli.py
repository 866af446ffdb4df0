"""`mltrail review` and `mltrail coach fit` as a user (or a script) runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest

from mltrail.config import DEFAULT_LEARNER
from mltrail.store.db import Store
from mltrail.store.models import Attempt, utcnow

TYPES, FLOW = "python/types", "python/control-flow"  # both practised by python/clamp; only types has quiz items


def seed_mastery(home, days_ago: float = 10, learner: str = DEFAULT_LEARNER) -> None:
    """Three passes of python/clamp, `days_ago` days ago: types and control flow mastered then."""
    store = Store.at_home(home)
    learner_id = store.learner_id(learner)
    for minute in range(3):
        attempt = store.start_attempt(learner_id, "python/clamp", "x", 1)
        store.finish_attempt(attempt, {"status": "passed", "passed": True, "message": "ok"})
        with store.session() as session, session.begin():
            session.get(Attempt, attempt).created_at = utcnow() - timedelta(days=days_ago, minutes=-minute)


@pytest.fixture
def due_home(home):
    seed_mastery(home)
    return home


def test_review_json_counts_due_reviews_even_with_none(cli):
    result = cli("review", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["due"], data["reviews"], data["cards"], data["next_due"]) == (0, [], 0, None)


def test_review_json_lists_due_skills_with_a_quiz_item_or_the_exercise_passed(due_home, cli):
    data = json.loads(cli("review", "--json").stdout)
    assert data["due"] == 2 and data["cards"] == 2
    items = {row["skill"]: (row["item"], row["kind"]) for row in data["reviews"]}
    assert items == {TYPES: ("python/quiz#q1", "quiz"), FLOW: ("python/clamp", "function")}
    assert all(row["overdue_days"] > 7 for row in data["reviews"])
    limited = json.loads(cli("review", "--json", "--limit", "1").stdout)
    assert limited["due"] == 2 and len(limited["reviews"]) == 1


def test_answers_file_grades_records_and_reschedules(due_home, cli, tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"python/quiz#q1": "-4"}))
    result = cli("review", "--answers", str(answers), "--json")
    assert result.returncode == 0, result.stderr
    [answered] = json.loads(result.stdout)["answered"]
    assert answered["correct"] and answered["rating"] == "good" and answered["skill"] == TYPES
    after = json.loads(cli("review", "--json").stdout)
    assert after["due"] == 1 and after["reviews"][0]["skill"] == FLOW
    events = Store.at_home(due_home).events(Store.at_home(due_home).learner_id(DEFAULT_LEARNER), kind="review")
    assert [(e.subject, e.detail) for e in events] == [
        (TYPES, {"skill": TYPES, "item": "python/quiz#q1", "correct": True, "rating": "good"})]


def test_an_item_not_due_is_a_clear_error_listing_the_due_ones(due_home, cli, tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"python/quiz#q9": "b"}))
    result = cli("review", "--answers", str(answers))
    assert result.returncode == 2
    assert "python/quiz#q9 is not a quiz item due for review now" in result.stderr
    assert "python/quiz#q1" in result.stderr


@pytest.mark.parametrize("text, says", [("[1, 2]", "one JSON object"), ("{", "not a JSON file"),
                                        ('{"python/quiz#q1": [1]}', "one JSON object")])
def test_an_answers_file_that_is_not_an_object_of_texts_is_refused(tmp_path, text, says):
    from mltrail.cli.coach_reviews import _read_answers
    from mltrail.cli.common import Failure

    answers = tmp_path / "answers.json"
    answers.write_text(text)
    with pytest.raises(Failure, match=says):
        _read_answers(answers)
    with pytest.raises(Failure, match="no such file"):
        _read_answers(tmp_path / "missing.json")


def test_interactive_review_asks_the_quiz_item_and_points_at_the_exercise(due_home):
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "MLTRAIL_HOME": str(due_home)}
    result = subprocess.run([sys.executable, "-m", "mltrail", "review"], input="-3\n", env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "2 reviews due" in out
    assert "-7 // 2" in out and "not right:" in out
    assert "Solve python/clamp again" in out and "mltrail check python/clamp`" in out
    store = Store.at_home(due_home)
    [event] = store.events(store.learner_id(DEFAULT_LEARNER), kind="review")
    assert event.detail == {"skill": TYPES, "item": "python/quiz#q1", "correct": False, "rating": "again"}


def test_coach_fit_prints_per_key_values_and_gain(due_home, cli):
    seed_mastery(due_home, learner="second")
    result = cli("coach", "fit", "--json", "--min-sequences", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["learners"] == 2
    rows = {row["key"]: row for row in data["fitted"]}
    assert set(rows) == {TYPES, FLOW} and rows[TYPES]["sequences"] == 2
    assert {"prior", "learn", "guess", "slip", "forget", "log_likelihood", "gain"} <= set(rows[TYPES])
    text = cli("coach", "fit").stdout
    assert "2 learners; a key needs 30 sequences" in text and "difficulty:1: 4 sequences, defaults kept" in text
