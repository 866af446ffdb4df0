"""Careers, the study plan, the dashboard's coach panel, the dataset score card, export and import in the browser."""

from __future__ import annotations

import json
import re

from mltrail.service import portability

CLAMP = "def clamp(x, low, high):\n    return min(max(x, low), high)\n"
WRONG = "def clamp(x, low, high):\n    return x\n"


def _pass(site, client, code=CLAMP, exercise="python/clamp"):
    answer = client.post("/api/attempts", json={"exercise": exercise, "code": code}, headers={"x-csrf-token": client.csrf})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _roles(page: str) -> list[str]:
    return re.findall(r'<tr data-role="([a-z0-9-]+)"', page)


def test_pages_render_without_history(personal):
    client = personal.client()
    for url in ("/careers", "/plan", "/settings", "/"):
        answer = client.get(url)
        assert answer.status_code == 200, (url, answer.text[:300])
    assert "Choose a goal" in client.get("/plan").text  # no goal yet: the form to pick one
    dashboard = client.get("/").text
    assert 'id="coach-panel"' in dashboard and "Your first check starts the chart" in dashboard
    assert "<svg" not in dashboard.split('id="mastery-over-time"')[1]
    assert client.get("/careers?role=no-such-role").status_code == 200  # named as unknown, not a 500
    assert "There is no role" in client.get("/careers?role=no-such-role").text


def test_setting_the_goal_reorders_readiness_and_dates_a_plan(personal):
    client = personal.client()
    before = _roles(client.get("/careers").text)
    assert len(before) == 6
    target = before[-1]
    answer = client.post("/careers/goal", data={"goal": target, "hours": "4", "csrf_token": client.csrf})
    assert answer.status_code == 303 and answer.headers["location"] == "/careers"
    page = client.get("/careers").text
    assert _roles(page)[0] == target and "your goal" in page
    assert f'<tr data-role="{target}" class="goal">' in page
    api = client.get("/api/careers").json()
    assert api["goal"] == target and api["roles"][0]["role"] == target and api["hours_per_week"] == 4
    gap = client.get(f"/careers?role={target}").text
    assert 'id="gap"' in gap and "Do first" in gap and "/exercises/" in gap
    plan = client.get("/plan").text
    assert "Expected finish" in plan and 'id="milestones"' in plan and "4 hours a week" in plan
    assert client.get("/api/plan").json()["hours_per_week"] == 4


def test_goal_and_hours_forms_refuse_bad_input_and_store_nothing(personal):
    client = personal.client()
    for data in ({"goal": "astronaut"}, {"goal": "data-scientist", "hours": "lots"}, {"goal": "", "hours": "500"}):
        answer = client.post("/careers/goal", data={**data, "csrf_token": client.csrf})
        assert answer.status_code == 422, data
        assert 'role="alert"' in answer.text
    assert client.post("/plan/hours", data={"hours": "0", "csrf_token": client.csrf}).status_code == 422
    assert client.post("/careers/persona", data={"persona": "wizard", "csrf_token": client.csrf}).status_code == 422
    assert personal.engine.store.events(personal.engine.learner_id("local"), kind="profile") == []
    assert client.post("/careers/goal", data={"goal": "ml-engineer"}).status_code == 403  # no CSRF token


def test_persona_and_hours_change_the_plan(personal):
    client = personal.client()
    assert client.post("/careers/persona", data={"persona": "developer", "csrf_token": client.csrf}).status_code == 303
    first = client.get("/api/plan").json()
    assert client.post("/plan/hours", data={"hours": "20", "csrf_token": client.csrf}).status_code == 303
    faster = client.get("/api/plan").json()
    assert faster["hours_per_week"] == 20 and faster["finish"] < first["finish"]
    answer = client.post("/api/profile", json={"goal": "bi-developer"}, headers={"x-csrf-token": client.csrf})
    assert answer.status_code == 200 and answer.json()["goal"] == "bi-developer"
    assert client.post("/api/profile", json={"goal": "nope"}, headers={"x-csrf-token": client.csrf}).status_code == 400


def test_dashboard_plots_mastery_after_passes_and_shows_the_plan(personal):
    client = personal.client()
    client.post("/careers/goal", data={"goal": "data-scientist", "csrf_token": client.csrf})
    _pass(personal, client, WRONG)
    _pass(personal, client)
    page = client.get("/").text
    panel = page.split('id="coach-panel"')[1]
    assert "1 day streak" in panel and "Next milestone" in panel and 'id="finish"' in panel
    chart = page.split('id="mastery-over-time"')[1]
    points = int(re.search(r'<svg class="chart" data-points="(\d+)"', chart).group(1))
    assert points >= 1 and chart.count('<circle class="point"') == points
    api = client.get("/api/dashboard/coach").json()
    assert api["streak"]["current"] == 1 and len(api["timeline"]) == points and api["finish"]


def test_score_card_shows_the_score_baseline_and_a_coloured_confusion_matrix():
    from mltrail.web.render import environment

    report = {"dataset": "iris", "task": "classification", "metric": "accuracy", "metric_name": "accuracy",
              "higher_is_better": True, "score": 0.9333, "baseline": 0.3333, "baseline_name": "always the most common class",
              "needed": 0.8, "margin": 0.1, "threshold": 0.8, "rows_train": 120, "rows_scored": 30, "fit_ms": 4.2,
              "confusion": {"labels": ["setosa", "versicolor", "<b>virginica</b>"],
                            "matrix": [[10, 0, 0], [0, 9, 1], [0, 1, 9]]}}
    verdict = {"status": "passed", "passed": True, "message": "ok", "report": report, "cases": 0, "elapsed_ms": 1}
    html = environment().get_template("verdict.html").render(verdict=verdict, exercise=None, following=None)
    card = html.split('id="score-card"')[1]
    assert "0.9333" in card and "0.3333" in card and "Target" in card and "always the most common class" in card
    table = card.split('id="confusion"')[1].split("</table>")[0]
    assert "setosa" in table and "&lt;b&gt;virginica&lt;/b&gt;" in table  # labels escaped
    cells = re.findall(r'<td class="cell( diagonal)?" style="background: rgba\([^)]*\)[^"]*"[^>]*>(\d+)</td>', table)
    assert [int(n) for _, n in cells] == [10, 0, 0, 0, 9, 1, 0, 1, 9]
    assert sum(1 for diagonal, _ in cells if diagonal) == 3
    strong = re.search(r'<td class="cell diagonal" style="background: rgba\(47, 140, 80, ([0-9.]+)\)', table).group(1)
    assert float(strong) == 0.9  # the largest count is the deepest colour


def test_export_then_import_into_a_fresh_home_gives_the_same_progress(personal, tmp_path):
    from web.conftest import make_site

    client = personal.client()
    client.post("/careers/goal", data={"goal": "ml-engineer", "csrf_token": client.csrf})
    _pass(personal, client, WRONG)
    _pass(personal, client)
    client.get("/lessons/python/01-values-and-control-flow")
    exported = client.get("/api/export")
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    data = exported.json()
    assert data["format"] == "mltrail-progress" and len(data["attempts"]) == 2

    other = make_site(tmp_path / "other", multi_user=False)
    try:
        fresh = other.client()
        answer = fresh.post("/api/import", content=exported.content,
                            headers={"x-csrf-token": fresh.csrf, "content-type": "application/json"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["attempts_added"] == 2 and answer.json()["passed"] == 1
        assert fresh.get("/api/progress").json() == client.get("/api/progress").json()
        assert fresh.get("/api/careers").json()["goal"] == "ml-engineer"
        again = fresh.post("/api/import", content=exported.content,
                           headers={"x-csrf-token": fresh.csrf, "content-type": "application/json"}).json()
        assert again["attempts_added"] == 0 and again["events_added"] == 0 and again["attempts_known"] == 2
        assert len(other.engine.attempts("local")) == 2
    finally:
        other.engine.close()


def test_the_settings_form_uploads_a_file_with_its_csrf_token(personal):
    client = personal.client()
    page = client.get("/settings").text
    assert 'enctype="multipart/form-data"' in page and 'href="/api/export"' in page
    data = portability.export_learner(personal.engine, "local")
    data["attempts"] = [{"exercise": "python/clamp", "code": CLAMP, "seed": 7, "status": "passed",
                         "created_at": "2026-01-02T03:04:05Z"}]
    body = json.dumps(data).encode()
    refused = client.post("/api/import", files={"file": ("p.json", body, "application/json")})
    assert refused.status_code == 403 and personal.engine.attempts("local") == []
    answer = client.post("/api/import", data={"csrf_token": client.csrf}, files={"file": ("p.json", body, "application/json")})
    assert answer.status_code == 200 and 'id="import-result"' in answer.text and "1 attempt added" in answer.text
    assert personal.engine.passed_ids("local") == {"python/clamp"}
    bad = client.post("/api/import", data={"csrf_token": client.csrf}, files={"file": ("p.json", b"{nope", "application/json")})
    assert bad.status_code == 422 and "Nothing was imported" in bad.text and "not valid JSON" in bad.text


def test_a_forged_pass_is_graded_again_and_fails(personal):
    client = personal.client()
    data = portability.export_learner(personal.engine, "local")
    data["attempts"] = [{"exercise": "python/clamp", "code": WRONG, "seed": 11, "status": "passed", "passed": True,
                         "message": "All cases passed.", "created_at": "2026-01-02T03:04:05Z"}]
    answer = client.post("/api/import", json=data, headers={"x-csrf-token": client.csrf})
    assert answer.status_code == 200 and answer.json()["passed"] == 0 and answer.json()["changed"] == 1
    stored = personal.engine.attempts("local")
    assert [a.status for a in stored] == ["failed"] and personal.engine.passed_ids("local") == set()


def test_bad_files_get_a_clear_4xx_and_store_nothing(personal):
    client = personal.client()
    good = portability.export_learner(personal.engine, "local")
    good["attempts"] = [{"exercise": "python/clamp", "code": CLAMP, "seed": 1, "status": "passed",
                         "created_at": "2026-01-02T03:04:05Z"}]
    headers = {"x-csrf-token": client.csrf, "content-type": "application/json"}
    cases = [
        (b"{not json", 422, "not valid JSON"),
        (json.dumps([1, 2]).encode(), 422, "JSON object"),
        (json.dumps({**good, "version": 99}).encode(), 422, "version"),
        (json.dumps({**good, "format": "something"}).encode(), 422, "format"),
        (json.dumps({**good, "attempts": [{**good["attempts"][0], "seed": -1}]}).encode(), 422, "attempts[0].seed"),
        (json.dumps({**good, "attempts": good["attempts"] + [{"exercise": "python/clamp"}]}).encode(), 422, "attempts[1]"),
        (json.dumps({**good, "events": [{"kind": "hint", "subject": "x", "detail": {"a": "b" * 20000},
                                        "created_at": "2026-01-02T03:04:05Z"}]}).encode(), 422, "events[0].detail"),
        (json.dumps({**good, "attempts": good["attempts"] * (portability.MAX_ATTEMPTS + 1)}).encode(), 422, "attempts"),
        (b"x" * (8 * 1024 * 1024 + 1), 413, "too_large"),
    ]
    for body, status, words in cases:
        answer = client.post("/api/import", content=body, headers=headers)
        assert answer.status_code == status, (words, answer.text[:300])
        assert words in answer.text, answer.text[:300]
    assert personal.engine.attempts("local") == [] and personal.engine.store.events(personal.engine.learner_id("local")) == []
    assert client.post("/api/import", content=json.dumps(good).encode(), headers={"content-type": "application/json"}).status_code == 403


def test_multi_user_export_is_the_viewers_own(multi):
    alice = multi.user("alice")
    _pass(multi, alice)
    bob = multi.user("bob")
    assert bob.get("/api/export").json()["attempts"] == []
    assert alice.get("/api/export").json()["attempts"][0]["code"] == CLAMP
    assert multi.client().get("/api/export").status_code == 401
    assert multi.client().get("/careers").status_code == 303
