"""Simulated learners on the real skill graph, and the three ways of teaching them that
benchmarks/adaptive.py compares.

Each skill has BKT parameters drawn at random once per run (learn, guess, slip, forget;
`draw_skill_params`, from the run's seed), shared by every learner: the issue's "per-skill
parameters drawn at random". Learners differ by their hidden starting state per skill (known
or not), which comes from a persona (below). Answering an
item: right with probability 1 - slip if every skill of the item is known, else guess
(the item's first skill's parameters; for a function or dataset exercise, whose tests are
hard to pass by luck, CODE_GUESS of it). After a practice answer each skill of the item is
learnt with probability `learn` (a fifth of it while a prerequisite is still unknown) or,
if known, forgotten with probability `forget`. Placement questions are a test: no learning.

Where a learner starts comes from a persona (newcomer, developer, graduate, practitioner):
each module is studied with the persona's probability, a studied module is known through
(75%) or up to a random share of its skills (course order) as far as what they build on is known (the skill
graph's premise: knowledge respects prerequisites), then a few skills are flipped at random.

The coach's side sees only answers: its mastery is `coach.mastery.replay` with the parameters
it is given (the defaults, or those `coach.fit` estimated from another cohort's answers; never
the simulator's own), its next step `coach.next_step.recommend`, its placement `coach.placement`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache

import numpy as np

from mltrail.coach import bkt
from mltrail.coach.mastery import Observation, ParamSource, default_params, predict, replay
from mltrail.coach import next_step
from mltrail.coach.next_step import DOUBT, READY, recommend
from mltrail.coach.placement import Placement
from mltrail.coach.skills import Item, SkillGraph

PREREQUISITE_FACTOR = 0.2  # learning a skill whose prerequisites are not all known is this much slower
CODE_GUESS = 0.3  # a function or dataset exercise is passed by luck this share of a quiz item's guess
FULLY_STUDIED = 0.75  # share of studied modules known to the end
NOISE = 0.03  # share of skills whose starting state is flipped
MAX_TRIES = 3  # the linear order retries an item until right, at most this many times
MAX_ROUNDS = 50  # the coach is stuck when it gives the same advice this many rounds in a row and nothing changes
T = datetime(2026, 1, 1, tzinfo=timezone.utc)

FOUNDATIONS = ("python", "trigonometry", "linear-algebra", "probability", "statistics", "calculus")
# persona: (share of learners, {module: probability of having studied it}, default for other modules)
PERSONAS = {
    "newcomer": (0.3, {"python": 0.3}, 0.0),
    "developer": (0.25, {"python": 0.95, "tools": 0.6, "graph-theory": 0.3, "linear-algebra": 0.4,
                         "probability": 0.3, "statistics": 0.3}, 0.0),
    "graduate": (0.25, {**{m: 0.85 for m in FOUNDATIONS}, "python": 0.8, "graph-theory": 0.5,
                        "differential-equations": 0.5, "what-is-ml": 0.3}, 0.0),
    "practitioner": (0.2, {**{m: 0.9 for m in FOUNDATIONS}, "python": 0.95, "what-is-ml": 0.9, "tools": 0.8,
                           "supervised": 0.6, "unsupervised": 0.4}, 0.1),
}


class FastGraph(SkillGraph):
    """The same skill graph with its structural look-ups cached (the simulation asks them often)."""

    def __init__(self, graph: SkillGraph) -> None:  # noqa: D107 - shares the graph's parts
        self.__dict__.update(graph.__dict__)

    @lru_cache(maxsize=None)
    def ancestors(self, skill):
        return frozenset(super().ancestors(skill))

    @lru_cache(maxsize=None)
    def prerequisites(self, skill):
        return frozenset(super().prerequisites(skill))

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other


@dataclass
class Learner:
    """A simulated learner: hidden state, and the skills' parameters (the same for every learner)."""

    known: dict[str, bool]
    params: dict[str, tuple[float, float, float, float]]  # per skill: learn, guess, slip, forget
    persona: str
    rng: np.random.Generator

    def p_correct(self, item: Item) -> float:
        _, guess, slip, _ = self.params[item.skills[0]]
        if item.kind != "quiz":
            guess *= CODE_GUESS  # tests on many cases are hard to pass by luck
        return 1.0 - slip if all(self.known[s] for s in item.skills) else guess

    def answer(self, item: Item) -> tuple[bool, float]:
        p = self.p_correct(item)
        return bool(self.rng.random() < p), p

    def practise(self, graph: SkillGraph, item: Item) -> None:
        for skill in item.skills:
            learn, _, _, forget = self.params[skill]
            if self.known[skill]:
                self.known[skill] = not self.rng.random() < forget
            else:
                ready = all(self.known[p] for p in graph.prerequisites(skill))
                self.known[skill] = bool(self.rng.random() < learn * (1.0 if ready else PREREQUISITE_FACTOR))


def draw_learner(graph: SkillGraph, rng: np.random.Generator,
                 params: dict[str, tuple[float, float, float, float]]) -> Learner:
    """A learner of a random persona with its hidden starting state; `params` are the skills'."""
    names = list(PERSONAS)
    persona = names[rng.choice(len(names), p=[PERSONAS[n][0] for n in names])]
    _, studied, other = PERSONAS[persona]
    studied_share = {}
    modules = list(dict.fromkeys(graph.skills[s].module for s in graph.order))
    for module in modules:
        if rng.random() >= studied.get(module, other):
            studied_share[module] = 0.0
        else:  # a studied module is often known through, else up to some point
            studied_share[module] = 1.0 if rng.random() < FULLY_STUDIED else rng.uniform(0.3, 0.9)
    known = {}
    seen: dict[str, int] = {}
    for skill in graph.order:  # prerequisites first: a skill is known if studied and all it builds on is
        module = graph.skills[skill].module
        size = sum(1 for s in graph.order if graph.skills[s].module == module)
        position = seen.get(module, 0)
        seen[module] = position + 1
        known[skill] = position < round(studied_share[module] * size) and all(known[p] for p in graph.prerequisites(skill))
    for skill in graph.order:
        if rng.random() < NOISE:
            known[skill] = not known[skill]
    return Learner(known, params, persona, rng)


def draw_skill_params(graph: SkillGraph, rng: np.random.Generator) -> dict[str, tuple[float, float, float, float]]:
    """Each skill's (learn, guess, slip, forget), drawn once per run and shared by every learner."""
    return {s: (rng.uniform(0.1, 0.4), rng.uniform(0.05, 0.3), rng.uniform(0.02, 0.15), rng.uniform(0.0, 0.03))
            for s in graph.order}


@dataclass
class Run:
    """What happened to one learner under one policy."""

    items: int = 0
    over_practice: int = 0
    learnt: int = 0  # skills the learner went from not knowing to knowing by practice
    questions: int = 0
    skill_accuracy: float | None = None
    known_recall: float | None = None  # share of the skills the learner knew that placement placed as known
    predicted: list[float] = field(default_factory=list)  # the mastery model's P(right) before each answer
    oracle: list[float] = field(default_factory=list)  # the simulator's true P(right)
    outcomes: list[bool] = field(default_factory=list)
    reference: list[float] = field(default_factory=list)  # ReferenceFilter's P(right), when asked for
    reached: bool = False
    targets_known: float = 0.0  # share of the goal's skills truly known at the end
    stalled: bool = False  # the coach gave the same advice MAX_ROUNDS times in a row, nothing changing
    history: list = field(default_factory=list)  # the practice answers as observations (what a fit reads)
    # per practice answer, what the hidden state did since the item's skills were last practised
    # (ANSWER_KINDS); `last_state` is each skill's hidden state at its latest practice answer
    answer_kinds: list[str] = field(default_factory=list)
    last_state: dict[str, bool] = field(default_factory=dict)
    # with `explain`: over-practice items per cause (CAUSES) and per branch of the coach's advice
    causes: dict[str, int] = field(default_factory=dict)
    branches: dict[str, int] = field(default_factory=dict)


class Coach:
    """The coach's view of one learner: mastery replayed from answers (with `params`), passed exercises."""

    def __init__(self, graph: SkillGraph, params: ParamSource = default_params) -> None:
        self.graph = graph
        self.params = params
        self.states: dict = {}  # as mastery.replay leaves them: a skill appears with its first evidence
        self.passed: set[str] = set()
        self.history: list[Observation] = []  # the practice answers, as the store would hold them

    def predict(self, item: Item) -> float:
        """P(right) by the model, before the answer (`mastery.predict`)."""
        return predict(self.graph, self.states, item.skills, item.difficulty, self.params, item.kind)

    def observe(self, item: Item, correct: bool) -> None:
        observation = Observation(T, item.skills, item.difficulty, "answer", correct, item.id)
        self.history.append(observation)
        replay(self.graph, [observation], self.params, states=self.states)

    def place(self, estimates: dict[str, float]) -> None:
        replay(self.graph, [Observation(T, tuple(estimates), 3, "placement", estimates=estimates)], self.params,
               states=self.states)

    def mastered(self) -> set[str]:
        return {s for s, state in self.states.items() if state.mastered}


class ReferenceFilter:
    """Not the coach's model: a yardstick for it. Per-skill BKT given what the model may never
    see, the simulator's own parameters (an item's guess as the learner's, CODE_GUESS for code)
    and the skills' base rates as priors, filtering the same answers. What answers alone can
    predict, near enough (it ignores the prerequisites' effect on learning and on where
    learners start); the benchmark reports its AUC as `reference_auc`."""

    def __init__(self, learner: Learner, base_rates: dict[str, float]) -> None:
        self.params = learner.params
        self.p = dict(base_rates)

    def _guess_slip(self, item: Item) -> tuple[float, float]:
        _, guess, slip, _ = self.params[item.skills[0]]
        return (guess * CODE_GUESS if item.kind != "quiz" else guess), slip

    def predict(self, item: Item) -> float:
        guess, slip = self._guess_slip(item)
        known = float(np.prod([self.p[s] for s in item.skills]))
        return known * (1 - slip) + (1 - known) * guess

    def observe(self, item: Item, correct: bool) -> None:
        guess, slip = self._guess_slip(item)
        before = [self.p[s] for s in item.skills]
        for i, skill in enumerate(item.skills):
            others = float(np.prod([q for j, q in enumerate(before) if j != i]))
            right_if_known = others * (1 - slip) + (1 - others) * guess
            known = before[i] * (right_if_known if correct else 1 - right_if_known)
            unknown = (1 - before[i]) * (guess if correct else 1 - guess)
            post = known / (known + unknown)
            learn, _, _, forget = self.params[skill]
            self.p[skill] = post * (1 - forget) + (1 - post) * learn


class SimulatorParams:
    """A diagnostic, never the benchmark's model: a `mastery.ParamSource` holding what a
    deployment can never know, the simulator's own per-skill parameters (an item's guess as the
    learner's, CODE_GUESS of it for code; forget at least 1e-4, as BKTParams requires) and
    the skills' base rates as priors. The coach given these shows what a perfect fit of
    per-skill BKT could buy (`adaptive.py --explain --simulator-params`); it still does not
    know that a skill is learnt PREREQUISITE_FACTOR as fast while a prerequisite is unknown,
    which per-skill BKT cannot express."""

    def __init__(self, params: dict[str, tuple[float, float, float, float]], base_rates: dict[str, float]) -> None:
        self.params = params
        self.base_rates = base_rates

    def __call__(self, skill: str, difficulty: int) -> bkt.BKTParams:
        return self.for_kind(skill, difficulty, "quiz")

    def for_kind(self, skill: str, difficulty: int, kind: str | None) -> bkt.BKTParams:
        learn, guess, slip, forget = self.params[skill]
        if kind is not None and kind != "quiz":
            guess *= CODE_GUESS
        return bkt.BKTParams(self.base_rates[skill], learn, guess, slip, max(forget, 1e-4))


# What the hidden state did before a practice answer, the first that applies (`Run.answer_kinds`;
# adaptive.py --explain's `auc_by_answer`): what a model seeing only answers cannot know is
# where a learner starts and when a skill is learnt or forgotten.
ANSWER_KINDS = {
    "first": "the first practice answer on a skill of the item (its state so far hidden: known from the start or not)",
    "changed": "a skill of the item was learnt or forgotten since its previous practice answer",
    "unchanged": "every skill of the item is in the state it was in at its previous practice answer",
}


def answer_kind(run: Run, learner: Learner, item: Item) -> str:
    """`item`'s kind in ANSWER_KINDS for `run`, before the learner answers it."""
    if any(s not in run.last_state for s in item.skills):
        return "first"
    return "changed" if any(run.last_state[s] != learner.known[s] for s in item.skills) else "unchanged"


# Why an item was over-practice (every skill of it truly known when asked): the first that applies.
CAUSES = {
    "a_placement_known": "a placement question whose skills the learner knew",
    "e_after_goal_known": "asked after every goal skill was truly known, before the model stopped",
    "f_step_back": "a step back to a prerequisite after failures (recommend's step 1)",
    "b_first_right_after_learnt": "a skill of it learnt during practice and not yet answered right since",
    "b0_first_answer_known_at_start": "a skill of it known from the start and not yet answered right",
    "d_goal_ready_to_mastered": "a goal skill of it believed at READY or more but not MASTERED",
    "c_already_confirmed": "every skill of it already answered right once while known",
    "g_other": "anything else",
}


def _branch(step) -> str:
    """Which branch of `recommend` gave the advice (from its reason)."""
    if step.skill is None:
        return "quiz_only_fringe"
    reason = step.reason
    for marker, name in (("times in a row", "step_back"), ("you are ready for", "fringe"),
                         ("not seen you answer", "unconfirmed_question"), ("will tell", "unsure_quiz"),
                         ("next exercise on the path", "path")):
        if marker in reason:
            return name
    return "other"


class Explainer:
    """The causes of one learner's over-practice (`Run.causes`): what a skill's answers were."""

    def __init__(self, learner: Learner, goal) -> None:
        self.learner = learner
        self.goal = set(goal)
        self.at_start = {s for s, known in learner.known.items() if known}
        self.confirmed: set[str] = set()  # skills answered right at least once while known

    def cause(self, item: Item, coach: Coach, branch: str) -> str:
        known = self.learner.known
        if all(known[g] for g in self.goal):
            return "e_after_goal_known"
        if branch == "step_back":
            return "f_step_back"
        fresh = [s for s in item.skills if s not in self.confirmed]
        if any(s not in self.at_start for s in fresh):
            return "b_first_right_after_learnt"
        if fresh:
            return "b0_first_answer_known_at_start"
        if any(s in self.goal and READY <= coach.states[s].p_known < bkt.MASTERED
               for s in item.skills if s in coach.states):
            return "d_goal_ready_to_mastered"
        return "c_already_confirmed" if all(s in self.confirmed for s in item.skills) else "g_other"

    def after(self, item: Item, correct: bool, known_before: dict[str, bool]) -> None:
        for s in item.skills:
            if correct and known_before[s]:
                self.confirmed.add(s)
            if not self.learner.known[s]:
                self.confirmed.discard(s)  # forgotten: its next right answer is a first one again
                self.at_start.discard(s)


def _practise(graph, learner: Learner, coach: Coach, item: Item, run: Run,
              reference: ReferenceFilter | None = None, explainer: Explainer | None = None,
              branch: str = "") -> bool:
    if all(learner.known[s] for s in item.skills):
        run.over_practice += 1
        if explainer is not None:
            cause = explainer.cause(item, coach, branch)
            run.causes[cause] = run.causes.get(cause, 0) + 1
            run.branches[branch] = run.branches.get(branch, 0) + 1
    known_before = {s: learner.known[s] for s in item.skills}
    run.answer_kinds.append(answer_kind(run, learner, item))
    run.last_state.update(known_before)
    run.predicted.append(coach.predict(item))
    if reference is not None:
        run.reference.append(reference.predict(item))
    correct, p = learner.answer(item)
    run.oracle.append(p)
    run.outcomes.append(correct)
    coach.observe(item, correct)
    if reference is not None:
        reference.observe(item, correct)
    learner.practise(graph, item)
    run.learnt += sum(1 for s in item.skills if not known_before[s] and learner.known[s])
    if explainer is not None:
        explainer.after(item, correct, known_before)
    run.items += 1
    return correct


def _finish(run: Run, learner: Learner, targets, coach: Coach) -> Run:
    run.history = coach.history
    run.targets_known = sum(learner.known[s] for s in targets) / len(targets)
    run.reached = run.targets_known == 1.0
    return run


def linear(graph, curriculum, learner: Learner, budget: int, targets, params: ParamSource = default_params,
           base_rates: dict[str, float] | None = None, max_tries: int | None = MAX_TRIES) -> Run:
    """The content's fixed order: every item in turn, retried until right (at most `max_tries`
    times; None: until right, as rustlings will not move on before an exercise passes), until
    the budget is spent or (the coach's stopping rule) the mastery model, replayed with
    `params` as the coach's is, says every target skill is mastered."""
    run, coach = Run(), Coach(graph, params)
    reference = ReferenceFilter(learner, base_rates) if base_rates else None
    for exercise in curriculum.exercises():
        for item in graph.exercise_items.get(exercise.id, []):
            if not item.skills:
                continue
            tries = 0
            while max_tries is None or tries < max_tries:
                tries += 1
                if run.items >= budget or _practise(graph, learner, coach, item, run, reference):
                    break
            if run.items >= budget or all(coach.states.get(s) is not None and coach.states[s].mastered for s in targets):
                return _finish(run, learner, targets, coach)
    return _finish(run, learner, targets, coach)


def placement_test(graph, learner: Learner, coach: Coach, run: Run, max_questions: int,
                   explainer: Explainer | None = None) -> None:
    """The placement test, answered by the learner's hidden state (no learning), with the coach's
    parameters for its items' guess and slip; it seeds the coach. (Each skill starts at the test's
    neutral START: starting at the fitted base rates placed fewer known skills as known.)"""
    test = Placement(graph, max_questions=max_questions, params=coach.params)
    while run.items < max_questions:
        question = test.next_question()
        if question is None:
            break
        if all(learner.known[s] for s in question.item.skills):
            run.over_practice += 1
            run.causes["a_placement_known"] = run.causes.get("a_placement_known", 0) + 1
            run.branches["placement"] = run.branches.get("placement", 0) + 1
        correct, _ = learner.answer(question.item)
        if explainer is not None:  # a right placement answer shows its skills once
            explainer.after(question.item, correct, {s: learner.known[s] for s in question.item.skills})
        test.answer(question.item.id, correct)
        run.items += 1
        run.questions += 1
    known, _ = test.placed()
    placed = set(known)
    run.skill_accuracy = sum((s in placed) == learner.known[s] for s in graph.order) / len(graph)
    run.known_recall = (sum(learner.known[s] for s in placed) / max(1, sum(learner.known.values())))
    if test.result():
        coach.place(test.result())


def _items_for(graph, step, on_path: set[str], asked: dict[str, int]) -> list[Item] | None:
    """What the learner answers for the coach's advice; None when nothing is left for the goal.
    `asked` counts how often each quiz item was asked."""
    if step.skill is not None:
        items = [i for i in graph.exercise_items.get(step.exercise.id, []) if i.skills]
        if step.exercise.kind != "quiz":
            return items
        skill = step.skill  # "its quiz will tell": its items on that skill, alone if it can
    else:
        # recommend's last resort is any exercise not passed, off the goal. Before it, a goal
        # skill of the fringe that only quiz items practise (recommend offers none of those):
        # its quiz items. Nothing left: the coach stops.
        quizzed = [s for s in step.fringe if s in on_path]
        if not quizzed:
            return None
        skill, items = quizzed[0], [i for i in graph.items(quizzed[0]) if i.kind == "quiz"]
    on_skill = [i for i in items if skill in i.skills]
    chosen = [i for i in on_skill if len(i.skills) == 1] or on_skill
    # one quiz item at a time (the one asked least so far), then the coach looks again: it stops
    # asking as soon as its model is sure
    return [min(chosen, key=lambda i: (asked.get(i.id, 0), chosen.index(i)))] if chosen else chosen


def coached(graph, curriculum, learner: Learner, budget: int, goal: dict[str, float], place: bool,
            max_questions: int = 20, params: ParamSource = default_params,
            base_rates: dict[str, float] | None = None, explain: bool = False) -> Run:
    """The coach's next step again and again toward the goal ({skill: weight}) until its model
    (replayed with `params`) says the goal's skills are mastered; with `place`, a placement test first."""
    run, coach = Run(), Coach(graph, params)
    reference = ReferenceFilter(learner, base_rates) if base_rates else None
    explainer = Explainer(learner, goal) if explain else None
    if place:
        placement_test(graph, learner, coach, run, max_questions, explainer)
    on_path = set(goal) | {a for skill in goal for a in graph.ancestors(skill)}
    usable = lambda exercise: bool(set(exercise.skills) & on_path)  # noqa: E731 - the goal's exercises only
    cache: dict = {}
    last, stalled = None, 0
    struggling: tuple[str, int] | None = None  # the exercise failed in a row, and how many times
    asked: dict[str, int] = {}
    while run.items < budget:
        mastered = coach.mastered()
        # believed mastered with no answer of the learner's own (placed, or by spreading): the
        # coach asks once before it stops (next_step.recommend, step 3)
        unconfirmed = {s for s in mastered if not coach.states[s].answers}
        if all(s in mastered for s in goal) and not unconfirmed & set(goal):
            break
        # what recommend's advice depends on: mastered, passed, struggling, and the skills the
        # model puts at READY or DOUBT and above
        key = (frozenset(mastered), frozenset(coach.passed), struggling, frozenset(unconfirmed),
               frozenset(s for s, state in coach.states.items() if state.answers),
               frozenset(s for s, state in coach.states.items() if state.p_known >= READY),
               frozenset(s for s, state in coach.states.items() if state.p_known >= next_step.READY_OFF_GOAL),
               frozenset(s for s, state in coach.states.items() if state.p_known >= next_step.STEP_BACK_BELOW),
               frozenset(s for s, state in coach.states.items() if state.p_known >= DOUBT))
        stalled = stalled + 1 if key == last else 0
        if stalled >= MAX_ROUNDS:
            run.stalled = True
            break  # the same advice round after round, and nothing changes: the coach is stuck
        last = key
        if key not in cache:
            cache[key] = recommend(curriculum, graph, mastered, coach.passed, goal, usable, struggling=struggling,
                                   p_known={s: state.p_known for s, state in coach.states.items()},
                                   unconfirmed=unconfirmed,
                                   answered={s for s, state in coach.states.items() if state.answers})
        step = cache[key]
        items = _items_for(graph, step, on_path, asked)
        if items is None:
            break
        for item in items:
            asked[item.id] = asked.get(item.id, 0) + 1
        right = True
        for item in items:
            if run.items >= budget:
                right = False
                break
            right &= _practise(graph, learner, coach, item, run, reference, explainer, _branch(step))
        if step.skill is not None and (right or not items) and step.exercise.kind != "quiz":
            coach.passed.add(step.exercise.id)
        # failures in a row at the exercise of the latest attempt, as next_step.struggling_with
        # reads them from the store (a quiz attempt is one too)
        fails = 0 if right else (struggling[1] if struggling and struggling[0] == step.exercise.id else 0) + 1
        struggling = (step.exercise.id, fails) if fails else None
    return _finish(run, learner, goal, coach)
