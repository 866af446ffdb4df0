"""The module and skill graphs: path order, unknown references and cycles."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from mltrail.curriculum.loader import Curriculum, Module, Problem


def order_modules(modules: list["Module"]) -> tuple[list["Module"], list["Problem"]]:
    """Modules in path order (prerequisites first, then `order`), and graph problems."""
    from mltrail.curriculum.loader import Problem

    problems: list[Problem] = []
    by_id = {m.id: m for m in modules}
    graph = nx.DiGraph()
    graph.add_nodes_from(by_id)
    for module in modules:
        for prereq in module.manifest.prerequisites:
            if prereq not in by_id:
                problems.append(
                    Problem(module.path / "module.toml", "prerequisites", f"unknown module '{prereq}'")
                )
            else:
                graph.add_edge(prereq, module.id)
    try:
        order = list(
            nx.lexicographical_topological_sort(graph, key=lambda m: (by_id[m].manifest.order, m))
        )
    except nx.NetworkXUnfeasible:
        cycle = nx.find_cycle(graph)
        names = " -> ".join([a for a, _ in cycle] + [cycle[0][0]])
        problems.append(
            Problem(by_id[cycle[0][1]].path / "module.toml", "prerequisites", f"prerequisites form a cycle: {names}")
        )
        order = sorted(by_id, key=lambda m: (by_id[m].manifest.order, m))
    return [by_id[m] for m in order], problems


def skill_graph(curriculum: "Curriculum") -> nx.DiGraph:
    """Skills as nodes (qualified ids, with titles); an edge runs from prerequisite to skill."""
    graph = nx.DiGraph()
    for module in curriculum.modules:
        for skill in module.manifest.skills:
            graph.add_node(f"{module.id}/{skill.id}", title=skill.title, module=module.id)
    for module in curriculum.modules:
        for skill in module.manifest.skills:
            for ref in skill.requires:
                qualified = ref if "/" in ref else f"{module.id}/{ref}"
                if qualified in graph:
                    graph.add_edge(qualified, f"{module.id}/{skill.id}")
    return graph


def reference_problems(curriculum: "Curriculum") -> list["Problem"]:
    """Every skill named anywhere must be declared; skill prerequisites must be acyclic."""
    from mltrail.curriculum.loader import Problem

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
    graph = skill_graph(curriculum)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        cycle = None
    if cycle:
        names = " -> ".join([a for a, _ in cycle] + [cycle[0][0]])
        module = curriculum.module(cycle[0][1].split("/")[0])
        problems.append(Problem(module.path / "module.toml", "skills.requires", f"skill prerequisites form a cycle: {names}"))
    return problems
