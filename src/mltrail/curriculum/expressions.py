"""Quiz expression answers checked without running them: syntax and a whitelist of what may appear.

An author's answer is parsed with `ast` and walked; nothing is ever evaluated here.
"""

from __future__ import annotations

import ast

FUNCTIONS = ("sqrt", "exp", "log", "sin", "cos", "tan", "abs")
CONSTANTS = ("pi", "e")
OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Pow: "**",
             ast.USub: "-", ast.UAdd: "+"}
MAX_LENGTH = 500
ALLOWED_TEXT = "+ - * / **, parentheses, numbers, " + " ".join(FUNCTIONS + CONSTANTS)


def expression_problem(text: str, variables: list[str]) -> str | None:
    """What is wrong with an expression answer, in words, or None when it is fine."""
    if len(text) > MAX_LENGTH:
        return f"is {len(text)} characters long; keep it under {MAX_LENGTH}"
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        where = f" at column {exc.offset}" if exc.offset else ""
        return f"is not a valid expression{where} ({exc.msg}); write it as Python, e.g. \"3*x**2 + 2\""
    for node in ast.walk(tree.body):
        problem = _node_problem(node, variables)
        if problem:
            return problem
    return None


def _node_problem(node: ast.AST, variables: list[str]) -> str | None:
    if isinstance(node, (ast.BinOp, ast.UnaryOp)):
        if type(node.op) not in OPERATORS:
            symbol = {ast.BitXor: "^ (use ** for a power)", ast.Mod: "%"}.get(type(node.op), type(node.op).__name__)
            return f"uses the operator {symbol}; an answer may use {ALLOWED_TEXT}"
        return None
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS:
            return f"calls {ast.unparse(node.func)}(...), which is not one of the functions {', '.join(FUNCTIONS)}"
        if node.keywords or len(node.args) != 1 or any(isinstance(a, ast.Starred) for a in node.args):
            return f"calls {name} with {len(node.args)} arguments and {len(node.keywords)} keywords; give it exactly one argument"
        return None
    if isinstance(node, ast.Name):
        if node.id in variables or node.id in CONSTANTS or node.id in FUNCTIONS:
            return None  # a function name alone is caught where it is used (a call or not)
        return (f"uses '{node.id}', which is neither one of the item's variables ({', '.join(variables)}) "
                f"nor one of {' '.join(FUNCTIONS + CONSTANTS)}; add it to `variables` or fix the name")
    if isinstance(node, ast.Constant):
        if type(node.value) in (int, float):
            return None
        return f"contains the literal {node.value!r}; only numbers may appear"
    if isinstance(node, (ast.Load, *[op for op in OPERATORS])):
        return None
    return f"contains {type(node).__name__} ({ast.unparse(node)!r}); an answer may use {ALLOWED_TEXT}"
