"""`mltrail careers`, `goal`, `plan` and `init --persona` as a learner runs them."""

from __future__ import annotations

import json

from rich.console import Console


def test_unknown_role_or_persona_lists_the_valid_ones_and_makes_nothing(cli, tmp_path):
    workspace = tmp_path / "ws"
    result = cli("init", str(workspace), "--persona", "astronaut")
    assert result.returncode == 2 and "the personas are: curious-learner" in result.stderr
    assert not workspace.exists()
    result = cli("plan", "--role", "astronaut")
    assert result.returncode == 2 and "the roles are: ml-researcher, ai-engineer" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_init_with_a_persona_sets_the_goal_that_plan_and_careers_follow(cli, tmp_path):
    result = cli("init", str(tmp_path / "ws"), "--persona", "developer")
    assert result.returncode == 0, result.stderr
    assert "Machine Learning Engineer" in result.stdout and "mltrail placement --module python" in result.stdout
    profile = json.loads(cli("goal", "bi-developer", "--hours", "10", "--json").stdout)["profile"]
    assert (profile["persona"], profile["goal"], profile["hours_per_week"]) == ("developer", "bi-developer", 10.0)
    plan = json.loads(cli("plan", "--json", "--hours", "5").stdout)
    assert plan["goal"] == "bi-developer" and plan["hours_per_week"] == 5.0
    assert plan["milestones"][0]["module"] == "python" and plan["milestones"][0]["likely_known"] is True
    assert plan["finish"] == plan["milestones"][-1]["target"] and plan["streak"]["current"] == 0
    data = json.loads(cli("careers", "--json").stdout)
    assert data["goal"] == "bi-developer" and len(data["roles"]) == 6
    for row in data["roles"]:
        assert 0.0 <= row["readiness"] <= 1.0 and 0.0 <= row["mastered_share"] <= 1.0
        assert row["sources"] and "gap" not in row and row["goal"] == (row["role"] == "bi-developer")


def test_the_text_views_show_bars_the_goal_and_the_gap(app):
    from mltrail.cli.coach_careers import _gap_view, _readiness_table
    from mltrail.cli.coach_plan import _plan_view
    from mltrail.service import coach_profile

    coach_profile.set_profile(app, "ada", persona_id="analytics-professional")
    results = coach_profile.readiness(app, "ada")
    console = Console(width=160, record=True, color_system=None)
    console.print(_readiness_table(results, "data-scientist"))
    console.print(_gap_view(coach_profile.readiness(app, "ada", "data-scientist")[0]))
    console.print(_plan_view(coach_profile.plan(app, "ada"), "Data Scientist"))
    text = console.export_text()
    assert "Data Scientist (your goal)" in text and "██" in text and "20%" in text
    assert "The path to Data Scientist" in text and "statistics/ab-testing" in text and "prereq" in text
    assert "O*NET-SOC 15-2051.00 Data Scientists" in text
    assert "expected finish" in text and "mltrail placement --module python --module statistics" in text
