"""The benchmark script runs and prints the figures it promises (no timing is asserted)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_grading_benchmark_prints_its_json_figures(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "grading.py"), "--json", "--runs", "5",
         "--throughput-runs", "8", "--baseline-runs", "1", "--abuse-runs", "3", "--layer-runs", "2"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("p50_ms", "p95_ms", "throughput_per_s", "baseline_p50_ms", "speedup", "layers", "abuse_p50_ms",
                "abuse_p95_ms", "alone_p50_ms"):
        assert key in figures
    for exercise in ("numpy", "sklearn"):
        assert figures[exercise]["p50_ms"] > 0 and figures[exercise]["baseline_p50_ms"] > 0
    assert set(figures["layers"]) | set(figures["missing_layers"]) >= {"landlock", "seccomp", "rlimits"}
    assert [row["added"] for row in figures["per_layer"]][1:] == [
        "reaper", "rlimits", "seccomp", "landlock", "capabilities", "uid", "job namespaces", "network namespace",
        "filesystem view"]
    assert all(row["p50_ms"] > 0 for row in figures["per_layer"])


def test_benchmark_course_passes_the_content_gate():
    from mltrail.authoring.content_check import check_content

    _, problems = check_content([ROOT / "benchmarks" / "course"], only_custom=True)
    assert problems == []
