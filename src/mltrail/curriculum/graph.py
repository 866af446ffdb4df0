"""The module and skill graphs: path order, unknown references and cycles.

Built on the standard library's `graphlib`: a topological sort is all the path
needs, and it costs nothing at start-up.
"""

from __future__ import annotations

import heapq
from graphlib import CycleError, TopologicalSorter
from typing import TYPE_CHECKING, Callable, Hashable

from mltrail.curriculum.problems import Problem

if TYPE_CHECKING:
    from mltrail.curriculum.loader import Curriculum, Module


def ordered(requires: dict[str, set[str]], key: Callable[[str], Hashable]) -> tuple[list[str], list[str] | None]:
    """Nodes with every prerequisite first, ties broken by `key`; and a cycle if there is one.

    `requires` maps each node to the nodes it needs. With a cycle, the order is by `key`
    alone and the cycle is returned as a list whose first and last node are the same.
    """
    sorter = TopologicalSorter(requires)
    try:
        sorter.prepare()
    except CycleError as exc:
        return sorted(requires, key=key), list(exc.args[1])
    heap = [(key(node), node) for node in sorter.get_ready()]
    heapq.heapify(heap)
    order = []
    while heap:
        _, node = heapq.heappop(heap)
        order.append(node)
        sorter.done(node)
        for ready in sorter.get_ready():
            heapq.heappush(heap, (key(ready), ready))
    return order, None


def order_modules(modules: list["Module"]) -> tuple[list["Module"], list[Problem]]:
    """Modules in path order (prerequisites first, then `order`), and graph problems."""
    problems: list[Problem] = []
    by_id = {m.id: m for m in modules}
    requires: dict[str, set[str]] = {m.id: set() for m in modules}
    for module in modules:
        for prereq in module.manifest.prerequisites:
            if prereq not in by_id:
                problems.append(Problem(module.path / "module.toml", "prerequisites", f"unknown module '{prereq}'"))
            else:
                requires[module.id].add(prereq)
    order, cycle = ordered(requires, key=lambda m: (by_id[m].manifest.order, m))
    if cycle:
        names = " -> ".join(reversed(cycle))  # graphlib lists a cycle from dependent to prerequisite
        problems.append(Problem(by_id[cycle[0]].path / "module.toml", "prerequisites", f"prerequisites form a cycle: {names}"))
    return [by_id[m] for m in order], problems


def skill_graph(curriculum: "Curriculum") -> dict[str, set[str]]:
    """Every declared skill (qualified id) -> the declared skills it requires."""
    declared = set(curriculum.skills())
    graph: dict[str, set[str]] = {}
    for module in curriculum.modules:
        for skill in module.manifest.skills:
            refs = (ref if "/" in ref else f"{module.id}/{ref}" for ref in skill.requires)
            graph[f"{module.id}/{skill.id}"] = {ref for ref in refs if ref in declared}
    return graph


def reference_problems(curriculum: "Curriculum") -> list[Problem]:
    """Every skill named anywhere must be declared; skill prerequisites must be acyclic."""
    declared = set(curriculum.skills())
    problems: list[Problem] = []

    def need(ref: str, module_id: str, path, field: str) -> None:
        qualified = ref if "/" in ref else f"{module_id}/{ref}"
        if qualified not in declared:
            problems.append(Problem(path, field, f"unknown skill '{ref}' (declare it in a module.toml)"))

    for module in curriculum.modules:
        manifest_path = module.path / "module.toml"
        for i, skill in enumerate(module.manifest.skills):
            for ref in skill.requires:
                need(ref, module.id, manifest_path, f"skills.{i}.requires")
        for lesson in module.lessons:
            for ref in lesson.meta.skills:
                need(ref, module.id, lesson.path, "skills")
        for exercise in module.exercises:
            path = exercise.path / "exercise.toml"
            for ref in exercise.manifest.skills:
                need(ref, module.id, path, "skills")
            for i, item in enumerate(getattr(exercise.manifest, "items", [])):
                for ref in item.skills:
                    need(ref, module.id, path, f"items.{i}.skills")
    _, cycle = ordered(skill_graph(curriculum), key=str)
    if cycle:
        names = " -> ".join(reversed(cycle))
        module = curriculum.module(cycle[0].split("/")[0])
        problems.append(Problem(module.path / "module.toml", "skills.requires", f"skill prerequisites form a cycle: {names}"))
    return problems
