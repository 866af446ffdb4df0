"""Dataset grading speed: data into a job and back, and a 10,000-row dataset exercise end to end.

Figures, in one run:

- matrix_job_p50_ms / matrix_job_p95_ms: a job that receives a 10,000 x 20 float matrix
  through the codec and returns its column means, through the zygote pool (encode on the
  trusted side, the job, decode of the reply);
- empty_job_p50_ms: the same job with a 1 x 20 matrix, in the same pool (what any job costs);
- codec_ms: encode + decode of the matrix alone; json_lists_ms: the same matrix through JSON
  lists (what a codec without binary arrays would pay), the baseline for codec_ms;
- dataset_*: the bench/diamond-prices exercise (10,000 diamonds, a ridge regression on
  one-hot features) graded end to end through the service and its pool: total p50, the
  fitting time measured inside the job (fit_p50_ms, reported apart), and the grading
  overhead without it (overhead_p50_ms = total - fit, per grading); baseline_p50_ms is the
  same grading by a fresh confined interpreter per submission.

Usage: python benchmarks/datasets.py [--json] [--runs N] [--dataset-runs N] [--baseline-runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from mltrail.config import Settings
from mltrail.sandbox import codec
from mltrail.sandbox.pool import ZygotePool
from mltrail.sandbox.process import PRELOAD, FreshSandbox
from mltrail.sandbox.reply import Ran
from mltrail.service import Service

COURSE = Path(__file__).resolve().parent / "course"
EXERCISE = "bench/diamond-prices"
TARGETS = {"matrix_job_p50_ms": 50.0, "dataset_overhead_p50_ms": 1000.0}
MEANS = "def column_means(X):\n    return X.mean(axis=0)\n"
CAP = 64 * 1024 * 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def job_ms(pool: ZygotePool, matrix: np.ndarray, runs: int) -> list[float]:
    """End-to-end times of a job that gets `matrix` and returns its column means (checked)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        request = {"mode": "function", "code": MEANS, "entry": "column_means", "protocol": "call",
                   "cases": [{"args": codec.encode({"X": matrix}, CAP).decode("utf-8"), "files": {}}],
                   "limits": {"memory_mb": 1024, "cpu_s": 5}, "max_bytes": CAP}
        run = pool.run(request, 10.0, "bench")
        if not isinstance(run.reply, Ran):
            raise SystemExit(f"the matrix job did not run: {run.status} {run.detail}")
        means = codec.decode(run.reply.results[0].ok.encode("utf-8"), CAP)
        times.append((time.perf_counter() - started) * 1000)
        if not np.allclose(means, matrix.mean(axis=0)):
            raise SystemExit("the matrix job returned wrong means")
    return times


def codec_figures(matrix: np.ndarray, runs: int) -> dict:
    codec_times, json_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        back = codec.decode(codec.encode({"X": matrix}, CAP), CAP)["X"]
        codec_times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        lists = np.asarray(json.loads(json.dumps({"X": matrix.tolist()}))["X"])
        json_times.append((time.perf_counter() - started) * 1000)
        assert np.array_equal(back, matrix) and np.array_equal(lists, matrix)
    return {"codec_ms": round(statistics.median(codec_times), 2), "json_lists_ms": round(statistics.median(json_times), 2)}


def dataset_gradings(service: Service, source: bytes, runs: int) -> tuple[list[float], list[float]]:
    totals, fits = [], []
    for _ in range(runs):
        started = time.perf_counter()
        verdict = service.grade(EXERCISE, source)
        totals.append((time.perf_counter() - started) * 1000)
        if not verdict.passed:
            raise SystemExit(f"{EXERCISE}: the reference solution did not pass: {verdict.message}")
        fits.append(verdict.report["fit_ms"])
    return totals, fits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--runs", type=int, default=100, help="matrix jobs (and codec round trips)")
    parser.add_argument("--dataset-runs", type=int, default=30, help="gradings of the 10,000-row exercise")
    parser.add_argument("--baseline-runs", type=int, default=5, help="fresh-interpreter gradings of it")
    args = parser.parse_args()
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr))

    matrix = np.random.default_rng(0).normal(size=(10_000, 20))
    results: dict = {"matrix_shape": list(matrix.shape)}
    log("codec: encode + decode of the matrix, and the JSON-lists baseline ...")
    results.update(codec_figures(matrix, args.runs))
    with ZygotePool(size=1, forbidden=[COURSE]) as pool:
        pool.wait_ready()
        job_ms(pool, matrix[:1], 10)
        log(f"jobs: {args.runs} with a 1 x 20 matrix, {args.runs} with 10,000 x 20 ...")
        empty = job_ms(pool, matrix[:1], args.runs)
        full = job_ms(pool, matrix, args.runs)
    results.update({"empty_job_p50_ms": round(statistics.median(empty), 2),
                    "matrix_job_p50_ms": round(statistics.median(full), 2),
                    "matrix_job_p95_ms": round(percentile(full, 0.95), 2)})

    home = Path(tempfile.mkdtemp(prefix="mltrail-bench-datasets-"))
    service = Service(Settings.resolve(home=home, content=[COURSE], sandbox="pool"))
    try:
        service.sandbox.wait_ready()
        source = service.exercise(EXERCISE).file("solution.py").read_bytes()
        dataset_gradings(service, source, 2)  # the first loads the dataset and makes the split
        log(f"dataset: {args.dataset_runs} gradings of {EXERCISE} through the service ...")
        totals, fits = dataset_gradings(service, source, args.dataset_runs)
    finally:
        service.close()
    baseline = Service(Settings.resolve(home=home / "baseline", content=[COURSE], sandbox="fresh"))
    baseline.__dict__["sandbox"] = FreshSandbox(forbidden=[COURSE], preload=PRELOAD)
    log(f"dataset: {args.baseline_runs} gradings by a fresh confined interpreter ...")
    base, _ = dataset_gradings(baseline, source, args.baseline_runs)
    overhead = [t - f for t, f in zip(totals, fits)]
    results.update({
        "dataset_exercise": EXERCISE, "dataset_rows": 10_000,
        "dataset_p50_ms": round(statistics.median(totals), 1),
        "dataset_fit_p50_ms": round(statistics.median(fits), 1),
        "dataset_overhead_p50_ms": round(statistics.median(overhead), 1),
        "dataset_overhead_p95_ms": round(percentile(overhead, 0.95), 1),
        "dataset_baseline_p50_ms": round(statistics.median(base), 1),
        "runs": args.runs, "dataset_runs": args.dataset_runs,
    })
    results["targets"] = TARGETS
    results["meets_targets"] = all(results[key] < target for key, target in TARGETS.items())
    print(json.dumps(results, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
