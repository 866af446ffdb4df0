"""The coach on simulated learners over the real skill graph: linear order vs coach vs coach with placement.

Each skill has BKT parameters drawn at random once per run (from --seed), shared by every
simulated learner (benchmarks/simulate.py); learners differ by their hidden starting state,
drawn from a persona. The model's own parameters are what `mltrail coach fit` (coach.fit, EM)
estimates from the answers of a separate training cohort (--train learners, other seeds, half
taught in the content's order and half by the coach with the default parameters), as a
deployment would fit them on its stored attempts, and so is the strength with which a right
answer spreads to the prerequisites (coach.fit.fit_propagation: the strength whose model best
predicts that cohort's next answers, on fit.PROPAGATION_SAMPLE of its learners; printed as
`propagation`); the simulator's true parameters and states are never given to the model.
`--train 0` uses the default parameters instead.

The same test learner (same seed) is then taught three ways, each with the same budget of items
(an item is one answer: a function or dataset exercise attempt, or one quiz item):

- linear: the content's fixed order, each item retried until right (at most 3 times), until
  the budget is spent or, the coach's stopping rule, the mastery model (replayed from the same
  answers with the same parameters) says every goal skill is mastered;
- coach: mastery replayed by BKT (coach.mastery), the next step from
  `coach.next_step.recommend` toward the goal role, one quiz item at a time when its advice is
  a quiz, until the model says the role's skills are mastered, each shown by at least one
  answer of the learner's own (a goal skill believed mastered from placement or spreading
  alone is asked once first), or the budget is spent;
- coach_placement: the same, after a placement test (`coach.placement`, at most 20
  questions, counted in the budget) whose result seeds mastery.

Beside them, part of no target: `linear_until_right`, the content's order with each item
retried until right however many tries it takes (rustlings' rule), and
`vs_linear_until_right`, the coach with placement's mastered share and over-practice as
ratios of its.

Figures, per policy: `mastered_share` (share of learners who truly know every skill of the
goal role when they stop), `items_used` and `over_practice` (mean items per learner, and
mean items spent on items whose skills the learner already truly knew, placement questions
included); `skills_learnt` (mean skills a learner went from not knowing to knowing by
practice, forgotten and relearnt ones counted again) and `over_practice_per_skill_learnt`
(a diagnostic beside the target, not part of it: each skill learnt costs at least its first
right answer, which `over_practice` counts), `auc` (the mastery model's P(right) before each practice answer against the
answers) and `oracle_auc` (the simulator's own P(right) against the same answers: it sees the
hidden state, including the moment a skill is learnt); `reference_auc`, a yardstick that is
not the model: a per-skill BKT filter given the simulator's true parameters and the skills'
base rates (simulate.ReferenceFilter), i.e. about what the answers alone can predict; for
coach_placement also `questions` (mean asked) and `skill_accuracy` (share of skills placed
correctly as known / not known; `skill_accuracy_all_unknown`, the share a test that places
nothing would get; `known_recall`, the share of the skills a learner knew that it placed as
known). `stalled_share`: learners whose coach gave the same advice 50 rounds in a row with
nothing changing (they quit there). `targets` and `meets_targets` are the issue's goals.

`--explain` runs a diagnostic instead (not part of the figures): the coach with placement's
over-practice per cause (simulate.CAUSES) and per branch of the coach's advice, and
`auc_by_answer`: its AUC, the reference's and the oracle's per kind of practice answer
(simulate.ANSWER_KINDS), and what the model and the reference would score if told the hidden
state on some of them. With
`--simulator-params` the coach's model gets the simulator's own parameters instead of the
fit (simulate.SimulatorParams): what a perfect per-skill fit could buy, which no deployment
can have. With `--mastered-at P` a skill counts as mastered at P(known) >= P instead of
coach.bkt.MASTERED (0.95), everywhere in the run (the training cohort's coached half included).

Usage: python benchmarks/adaptive.py [--json] [--explain [--simulator-params] [--mastered-at P]] [--learners N] [--budget N]
       [--role ID] [--seed S] [--train N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from simulate import FastGraph, SimulatorParams, coached, draw_learner, draw_skill_params, linear  # noqa: E402

from mltrail.coach import bkt  # noqa: E402
from mltrail.coach.fit import Sequences, fit  # noqa: E402
from mltrail.coach.mastery import default_params  # noqa: E402
from mltrail.coach.skills import SkillGraph  # noqa: E402
from mltrail.curriculum.loader import load_curriculum  # noqa: E402

POLICIES = ("linear", "coach", "coach_placement")
# beside them, not part of any target: the linear order retrying each item until right
# (rustlings' rule) instead of at most simulate.MAX_TRIES times
CONTEXT_POLICIES = ("linear_until_right",)
TARGETS = {"mastered_ratio_vs_linear": 3.0, "over_practice_ratio_vs_linear": 0.5, "skill_accuracy": 0.9,
           "questions": 20, "auc_gap": 0.02}
FALLBACK_MODULES = ("supervised", "unsupervised")  # the goal when the content has no careers file


def auc(scores: list[float], outcomes: list[bool]) -> float | None:
    """Area under the ROC curve (Mann-Whitney, ties counted half); None without both classes."""
    s = np.asarray(scores, dtype=float)
    y = np.asarray(outcomes, dtype=bool)
    positives, negatives = int(y.sum()), int((~y).sum())
    if not positives or not negatives:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_scores = s[order]
    i = 0
    while i < len(s):  # average ranks over ties
        j = i
        while j + 1 < len(s) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[y].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def goal_role(graph: SkillGraph, role_id: str | None) -> tuple[str, dict[str, float]]:
    """The goal: a role of content/careers.toml (default data-scientist), or a fixed set of skills."""
    try:
        from mltrail.coach.careers import load_careers

        careers = load_careers(graph.skills)
    except (ImportError, FileNotFoundError, OSError):
        if role_id:
            raise SystemExit(f"--role {role_id}: this content has no careers file")
        skills = [s for s in graph.order if graph.skills[s].module in FALLBACK_MODULES]
        return "+".join(FALLBACK_MODULES), {s: 1.0 for s in skills}
    wanted = role_id or "data-scientist"
    role = careers.role(wanted) or (careers.roles[0] if role_id is None else None)
    if role is None:
        raise SystemExit(f"unknown role {wanted!r}; the roles are: {', '.join(careers.ids)}")
    return role.id, role.weights


def fitted_params(graph, curriculum, skill_params, learners: int, budget: int, seed: int, goal) -> tuple:
    """What `mltrail coach fit` would find on a deployment's records: BKT fitted by EM
    (coach.fit) on the answers of a separate cohort (other seeds, the same skills), half of it
    taught in the content's order and half by the coach with the default parameters."""
    data = Sequences()
    for index in range(learners):
        learner = draw_learner(graph, np.random.default_rng([seed, 2, index]), skill_params)
        run = (linear(graph, curriculum, learner, budget, list(goal)) if index % 2 == 0
               else coached(graph, curriculum, learner, budget, goal, place=False))
        data.add_observations(graph, run.history)
    # with the parameters, as `mltrail coach fit` stores it: how far a right answer spreads to the
    # prerequisites, the strength that best predicts the same cohort's next answers under the
    # fitted parameters (its first fit.PROPAGATION_SAMPLE learners, to save time)
    report = fit(data)
    return report.table(), report, report.propagation


def simulated_base_rates(graph, skill_params, seed: int) -> dict[str, float]:
    """Each skill's share of learners who know it at the start, from 400 learners drawn for
    nothing else (ReferenceFilter's and SimulatorParams' priors)."""
    sample = [draw_learner(graph, np.random.default_rng([seed, 3, i]), skill_params) for i in range(400)]
    return {s: float(np.clip(np.mean([one.known[s] for one in sample]), 0.01, 0.99)) for s in graph.order}


def simulate(learners: int, budget: int, seed: int, role_id: str | None, log, train: int = 80) -> dict:
    curriculum = load_curriculum()
    graph = FastGraph(SkillGraph.from_curriculum(curriculum))
    role, goal = goal_role(graph, role_id)
    targets = list(goal)
    skill_params = draw_skill_params(graph, np.random.default_rng([seed, 0]))
    params, report, spread = default_params, None, None
    if train:
        params, report, spread = fitted_params(graph, curriculum, skill_params, train, budget, seed, goal)
        log(f"fitted on {train} training learners: {len(report.fitted)} keys, propagation {spread.strength}")
    base_rates = simulated_base_rates(graph, skill_params, seed)
    runs: dict[str, list] = {name: [] for name in POLICIES + CONTEXT_POLICIES}
    unknown_share = []
    for index in range(learners):
        for name in POLICIES + CONTEXT_POLICIES:
            learner = draw_learner(graph, np.random.default_rng([seed, 1, index]), skill_params)  # the same each time
            if name == "linear":
                run = linear(graph, curriculum, learner, budget, targets, params, base_rates)
            elif name == "linear_until_right":
                run = linear(graph, curriculum, learner, budget, targets, params, base_rates, max_tries=None)
            else:
                run = coached(graph, curriculum, learner, budget, goal, place=name == "coach_placement", params=params,
                              base_rates=base_rates)
            runs[name].append(run)
        first = draw_learner(graph, np.random.default_rng([seed, 1, index]), skill_params)
        unknown_share.append(1 - np.mean(list(first.known.values())))
        log(f"learner {index + 1}/{learners}: " + ", ".join(
            f"{name} {'reached' if runs[name][-1].reached else 'not yet'} in {runs[name][-1].items}"
            for name in POLICIES + CONTEXT_POLICIES))
    figures: dict = {"learners": learners, "budget": budget, "role": role, "role_skills": len(targets), "seed": seed,
                     "train_learners": train,
                     "fitted_keys": {scope: sum(row.scope == scope for row in report.fitted) for scope in ("skill", "difficulty", "kind")}
                     if report else None,
                     "propagation": spread.strength if spread else None}
    for name in POLICIES + CONTEXT_POLICIES:
        chosen = runs[name]
        predicted = [p for run in chosen for p in run.predicted]
        oracle = [p for run in chosen for p in run.oracle]
        outcomes = [o for run in chosen for o in run.outcomes]
        model_auc, oracle_auc = auc(predicted, outcomes), auc(oracle, outcomes)
        reference_auc = auc([p for run in chosen for p in run.reference], outcomes)
        row = {
            "mastered_share": round(float(np.mean([run.reached for run in chosen])), 4),
            "targets_known": round(float(np.mean([run.targets_known for run in chosen])), 4),
            "items_used": round(float(np.mean([run.items for run in chosen])), 2),
            "over_practice": round(float(np.mean([run.over_practice for run in chosen])), 2),
            "skills_learnt": round(float(np.mean([run.learnt for run in chosen])), 2),
            "over_practice_per_skill_learnt": round(float(np.sum([run.over_practice for run in chosen])
                                                          / max(1, np.sum([run.learnt for run in chosen]))), 3),
            "auc": None if model_auc is None else round(model_auc, 4),
            "oracle_auc": None if oracle_auc is None else round(oracle_auc, 4),
            "reference_auc": None if reference_auc is None else round(reference_auc, 4),
            "answers": len(outcomes),
        }
        if name.startswith("coach"):
            row["stalled_share"] = round(float(np.mean([run.stalled for run in chosen])), 4)
        if name == "coach_placement":
            row["questions"] = round(float(np.mean([run.questions for run in chosen])), 2)
            row["skill_accuracy"] = round(float(np.mean([run.skill_accuracy for run in chosen])), 4)
            row["skill_accuracy_all_unknown"] = round(float(np.mean(unknown_share)), 4)
            row["known_recall"] = round(float(np.mean([run.known_recall for run in chosen])), 4)
        figures[name] = row
    return figures


def explain(learners: int, budget: int, seed: int, role_id: str | None, log, train: int = 80,
            simulator_params: bool = False) -> dict:
    """A diagnostic, not part of the benchmark's figures: the coach with placement's over-practice
    on the first `learners` test learners (the benchmark's own, same seed and fit), per cause
    (simulate.CAUSES, the first that applies to each item) and per branch of the coach's advice
    that asked it; mean items per learner. With `simulator_params`, the coach's model is given
    the simulator's own parameters (simulate.SimulatorParams) instead of the fit: what a perfect
    per-skill fit could buy, which no deployment can have."""
    from simulate import ANSWER_KINDS, CAUSES

    curriculum = load_curriculum()
    graph = FastGraph(SkillGraph.from_curriculum(curriculum))
    role, goal = goal_role(graph, role_id)
    skill_params = draw_skill_params(graph, np.random.default_rng([seed, 0]))
    params, spread = default_params, None
    base_rates = simulated_base_rates(graph, skill_params, seed)
    if simulator_params:
        params, train = SimulatorParams(skill_params, base_rates), 0
    elif train:
        params, _, spread = fitted_params(graph, curriculum, skill_params, train, budget, seed, goal)
    runs = []
    for index in range(learners):
        learner = draw_learner(graph, np.random.default_rng([seed, 1, index]), skill_params)
        runs.append(coached(graph, curriculum, learner, budget, goal, place=True, params=params,
                            base_rates=base_rates, explain=True))
        log(f"learner {index + 1}/{learners}: over-practice {runs[-1].over_practice}, {runs[-1].causes}")
    mean = lambda values: round(float(np.mean(values)), 2)  # noqa: E731
    branches = sorted({b for run in runs for b in run.branches})
    return {"learners": learners, "budget": budget, "role": role, "seed": seed, "train_learners": train,
            "params": "simulator" if simulator_params else "fitted" if train else "default",
            "propagation": spread.strength if spread else None,
            "over_practice": mean([run.over_practice for run in runs]),
            "items_used": mean([run.items for run in runs]),
            "mastered_share": mean([run.reached for run in runs]),
            # why the others did not get there: the budget ran out, or the model believed the
            # goal mastered (and confirmed by an answer of their own) while a goal skill was not known
            "budget_spent_share": mean([run.items >= budget and not run.reached for run in runs]),
            "stopped_not_known_share": mean([run.items < budget and not run.reached and not run.stalled
                                             for run in runs]),
            "skill_accuracy": mean([run.skill_accuracy for run in runs]),
            "causes": {cause: mean([run.causes.get(cause, 0) for run in runs]) for cause in CAUSES},
            "cause_meanings": CAUSES,
            "branches": {branch: mean([run.branches.get(branch, 0) for run in runs]) for branch in branches},
            "auc_by_answer": auc_by_answer(runs), "answer_kinds": ANSWER_KINDS}


def auc_by_answer(runs) -> dict:
    """Where the model's AUC falls short of the oracle's: per kind of practice answer
    (simulate.ANSWER_KINDS) the answers, their share right, and the AUC of the model, of the
    reference filter and of the oracle among them; then `told`, the pooled AUC of the model and
    of the reference if each were told the hidden state (given the oracle's P(right)) at the
    answers of the kinds named, beside the oracle's own."""
    kinds = np.array([k for run in runs for k in run.answer_kinds])
    predicted = np.array([p for run in runs for p in run.predicted])
    reference = np.array([p for run in runs for p in run.reference])
    oracle = np.array([p for run in runs for p in run.oracle])
    outcomes = np.array([o for run in runs for o in run.outcomes], dtype=bool)
    rounded = lambda value: None if value is None else round(value, 4)  # noqa: E731
    figures: dict = {}
    for kind in ("first", "changed", "unchanged"):
        chosen = kinds == kind
        figures[kind] = {"answers": int(chosen.sum()),
                         "right_share": round(float(outcomes[chosen].mean()), 4) if chosen.any() else None,
                         **{name: rounded(auc(list(scores[chosen]), list(outcomes[chosen])))
                            for name, scores in (("auc", predicted), ("reference_auc", reference),
                                                 ("oracle_auc", oracle))}}
    figures["told"] = {}
    for told in (("first",), ("changed",), ("first", "changed")):
        chosen = np.isin(kinds, told)
        figures["told"]["+".join(told)] = {
            name: rounded(auc(list(np.where(chosen, oracle, scores)), list(outcomes)))
            for name, scores in (("auc", predicted), ("reference_auc", reference))}
    figures["pooled"] = {name: rounded(auc(list(scores), list(outcomes)))
                         for name, scores in (("auc", predicted), ("reference_auc", reference), ("oracle_auc", oracle))}
    return figures


def check_targets(figures: dict) -> dict:
    line, placed = figures["linear"], figures["coach_placement"]
    ratio = placed["mastered_share"] / line["mastered_share"] if line["mastered_share"] else (
        float("inf") if placed["mastered_share"] else 0.0)
    over = placed["over_practice"] / line["over_practice"] if line["over_practice"] else 0.0
    gaps = {name: (None if figures[name]["auc"] is None or figures[name]["oracle_auc"] is None
                   else round(figures[name]["oracle_auc"] - figures[name]["auc"], 4)) for name in POLICIES}
    figures["mastered_ratio_vs_linear"] = None if ratio == float("inf") else round(ratio, 3)
    figures["over_practice_ratio_vs_linear"] = round(over, 3)
    figures["auc_gap"] = gaps
    checks = {
        "mastered_ratio_vs_linear": ratio >= TARGETS["mastered_ratio_vs_linear"],
        "over_practice_ratio_vs_linear": over <= TARGETS["over_practice_ratio_vs_linear"],
        "skill_accuracy": placed["skill_accuracy"] >= TARGETS["skill_accuracy"],
        "questions": placed["questions"] <= TARGETS["questions"],
        "auc_gap": all(gap is not None and gap <= TARGETS["auc_gap"] for gap in gaps.values()),
    }
    # beside the targets, not part of them: the same ratios against the linear order that
    # retries each item until right
    strict = figures.get("linear_until_right")
    if strict is not None:
        figures["vs_linear_until_right"] = {
            "mastered_ratio": round(placed["mastered_share"] / strict["mastered_share"], 3)
            if strict["mastered_share"] else None,
            "over_practice_ratio": round(placed["over_practice"] / strict["over_practice"], 3)
            if strict["over_practice"] else None}
    figures["targets"] = TARGETS
    figures["target_checks"] = checks
    figures["meets_targets"] = all(checks.values())
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--learners", type=int, default=80, help="simulated learners (each taught three ways)")
    parser.add_argument("--budget", type=int, default=1000, help="items each learner may answer")
    parser.add_argument("--role", default=None, help="the goal role's id in content/careers.toml "
                        "(default: data-scientist)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--train", type=int, default=80, help="learners of the separate cohort whose answers the "
                        "model's parameters are fitted on (0: the default parameters)")
    parser.add_argument("--explain", action="store_true", help="instead of the benchmark: the coach with "
                        "placement's over-practice per cause, and its AUC per kind of answer, on --learners "
                        "learners (a diagnostic)")
    parser.add_argument("--simulator-params", action="store_true", help="with --explain: give the coach's model "
                        "the simulator's own parameters instead of fitting them (what a perfect fit could buy)")
    parser.add_argument("--mastered-at", type=float, default=None, metavar="P",
                        help="with --explain: count a skill mastered at P(known) >= P instead of the coach's "
                        f"{bkt.MASTERED} (what a stricter or laxer mastery bar costs)")
    args = parser.parse_args()
    if args.learners < 1 or args.budget < 1 or args.train < 0:
        raise SystemExit("--learners and --budget must be at least 1, --train at least 0")
    if args.mastered_at is not None and not args.explain:
        raise SystemExit("--mastered-at is a diagnostic of --explain: add --explain (the benchmark uses the "
                         "coach's own mastery bar)")
    if args.mastered_at is not None and not 0.5 < args.mastered_at < 1.0:
        raise SystemExit(f"--mastered-at must lie between 0.5 and 1 (exclusive), got {args.mastered_at}")
    if args.simulator_params and not args.explain:
        raise SystemExit("--simulator-params is a diagnostic of --explain: add --explain (the benchmark's "
                         "model never sees the simulator's parameters)")
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr))
    started = time.perf_counter()
    if args.explain:
        if args.mastered_at is not None:
            bkt.MASTERED = args.mastered_at  # read by coach.mastery at every update; this process only
        figures = explain(args.learners, args.budget, args.seed, args.role, log, args.train, args.simulator_params)
        figures["mastered_at"] = bkt.MASTERED
        figures["seconds"] = round(time.perf_counter() - started, 1)
        print(json.dumps(figures, indent=None if args.json else 2))
        return
    figures = check_targets(simulate(args.learners, args.budget, args.seed, args.role, log, args.train))
    figures["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(figures, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
