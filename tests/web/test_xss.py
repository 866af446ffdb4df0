"""Stored and reflected XSS: what people type is shown as text on every page, never as markup.

Payloads go in display names, usernames (refused, and echoed back escaped), team names, code,
quiz answers, a progress file to import and URL path segments. Each page that shows them
(dashboard, teams, admin, exercise and attempt pages, verdicts, quiz results, CSV) is parsed:
no element, attribute, inline script, event handler or `javascript:` link may come from a
payload, the raw payload never appears, and where the page shows it, its text does. Every HTML
answer carries the strict Content-Security-Policy (scripts from 'self' only).
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from markupsafe import escape

from .conftest import PASSWORD
from .test_authz import A, ADMIN, ALEAD, ANON, RULES, SAFE, app_routes, build_world, resolve

SCRIPT = '<script>alert("xss1")</script>'
IMG = '"><img src=x onerror=alert(2)>'
JS_URL = "javascript:alert(3)"
TEXTAREA = "</textarea><b id=xss4>bold</b>"
TEMPLATE = "{{ 7*7191 }}${7*7191}"  # rendered as a template it would show 50337
QUOTE = "'; alert(5); '"
PAYLOADS = (SCRIPT, IMG, JS_URL, TEXTAREA, TEMPLATE, QUOTE)
MARKUP = (SCRIPT, IMG, TEXTAREA)  # the ones whose raw form is markup


pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture(scope="module")
def world(tmp_path_factory, fast_hashing):
    built = build_world(tmp_path_factory.mktemp("xss") / "home")
    yield built
    built.engine.close()


# ---------------------------------------------------------------- what a page may contain


class Page(HTMLParser):
    """The elements, attributes and text of an HTML answer."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.ids: set[str] = set()
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self._in_script = True
            if not attributes.get("src"):
                self.problems.append("an inline <script>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"an event handler attribute {name}= on <{tag}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value and \
                    value.strip().lower().replace("\t", "").startswith(("javascript:", "data:text/html", "vbscript:")):
                self.problems.append(f"a script URL in <{tag} {name}={value!r}>")
            if name == "id":
                self.ids.add(value or "")
        if tag in ("img",) and attributes.get("src") == "x":
            self.problems.append("an <img src=x> from a payload")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append("script text inside <script>")
        self.text.append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)


def check_html(answer, where: str, shown: tuple = ()) -> list[str]:
    """Problems of one answer: markup from a payload, a raw payload, a missing or loose CSP."""
    problems = []
    kind = answer.headers.get("content-type", "")
    if "text/html" not in kind:
        return problems
    csp = answer.headers.get("content-security-policy", "")
    script_src = next((part for part in csp.split(";") if part.strip().startswith("script-src")), "")
    if "'self'" not in script_src or "unsafe" in script_src or "default-src 'self'" not in csp:
        problems.append(f"{where}: Content-Security-Policy {csp!r}")
    if "object-src 'none'" not in csp or "base-uri" not in csp:
        problems.append(f"{where}: CSP without object-src 'none' / base-uri: {csp!r}")
    parsed = Page(answer.text)
    problems += [f"{where}: {p}" for p in parsed.problems]
    if "xss4" in parsed.ids:
        problems.append(f"{where}: an element from a payload (</textarea> escaped its field)")
    for payload in MARKUP:
        if payload in answer.text:
            problems.append(f"{where}: the raw payload {payload!r}")
    if "50337" in answer.text:
        problems.append(f"{where}: a payload was rendered as a template")
    for payload in shown:
        if payload not in parsed.visible:
            problems.append(f"{where}: does not show {payload!r} as text")
    return problems


def page_problems(client, url: str, shown: tuple = (), status: int | None = 200) -> list[str]:
    answer = client.get(url)
    problems = check_html(answer, f"GET {url}", shown)
    if status is not None and answer.status_code != status:
        problems.append(f"GET {url}: {answer.status_code} {answer.text[:200]!r}")
    return problems


# ---------------------------------------------------------------- stored payloads


@pytest.fixture(scope="module")
def stored(world):
    """Payloads stored everywhere a person can type: names, teams, code, quiz answers."""
    accounts = world.accounts
    team = accounts.rows.team(world.team_a)
    for index, payload in enumerate(PAYLOADS):
        account = accounts.create_user(f"mallory{index}", PASSWORD, payload)
        accounts.join_team(account, team.invite_code)
        world.engine.submit(account.username, "python/clamp",
                            f"def clamp(x, low, high):\n    return {payload!r}\n".encode())
    world.payload_teams = [accounts.create_team(world.users[ALEAD], payload).id for payload in PAYLOADS]
    world.accounts.update_team(world.users[ALEAD], world.team_a, name=SCRIPT)
    world.users[A] = accounts.rows.update_account(world.alice_id, display_name=IMG)
    return world


def code_with(payload: str) -> str:
    return f"# {payload}\ndef clamp(x, low, high):\n    return {payload!r}  # {payload}\n"


def test_display_and_team_names_are_escaped_on_every_page(stored):
    problems = []
    lead, admin, alice = stored.client(ALEAD), stored.client(ADMIN), stored.client(A)
    problems += page_problems(alice, "/", shown=(IMG,))  # her name in the navigation
    problems += page_problems(alice, "/teams", shown=(SCRIPT,))
    problems += page_problems(lead, "/teams", shown=PAYLOADS)
    problems += page_problems(lead, f"/teams/{stored.team_a}", shown=(SCRIPT, *PAYLOADS))
    for team in stored.payload_teams:
        problems += page_problems(lead, f"/teams/{team}")
    problems += page_problems(admin, "/admin", shown=PAYLOADS)
    problems += page_problems(stored.client(ANON), f"/join/{stored.team_a_code}", shown=(SCRIPT,))
    problems += page_problems(alice, f"/join/{stored.team_a_code}", shown=(SCRIPT,))
    for url in ("/", "/map", "/modules", "/careers", "/plan", "/settings", "/review", "/placement"):
        problems += page_problems(alice, url, status=None)
    assert not problems, "\n".join(problems)


def test_team_csv_is_an_attachment_with_formulas_neutralised(stored):
    accounts = stored.accounts
    formula = '=HYPERLINK("http://evil.example","x")'
    member = accounts.create_user("formula", PASSWORD, formula)
    accounts.join_team(member, stored.team_a_code)
    answer = stored.client(ALEAD).get(f"/teams/{stored.team_a}/export.csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["content-disposition"].startswith("attachment")
    assert answer.headers["x-content-type-options"] == "nosniff"
    import csv
    import io

    rows = list(csv.reader(io.StringIO(answer.text)))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))], rows
    assert "'" + formula in cells  # kept, as text a spreadsheet will not run
    for payload in PAYLOADS:  # quotes and commas quoted: each name is one whole cell
        assert payload in cells or "'" + payload in cells, payload
    accounts.remove_member(stored.users[ALEAD], stored.team_a, member.id)


def test_code_and_verdicts_are_escaped(stored):
    """Code that is a payload and returns one: editor, verdict (got ...), attempt pages, lists."""
    problems = []
    alice = stored.client(A)
    for payload in PAYLOADS:
        checked = alice.post("/exercises/python/clamp/check", data={"code": code_with(payload)},
                             headers={"x-csrf-token": alice.csrf, "hx-request": "true"})
        problems += check_html(checked, f"check with {payload!r}")
        if checked.status_code != 200 or "failed" not in checked.text:
            problems.append(f"check with {payload!r}: {checked.status_code}")
        if payload == TEXTAREA:  # the page without htmx too (grading is the slow part: once)
            full = alice.post("/exercises/python/clamp/check", data={"code": code_with(payload),
                                                                     "csrf_token": alice.csrf})
            problems += check_html(full, f"check without htmx, {payload!r}")
        answer = alice.post("/api/attempts", json={"exercise": "python/clamp", "code": code_with(payload)},
                            headers={"x-csrf-token": alice.csrf})
        assert answer.status_code == 201 and "application/json" in answer.headers["content-type"]
        attempt = answer.json()["attempt"]
        problems += page_problems(alice, f"/attempts/{attempt}", shown=(payload,))
        problems += page_problems(alice, "/exercises/python/clamp", shown=(code_with(payload),))
    lead = stored.client(ALEAD)
    problems += page_problems(lead, f"/teams/{stored.team_a}")
    assert not problems, "\n".join(problems)


def test_quiz_answers_are_escaped(stored):
    pytest.importorskip("mltrail.web.pages_coach")
    problems = []
    alice = stored.client(A)
    for payload in PAYLOADS:
        whole = alice.post("/quiz/python/quiz", data={"q1": payload, "q2": payload, "csrf_token": alice.csrf})
        problems += check_html(whole, f"quiz answered {payload!r}")
        if whole.status_code >= 500:
            problems.append(f"quiz answered {payload!r}: {whole.status_code}")
        if payload in MARKUP:
            one = alice.post("/quiz/python/quiz/q1", data={"q1": payload},
                             headers={"x-csrf-token": alice.csrf, "hx-request": "true"})
            problems += check_html(one, f"quiz item answered {payload!r}")
            if one.status_code >= 500:
                problems.append(f"quiz item answered {payload!r}: {one.status_code}")
        review = alice.post("/review", data={"skill": payload, "item": payload, "answer": payload,
                                             "csrf_token": alice.csrf})
        problems += check_html(review, f"review answered {payload!r}")
    problems += page_problems(alice, "/quiz/python/quiz")
    assert not problems, "\n".join(problems)


def test_an_imported_file_with_payloads_is_escaped(stored):
    """A progress file whose code and fields are payloads: the result and the error pages."""
    pytest.importorskip("mltrail.service.portability")
    from mltrail.service.portability import export_learner

    problems = []
    alice = stored.client(A)
    data = export_learner(stored.engine, "mallory0")
    for attempt in data.get("attempts", []):
        attempt["code"] = code_with(SCRIPT)
    upload = alice.post("/api/import", files={"file": ("progress.json", __import__("json").dumps(data).encode(),
                                                       "application/json")},
                        data={"csrf_token": alice.csrf})
    problems += check_html(upload, "import of a file with payload code")
    if upload.status_code >= 500:
        problems.append(f"import: {upload.status_code}")
    for bad in ({"format": SCRIPT}, {**data, "version": IMG}, {**data, SCRIPT: TEXTAREA}, [SCRIPT]):
        refused = alice.post("/api/import", files={"file": ("p.json", __import__("json").dumps(bad).encode(),
                                                            "application/json")}, data={"csrf_token": alice.csrf})
        problems += check_html(refused, f"import of {str(bad)[:40]}")
        if not 400 <= refused.status_code < 500:
            problems.append(f"import of {str(bad)[:40]}: {refused.status_code}")
    problems += page_problems(alice, "/exercises/python/clamp")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- reflected payloads


def test_usernames_with_payloads_are_refused_and_echoed_escaped(world):
    problems = []
    for payload in PAYLOADS:
        client = world.client(ANON)
        answer = client.post("/signup", data={"username": payload, "password": PASSWORD, "display_name": payload,
                                              "csrf_token": client.csrf})
        if answer.status_code != 422:
            problems.append(f"sign-up as {payload!r}: {answer.status_code}")
        problems += check_html(answer, f"sign-up as {payload!r}")
        wrong = client.post("/login", data={"username": payload, "password": "x" * 12, "csrf_token": client.csrf})
        problems += check_html(wrong, f"sign-in as {payload!r}")
        for url in (f"/login?next={quote(payload)}", f"/signup?invite={quote(payload)}",
                    f"/careers?role={quote(payload)}"):
            problems += check_html(client.get(url), f"GET {url}")
            problems += check_html(world.client(A).get(url), f"GET {url} as A")
    assert not problems, "\n".join(problems)


def test_payloads_in_every_path_parameter_are_escaped(world):
    """Every route with path parameters, each parameter a payload: escaped errors, no 500."""
    problems = []
    clients = {A: world.client(A), ADMIN: world.client(ADMIN)}
    for method, path, route in app_routes(world.web):
        if method == "MOUNT" or "{" not in path or (method, path) not in RULES:
            continue
        rule = RULES[(method, path)]
        names = [part[1:-1].split(":")[0] for part in path.split("/") if part.startswith("{")]
        for name in names:
            for payload in (SCRIPT, IMG, TEXTAREA):
                values = {k: resolve(world, v) for k, v in rule.params.items()}
                values[name] = quote(payload, safe="")
                url = path.format(**values)
                for principal, client in clients.items():
                    headers = {"x-csrf-token": client.csrf} if method not in SAFE else {}
                    for extra in ({}, {"hx-request": "true"}):
                        answer = client.request(method, url, headers={**headers, **extra})
                        where = f"{method} {path} {name}={payload!r} as {principal}{' (htmx)' if extra else ''}"
                        if answer.status_code >= 500:
                            problems.append(f"{where}: {answer.status_code}")
                        problems += check_html(answer, where)
                        if "text/html" not in answer.headers.get("content-type", "") and payload in answer.text \
                                and "json" not in answer.headers.get("content-type", ""):
                            problems.append(f"{where}: raw payload in a {answer.headers.get('content-type')} answer")
    assert not problems, "\n".join(problems)


def test_every_html_answer_has_the_strict_csp(world):
    """Every GET route as each principal: HTML answers carry the CSP and no inline script."""
    problems = []
    for method, path, _ in app_routes(world.web):
        if method != "GET" or (method, path) not in RULES:
            continue
        rule = RULES[(method, path)]
        url = path.format(**{k: resolve(world, v) for k, v in rule.params.items()})
        for principal in (ANON, A, ADMIN):  # an admin sees every team and admin page
            answer = world.client(principal).get(url, params=rule.query)
            problems += check_html(answer, f"GET {url} as {principal}")
            if "text/html" in answer.headers.get("content-type", "") and not answer.headers.get(
                    "content-security-policy"):
                problems.append(f"GET {url} as {principal}: no CSP")
    not_found = world.client(A).get("/no/such/page")
    problems += check_html(not_found, "GET /no/such/page")
    assert not problems, "\n".join(problems)
