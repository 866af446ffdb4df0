"""The skill graph: every skill of the course, what it builds on, and what practises it.

Edges come from two places:

- a skill's own `requires` in module.toml (within its module or across modules);
- the order of modules: a skill that requires nothing inside its own module builds on
  the *last* skills of each prerequisite module (those no other skill of that module
  requires). So `supervised/linear-regression` builds on what `calculus` ends with,
  without every author listing it, and the graph stays sparse.

The graph must be acyclic (`SkillGraphError` names a cycle). Items are what the coach
can ask: an exercise (function or dataset) practises its skills; each quiz item practises
its own skills, or its quiz's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

import networkx as nx

from mltrail.curriculum.loader import Curriculum


class SkillGraphError(ValueError):
    """The content's skills do not form a graph the coach can use (a cycle)."""


@dataclass(frozen=True)
class Item:
    """Something a learner can answer: an exercise, or one item of a quiz."""

    exercise: str  # the exercise id
    item: str | None  # the quiz item's id; None for a whole exercise
    kind: str  # function, dataset, quiz
    difficulty: int
    skills: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.exercise if self.item is None else f"{self.exercise}#{self.item}"


@dataclass
class Skill:
    id: str  # qualified: module/skill
    title: str
    module: str
    order: int  # position in the course: module order, then declaration order
    requires: set[str] = field(default_factory=set)  # direct prerequisites (qualified)
    items: list[Item] = field(default_factory=list)


class SkillGraph:
    """Skills as a DAG (prerequisite -> dependent), with the items that practise each."""

    def __init__(self, skills: dict[str, Skill], exercise_items: dict[str, list[Item]] | None = None) -> None:
        self.skills = skills
        # every exercise's items in its own order (a quiz's items as its exercise.toml lists them)
        self.exercise_items = exercise_items if exercise_items is not None else {}
        self.graph = nx.DiGraph()
        for skill in skills.values():
            self.graph.add_node(skill.id)
            for required in skill.requires:
                self.graph.add_edge(required, skill.id)
        if not nx.is_directed_acyclic_graph(self.graph):
            cycle = nx.find_cycle(self.graph)
            raise SkillGraphError("skill prerequisites form a cycle: " + " -> ".join(a for a, _ in cycle)
                                  + f" -> {cycle[0][0]}")

    @classmethod
    def from_curriculum(cls, curriculum: Curriculum) -> "SkillGraph":
        declared = curriculum.skills()
        skills: dict[str, Skill] = {}
        order = 0
        exits: dict[str, list[str]] = {}  # module -> its last skills
        for module in curriculum.modules:
            own = {f"{module.id}/{s.id}" for s in module.manifest.skills}
            required_inside: set[str] = set()
            for spec in module.manifest.skills:
                qualified = f"{module.id}/{spec.id}"
                requires = {ref if "/" in ref else f"{module.id}/{ref}" for ref in spec.requires}
                requires = {ref for ref in requires if ref in declared}
                required_inside |= requires & own
                skills[qualified] = Skill(qualified, spec.title, module.id, order, requires)
                order += 1
            exits[module.id] = [s for s in sorted(own, key=lambda s: skills[s].order) if s not in required_inside]
        for module in curriculum.modules:
            before = [s for prerequisite in module.manifest.prerequisites for s in exits.get(prerequisite, [])]
            for spec in module.manifest.skills:
                skill = skills[f"{module.id}/{spec.id}"]
                if not any(ref.startswith(module.id + "/") for ref in skill.requires):
                    skill.requires |= set(before)
        exercise_items: dict[str, list[Item]] = {}
        for exercise in curriculum.exercises():
            difficulty = exercise.manifest.difficulty
            if exercise.kind == "quiz":
                items = []
                for item in exercise.manifest.items:
                    refs = [ref if "/" in ref else f"{exercise.module}/{ref}" for ref in item.skills] or exercise.skills
                    items.append(Item(exercise.id, item.id, "quiz", difficulty, tuple(r for r in refs if r in skills)))
            else:
                items = [Item(exercise.id, None, exercise.kind, difficulty, tuple(r for r in exercise.skills if r in skills))]
            exercise_items[exercise.id] = items
            for item in items:
                _attach(skills, item)
        return cls(skills, exercise_items)

    # ---------------------------------------------------------------- structure

    def __contains__(self, skill: str) -> bool:
        return skill in self.skills

    def __len__(self) -> int:
        return len(self.skills)

    @cached_property
    def order(self) -> list[str]:
        """Every skill, prerequisites first; ties in course order."""
        return list(nx.lexicographical_topological_sort(self.graph, key=lambda s: self.skills[s].order))

    def prerequisites(self, skill: str) -> set[str]:
        return set(self.graph.predecessors(skill))

    def dependents(self, skill: str) -> set[str]:
        return set(self.graph.successors(skill))

    def ancestors(self, skill: str) -> set[str]:
        return nx.ancestors(self.graph, skill)

    def descendants(self, skill: str) -> set[str]:
        return nx.descendants(self.graph, skill)

    def items(self, skill: str) -> list[Item]:
        return self.skills[skill].items

    @cached_property
    def all_items(self) -> dict[str, Item]:
        return {item.id: item for skill in self.skills.values() for item in skill.items}

    def fringe(self, mastered: Iterable[str]) -> list[str]:
        """The outer fringe: skills not mastered whose prerequisites all are, in course order."""
        known = set(mastered)
        return [s for s in self.order if s not in known and self.prerequisites(s) <= known]

    def missing_before(self, skill: str, mastered: Iterable[str]) -> list[str]:
        """What to master first (the unmastered ancestors), prerequisites first."""
        known = set(mastered)
        wanted = self.ancestors(skill) - known
        return [s for s in self.order if s in wanted]

    def path_to(self, targets: Iterable[str], mastered: Iterable[str]) -> list[str]:
        """The shortest list of skills to master so that all targets are: the targets not
        yet mastered and every unmastered prerequisite of theirs, prerequisites first."""
        known = set(mastered)
        wanted: set[str] = set()
        for target in targets:
            if target in self.skills and target not in known:
                wanted |= {target} | (self.ancestors(target) - known)
        return [s for s in self.order if s in wanted]

    def to_json(self) -> dict:
        return {
            "skills": [
                {"id": s, "title": self.skills[s].title, "module": self.skills[s].module,
                 "requires": sorted(self.prerequisites(s), key=lambda r: self.skills[r].order),
                 "items": [item.id for item in self.skills[s].items]}
                for s in self.order
            ],
        }


def _attach(skills: dict[str, Skill], item: Item) -> None:
    for skill in item.skills:
        skills[skill].items.append(item)
