"""Teams and admin pages: a lead sees members' progress and verdicts, never their code; the
team is invisible (404) to anyone else; admin actions and their guards; bad input."""

from __future__ import annotations

import csv
import io
import re

import pytest

MARK = "only_the_member_sees_this_7f3a"
FAIL = f"def clamp(x, low, high):\n    {MARK} = x\n    return {MARK}\n"
PASS = f"def clamp(x, low, high):\n    {MARK}_ok = min(max(x, low), high)\n    return {MARK}_ok\n"
BROKEN = f"def clamp(x, low, high)\n    return {MARK}_broken\n"  # a syntax error quoting the line


def _post(client, url, **data):
    return client.post(url, data={**data, "csrf_token": client.csrf})


def _submit(client, code):
    answer = client.post("/api/attempts", json={"exercise": "python/clamp", "code": code},
                         headers={"x-csrf-token": client.csrf})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _role_id(site):
    from mltrail.service.coach_profile import careers

    return careers(site.engine).ids[0]


def _team(site, lead, name="Analysts", role=None):
    answer = _post(lead, "/teams", name=name, target_role=role if role is not None else _role_id(site))
    assert answer.status_code == 303, answer.text
    team_id = int(answer.headers["location"].rsplit("/", 1)[1])
    code = re.search(r"/join/([A-Za-z0-9_-]+)", lead.get(f"/teams/{team_id}").text).group(1)
    return team_id, code


def _join(client, code):
    answer = _post(client, f"/join/{code}")
    assert answer.status_code == 303, answer.text


def test_lead_sees_progress_heatmap_stuck_points_and_csv_but_never_code(multi):
    lead = multi.user("lead1", "lead")
    team_id, code = _team(multi, lead)

    anonymous = multi.client()
    invited = anonymous.get(f"/join/{code}")
    assert invited.status_code == 200 and "Analysts" in invited.text
    assert f"/login?next=/join/{code}" in invited.text and f"/signup?next=/join/{code}" in invited.text
    assert _post(anonymous, f"/join/{code}").headers["location"] == f"/login?next=/join/{code}"

    signup = anonymous.get(f"/signup?next=/join/{code}")
    assert f'name="next" value="/join/{code}"' in signup.text
    joined = anonymous.post("/signup", data={"username": "newbie", "password": "a long enough one",
                                             "next": f"/join/{code}", "csrf_token": anonymous.csrf})
    assert joined.headers["location"] == f"/join/{code}"  # back to the invite after signing up

    alice = multi.user("alice")
    assert f'action="/join/{code}"' in alice.get(f"/join/{code}").text
    _join(alice, code)
    assert "Analysts" in alice.get("/teams").text
    assert alice.get(f"/teams/{team_id}").status_code == 404  # a member is not the lead

    assert not _submit(alice, BROKEN)["passed"]
    assert not _submit(alice, FAIL)["passed"]
    assert _submit(alice, PASS)["passed"]

    page = lead.get(f"/teams/{team_id}")
    assert page.status_code == 200
    assert "alice" in page.text and 'class="cell"' in page.text and "P(known)" in page.text
    assert "<svg" in page.text and "<polyline" in page.text and "Stuck points" in page.text
    assert "python/clamp" in page.text and "export.csv" in page.text

    data = lead.get(f"/api/teams/{team_id}").json()
    [member] = data["members"]
    assert member["username"] == "alice" and member["passed"] == 1 and member["attempts"] == 3
    assert member["readiness"] is not None and len(member["p_known"]) == len(data["columns"])
    assert data["stuck"][0] == {"exercise": "python/clamp", "title": data["stuck"][0]["title"], "failures": 2,
                                "members_failed": 1, "passed_after": 1}
    assert sum(data["progress"]["passed"]["alice"]) == 1 and data["progress"]["before"]["alice"] == 0
    assert data["invite_path"] == f"/join/{code}"

    progress = lead.get(f"/api/teams/{team_id}/members/alice/progress")
    assert progress.status_code == 200
    attempts = progress.json()["attempts"]
    assert [a["status"] for a in attempts][-2:] == ["failed", "passed"]
    assert all("code" not in a for a in attempts)

    exported = lead.get(f"/teams/{team_id}/export.csv")
    assert exported.status_code == 200 and exported.headers["content-disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows[0]["username"] == "alice" and rows[0]["passed"] == "1" and rows[0]["attempts"] == "3"
    assert rows[0]["last_active"] and rows[0]["readiness"]

    seen = [page.text, lead.get("/teams").text, lead.get(f"/api/teams/{team_id}").text, progress.text,
            exported.text, lead.get("/api/teams").text]
    for text in seen:
        assert MARK not in text and "min(max(x, low), high)" not in text


def test_other_leads_members_and_learners_get_404_admins_see_it(multi):
    lead = multi.user("lead1", "lead")
    team_id, code = _team(multi, lead)
    alice = multi.user("alice")
    _join(alice, code)
    other, bob, admin = multi.user("lead2", "lead"), multi.user("bob"), multi.user("root", "admin")
    urls = (f"/teams/{team_id}", f"/api/teams/{team_id}", f"/teams/{team_id}/export.csv",
            f"/api/teams/{team_id}/members/alice/progress", "/teams/999999")
    for client in (other, bob, alice):
        for url in urls:
            assert client.get(url).status_code == 404, (client.account.username, url)
        assert _post(client, f"/teams/{team_id}/invite").status_code == 404
        assert _post(client, f"/teams/{team_id}/members/{alice.account.id}/remove").status_code == 404
    assert "alice" in lead.get(f"/teams/{team_id}").text  # nobody was removed
    assert admin.get(f"/teams/{team_id}").status_code == 200
    assert lead.get(f"/api/teams/{team_id}/members/bob/progress").status_code == 404  # not a member


def test_new_link_remove_and_leave(multi):
    lead = multi.user("lead1", "lead")
    team_id, code = _team(multi, lead)
    alice, bob = multi.user("alice"), multi.user("bob")
    _join(alice, code)
    assert _post(lead, f"/teams/{team_id}/invite").status_code == 303
    fresh = re.search(r"/join/([A-Za-z0-9_-]+)", lead.get(f"/teams/{team_id}").text).group(1)
    assert fresh != code
    assert bob.get(f"/join/{code}").status_code == 404 and _post(bob, f"/join/{code}").status_code == 404
    _join(bob, fresh)
    assert [m["username"] for m in lead.get(f"/api/teams/{team_id}").json()["members"]] == ["alice", "bob"]
    assert _post(lead, f"/teams/{team_id}/members/{alice.account.id}/remove").status_code == 303
    assert _post(bob, f"/teams/{team_id}/leave").status_code == 303
    assert lead.get(f"/api/teams/{team_id}").json()["members"] == []
    assert _post(bob, f"/teams/{team_id}/leave").status_code == 404  # no longer in it


def test_csv_injection_is_neutralised(multi):
    from mltrail.service.accounts import Accounts
    from mltrail.service.teams import csv_cell

    assert [csv_cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "ok", 3, None)] == \
        ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "ok", "3", ""]
    lead = multi.user("lead1", "lead")
    team_id, code = _team(multi, lead)
    accounts = Accounts(multi.engine)
    evil = accounts.create_user("eve", "correct horse battery", "=HYPERLINK(\"http://x.example\",\"go\")")
    accounts.join_team(evil, code)
    rows = list(csv.reader(io.StringIO(lead.get(f"/teams/{team_id}/export.csv").text)))
    assert rows[1][1].startswith("'=HYPERLINK")
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_team_and_display_names_are_escaped(multi):
    from mltrail.service.accounts import Accounts

    lead = multi.user("lead1", "lead")
    team_id, code = _team(multi, lead, name="<script>alert(1)</script>")
    accounts = Accounts(multi.engine)
    mallory = accounts.create_user("mallory", "correct horse battery", "<script>alert(2)</script>")
    accounts.join_team(mallory, code)
    admin = multi.user("root", "admin")
    for client, url in ((lead, f"/teams/{team_id}"), (lead, "/teams"), (admin, "/admin"), (multi.client(), f"/join/{code}")):
        answer = client.get(url)
        assert answer.status_code == 200, (url, answer.text[:500])
        assert "<script>alert(" not in answer.text, url
        assert "&lt;script&gt;alert(" in answer.text, url


def test_admin_actions_and_their_guards(multi):
    from mltrail.service.accounts import Accounts

    admin, bob = multi.user("root", "admin"), multi.user("bob")
    accounts = Accounts(multi.engine)
    bob_id = bob.account.id
    page = admin.get("/admin")
    assert page.status_code == 200 and "bob" in page.text and "Invite code" in page.text

    assert _post(admin, f"/admin/users/{bob_id}/role", role="lead").status_code == 303
    assert accounts.account(bob_id).role == "lead"
    bad = _post(admin, f"/admin/users/{bob_id}/role", role="emperor")
    assert bad.status_code == 422 and "role" in bad.text and accounts.account(bob_id).role == "lead"

    made = _post(admin, "/admin/invites", role="lead", uses="2", days="3")
    assert made.status_code == 201
    code = re.search(r'aria-label="Invite code" readonly value="([^"]+)"|readonly value="([^"]+)" aria-label="Invite code"',
                     made.text)
    invite = code.group(1) or code.group(2)
    assert accounts.sign_up("newlead", "a long enough one", "", invite, "invite").role == "lead"
    assert _post(admin, "/admin/invites", role="learner", uses="0", days="3").status_code == 422

    assert _post(admin, f"/admin/users/{bob_id}/active", active="no").status_code == 303
    assert not accounts.account(bob_id).active
    assert bob.get("/").status_code == 303  # signed out: the session ended with the account
    assert _post(admin, f"/admin/users/{bob_id}/active", active="yes").status_code == 303
    assert accounts.account(bob_id).active

    me = admin.account.id
    demote = _post(admin, f"/admin/users/{me}/role", role="learner")
    assert demote.status_code == 422 and "own" in demote.text
    disable = _post(admin, f"/admin/users/{me}/active", active="no")
    assert disable.status_code == 422 and "own" in disable.text
    api = admin.post(f"/api/admin/users/{me}", json={"active": False}, headers={"x-csrf-token": admin.csrf})
    assert api.status_code == 422
    api = admin.post(f"/api/admin/users/{me}", json={"role": "admin", "active": False}, headers={"x-csrf-token": admin.csrf})
    assert api.status_code == 422
    assert accounts.account(me).role == "admin" and accounts.account(me).active

    users = admin.get("/api/admin/users").json()
    assert {u["username"] for u in users} >= {"root", "bob", "newlead"} and all("password_hash" not in u for u in users)
    changed = admin.post(f"/api/admin/users/{bob_id}", json={"role": "learner"}, headers={"x-csrf-token": admin.csrf})
    assert changed.status_code == 200 and changed.json()["role"] == "learner"

    carol = multi.user("carol")
    for answer in (carol.get("/admin"), _post(carol, f"/admin/users/{bob_id}/role", role="admin"),
                   _post(carol, "/admin/invites", role="admin", uses="1", days="1"), carol.get("/api/admin/users"),
                   carol.post(f"/api/admin/users/{carol.account.id}", json={"role": "admin"},
                              headers={"x-csrf-token": carol.csrf})):
        assert answer.status_code == 403
    assert accounts.account(carol.account.id).role == "learner"


def test_bad_input_gets_a_clear_4xx_and_stores_nothing(multi):
    from mltrail.store.accounts import AccountStore

    lead = multi.user("lead1", "lead")
    empty = _post(lead, "/teams", name="   ", target_role="")
    assert empty.status_code == 422 and "give the team a name" in empty.text
    unknown = _post(lead, "/teams", name="Analysts", target_role="astronaut")
    assert unknown.status_code == 422 and "unknown role" in unknown.text
    api = lead.post("/api/teams", json={"name": ""}, headers={"x-csrf-token": lead.csrf})
    assert api.status_code == 422 and "name" in api.json()["detail"]
    learner = multi.user("alice")
    assert _post(learner, "/teams", name="Mine", target_role="").status_code == 403
    assert AccountStore(multi.engine.store).teams() == []
    nope = learner.get("/join/no-such-code")
    assert nope.status_code == 404 and "ask your team lead" in nope.text
    assert _post(learner, "/join/no-such-code").status_code == 404
    assert learner.post("/api/join/no-such-code", headers={"x-csrf-token": learner.csrf}).status_code == 404
    assert lead.get("/teams/not-a-number").status_code == 422


@pytest.mark.parametrize("url", ["/teams", "/admin", "/join/abc", "/api/teams", "/api/admin/users"])
def test_personal_mode_has_no_teams(personal, url):
    answer = personal.client().get(url)
    assert answer.status_code == 404 and "--multi-user" in answer.text


def test_without_code_and_grouped_columns(multi):
    from mltrail.service.accounts import Accounts
    from mltrail.service.teams import team_report, without_code

    code = "def f(x):\n    return secret_value + x\n"
    message = "Traceback:\n  line 2\n    return secret_value + x\nNameError: name 'secret_value' is not defined"
    cleaned = without_code(message, code)
    assert "return secret_value + x" not in cleaned and "NameError" in cleaned
    accounts = Accounts(multi.engine)
    lead = accounts.create_user("lead1", "correct horse battery", "", "lead")
    team = accounts.create_team(lead, "Everyone", None)
    report = team_report(multi.engine, accounts, lead, team.id)
    assert report.grouped and [c.id for c in report.columns] == [m.id for m in multi.engine.curriculum.modules]
    assert report.members == [] and report.stuck == [] and len(report.progress.weeks) == 1
    from mltrail.service.coach_profile import careers

    role = careers(multi.engine).roles[0]
    focused = team_report(multi.engine, accounts, lead, accounts.create_team(lead, "Focused", role.id).id)
    assert not focused.grouped and {c.id for c in focused.columns} == set(role.weights)
    order = [m.title for m in multi.engine.curriculum.modules]
    titles = [title for title, _ in focused.column_groups()]
    assert titles == sorted(titles, key=order.index) and len(set(titles)) == len(titles)
    assert sum(span for _, span in focused.column_groups()) == len(focused.columns)


def test_weekly_progress_counts_first_passes_per_iso_week():
    from datetime import datetime, timedelta, timezone

    from mltrail.service.teams import MAX_WEEKS, _weekly

    now = datetime(2026, 11, 26, tzinfo=timezone.utc)  # a Thursday of 2026-W48
    weekly = _weekly({"alice": {"a": now - timedelta(weeks=40), "b": now - timedelta(days=3), "c": now},
                      "bob": {}}, now)
    assert len(weekly.weeks) == MAX_WEEKS and weekly.weeks[-1] == "2026-W48"
    assert weekly.passed["alice"][-1] == 2 and sum(weekly.passed["alice"]) == 2 and weekly.before["alice"] == 1
    assert weekly.cumulative("alice")[-1] == 3 and weekly.cumulative("bob") == [0] * MAX_WEEKS
    monday = _weekly({"alice": {"a": datetime(2026, 11, 23, tzinfo=timezone.utc)}}, now)
    assert monday.weeks == ["2026-W48"] and monday.passed["alice"] == [1]
