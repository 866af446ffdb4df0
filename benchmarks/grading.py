"""Grading speed, end to end through the service: load, seed, cases, sandbox, compare, store.

For a small numpy exercise (python/standardize-columns) and a scikit-learn one
(bench/fit-predict), it measures, in one run:

- p50_ms / p95_ms: sequential gradings through the zygote pool, each recorded in
  the store as a learner's attempt would be;
- throughput_per_s: gradings per second with every zygote busy (several learners
  submitting at once: two per core, or --learners);
- baseline_p50_ms: the same submissions graded by a fresh confined interpreter per
  submission that imports the same libraries as a zygote (what a notebook kernel or
  a container per submission pays);
- speedup: baseline_p50_ms / p50_ms;
- layers: the confinement layers that held, probed from inside a job;
- abuse_p50_ms / abuse_p95_ms: an honest learner's gradings while three other learners
  submit infinite loops back to back (alone_p50_ms: the same learner, same pool, alone);
- per_layer: p50 of sequential gradings with the layers added one by one, from none to
  all, each in a pool of its own, so the cost of each layer is known.

Usage: python benchmarks/grading.py [--json] [--runs N] [--baseline-runs N] [--abuse-runs N] [--layer-runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from mltrail.config import Settings
from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox.pool import ZygotePool
from mltrail.sandbox.probe import probe_layers
from mltrail.sandbox.process import PRELOAD, FreshSandbox
from mltrail.service import Service

COURSE = Path(__file__).resolve().parent / "course"
EXERCISES = {"numpy": "python/standardize-columns", "sklearn": "bench/fit-predict"}
TARGETS = {"p50_ms": 15.0, "p95_ms": 40.0, "throughput_per_s": 100.0, "speedup": 50.0,
           "abuse_p50_ms": 50.0, "abuse_p95_ms": 200.0}
ABUSERS = 3
LOOP = b"while True:\n    pass\n"
# Added in this order, each on top of the ones before it.
LAYER_ORDER = ("reaper", "rlimits", "seccomp", "landlock", "capabilities", "uid", "job namespaces",
               "network namespace", "filesystem view")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed_gradings(service: Service, exercise_id: str, source: bytes, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        verdict = service.grade(exercise_id, source)
        times.append((time.perf_counter() - started) * 1000)
        if not verdict.passed:
            raise SystemExit(f"{exercise_id}: the reference solution did not pass: {verdict.message}")
    return times


def throughput(service: Service, exercise_id: str, source: bytes, total: int, workers: int) -> float:
    """Gradings per second with `workers` learners submitting at the same time."""
    done = []
    lock = threading.Lock()

    def learner(index: int) -> None:
        learner_service = Service(Settings.resolve(home=service.settings.home, content=service.settings.content_dirs,
                                                   learner=f"learner-{index}", sandbox="pool"))
        learner_service.__dict__["sandbox"] = service.sandbox  # one pool for everyone
        learner_service.__dict__["curriculum"] = service.curriculum
        while True:
            with lock:
                if len(done) >= total:
                    return
                done.append(1)
            learner_service.grade(exercise_id, source)

    threads = [threading.Thread(target=learner, args=(i,)) for i in range(workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return total / (time.perf_counter() - started)


def sequential_ms(pool, exercise, source: bytes, runs: int, tenant: str = "bench") -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        verdict = grade_source(exercise, source, runner=pool, tenant=tenant)
        times.append((time.perf_counter() - started) * 1000)
        if not verdict.passed:
            raise SystemExit(f"{exercise.id}: the reference solution did not pass: {verdict.message}")
    return times


def abuse_figures(exercise, source: bytes, runs: int) -> dict:
    """An honest learner's gradings, alone and then while others submit infinite loops back to back."""
    with ZygotePool(forbidden=[COURSE]) as pool:
        pool.wait_ready()
        sequential_ms(pool, exercise, source, 20, "honest")
        alone = sequential_ms(pool, exercise, source, runs, "honest")
        stop = threading.Event()

        def abuser(index: int) -> None:
            while not stop.is_set():
                grade_source(exercise, LOOP, runner=pool, tenant=f"abuser-{index}")

        threads = [threading.Thread(target=abuser, args=(i,)) for i in range(ABUSERS)]
        for thread in threads:
            thread.start()
        time.sleep(1.0)  # every abuser has a loop running, and has timed out once
        try:
            abused = sequential_ms(pool, exercise, source, runs, "honest")
        finally:
            stop.set()
            for thread in threads:
                thread.join()
    return {"abusers": ABUSERS, "slots": pool.size, "alone_p50_ms": round(statistics.median(alone), 2),
            "abuse_p50_ms": round(statistics.median(abused), 2), "abuse_p95_ms": round(percentile(abused, 0.95), 2)}


def per_layer_figures(exercise, source: bytes, runs: int) -> list[dict]:
    """p50 with the layers added one at a time, each set in a pool of its own."""
    figures = []
    for count in range(len(LAYER_ORDER) + 1):
        with ZygotePool(size=1, forbidden=[COURSE], off=frozenset(LAYER_ORDER[count:])) as pool:
            pool.wait_ready()
            sequential_ms(pool, exercise, source, 10)
            times = sequential_ms(pool, exercise, source, runs)
        figures.append({"added": LAYER_ORDER[count - 1] if count else "none (unconfined child of a zygote)",
                        "p50_ms": round(statistics.median(times), 2), "p95_ms": round(percentile(times, 0.95), 2)})
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--runs", type=int, default=300, help="sequential gradings per exercise")
    parser.add_argument("--throughput-runs", type=int, default=400, help="gradings for the throughput figure")
    parser.add_argument("--baseline-runs", type=int, default=12, help="fresh-interpreter gradings per exercise")
    parser.add_argument("--abuse-runs", type=int, default=100, help="honest gradings, alone and under abuse")
    parser.add_argument("--layer-runs", type=int, default=100, help="gradings per set of layers")
    parser.add_argument("--learners", type=int, default=0, help="learners submitting at once for throughput "
                        "(default: two per core)")
    args = parser.parse_args()
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr))

    home = Path(tempfile.mkdtemp(prefix="mltrail-bench-"))
    settings = Settings.resolve(home=home, content=[COURSE], sandbox="pool")
    service = Service(settings)
    cores = os.cpu_count() or 1
    log(f"starting {service.sandbox.size} zygotes ...")
    service.sandbox.wait_ready()
    baseline = Service(Settings.resolve(home=home / "baseline", content=[COURSE], sandbox="fresh"))
    baseline.__dict__["sandbox"] = FreshSandbox(forbidden=[COURSE], preload=PRELOAD)
    results: dict = {"cores": cores, "zygotes": service.sandbox.size, "learners": args.learners or 2 * cores}
    try:
        for name, exercise_id in EXERCISES.items():
            source = service.exercise(exercise_id).file("solution.py").read_bytes()
            timed_gradings(service, exercise_id, source, 20)  # warm the trusted side's caches
            log(f"{name}: {args.runs} sequential gradings ...")
            times = timed_gradings(service, exercise_id, source, args.runs)
            log(f"{name}: throughput with {args.learners or 2 * cores} learners at once ...")
            rate = throughput(service, exercise_id, source, args.throughput_runs, args.learners or 2 * cores)
            log(f"{name}: {args.baseline_runs} gradings by a fresh confined interpreter ...")
            base = timed_gradings(baseline, exercise_id, source, args.baseline_runs)
            p50 = statistics.median(times)
            results[name] = {
                "exercise": exercise_id,
                "p50_ms": round(p50, 2),
                "p95_ms": round(percentile(times, 0.95), 2),
                "throughput_per_s": round(rate, 1),
                "baseline_p50_ms": round(statistics.median(base), 1),
                "speedup": round(statistics.median(base) / p50, 1),
                "runs": args.runs,
            }
        results["layers"] = sorted(layer for layer, held in probe_layers(service.sandbox).items() if held)
        results["missing_layers"] = sorted(layer for layer, held in probe_layers(service.sandbox).items() if not held)
        results["zygotes_replaced"] = service.sandbox.replaced
    finally:
        service.close()
    numpy_exercise = load_curriculum([COURSE]).exercise(EXERCISES["numpy"])
    numpy_source = numpy_exercise.file("solution.py").read_bytes()
    log(f"abuse: {args.abuse_runs} honest gradings alone, then beside {ABUSERS} infinite loops ...")
    results.update(abuse_figures(numpy_exercise, numpy_source, args.abuse_runs))
    log(f"per layer: {args.layer_runs} gradings for each of {len(LAYER_ORDER) + 1} sets of layers ...")
    results["per_layer"] = per_layer_figures(numpy_exercise, numpy_source, args.layer_runs)
    numpy_figures = results["numpy"]
    results.update({key: numpy_figures[key] for key in ("p50_ms", "p95_ms", "throughput_per_s", "baseline_p50_ms", "speedup")})
    results["targets"] = TARGETS
    results["meets_targets"] = (
        numpy_figures["p50_ms"] <= TARGETS["p50_ms"] and numpy_figures["p95_ms"] <= TARGETS["p95_ms"]
        and numpy_figures["throughput_per_s"] >= TARGETS["throughput_per_s"]
        and numpy_figures["speedup"] >= TARGETS["speedup"] and not results["missing_layers"]
        and results["abuse_p50_ms"] <= TARGETS["abuse_p50_ms"] and results["abuse_p95_ms"] <= TARGETS["abuse_p95_ms"]
    )
    print(json.dumps(results, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
