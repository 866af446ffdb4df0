"""The web app in a real browser: Debian's Chromium driven by Playwright against `mltrail serve`.

One multi-user server (open registration, the sandbox on: the real grader in its warm pool)
runs in a subprocess on 127.0.0.1 and a free port over a temporary home, for the whole
module; one headless Chromium serves every test. Every browser context records each request
and console message: a request to anything but the server, a console error or an uncaught
page error fails the test that caused it.

The browser is never downloaded: the tests use `/usr/bin/chromium` (`apt-get install -y
chromium`) and skip, saying so, when it is missing, except under `CI=true`, where a missing
browser is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
PASSWORD = "correct horse battery"
MATHS_LESSON = "/lessons/linear-algebra/01-vectors-and-dot-products"
# Short correct solutions typed into the editor key by key; any other exercise the coach
# might offer first gets its reference solution through window.mltrailEditor.setValue.
TYPED = {"python/clamp": ["def clamp(x, low, high):", "Enter", "return low if x < low else high if x > high else x"]}
TIMEOUT_MS = 20_000
ANSWERED = 3  # placement questions answered before "I don't know" for the rest


def _need_browser():
    """Playwright's sync API, or a skip (a failure under CI=true) saying what is missing."""
    missing = None
    if not CHROMIUM.exists():
        missing = f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            missing = "Playwright for Python is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and the browser tests cannot run: {missing}")
        pytest.skip(f"browser tests skipped: {missing}")
    return sync_playwright


# ---------------------------------------------------------------- the server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mltrail serve --multi-user` in a subprocess over its own home."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = home / "serve.log"
        self.env = {key: value for key, value in os.environ.items() if not key.startswith("MLTRAIL_")}
        self.env.update(MLTRAIL_HOME=str(home), MLTRAIL_POOL_SIZE="2", NO_COLOR="1")
        self.process = None

    def mltrail(self, *args: str, stdin: str = "") -> str:
        done = subprocess.run([sys.executable, "-m", "mltrail", *args], input=stdin, env=self.env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def start(self) -> None:
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mltrail", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                 "--multi-user", "--no-open", "--allow-weak-sandbox"],
                env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("mltrail serve stopped at start-up:\n" + self.log.read_text())
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.25)
        raise AssertionError("mltrail serve did not answer /healthz with 200 in 90 s:\n" + self.log.read_text())

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def playwright_api():
    return _need_browser()


@pytest.fixture(scope="module")
def server(playwright_api, tmp_path_factory):
    home = tmp_path_factory.mktemp("browser-home")
    (home / "mltrail.toml").write_text('[web]\nmulti_user = true\nregistration = "open"\n', encoding="utf-8")
    site = Server(home)
    site.mltrail("admin", "create-user", "admin", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    site.mltrail("admin", "create-user", "lead", "--role", "lead", "--name", "Team Lead", "--password-stdin",
                 stdin=PASSWORD + "\n")
    site.start()
    yield site
    site.stop()


@pytest.fixture(scope="module")
def browser(playwright_api, server):
    with playwright_api() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# ---------------------------------------------------------------- what the browser did


class Watched:
    """A browser context whose every request and console error is recorded."""

    def __init__(self, browser, server: Server) -> None:
        self.server = server
        self.context = browser.new_context(base_url=server.base)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.new_page()

    def new_page(self):
        page = self.context.new_page()
        page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"console error on {page.url}: {message.text} {message.location}"))
        page.on("pageerror", lambda error: self.errors.append(f"uncaught error on {page.url}: {error}"))
        return page

    def foreign(self) -> list[str]:
        """Requests that left the server (data: and blob: URLs stay in the page)."""
        own = urlsplit(self.server.base)
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob", "about")
                and (urlsplit(url).hostname, urlsplit(url).port) != (own.hostname, own.port)]

    def assert_clean(self) -> None:
        assert self.errors == [], "\n".join(self.errors)
        assert self.foreign() == [], f"requests left localhost: {self.foreign()}"
        assert self.requests, "no request was recorded: the recorder is not attached"

    def goto(self, path: str):
        answer = self.page.goto(path)
        assert answer is not None and answer.status == 200, f"{path}: {answer and answer.status}"
        return answer

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        self.goto("/login")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", password)
        with self.page.expect_navigation():
            self.page.click("form[action='/login'] button[type=submit]")
        assert urlsplit(self.page.url).path != "/login", self.page.inner_text("main")

    def sign_up(self, username: str, display_name: str, path: str | None = "/signup") -> None:
        """Fill the sign-up form (at `path`, or on the page already open when None)."""
        if path is not None:
            self.goto(path)
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=display_name]", display_name)
        self.page.fill("input[name=password]", PASSWORD)
        with self.page.expect_navigation():
            self.page.click("form[action='/signup'] button[type=submit]")
        assert urlsplit(self.page.url).path != "/signup", self.page.inner_text("main")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser, server):
    made = []

    def make() -> Watched:
        made.append(Watched(browser, server))
        return made[-1]

    yield make
    for context in made:
        context.close()


def map_states(page) -> dict[str, str]:
    """Each skill node's data-state on the skill map the page shows."""
    return page.eval_on_selector_all("a[data-skill]", "nodes => Object.fromEntries(nodes.map("
                                                      "n => [n.dataset.skill, n.dataset.state]))")


def reference_solution(exercise_id: str) -> str:
    from mltrail.curriculum.loader import load_curriculum

    return load_curriculum().exercise(exercise_id).file("solution.py").read_text(encoding="utf-8")


def put_solution(page, exercise_id: str) -> None:
    """Write a correct solution into the editor: typed key by key where a short one is known."""
    page.wait_for_selector(".cm-editor .cm-content")
    if exercise_id in TYPED:
        editor = page.locator(".cm-editor .cm-content")
        editor.click()
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.press("Delete")
        for piece in TYPED[exercise_id]:
            if piece == "Enter":
                page.keyboard.press("Enter")
            else:
                page.keyboard.type(piece)
    else:
        page.evaluate("([text]) => window.mltrailEditor.setValue(document.getElementById('code'), text)",
                      [reference_solution(exercise_id)])
    typed = page.evaluate("() => document.getElementById('code').value")
    compile(typed, exercise_id, "exec")  # what the form will send is valid Python
    if exercise_id in TYPED:
        assert typed.lstrip().startswith(TYPED[exercise_id][0]) and TYPED[exercise_id][-1] in typed, typed


def check_and_wait(page, status: str) -> str:
    """Press Check and wait for the verdict of that check (in place: no page load)."""
    page.evaluate("() => { window.__sameDocument = true; const v = document.getElementById('verdict');"
                  " if (v) v.innerHTML = ''; }")
    page.click("#check")
    box = page.wait_for_selector("#verdict-box", timeout=60_000)
    assert box.get_attribute("data-status") == status, box.inner_text()
    assert page.evaluate("() => window.__sameDocument === true"), "the check reloaded the page"
    return box.inner_text()


# ---------------------------------------------------------------- flows


def test_a_newcomer_signs_up_places_fails_reads_a_hint_types_a_solution_and_passes(watched):
    me = watched()
    page = me.page
    me.sign_up("newcomer", "New Comer")
    assert urlsplit(page.url).path == "/placement"

    # the placement test: the first answers given (whatever they are), "I don't know" after
    with page.expect_navigation():
        page.click("#placement-begin")
    questions = 0
    while urlsplit(page.url).path == "/placement":
        questions += 1
        assert questions <= 25, "the placement test did not end"
        assert page.locator("#placement-form").count() == 1, page.inner_text("main")
        answer = questions <= ANSWERED and page.locator("#placement-form input[type=text]").count() <= 1
        if answer and page.locator("#placement-form fieldset.choices input").count():
            page.locator("#placement-form fieldset.choices input").first.check()
        elif answer and page.locator("#placement-form input[type=text]").count():
            page.fill("#placement-form input[type=text]", "0")
        with page.expect_navigation():
            page.click("#placement-submit" if answer else "#placement-skip")
        if questions == ANSWERED + 1:
            assert "I don't know" in page.inner_text("#placement-last") or urlsplit(page.url).path != "/placement"
    assert urlsplit(page.url).path == "/placement/result", page.url
    assert f"{questions} question" in page.inner_text("main")

    # the dashboard's next step, and the map as it is before any exercise
    me.goto("/")
    link = page.locator("#next-exercise")
    exercise_id = link.get_attribute("href").removeprefix("/exercises/")
    me.goto("/map")
    before = map_states(page)
    assert before, "the skill map has no nodes"

    me.goto("/")
    with page.expect_navigation():
        page.click("#next-exercise")
    assert urlsplit(page.url).path == f"/exercises/{exercise_id}"
    page.wait_for_selector(".cm-editor")

    # the starter fails and the first failing case is shown
    text = check_and_wait(page, "failed")
    assert "Not yet" in text
    assert page.locator("#verdict-box dl.case").count() == 1 and "Expected" in text and "Got" in text

    # a hint, read in place
    page.click("#hint")
    page.wait_for_selector("#hints ol.hints li")
    from mltrail.curriculum.loader import load_curriculum

    first_hint = load_curriculum().exercise(exercise_id).manifest.hints[0]
    assert first_hint.split()[0] in page.inner_text("#hints ol.hints li")

    # a correct solution typed into the editor passes without a reload
    put_solution(page, exercise_id)
    assert "Passed" in check_and_wait(page, "passed")

    # the map shows the exercise's skill in another colour
    me.goto("/map")
    after = map_states(page)
    skills = load_curriculum().exercise(exercise_id).skills
    changed = [s for s in skills if after.get(s) != before.get(s)]
    assert changed, f"no skill of {exercise_id} changed colour: {[(s, before.get(s), after.get(s)) for s in skills]}"
    me.assert_clean()


def test_a_lead_makes_a_team_a_member_joins_by_invite_passes_and_the_lead_sees_it(watched):
    lead = watched()
    lead.sign_in("lead")
    lead.goto("/teams")
    lead.page.fill("form[action='/teams'] input[name=name]", "Analytics")
    with lead.page.expect_navigation():
        lead.page.click("form[action='/teams'] button[type=submit]")
    team_path = urlsplit(lead.page.url).path
    assert re.fullmatch(r"/teams/\d+", team_path), lead.page.url
    invite = lead.page.input_value("input.invite-link")
    assert "/join/" in invite
    assert "No members yet" in lead.page.inner_text("main")

    # a newcomer follows the link, creates an account from it, comes back and joins
    member = watched()
    page = member.page
    member.goto(urlsplit(invite).path)
    with page.expect_navigation():
        page.click("a[href^='/signup?next=']")
    member.sign_up("analyst", "Data Analyst", path=None)
    assert urlsplit(page.url).path == urlsplit(invite).path, page.url
    with page.expect_navigation():
        page.click("form[action^='/join/'] button[type=submit]")
    assert "You joined the team" in page.inner_text("main")
    assert "Analytics" in page.inner_text("main")

    # the member passes an exercise in the editor
    member.goto("/exercises/python/clamp")
    put_solution(page, "python/clamp")
    check_and_wait(page, "passed")

    # the lead sees it on the team page: the member's row with one exercise passed
    lead.goto(team_path)
    row = lead.page.locator("table.members tbody tr", has_text="analyst")
    assert row.count() == 1, lead.page.inner_text("main")
    cells = row.locator("td").all_inner_texts()
    assert cells[:3] == ["Data Analyst", "analyst", "1"], cells
    assert "def clamp" not in lead.page.content()  # progress and verdicts, never the code
    lead.assert_clean()
    member.assert_clean()


ALL_PAGES = {
    "dashboard": "/",
    "map": "/map",
    "course": "/modules",
    "module": "/modules/python",
    "lesson with maths": MATHS_LESSON,
    "exercise": "/exercises/python/clamp",
    "skill": "/skills/python/types",
    "quiz": "/quiz/python/quiz",
    "placement": "/placement",
    "careers": "/careers",
    "plan": "/plan",
    "review": "/review",
    "teams": "/teams",
    "admin": "/admin",
    "settings": "/settings",
}


@pytest.fixture(scope="module")
def admin_tab(browser, server):
    """One signed-in admin context for the page tour (admins see every page, /admin too)."""
    tab = Watched(browser, server)
    tab.sign_in("admin")
    tab.assert_clean()
    yield tab
    tab.close()


@pytest.mark.parametrize("name", list(ALL_PAGES))
def test_every_page_loads_with_no_console_error_and_no_request_off_localhost(admin_tab, name):
    tab = admin_tab
    tab.errors.clear()
    tab.requests.clear()
    page = tab.page
    tab.goto(ALL_PAGES[name])
    page.wait_for_load_state("load")
    assert page.locator("main h1").count() >= 1, f"{name}: no heading"
    if name == "lesson with maths":
        page.wait_for_selector(".katex")
        assert page.locator(".katex").count() >= 3
        assert page.locator(".katex-error").count() == 0
    if name == "exercise":
        page.wait_for_selector(".cm-editor")
    if name == "map":
        assert len(map_states(page)) > 50
    tab.assert_clean()


def test_a_lesson_counts_as_read_once_its_end_scrolls_into_view(watched):
    me = watched()
    page = me.page
    me.sign_up("reader", "Re Ader")
    lesson = "python/01-values-and-control-flow"
    me.goto("/modules/python")
    row = page.locator(f"a[href='/lessons/{lesson}']").locator("xpath=..")
    assert "read" not in row.inner_text()
    me.goto(f"/lessons/{lesson}")
    page.wait_for_timeout(300)
    assert page.locator(".read-mark").count() == 0  # opened, not read: its end is below the fold
    page.locator("#lesson-read").scroll_into_view_if_needed()
    page.wait_for_selector(".read-mark")
    me.goto("/modules/python")
    assert "read" in page.locator(f"a[href='/lessons/{lesson}']").locator("xpath=..").inner_text()
    me.assert_clean()


def test_the_recorder_catches_a_request_off_localhost_and_a_console_error(watched):
    """The page tour's checks can fail: a foreign image and a console error are both caught."""
    tab = watched()
    tab.goto("/login")
    tab.page.evaluate("() => { const img = document.createElement('img');"
                      " img.src = 'http://192.0.2.1/pixel.png'; document.body.appendChild(img);"
                      " console.error('deliberate'); }")
    tab.page.wait_for_timeout(200)
    assert tab.foreign() == ["http://192.0.2.1/pixel.png"]
    assert any("deliberate" in error for error in tab.errors)
    with pytest.raises(AssertionError):
        tab.assert_clean()
