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


def test_dataset_benchmark_prints_its_json_figures():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "datasets.py"), "--json", "--runs", "1", "--dataset-runs", "1",
         "--baseline-runs", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("codec_ms", "json_lists_ms", "empty_job_p50_ms", "matrix_job_p50_ms", "dataset_p50_ms",
                "dataset_fit_p50_ms", "dataset_overhead_p50_ms", "dataset_baseline_p50_ms"):
        assert figures[key] > 0, key
    assert figures["matrix_shape"] == [10000, 20] and figures["dataset_rows"] == 10000


def test_one_shot_benchmark_prints_its_json_figures():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "one_shot.py"), "--json", "--runs", "1",
                             "--warm-runs", "0"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["alone_p50_ms"] > 0 and figures["with_watch_p50_ms"] > 0


def test_deep_benchmark_prints_its_json_figures():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "deep.py"), "--json", "--runs", "2",
                             "--baseline-runs", "1"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    from mltrail.curriculum.extras import importable

    if not importable("torch"):
        assert "mltrail[deep]" in figures["skipped"]
        return
    for key in ("p50_ms", "p95_ms", "reference_p50_ms", "baseline_p50_ms", "speedup"):
        assert figures[key] > 0, key


def test_web_benchmark_prints_its_json_figures():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "web.py"), "--json", "--seconds", "2",
                             "--learners", "4", "--think", "0.2", "--baseline-runs", "3"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("p50_ms", "p95_ms", "submit_p50_ms", "requests", "pages", "submissions"):
        assert figures[key] > 0, key
    assert figures["errors"] == 0 and figures["lost_attempts"] == 0
    assert figures["baseline"]["alone_p50_ms"] > 0 and figures["baseline"]["cli_grade_p50_ms"] > 0
    assert isinstance(figures["meets_targets"], bool) and set(figures["targets"]) == {
        "p95_ms", "submit_p50_ms", "errors", "lost_attempts"}
