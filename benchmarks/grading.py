"""Grading speed, end to end through the service: load, seed, cases, sandbox, compare, store.

For a small numpy exercise (python/standardize-columns) and a scikit-learn one
(bench/fit-predict), it measures, in one run:

- p50_ms / p95_ms: sequential gradings through the zygote pool, each recorded in
  the store as a learner's attempt would be;
- throughput_per_s: gradings per second with every zygote busy (several learners
  submitting at once);
- baseline_p50_ms: the same submissions graded by a fresh confined interpreter per
  submission that imports the same libraries as a zygote (what a notebook kernel or
  a container per submission pays);
- speedup: baseline_p50_ms / p50_ms;
- layers: the confinement layers that held, probed from inside a job.

Usage: python benchmarks/grading.py [--json] [--runs N] [--baseline-runs N]
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
from mltrail.sandbox.probe import probe_layers
from mltrail.sandbox.process import PRELOAD, FreshSandbox
from mltrail.service import Service

COURSE = Path(__file__).resolve().parent / "course"
EXERCISES = {"numpy": "python/standardize-columns", "sklearn": "bench/fit-predict"}
TARGETS = {"p50_ms": 15.0, "p95_ms": 40.0, "throughput_per_s": 100.0, "speedup": 50.0}


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--runs", type=int, default=300, help="sequential gradings per exercise")
    parser.add_argument("--throughput-runs", type=int, default=400, help="gradings for the throughput figure")
    parser.add_argument("--baseline-runs", type=int, default=12, help="fresh-interpreter gradings per exercise")
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
    results: dict = {"cores": cores, "zygotes": service.sandbox.size}
    try:
        for name, exercise_id in EXERCISES.items():
            source = service.exercise(exercise_id).file("solution.py").read_bytes()
            timed_gradings(service, exercise_id, source, 20)  # warm the trusted side's caches
            log(f"{name}: {args.runs} sequential gradings ...")
            times = timed_gradings(service, exercise_id, source, args.runs)
            log(f"{name}: throughput with {2 * cores} learners at once ...")
            rate = throughput(service, exercise_id, source, args.throughput_runs, 2 * cores)
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
    numpy_figures = results["numpy"]
    results.update({key: numpy_figures[key] for key in ("p50_ms", "p95_ms", "throughput_per_s", "baseline_p50_ms", "speedup")})
    results["targets"] = TARGETS
    results["meets_targets"] = (
        numpy_figures["p50_ms"] <= TARGETS["p50_ms"] and numpy_figures["p95_ms"] <= TARGETS["p95_ms"]
        and numpy_figures["throughput_per_s"] >= TARGETS["throughput_per_s"]
        and numpy_figures["speedup"] >= TARGETS["speedup"] and not results["missing_layers"]
    )
    print(json.dumps(results, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
