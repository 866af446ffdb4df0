"""Refitting BKT from every learner's answers (`coach fit`), the table that stores it, and its ParamSource."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from sqlalchemy import URL, inspect

from mltrail.coach import bkt
from mltrail.coach.fit import ParamTable, Sequences, collect, difficulty_key, fit
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum
from mltrail.store import db as store_db

GRAPH = SkillGraph.from_curriculum(load_curriculum())
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
TRUE = bkt.BKTParams(prior=0.2, learn=0.35, guess=0.15, slip=0.1, forget=0.02)


@dataclass
class A:
    exercise_id: str
    status: str
    created_at: datetime
    verdict: dict | None = None


def simulate(params: bkt.BKTParams, learners: int, steps: int, rng: np.random.Generator) -> list[list[bool]]:
    """Answer sequences drawn from the BKT model itself."""
    out = []
    for _ in range(learners):
        known = rng.random() < params.prior
        seq = []
        for _ in range(steps):
            p = 1 - params.slip if known else params.guess
            seq.append(bool(rng.random() < p))
            known = (rng.random() >= params.forget) if known else (rng.random() < params.learn)
        out.append(seq)
    return out


def as_data(by_skill: dict[str, list[list[bool]]], difficulty: int = 2) -> Sequences:
    return Sequences({skill: [[(difficulty, c) for c in seq] for seq in runs] for skill, runs in by_skill.items()})


def test_a_skill_with_enough_sequences_gets_its_own_fit_close_to_the_truth():
    runs = simulate(TRUE, 600, 10, np.random.default_rng(7))
    report = fit(as_data({"python/types": runs}), min_sequences=30)
    [row] = report.fitted
    assert row.key == "python/types" and row.scope == "skill" and row.sequences == 600
    for name in ("prior", "learn", "guess", "slip"):
        assert getattr(row.params, name) == pytest.approx(getattr(TRUE, name), abs=0.08), name
    assert row.gain > 0
    assert row.baseline_log_likelihood == pytest.approx(bkt.log_likelihood(runs, bkt.defaults_for(2)))
    assert row.log_likelihood == pytest.approx(bkt.log_likelihood(runs, row.params))


def test_thin_skills_are_pooled_per_difficulty_and_thinner_pools_keep_the_defaults():
    rng = np.random.default_rng(3)
    data = as_data({"python/types": simulate(TRUE, 20, 6, rng), "python/functions": simulate(TRUE, 20, 6, rng)})
    data.by_skill["python/dicts"] = [[(4, True), (4, False)]] * 5
    report = fit(data, min_sequences=30)
    assert [row.key for row in report.fitted] == [difficulty_key(2)]
    assert report.fitted[0].sequences == 40 and report.fitted[0].scope == "difficulty"
    assert report.kept_defaults == {difficulty_key(4): 5}


def test_a_sequence_spanning_difficulties_is_split_between_their_pools():
    data = Sequences({"python/types": [[(1, True), (3, False), (1, True)]]})
    report = fit(data, min_sequences=1)
    assert {row.key: row.sequences for row in report.fitted} == {"python/types": 1}
    report = fit(data, min_sequences=2)
    assert report.kept_defaults == {difficulty_key(1): 1, difficulty_key(3): 1}
    data.by_skill["python/dicts"] = [[(1, False)]]
    report = fit(data, min_sequences=2)
    [pooled] = report.fitted
    assert (pooled.key, pooled.sequences) == (difficulty_key(1), 2)
    # the difficulty-1 pool holds each sequence's difficulty-1 answers only
    assert pooled.baseline_log_likelihood == pytest.approx(bkt.log_likelihood([[True, True], [False]], bkt.defaults_for(1)))
    assert report.kept_defaults == {difficulty_key(3): 1}


def test_min_sequences_must_be_positive():
    with pytest.raises(ValueError, match="min_sequences"):
        fit(Sequences(), min_sequences=0)


def test_sequences_are_per_learner_and_skill_in_time_order_from_the_records():
    first = [A("python/clamp", "failed", T0), A("python/clamp", "passed", T0 + timedelta(minutes=1)),
             A("python/running-mean", "passed", T0 - timedelta(minutes=5)), A("python/clamp", "error", T0)]
    second = [A("python/accuracy", "passed", T0)]
    data = collect(GRAPH, [(first, []), (second, [])])
    assert data.learners == 2
    # python/clamp practises types and control flow together: control flow has an answer of its
    # own (running-mean), so clamp's say nothing about it alone; types has only clamp's
    assert data.by_skill["python/types"] == [[(1, False), (1, True)]]
    assert data.by_skill["python/control-flow"] == [[(1, True)]]
    assert data.by_skill["python/functions"] == [[(1, True)]]
    assert data.kinds["python/control-flow"] == [["code"]]
    only_shared = collect(GRAPH, [([A("python/clamp", "failed", T0), A("python/clamp", "passed", T0 + timedelta(minutes=1))], [])])
    assert only_shared.by_skill["python/control-flow"] == [[(1, False), (1, True)]]


def test_the_param_table_prefers_the_skill_then_the_difficulty_then_the_defaults():
    skill = bkt.BKTParams(0.5, 0.5, 0.1, 0.1, 0.01)
    level = bkt.BKTParams(0.4, 0.4, 0.2, 0.2, 0.02)
    table = ParamTable({"python/types": skill, difficulty_key(2): level})
    assert table("python/types", 2) == skill
    assert table("python/dicts", 2) == level
    assert table("python/dicts", 3) == bkt.defaults_for(3)


def test_a_damaged_stored_row_falls_back_to_the_defaults():
    rows = [{"key": "python/types", "prior": 0.5, "learn": 0.5, "guess": 0.6, "slip": 0.6, "forget": 0.01},
            {"key": difficulty_key(1), "prior": 0.5, "learn": 0.5, "guess": 0.1, "slip": 0.1, "forget": 0.01}]
    table = ParamTable.from_records(rows)
    assert set(table.rows) == {difficulty_key(1)}
    assert table("python/types", 2) == bkt.defaults_for(2)


def test_the_migration_creates_coach_params_on_a_fresh_sqlite_file_and_the_store_replaces_fits(tmp_path):
    store = store_db.Store(URL.create("sqlite", database=str(tmp_path / "fresh.db")))
    assert store.revision() is None
    assert store.upgrade(force=True) == store_db.HEAD == "0004"
    with store.engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("coach_params")}
    assert {"key", "prior", "learn", "guess", "slip", "forget", "sequences", "log_likelihood", "fitted_at"} <= columns
    row = {"key": "python/types", "scope": "skill", "prior": 0.3, "learn": 0.2, "guess": 0.1, "slip": 0.1,
           "forget": 0.01, "sequences": 40, "log_likelihood": -100.0, "baseline_log_likelihood": -120.0}
    store.replace_coach_params([row])
    assert [r["key"] for r in store.coach_params()] == ["python/types"]
    store.replace_coach_params([dict(row, key=difficulty_key(2), scope="difficulty")])
    [stored] = store.coach_params()
    assert stored["key"] == difficulty_key(2) and stored["fitted_at"] is not None


def test_coach_fit_reads_every_learner_and_mastery_can_use_the_result(app):
    from mltrail.coach.mastery import mastery
    from mltrail.service.coach_reviews import fit_params, param_source

    store = app.store
    for name, statuses in (("ana", ["failed", "passed"]), ("bo", ["passed", "passed"]), ("cy", ["failed", "failed"])):
        learner = app.learner_id(name)
        for status in statuses:
            attempt = store.start_attempt(learner, "python/running-mean", "x", 1)
            store.finish_attempt(attempt, {"status": status, "passed": status == "passed", "message": ""})
    report = fit_params(app, min_sequences=3)
    assert report.learners == 3
    assert [(row.key, row.sequences) for row in report.fitted] == [("python/control-flow", 3)]
    source = param_source(app)
    assert source("python/control-flow", 1) == report.fitted[0].params != bkt.defaults_for(1)
    assert source("python/types", 1) == bkt.defaults_for(1)
    learner = app.learner_id("bo")
    states = mastery(app.skill_graph, store.attempts(learner), store.events(learner), source)
    assert states["python/control-flow"].p_known == pytest.approx(bkt.trace([True, True], source("python/control-flow", 1))[-1])


def _record(store, learner: int, exercise: str, statuses: list[str]) -> None:
    for status in statuses:
        attempt = store.start_attempt(learner, exercise, "x", 1)
        store.finish_attempt(attempt, {"status": status, "passed": status == "passed", "message": ""})


def test_coach_fit_stores_the_spreading_strength_and_app_mastery_uses_it(app, cli):
    import json

    from mltrail.coach.mastery import PROPAGATION, mastery

    store = app.store
    # learners who pass an exercise on python/functions, then keep failing its prerequisite
    # python/control-flow: a right answer on functions says nothing about control-flow here, so
    # the strength that predicts their next answers best is 0, not the default 0.4
    for index in range(6):
        learner = app.learner_id(f"learner{index}")
        _record(store, learner, "python/accuracy", ["passed"])
        _record(store, learner, "python/running-mean", ["failed", "failed", "failed"])
    bo = app.learner_id("bo")
    _record(store, bo, "python/accuracy", ["passed"])
    before = app.mastery("bo")["python/control-flow"].p_known  # no fit stored: the default strength
    done = cli("coach", "fit", "--json", "--min-sequences", "100")  # the defaults kept
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["propagation"]["strength"] == 0.0 and printed["propagation"]["answers"] == 25
    stored = {row["key"]: row for row in store.coach_params()}
    assert stored["propagation"]["scope"] == "propagation" and stored["propagation"]["prior"] == 0.0
    source = ParamTable.from_records(store.coach_params())
    assert source.propagation == 0.0
    records = (app.skill_graph, store.attempts(bo), store.events(bo))
    expected = mastery(*records, source)["python/control-flow"].p_known
    source.propagation = PROPAGATION
    spread = mastery(*records, source)["python/control-flow"].p_known
    assert spread > expected + 0.05  # the default strength would lift it
    assert app.mastery("bo")["python/control-flow"].p_known == pytest.approx(expected)
    assert before > expected + 0.05
    text = cli("coach", "fit", "--min-sequences", "100")
    assert "strength 0 " in text.stdout, text.stdout


def test_a_fit_stored_before_the_strength_loads_with_the_default_and_old_readers_skip_its_row():
    from mltrail.coach.fit import PROPAGATION_KEY, FitReport, PropagationFit

    old = [{"key": "python/types", "scope": "skill", "prior": 0.5, "learn": 0.5, "guess": 0.1, "slip": 0.1,
            "forget": 0.01}]
    table = ParamTable.from_records(old)
    assert table.propagation is None and set(table.rows) == {"python/types"}
    report = FitReport([], propagation=PropagationFit(0.1, {0.1: -10.0, 0.4: -12.0}, 7))
    [row] = report.records()
    assert row["key"] == row["scope"] == PROPAGATION_KEY and row["prior"] == 0.1
    assert row["sequences"] == 7 and row["baseline_log_likelihood"] == -12.0
    with pytest.raises(ValueError):  # what a reader from before the strength makes of the row: skipped
        bkt.BKTParams(**{name: row[name] for name in bkt.FIELDS})
    assert ParamTable.from_records(old + [row]).propagation == 0.1
    assert ParamTable.from_records([dict(row, prior=1.5)]).propagation is None  # a damaged strength: the default


def test_fit_chooses_the_strength_on_the_learners_histories():
    rows = [([A("python/accuracy", "passed", T0), A("python/running-mean", "failed", T0 + timedelta(minutes=1)),
              A("python/running-mean", "failed", T0 + timedelta(minutes=2))], [])] * 4
    report = fit(collect(GRAPH, rows), min_sequences=2)
    assert report.propagation is not None and report.propagation.strength == 0.0
    assert report.table().propagation == 0.0
    assert fit(collect(GRAPH, rows), min_sequences=2, propagation_sample=0).propagation is None
