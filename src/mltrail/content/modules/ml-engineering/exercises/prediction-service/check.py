import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _predict(features):
    return {"method": "POST", "path": "/predict", "json": {"features": features}}


def _case(rng):
    d = int(rng.integers(1, 5))
    weights = [round(float(v), 3) for v in rng.normal(0, 1, size=d)]
    bias = round(float(rng.normal(0, 1)), 3)
    requests = [{"method": "GET", "path": "/health"}]
    for _ in range(int(rng.integers(2, 6))):
        requests.append(_predict([round(float(v), 3) for v in rng.normal(0, 2, size=d)]))
    bad = int(rng.integers(0, 4))
    if bad == 0:
        requests.append(_predict([1.0] * (d + 1)))
    elif bad == 1 and d > 1:
        requests.append(_predict([1.0] * (d - 1)))
    elif bad == 2:
        requests.append({"method": "POST", "path": "/predict", "json": {"values": [1.0] * d}})
    order = rng.permutation(len(requests))
    version = f"{int(rng.integers(0, 5))}.{int(rng.integers(0, 20))}.{int(rng.integers(0, 10))}"
    return {"init": {"weights": weights, "bias": bias, "threshold": round(float(rng.uniform(0.2, 0.8)), 2), "version": version},
            "requests": [requests[int(i)] for i in order]}


def cases(rng):
    init = {"weights": [1.0, -2.0], "bias": 0.5, "threshold": 0.5, "version": "1.4.0"}
    yield labelled({"init": init, "requests": [
        {"method": "GET", "path": "/health"}, _predict([2.0, 0.5]), _predict([2.0])]}, "the worked example")
    yield labelled({"init": init, "requests": [_predict([0.0, 0.25]), _predict([-3.0, 1.0])]}, "a score exactly at the threshold is labelled 1; a low score 0")
    yield labelled({"init": init, "requests": [_predict([1.0, 2.0, 3.0]), {"method": "POST", "path": "/predict", "json": {}},
                                                 {"method": "POST", "path": "/predict", "json": {"features": 3.0}},
                                                 {"method": "POST", "path": "/predict", "json": {"features": ["a", 1.0]}}]}, "bad bodies: too many features, none, not a list, not numbers")
    yield labelled({"init": init, "requests": [_predict(["2.0", "0.5"]), _predict([True, 0.5]), _predict([2, 1])]},
                   "numbers written as text, and true, are not numbers: 422; whole numbers are numbers")
    yield labelled({"init": {"weights": [3.0], "bias": 0.0, "threshold": 0.9, "version": "0.1.0"},
                    "requests": [_predict([10.0]), _predict([-10.0]), {"method": "GET", "path": "/health"}]}, "large scores on both sides")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if not isinstance(got, list) or len(got) != len(expected):
        return f"expected {len(expected)} answers, got {got!r}"
    for k, (want, answer, request) in enumerate(zip(expected, got, case.args["requests"])):
        where = f"request {k + 1} ({request['method']} {request['path']}"
        where += f" with {request['json']})" if "json" in request else ")"
        if answer["status"] != want["status"]:
            return f"{where}: expected status {want['status']}, got {answer['status']}"
        if want["status"] != 200:
            continue
        body = answer["json"]
        if not isinstance(body, dict):
            return f"{where}: expected a JSON object, got {body!r}"
        for key in want["json"]:
            if key not in body:
                return f"{where}: the answer has no field {key!r}"
        if request["path"] == "/health":
            if body["status"] != "ok" or body["version"] != want["json"]["version"]:
                return f"{where}: expected {want['json']}, got {body}"
            continue
        score, label = body["score"], body["label"]
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not math.isfinite(score):
            return f"{where}: score must be a number, got {score!r}"
        if abs(score - want["json"]["score"]) > 1e-9 * abs(want["json"]["score"]) + 1e-300:
            return f"{where}: expected score {want['json']['score']!r}, got {score!r}"
        if type(label) is not int or label != want["json"]["label"]:
            return f"{where}: expected label {want['json']['label']!r} (an integer), got {label!r}"
        if body["version"] != want["json"]["version"]:
            return f"{where}: expected version {want['json']['version']!r}, got {body['version']!r}"
    return True
