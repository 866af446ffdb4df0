"""Forbidden calls: an exercise that teaches an algorithm may forbid the library shortcut.

`exercise.toml` lists dotted names (`forbid = ["numpy.linalg.det"]`). The submission's
syntax tree is read here, on the trusted side; it is parsed, never executed. Every
name the file binds by `import` is followed, so `np.linalg.det`, `from numpy.linalg
import det as d`, `import numpy.linalg as la; la.det` and a bare reference `f =
np.linalg.det` are all found. Reaching the same function through a private module
(`numpy.linalg._linalg.det`) counts too: a name under the forbidden one's top package
ending in the forbidden function's name is the same shortcut.

A static reading cannot follow code that builds names at run time, so in an exercise
that forbids anything, `__import__`, `importlib`, `eval`, `exec`, `compile`,
`getattr` with a computed name, and `getattr(x, "det")` with a forbidden name are
refused as well, each with a message that says why.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

DYNAMIC = {
    "__import__": "imports a module by a name built at run time",
    "eval": "runs code built at run time",
    "exec": "runs code built at run time",
    "compile": "compiles code built at run time",
    "globals": "reaches names through a dictionary",
    "vars": "reaches names through a dictionary",
    "importlib": "imports a module by a name built at run time",
    "sys.modules": "reaches modules through a dictionary",
    "operator.attrgetter": "reaches attributes by a name built at run time",
    "operator.methodcaller": "calls methods by a name built at run time",
    "__dict__": "reaches names through a dictionary",
    "__getattribute__": "reaches attributes by a name built at run time",
    "getattr": "reaches an attribute by a name built at run time",
    "*": "imports every name of a module at once, so what a name stands for cannot be read",
}


@dataclass(frozen=True)
class Use:
    """One place the submission reaches something the exercise forbids."""

    name: str  # the forbidden name as the exercise declares it, or what was written
    line: int
    why: str | None = None  # for a construct that hides what it reaches: the reason it is refused

    def message(self) -> str:
        if self.why:
            return (f"Line {self.line} uses `{self.name}`, which {self.why}. This exercise forbids some "
                    "library calls and reads your file as written, so it does not allow that; "
                    "import and call what you need by name.")
        return (f"Line {self.line} uses `{self.name}`. This exercise asks you to write that computation yourself, "
                f"so `{self.name}` is not allowed here; the lesson shows how to build it from simpler steps.")


def _matches(path: str, forbidden: str) -> bool:
    """Whether the dotted `path` reaches the forbidden name (or something inside it)."""
    if path == forbidden or path.startswith(forbidden + "."):
        return True
    if "." not in forbidden:
        return False
    top, leaf = forbidden.split(".", 1)[0], forbidden.rsplit(".", 1)[-1]
    parts = path.split(".")
    return parts[0] == top and leaf in parts[1:]  # the same function through a private module


class _Reader(ast.NodeVisitor):
    def __init__(self, forbidden: list[str]) -> None:
        self.forbidden = forbidden
        self.leaves = {name.rsplit(".", 1)[-1] for name in forbidden}
        self.aliases: dict[str, str] = {}  # a name bound by import -> the dotted path it stands for
        self.uses: list[Use] = []

    def bind(self, tree: ast.AST) -> None:
        """Every name the file binds by import, wherever the import is."""
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.aliases[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".", 1)[0]
                        self.aliases[top] = top
            elif isinstance(node, ast.ImportFrom) and not node.level:
                for alias in node.names:
                    if alias.name != "*":
                        self.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    def _dynamic(self, name: str, line: int) -> None:
        self.uses.append(Use(name, line, DYNAMIC[name.split("(")[0]]))

    def _check_path(self, path: str, line: int) -> bool:
        for name in self.forbidden:
            if _matches(path, name):
                self.uses.append(Use(name, line))
                return True
        for name in ("importlib", "sys.modules", "operator.attrgetter", "operator.methodcaller"):
            if path == name or path.startswith(name + "."):
                self._dynamic(name, line)
                return True
        return False

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_path(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:  # a relative import reaches nothing of an installed library
            return
        base = node.module or ""
        for alias in node.names:
            if alias.name == "*":
                if any(_matches(f"{base}.x", n) or n.startswith(base + ".") for n in self.forbidden):
                    self.uses.append(Use(f"from {base} import *", node.lineno, DYNAMIC["*"]))
                continue
            self._check_path(f"{base}.{alias.name}", node.lineno)

    def _dotted(self, node: ast.AST) -> str | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if isinstance(node, ast.Name) and node.id in self.aliases:
            return ".".join([self.aliases[node.id], *reversed(parts)])
        return None

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in ("__dict__", "__getattribute__"):
            self._dynamic(node.attr, node.lineno)
        path = self._dotted(node)
        if path is not None and self._check_path(path, node.lineno):
            return  # one finding per chain
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in self.aliases:
            self._check_path(self.aliases[node.id], node.lineno)
        elif node.id in ("__import__", "eval", "exec", "compile", "globals", "vars") and isinstance(node.ctx, ast.Load):
            self._dynamic(node.id, node.lineno)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr", "hasattr", "delattr") \
                and len(node.args) >= 2:
            attribute = node.args[1]
            if not (isinstance(attribute, ast.Constant) and isinstance(attribute.value, str)):
                self._dynamic("getattr", node.lineno)
            elif attribute.value in self.leaves or attribute.value in ("__dict__", "__getattribute__"):
                target = self._dotted(node.args[0])
                if not (target and self._check_path(f"{target}.{attribute.value}", node.lineno)):
                    self.uses.append(Use(f"getattr(..., {attribute.value!r})", node.lineno,
                                         "reaches an attribute by name, one this exercise forbids"))
        self.generic_visit(node)


def forbidden_uses(source: str, forbidden: list[str]) -> list[Use]:
    """Every place `source` reaches a forbidden name, in line order; [] when it does not.

    The source is parsed, never run. A file that does not parse has no uses here: the
    sandbox reports its syntax error as it does for any exercise.
    """
    if not forbidden:
        return []
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
        return []
    reader = _Reader(list(forbidden))
    try:
        reader.bind(tree)
        reader.visit(tree)
    except RecursionError:
        return [Use("code nested too deeply", 1, "cannot be read to the end")]
    seen: set[tuple[str, int]] = set()
    unique = []
    for use in sorted(reader.uses, key=lambda u: u.line):
        if (use.name, use.line) not in seen:
            seen.add((use.name, use.line))
            unique.append(use)
    return unique


__all__ = ["Use", "forbidden_uses"]
