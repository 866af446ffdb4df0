"""The next step: the coach's pick from the outer fringe of the skill graph, or (without
mastery to go on) the first exercise on the path that the learner has not passed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import Curriculum, Exercise, Lesson


def next_exercise(curriculum: Curriculum, passed: set[str]) -> Exercise | None:
    return next((ex for ex in curriculum.exercises() if ex.id not in passed), None)


def lesson_before(curriculum: Curriculum, exercise: Exercise, read: set[str]) -> Lesson | None:
    """An unread lesson of the exercise's module that teaches one of its skills."""
    module = curriculum.module(exercise.module)
    if module is None:
        return None
    for lesson in module.lessons:
        if lesson.id not in read and set(lesson.skills) & set(exercise.skills):
            return lesson
    return None


# ---------------------------------------------------------------- the coach's next step


@dataclass
class NextStep:
    """What to do next, and why; `exercise` None when nothing is left to practise."""

    exercise: Exercise | None
    skill: str | None
    reason: str
    fringe: list[str] = field(default_factory=list)  # every skill ready to learn, best first
    reviews_due: int = 0  # reviews of mastered skills due now (`mltrail review`): they come first

    def to_json(self) -> dict:
        return {"exercise": self.exercise.id if self.exercise else None, "skill": self.skill,
                "reason": self.reason, "fringe": self.fringe, "reviews_due": self.reviews_due}


def goal_relevance(graph: SkillGraph, goal: dict[str, float] | None) -> dict[str, float]:
    """How much each skill matters for a goal (role skills and their weights): a goal skill
    counts its own weight, a prerequisite the largest weight of the goal skills it leads to."""
    relevance: dict[str, float] = {}
    for target, weight in (goal or {}).items():
        if target not in graph:
            continue
        for skill in graph.ancestors(target) | {target}:
            relevance[skill] = max(relevance.get(skill, 0.0), float(weight))
    return relevance


def practisable(graph: SkillGraph, mastered: set[str]) -> set[str]:
    """Mastered skills, plus skills no item practises whose prerequisites are all in the set
    (such a skill cannot be shown, so it must not block what builds on it)."""
    known = set(mastered)
    for skill in graph.order:
        if not graph.items(skill) and graph.prerequisites(skill) <= known:
            known.add(skill)
    return known


def exercise_for(curriculum: Curriculum, graph: SkillGraph, skill: str, passed: set[str],
                 usable: Callable[[Exercise], bool] = lambda ex: True, quiz: bool = False,
                 known: set[str] | None = None) -> Exercise | None:
    """The exercise to practise a skill with: the easiest one not yet passed, in course order
    among equals; a quiz only with `quiz`, and then only a quiz.

    With `known` (the skills the learner is taken to know): first an exercise whose every
    skill is known or ready (its prerequisites known), since a skill is hard to learn while
    what it builds on is missing; among those, the one that practises most skills not yet
    known (one answer, several skills)."""
    seen: list[str] = []
    for item in graph.items(skill):
        if item.exercise not in seen and (item.kind == "quiz") is quiz:
            seen.append(item.exercise)
    candidates = [curriculum.exercise(ex_id) for ex_id in seen if ex_id not in passed]
    candidates = [ex for ex in candidates if ex is not None and usable(ex)]
    if not candidates:
        return None
    position = {ex.id: i for i, ex in enumerate(curriculum.exercises())}
    if known is None:
        return min(candidates, key=lambda ex: (ex.manifest.difficulty, position[ex.id]))

    def rank(ex: Exercise) -> tuple:
        skills = [s for s in ex.skills if s in graph]
        blocked = any(s not in known and not graph.prerequisites(s) <= known for s in skills)
        fresh = sum(s not in known for s in skills)
        return (blocked, -fresh, ex.manifest.difficulty, position[ex.id])

    return min(candidates, key=rank)


def practised(graph: SkillGraph, passed: set[str]) -> set[str]:
    """Skills whose every exercise (quizzes aside) the learner has passed: there is nothing left
    to practise them with but their quiz, so what builds on them opens."""
    done = set()
    for skill in graph.order:
        exercises = {item.exercise for item in graph.items(skill) if item.kind != "quiz"}
        if exercises and exercises <= passed:
            done.add(skill)
    return done


STRUGGLING = 2  # failed attempts in a row at one exercise before the coach looks behind it
# ... at a prerequisite it does not believe known (below READY). When it believes every one
# known, failing is what learning a new skill looks like (a few tries before it is learnt), and
# sending the learner back each time costs answers on skills they know: it looks behind only
# after this many failures in a row. In between, the step back after STRUGGLING failures goes
# only to a prerequisite the model thinks more likely unknown than known (below
# STEP_BACK_BELOW); after STRUGGLING_UNSURE, to one below READY; after STRUGGLING_KNOWN, to one
# not mastered. (Measured on simulated learners, benchmarks/adaptive.py --explain: with READY
# after 2 failures and "not mastered" after 4, three step backs in four went to a prerequisite
# the learner knew, a third of the coach's over-practice.)
STRUGGLING_KNOWN = 8
STEP_BACK_BELOW = 0.5
STRUGGLING_UNSURE = 4

# A skill the model believes known with at least this probability opens what builds on it,
# though not yet mastered (MASTERED, 0.95): the learner moves on, and right answers on the
# skills built on it confirm it (mastery spreads a right answer to the prerequisites), which
# costs fewer answers than practising it to MASTERED first. What is left unconfirmed at the
# end is practised by its quiz (step 3 of `recommend`).
READY = 0.8
# ... and a skill off the goal (a prerequisite the goal does not ask to master) that the learner
# has answered on at least once (`answered`) opens what builds on it from this: it need not be
# mastered, and what builds on it practises it further (a wrong answer there sends the learner
# back to it while it is below STEP_BACK_BELOW). Without an answer of its own (a prior, a
# placement, a spread) it needs READY. (Starting points stay below PRIOR_CAP, 0.75.)
READY_OFF_GOAL = 0.6
# A skill whose every exercise is passed opens what builds on it unless the model puts it
# below this (a pass by luck, or forgotten since): then its quiz comes first (step 3).
DOUBT = 0.5


def struggling_with(attempts) -> tuple[str, int] | None:
    """The exercise of the latest attempt, if it is not passed, and how many attempts in a row
    at it have failed (records oldest first, with exercise_id and passed); else None."""
    if not attempts:
        return None
    latest = attempts[-1].exercise_id
    if any(a.exercise_id == latest and a.passed for a in attempts):
        return None
    failures = 0
    for attempt in reversed(attempts):
        if attempt.exercise_id != latest:
            continue
        cases = (getattr(attempt, "verdict", None) or {}).get("cases") or []
        if cases and all(case.get("passed") for case in cases):
            continue  # some items of a quiz answered, every one right (the web app's one-by-one checks)
        if getattr(attempt, "status", "failed") in ("failed", "timeout", "memory_limit"):
            failures += 1
    return latest, failures


def _weakest_behind(graph: SkillGraph, exercise: Exercise, mastered: set[str],
                    p_known: dict[str, float], failures: int = STRUGGLING_KNOWN,
                    unconfirmed: set[str] = frozenset()) -> str | None:
    """The prerequisite of the exercise's skills (direct first, then further back) that the
    coach is least sure the learner knows. Below STRUGGLING_UNSURE `failures`, only one it
    thinks more likely unknown (below STEP_BACK_BELOW), below STRUGGLING_KNOWN one it does not
    believe known (below READY; without `p_known`, not mastered), else None. From there on,
    when every one is mastered, the least sure of the direct ones all the same (a mastered
    skill may have been forgotten, or guessed); None when the exercise's skills build on
    nothing that can be practised."""
    skills = [s for s in exercise.skills if s in graph]
    direct = {s for s in set().union(*(graph.prerequisites(s) for s in skills)) if graph.items(s)}
    further = {s for s in set().union(*(graph.ancestors(s) for s in skills)) if graph.items(s)}
    if failures < STRUGGLING_KNOWN:
        below = STEP_BACK_BELOW if failures < STRUGGLING_UNSURE else READY
        believed = {s for s in further if s in mastered or p_known.get(s, 0.0) >= below}
        behind = (direct - believed) or (further - believed)
    else:
        behind = (direct - mastered) or (further - mastered) or direct
    if not behind:
        return None
    # a skill believed known with no answer of its own (placed, or by spreading) first
    return min(behind, key=lambda s: (s not in unconfirmed, p_known.get(s, 0.0), -graph.skills[s].order))


def recommend(curriculum: Curriculum, graph: SkillGraph, mastered: set[str], passed: set[str],
              goal: dict[str, float] | None = None,
              usable: Callable[[Exercise], bool] = lambda ex: True,
              struggling: tuple[str, int] | None = None,
              p_known: dict[str, float] | None = None,
              unconfirmed: set[str] | None = None, answered: set[str] | None = None) -> NextStep:
    """The next step. In order:

    1. after `STRUGGLING` failures in a row at an exercise (`struggling`: its id and the
       count), a skill behind it that the coach thinks more likely unknown (below
       STEP_BACK_BELOW), to practise first; after `STRUGGLING_UNSURE`, one below READY; after
       `STRUGGLING_KNOWN`, one it has not mastered (or, all mastered, the one it is least sure
       of);
    2. an exercise for a skill of the outer fringe (the learner's goal first, then the
       exercise that practises most skills not yet known, then course order), or its quiz
       when quiz items are all that practise it or its exercises are all passed (without a
       quiz, with `p_known`: its easiest exercise once more). With
       `p_known`, a skill believed known with at least READY counts as known here (it opens
       what builds on it; a skill off the goal that the learner has answered on, `answered`,
       with READY_OFF_GOAL), and one whose exercises are all passed counts only if the model
       puts it at DOUBT or more;
    3. the quiz of a skill of the goal believed mastered that no answer of the learner's own
       has shown (`unconfirmed`: skills placed, or reached by spreading only; step 1 also
       looks behind a failing exercise at these first): a placement is a short test, and a
       skill placed known by mistake would never be practised;
       then the quiz of a skill practised (every exercise passed) but not yet mastered (with
       a goal, a skill of the goal only); for a skill of the goal without a quiz, its easiest
       exercise once more;
    4. the next exercise on the path not yet passed.
    Nothing is locked: this only advises.
    """
    likely = {s for s, p in (p_known or {}).items()
              if s in graph and p >= (READY_OFF_GOAL if goal and s not in goal and s in (answered or ()) else READY)}
    done = practised(graph, passed)
    if p_known is not None:  # every exercise passed, but the model doubts it: its quiz will tell (step 3)
        done = {s for s in done if p_known.get(s, 0.0) >= DOUBT}
    known = practisable(graph, mastered | likely | done)
    relevance = goal_relevance(graph, goal)
    fringe = [s for s in graph.fringe(known) if graph.items(s)]
    fringe.sort(key=lambda s: (-relevance.get(s, 0.0), graph.skills[s].order))
    if struggling is not None and struggling[1] >= STRUGGLING:
        stuck = curriculum.exercise(struggling[0])
        behind = (_weakest_behind(graph, stuck, mastered, p_known or {}, struggling[1], set(unconfirmed or ()))
                  if stuck is not None else None)
        if behind is not None:
            exercise = (exercise_for(curriculum, graph, behind, passed, usable, quiz=True)
                        or exercise_for(curriculum, graph, behind, passed, usable))
            if exercise is not None:
                return NextStep(exercise, behind, f"{stuck.id} failed {struggling[1]} times in a row; it builds on "
                                f"'{graph.skills[behind].title}', which the coach is not sure you master yet: "
                                "practise that first", fringe)
    for skill in fringe:
        exercise = exercise_for(curriculum, graph, skill, passed, usable, known=known)
        if exercise is None:  # only quiz items practise it, or its exercises are passed and the model doubts it
            exercise = exercise_for(curriculum, graph, skill, passed, usable, quiz=True)
        if exercise is None and p_known is not None:  # no quiz either: an exercise of it once more
            exercise = exercise_for(curriculum, graph, skill, set(), usable, known=known)
        if exercise is not None:
            why = "it is on the way to your goal" if relevance.get(skill) else "it is next on the path"
            return NextStep(exercise, skill, f"you are ready for '{graph.skills[skill].title}' (what it builds on "
                            f"is done) and {why}", fringe)
    for skill in sorted(unconfirmed or (), key=lambda s: (-relevance.get(s, 0.0), graph.skills[s].order)):
        if skill not in graph or not relevance.get(skill) or (goal and skill not in goal):
            continue
        exercise = (exercise_for(curriculum, graph, skill, set(), usable, quiz=True)
                    or exercise_for(curriculum, graph, skill, set(), usable))
        if exercise is not None:
            return NextStep(exercise, skill, f"the coach believes you master '{graph.skills[skill].title}' but has "
                            "not seen you answer on it yet: one question will confirm it", fringe)
    # with a goal, only its own skills: a prerequisite need not be mastered for it, and the
    # answers on what builds on it have shown it (quizzing it was over-practice)
    unsure = [s for s in graph.order if s in known and s not in mastered and graph.items(s)
              and (not goal or s in goal)]
    unsure.sort(key=lambda s: (-relevance.get(s, 0.0), graph.skills[s].order))
    for skill in unsure:
        exercise = exercise_for(curriculum, graph, skill, passed, usable, quiz=True)
        if exercise is not None:
            return NextStep(exercise, skill, f"you have practised '{graph.skills[skill].title}' but the coach is "
                            "not yet sure you master it: its quiz will tell", fringe)
    for skill in unsure:  # no quiz: a goal skill's exercise once more
        exercise = exercise_for(curriculum, graph, skill, set(), usable) if relevance.get(skill) else None
        if exercise is not None:
            return NextStep(exercise, skill, f"you have practised '{graph.skills[skill].title}' but the coach is "
                            f"not yet sure you master it: {exercise.id} once more will tell", fringe)
    for exercise in curriculum.exercises():  # what is left, in path order
        if exercise.id not in passed and usable(exercise):
            return NextStep(exercise, None, "the next exercise on the path that you have not passed", fringe)
    return NextStep(None, None, "you have passed every exercise", fringe)
