"""One-shot `mltrail check` wall time, without and with a `mltrail watch` of the same home running.

Each figure is the wall time of the whole command as a learner types it (a new Python
process: imports, content, store, grading, output) on `python/clamp` with a correct file:

- alone_p50_ms: no pool running, so the job runs in a fresh confined interpreter;
- with_watch_p50_ms: a `mltrail watch` of the same home keeps a warm pool, which the
  one-shot command uses through the home's socket.

Usage: python benchmarks/one_shot.py [--json] [--runs N] [--warm-runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mltrail.service.shared_pool import pool_available

SOLUTION = "def clamp(x, low, high):\n    return max(low, min(x, high))\n"


def mltrail(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mltrail", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def timed_checks(workspace: Path, env: dict, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = mltrail("check", "python/clamp", cwd=workspace, env=env)
        times.append((time.perf_counter() - started) * 1000)
        if result.returncode != 0:
            raise SystemExit(f"check failed: {result.stdout}\n{result.stderr}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--runs", type=int, default=10, help="checks in each setting")
    parser.add_argument("--warm-runs", type=int, default=2, help="untimed checks that warm the watch's pool first")
    args = parser.parse_args()
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr))

    root = Path(tempfile.mkdtemp(prefix="mltrail-bench-oneshot-"))
    home, workspace = root / "home", root / "workspace"
    env = {**os.environ, "MLTRAIL_HOME": str(home), "NO_COLOR": "1"}
    env.pop("MLTRAIL_CONTENT", None)
    mltrail("init", str(workspace), cwd=root, env=env)
    (workspace / "python" / "clamp.py").write_text(SOLUTION, encoding="utf-8")
    mltrail("check", "python/clamp", cwd=workspace, env=env)  # creates the store, warms the disk cache
    log(f"{args.runs} checks with no pool running ...")
    alone = timed_checks(workspace, env, args.runs)
    log("starting `mltrail watch` ...")
    watch = subprocess.Popen([sys.executable, "-m", "mltrail", "watch"], cwd=workspace, env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not pool_available(home, []):
            if time.monotonic() > deadline or watch.poll() is not None:
                raise SystemExit("`mltrail watch` did not start serving its pool")
            time.sleep(0.2)
        timed_checks(workspace, env, args.warm_runs)  # the pool's first jobs warm its zygotes
        log(f"{args.runs} checks with the watch's pool ...")
        shared = timed_checks(workspace, env, args.runs)
    finally:
        watch.terminate()
        watch.wait(timeout=30)
    print(json.dumps({
        "exercise": "python/clamp", "runs": args.runs,
        "alone_p50_ms": round(statistics.median(alone), 1),
        "with_watch_p50_ms": round(statistics.median(shared), 1),
        "speedup": round(statistics.median(alone) / statistics.median(shared), 2),
    }, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
