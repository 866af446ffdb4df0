"""protocol = "http": the learner's entry returns a web app, the check sends it requests in the sandbox."""

from __future__ import annotations

import pytest
from conftest import MODULE_TOML, write

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import build_cases, grade_source
from mltrail.sandbox.pool import ZygotePool

pytest.importorskip("fastapi")

SOLUTION = '''
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel


class Features(BaseModel):
    x: list[float]


def create_app(weights, bias):
    app = FastAPI()

    @app.get("/health")
    def health():
        return {"status": "ok"}

    @app.post("/predict")
    def predict(features: Features):
        if len(features.x) != len(weights):
            raise HTTPException(status_code=422, detail="wrong number of features")
        return {"score": sum(w * v for w, v in zip(weights, features.x)) + bias}

    return app
'''

# The same service in plain Starlette, reading the body by hand: also correct.
STARLETTE_STYLE = '''
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


def create_app(weights, bias):
    async def health(request):
        return JSONResponse({"status": "ok"})

    async def predict(request):
        body = await request.json()
        x = body.get("x")
        if not isinstance(x, list) or len(x) != len(weights):
            return JSONResponse({"detail": "wrong number of features"}, status_code=422)
        score = bias
        for w, v in zip(weights, x):
            score += w * v
        return JSONResponse({"score": score})

    return Starlette(routes=[Route("/health", health), Route("/predict", predict, methods=["POST"])])
'''

CHECK = '''
from mltrail.grading.contract import labelled


def _case(weights, bias, rows):
    requests = [{"method": "GET", "path": "/health"}]
    requests += [{"method": "POST", "path": "/predict", "json": {"x": row}} for row in rows]
    return {"init": {"weights": weights, "bias": bias}, "requests": requests}


def cases(rng):
    yield labelled(_case([1.0, 2.0], 0.5, [[1.0, 1.0], [1.0]]), "a row of the wrong length")
    for _ in range(20):
        n = int(rng.integers(1, 4))
        weights = [round(float(v), 3) for v in rng.normal(size=n)]
        rows = [[round(float(v), 3) for v in rng.normal(size=n)] for _ in range(2)]
        yield _case(weights, round(float(rng.normal()), 3), rows)


def compare(expected, got, case):
    for want, answer in zip(expected, got):
        if answer["status"] != want["status"]:
            return f"expected status {want['status']}, got {answer['status']}"
        if want["status"] == 200 and answer["json"] != want["json"]:
            if "score" in want["json"] and isinstance(answer["json"], dict) and "score" in answer["json"]:
                if abs(answer["json"]["score"] - want["json"]["score"]) <= 1e-9 * (1 + abs(want["json"]["score"])):
                    continue
            return f"expected {want['json']}, got {answer['json']}"
    return len(expected) == len(got)
'''


@pytest.fixture(scope="module")
def exercise(tmp_path_factory):
    root = tmp_path_factory.mktemp("http") / "course"
    module = root / "modules" / "tiny"
    write(module / "module.toml", MODULE_TOML)
    ex = module / "exercises" / "serve"
    write(ex / "exercise.toml", """
        title = "Serve a linear model"
        kind = "function"
        entry = "create_app"
        protocol = "http"
        skills = ["adding"]
        difficulty = 2
        minutes = 10
        hints = ["Two routes: GET /health and POST /predict.", "return {'score': ...}"]
    """)
    write(ex / "prompt.md", "Serve the model.\n")
    write(ex / "starter.py", "def create_app(weights, bias):\n    ...\n")
    write(ex / "solution.py", SOLUTION)
    write(ex / "check.py", CHECK)
    return load_curriculum([root]).exercise("tiny/serve")


@pytest.fixture(scope="module")
def pool(exercise):
    with ZygotePool(size=1, forbidden=[exercise.path.parent.parent.parent]) as pool:
        yield pool


def test_expected_answers_come_from_the_reference_app(exercise):
    cases, expected, protocol = build_cases(exercise, 1)
    assert protocol == "http"
    assert expected[0] == [{"status": 200, "json": {"status": "ok"}}, {"status": 200, "json": {"score": 3.5}},
                           {"status": 422, "json": {"detail": "wrong number of features"}}]


@pytest.mark.parametrize("code", [SOLUTION, STARLETTE_STYLE], ids=["fastapi", "starlette"])
def test_every_correct_service_passes(exercise, pool, code):
    verdict = grade_source(exercise, code, seed=4, runner=pool)
    assert verdict.passed, verdict.message


@pytest.mark.parametrize("change", [
    ("+ bias}", "}"),  # forgets the bias
    ("status_code=422", "status_code=400"),  # the wrong status for a bad row
    ('@app.get("/health")', '@app.get("/healthz")'),  # the wrong route
])
def test_a_wrong_service_fails(exercise, pool, change):
    verdict = grade_source(exercise, SOLUTION.replace(*change), seed=4, runner=pool)
    assert verdict.status == "failed", verdict.message
    assert "expected" in verdict.message


def test_the_service_runs_in_the_sandbox_not_here(exercise, pool):
    spy = "import os\n" + SOLUTION.replace('return {"status": "ok"}', 'return {"status": "ok", "uid": os.getuid()}')
    verdict = grade_source(exercise, spy, seed=4, runner=pool)
    assert verdict.status == "failed"
    if __import__("os").geteuid() == 0:
        assert "'uid': 0" not in verdict.message  # the learner's app did not run as root
