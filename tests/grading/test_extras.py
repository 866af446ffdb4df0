"""`extra = "deep"`: PyTorch exercises graded in a zygote that preloads torch, or skipped with the
install command where torch is not installed (never failed, never stored as an attempt)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import MODULE_TOML, write

from mltrail.authoring.content_check import check_content, skipped
from mltrail.curriculum import extras
from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox import codec
from mltrail.sandbox.pool import ZygotePool

SOLUTION = """
import torch


def gradient(w, x):
    w = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    loss = (torch.tensor(x, dtype=torch.float64) @ w).pow(2).sum()
    loss.backward()
    return w.grad
"""

BY_HAND = """
def gradient(w, x):
    # d/dw sum((x @ w)^2) = 2 x^T (x @ w), without torch
    r = [sum(a * b for a, b in zip(row, w)) for row in x]
    return [2 * sum(x[i][j] * r[i] for i in range(len(x))) for j in range(len(w))]
"""

CHECK = """
def cases(rng):
    yield {"w": [1.0, 0.0], "x": [[1.0, 2.0]]}
    for _ in range(20):
        n = int(rng.integers(1, 4))
        yield {"w": rng.normal(size=n).tolist(), "x": rng.normal(size=(3, n)).tolist()}
"""


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("extras") / "course"
    module = root / "modules" / "tiny"
    write(module / "module.toml", MODULE_TOML)
    write(module / "lessons" / "01-adding.md", "---\ntitle: Adding\nskills: [adding]\nminutes: 5\n---\n# Adding\n\n1 + 2 is 3.\n")
    ex = module / "exercises" / "grad"
    write(ex / "exercise.toml", """
        title = "A gradient with autograd"
        kind = "function"
        entry = "gradient"
        extra = "deep"
        skills = ["adding"]
        difficulty = 2
        minutes = 10
        hints = ["Make w a tensor that requires a gradient.", "loss.backward(); return w.grad"]
    """)
    write(ex / "prompt.md", "Return the gradient of sum((x @ w)^2) with respect to w.\n")
    write(ex / "starter.py", "def gradient(w, x):\n    return [0.0 for _ in w]\n")
    write(ex / "solution.py", SOLUTION)
    write(ex / "check.py", CHECK)
    write(ex / "mistakes" / "no-square.py", "# forgets the square\ndef gradient(w, x):\n"
          "    return [sum(row[j] for row in x) for j in range(len(w))]\n")
    write(ex / "mistakes" / "no-square.md", "You differentiated the sum without its square: the chain rule adds 2(x @ w).\n")
    return root


@pytest.fixture
def without_torch(monkeypatch):
    real = extras.importable

    monkeypatch.setattr(extras, "importable", lambda module: False if module == "torch" else real(module))


def test_tensors_cross_as_arrays():
    torch = pytest.importorskip("torch")
    value = torch.tensor([[1.0, 2.0]], requires_grad=True) * 2
    decoded = codec.decode(codec.encode({"t": value, "s": value.shape}, 1 << 20), 1 << 20)
    assert np.array_equal(decoded["t"], np.array([[2.0, 4.0]], dtype=np.float32)) and decoded["s"] == (1, 2)
    assert np.array_equal(codec.as_plain(value), decoded["t"])
    with pytest.raises(codec.CodecError, match="not the model"):
        codec.encode(torch.nn.Linear(2, 1), 1 << 20)


@pytest.mark.parametrize("code", [SOLUTION, BY_HAND], ids=["autograd", "by hand"])
def test_with_torch_installed_the_exercise_is_graded_in_the_deep_zygote(course, code):
    pytest.importorskip("torch")
    exercise = load_curriculum([course]).exercise("tiny/grad")
    with ZygotePool(size=1, forbidden=[course]) as pool:
        assert pool.flavours["deep"][-1] == "torch"
        verdict = grade_source(exercise, code, seed=2, runner=pool)
        assert verdict.passed, verdict.message
        assert ("deep" in pool.slots[0]) is (code == SOLUTION)  # only a job that imports torch starts it
        wrong = grade_source(exercise, SOLUTION.replace("pow(2)", "pow(3)"), seed=2, runner=pool)
        assert wrong.status == "failed"


def test_without_torch_the_exercise_is_skipped_with_the_install_command(course, without_torch):
    exercise = load_curriculum([course]).exercise("tiny/grad")
    verdict = grade_source(exercise, SOLUTION, seed=2)
    assert verdict.status == "skipped"
    assert "pip install 'mltrail[deep]'" in verdict.message and "Nothing was graded" in verdict.message
    assert "pip install 'mltrail[deep]'" in exercise.prompt  # the learner reads it before writing anything
    curriculum, problems = check_content([course], only_custom=True)
    assert problems == []  # the reference, starter and mistake were not graded, so nothing failed
    assert [(ex.id, "deep" in why) for ex, why in skipped(curriculum, {"tiny"})] == [("tiny/grad", True)]


def test_without_torch_the_service_stores_no_attempt_and_the_cli_says_why(course, without_torch, tmp_path):
    from mltrail.config import Settings
    from mltrail.service import App

    app = App(Settings.resolve(home=tmp_path / "home", content=[course], sandbox="fresh"))
    try:
        verdict = app.grade("ada", "tiny/grad", SOLUTION.encode())
        assert verdict.status == "skipped"
        assert app.store.attempts(app.learner_id("ada")) == []
        row = next(r for r in app.exercises() if r.id == "tiny/grad")
        assert row.needs and "mltrail[deep]" in row.needs
    finally:
        app.close()


def test_content_check_json_lists_the_skipped_exercises(course, without_torch, capsys, tmp_path):
    from mltrail.cli.author import _check_all
    from mltrail.config import Settings
    from mltrail.service import App

    app = App(Settings.resolve(home=tmp_path / "home", content=[course], sandbox="fresh"))
    try:
        _check_all(app, [course], grade=True, as_json=True)  # no problem: it returns without exiting 1
    finally:
        app.close()
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert report["skipped"] == [{"exercise": "tiny/grad", "reason": extras.missing_extra(
        load_curriculum([course]).exercise("tiny/grad"))}]
