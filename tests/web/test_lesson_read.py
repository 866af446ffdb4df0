"""A lesson counts as read when its end is reached (a POST the page makes), not on opening it:
a GET changes nothing, so no other site can mark lessons read by embedding their address."""

from __future__ import annotations

LESSON = "python/01-values-and-control-flow"


def _read(site) -> set[str]:
    return site.engine.lessons_read(site.engine.settings.learner)


def test_opening_a_lesson_records_nothing_and_reaching_its_end_records_it(personal):
    client = personal.client()
    page = client.get(f"/lessons/{LESSON}")
    assert page.status_code == 200
    assert _read(personal) == set()
    assert f'hx-post="/lessons/{LESSON}/read"' in page.text and 'hx-trigger="revealed"' in page.text
    assert "Mark as read" in page.text  # without scripts, a button does it
    answer = client.post(f"/lessons/{LESSON}/read", headers={"x-csrf-token": client.csrf, "hx-request": "true"})
    assert answer.status_code == 200 and "read-mark" in answer.text
    assert _read(personal) == {LESSON}
    again = client.get(f"/lessons/{LESSON}")
    assert "You have read this lesson" in again.text and "Mark as read" not in again.text


def test_the_button_without_scripts_records_and_returns_to_the_lesson(personal):
    client = personal.client()
    answer = client.post(f"/lessons/{LESSON}/read", data={"csrf_token": client.csrf})
    assert answer.status_code == 303 and answer.headers["location"] == f"/lessons/{LESSON}"
    assert _read(personal) == {LESSON}


def test_a_post_without_the_csrf_token_or_for_an_unknown_lesson_records_nothing(personal):
    client = personal.client()
    assert client.post(f"/lessons/{LESSON}/read").status_code == 403
    assert client.post("/lessons/python/no-such-lesson/read", headers={"x-csrf-token": client.csrf}).status_code == 404
    assert _read(personal) == set()
