"""Grading PyTorch exercises: through the pool's deep zygote (torch imported once) vs a fresh
interpreter per submission that imports torch itself.

For bench/train-mlp (21 cases, each training a 2-layer network for 5-20 SGD steps), it
measures, in one run:

- p50_ms / p95_ms: sequential gradings through the service with the zygote pool, end to
  end (cases, the reference in the trusted process, the job, comparison, the store);
- reference_p50_ms: the trusted side's share, building the cases and running the reference
  on them (it trains the same networks);
- baseline_p50_ms: the same submissions graded by a fresh confined interpreter per
  submission, importing torch in the job;
- speedup: baseline_p50_ms / p50_ms.

Without PyTorch installed it prints {"skipped": "..."} and exits 0.

Usage: python benchmarks/deep.py [--json] [--runs N] [--baseline-runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mltrail.config import Settings
from mltrail.curriculum.extras import importable
from mltrail.service import Service

COURSE = Path(__file__).resolve().parent / "course"
EXERCISE = "bench/train-mlp"
TARGETS = {"p50_ms": 300.0}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def gradings(service: Service, source: bytes, runs: int) -> list[float]:
    total = []
    for _ in range(runs):
        started = time.perf_counter()
        verdict = service.grade(EXERCISE, source)
        total.append((time.perf_counter() - started) * 1000)
        if not verdict.passed:
            raise SystemExit(f"{EXERCISE}: the reference solution did not pass: {verdict.message}")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--runs", type=int, default=40, help="sequential gradings through the pool")
    parser.add_argument("--baseline-runs", type=int, default=5, help="fresh-interpreter gradings")
    args = parser.parse_args()
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr))
    if not importable("torch"):
        print(json.dumps({"skipped": "PyTorch is not installed: pip install 'mltrail[deep]'"}))
        return
    home = Path(tempfile.mkdtemp(prefix="mltrail-bench-deep-"))
    service = Service(Settings.resolve(home=home, content=[COURSE], sandbox="pool"))
    baseline = Service(Settings.resolve(home=home / "baseline", content=[COURSE], sandbox="fresh"))
    source = service.exercise(EXERCISE).file("solution.py").read_bytes()
    try:
        log("warming the deep zygote ...")
        gradings(service, source, 3)
        log(f"{args.runs} gradings through the pool ...")
        total = gradings(service, source, args.runs)
        log(f"{args.baseline_runs} gradings by a fresh interpreter ...")
        base = gradings(baseline, source, args.baseline_runs)
        jobs = []
        exercise = service.exercise(EXERCISE)
        from mltrail.grading.grader import build_cases

        for seed in range(args.runs):  # the trusted side's share: the reference on the cases
            started = time.perf_counter()
            build_cases(exercise, seed)
            jobs.append((time.perf_counter() - started) * 1000)
    finally:
        service.close()
        baseline.close()
    p50 = statistics.median(total)
    results = {
        "exercise": EXERCISE,
        "cases": 21,
        "p50_ms": round(p50, 1),
        "p95_ms": round(percentile(total, 0.95), 1),
        "reference_p50_ms": round(statistics.median(jobs), 1),
        "baseline_p50_ms": round(statistics.median(base), 1),
        "speedup": round(statistics.median(base) / p50, 1),
        "runs": args.runs,
        "targets": TARGETS,
    }
    results["meets_targets"] = results["p50_ms"] <= TARGETS["p50_ms"]
    print(json.dumps(results))


if __name__ == "__main__":
    main()
