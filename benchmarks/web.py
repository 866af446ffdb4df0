"""The web app under load: `mltrail serve` on the embedded SQLite store, many learners at once.

It makes a fresh home in multi-user mode with --learners accounts (each signed in: a session
cookie and its CSRF token), starts `mltrail serve --multi-user` in a subprocess (the sandbox
on: the warm zygote pool grades), and from THIS process drives the learners for --seconds
with asyncio and httpx, each learner a browser of its own (its own client and connections).
Each learner, after a pause of --think seconds on average
(exponential; 0: none), does one of:

- browse (four in five actions): the dashboard, the skill map, a lesson or an exercise page
  (a lesson is then read to its end: the POST the page makes to record it, read_p50_ms);
- submit: POST /api/attempts with right (the reference solution) or wrong code (the starter)
  for one of a few plain-Python and numpy exercises, the verdict coming back in the answer,
  then poll: GET /api/attempts/{id}.

Figures (one JSON object):

- p50_ms / p95_ms: page loads (browse) as the client sees them, body read (and per page,
  pages_by_path);
- submit_p50_ms / submit_p95_ms: POST /api/attempts to its verdict;
- server_cpu_share (CPU seconds of the server's own process per second of load; 1.0 is one
  core saturated, since Python runs one thread at a time), server_cpu_ms_per_request, and
  client_cpu_share (this driver's, on the same machine);
- poll_p50_ms, requests, errors (any answer but 2xx, or no answer), pages, submissions;
- lost_attempts: submissions the server acknowledged (201 with an attempt id) that are not
  in the store at the end with the same status, read from the store after the server stopped;
- baseline: one learner alone, no pause, on the same server before the load (its page and
  submit p50/p95; after a warm-up that opens every page and submits to every exercise once,
  so that compiling templates and loading content are not counted), and `cli_grade_p50_ms`: the same right submission through the one-shot
  CLI (`mltrail grade`), what a learner without the server pays per check;
- targets and meets_targets (the issue's: page p95 <= 100 ms, submit p50 <= 50 ms, no
  errors, nothing lost).

Usage: python benchmarks/web.py [--json] [--seconds S] [--learners N] [--think S] [--baseline-runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

EXERCISES = ["python/clamp", "python/running-mean", "python/standardize-columns", "python/min-max-scale"]
PAGES = ["/", "/map", "/lessons/python/01-values-and-control-flow", "/lessons/linear-algebra/02-matrices",
         "/exercises/python/clamp", "/exercises/python/standardize-columns"]
TARGETS = {"p95_ms": 100.0, "submit_p50_ms": 50.0, "errors": 0, "lost_attempts": 0}
PASSWORD = "correct horse battery"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def codes() -> dict[str, tuple[str, str]]:
    """exercise id -> (right code, wrong code)."""
    from mltrail.curriculum.loader import load_curriculum

    curriculum = load_curriculum()
    found = {}
    for exercise_id in EXERCISES:
        exercise = curriculum.exercise(exercise_id)
        found[exercise_id] = (exercise.file("solution.py").read_text(encoding="utf-8"),
                              exercise.file("starter.py").read_text(encoding="utf-8"))
    return found


def make_home(home: Path, learners: int) -> list[tuple[str, str]]:
    """A multi-user home with `learners` accounts, each with a session: [(username, token)]."""
    from mltrail.config import Settings
    from mltrail.service.accounts import Accounts
    from mltrail.service.app import App

    home.mkdir(parents=True)
    (home / "mltrail.toml").write_text('[web]\nmulti_user = true\nregistration = "closed"\n', encoding="utf-8")
    app = App.open(Settings.resolve(home=home, sandbox="none"))
    try:
        accounts = Accounts(app)
        made = []
        for number in range(learners + 1):  # the last one is the baseline's learner
            account = accounts.create_user(f"learner{number:03d}", PASSWORD)
            made.append((account.username, accounts.start_session(account, 1)))
        return made
    finally:
        app.close()


class Server:
    def __init__(self, home: Path, env: dict) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = home.parent / "serve.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mltrail", "serve", "--port", str(self.port), "--multi-user", "--no-open",
                 "--allow-weak-sandbox"], env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while True:
            if self.process.poll() is not None:
                raise SystemExit("mltrail serve stopped:\n" + self.log.read_text())
            try:
                if httpx.get(self.base + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise SystemExit("mltrail serve did not become healthy in 120 s:\n" + self.log.read_text())
            time.sleep(0.25)

    def cpu_seconds(self) -> float:
        """CPU time the server's own process has used so far (user + system; not the graders)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Tally:
    def __init__(self) -> None:
        self.pages: list[float] = []
        self.by_path: dict[str, list[float]] = {}
        self.submits: list[float] = []
        self.polls: list[float] = []
        self.reads: list[float] = []
        self.requests = 0
        self.errors: list[str] = []
        self.acknowledged: list[tuple[str, int, str]] = []  # (learner, attempt id, status)


async def timed(client: httpx.AsyncClient, tally: Tally, method: str, path: str, **kwargs):
    started = time.perf_counter()
    tally.requests += 1
    try:
        answer = await client.request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        tally.errors.append(f"{method} {path}: {type(exc).__name__} {exc}")
        return None, (time.perf_counter() - started) * 1000
    elapsed = (time.perf_counter() - started) * 1000
    if not 200 <= answer.status_code < 300:
        tally.errors.append(f"{method} {path}: {answer.status_code} {answer.text[:200]}")
        return None, elapsed
    return answer, elapsed


async def signed_in(client, token: str) -> dict | None:
    """The headers of a signed-in browser: its session cookie, and for changes its CSRF token
    and origin (what a page carries; fetched here before the clock starts: set-up, not load)."""
    answer = await client.get("/api/session", headers={"cookie": f"mltrail_session={token}"})
    if answer.status_code != 200:
        raise SystemExit(f"GET /api/session answered {answer.status_code}: {answer.text[:200]}")
    return {"cookie": f"mltrail_session={token}", "x-csrf-token": answer.json()["csrf_token"],
            "origin": str(client.base_url).rstrip("/")}


async def learner_loop(client, tally: Tally, name: str, headers: dict, code: dict, until: float, think: float,
                       rng: random.Random, only: str | None = None, actions: int | None = None) -> None:
    cookies = {"cookie": headers["cookie"]}
    done = 0
    while time.monotonic() < until and (actions is None or done < actions):
        if think:
            await asyncio.sleep(min(rng.expovariate(1 / think), 4 * think))
            if time.monotonic() >= until:
                break
        done += 1
        action = only or ("submit" if rng.random() < 0.2 else "browse")
        if action == "browse":
            path = rng.choice(PAGES)
            answer, elapsed = await timed(client, tally, "GET", path, headers=cookies)
            if answer is not None:
                tally.pages.append(elapsed)
                tally.by_path.setdefault(path, []).append(elapsed)
                if path.startswith("/lessons/"):  # read to its end: the page posts that it was read
                    answer, elapsed = await timed(client, tally, "POST", path + "/read",
                                                  headers=dict(headers, **{"hx-request": "true"}))
                    if answer is not None:
                        tally.reads.append(elapsed)
            continue
        exercise = rng.choice(EXERCISES)
        right = rng.random() < 0.5
        answer, elapsed = await timed(client, tally, "POST", "/api/attempts", headers=headers,
                                      json={"exercise": exercise, "code": code[exercise][0 if right else 1]})
        if answer is None:
            continue
        tally.submits.append(elapsed)
        verdict = answer.json()
        if verdict["passed"] != right:
            tally.errors.append(f"{exercise}: {'right' if right else 'wrong'} code graded {verdict['status']}: "
                                f"{verdict['message'][:200]}")
        if verdict.get("attempt") is None:
            tally.errors.append(f"{exercise}: no attempt id in the answer")
            continue
        tally.acknowledged.append((name, verdict["attempt"], verdict["status"]))
        answer, elapsed = await timed(client, tally, "GET", f"/api/attempts/{verdict['attempt']}", headers=cookies)
        if answer is not None:
            tally.polls.append(elapsed)
            if answer.json()["status"] != verdict["status"]:
                tally.errors.append(f"attempt {verdict['attempt']}: polled {answer.json()['status']}, "
                                    f"answered {verdict['status']}")


async def drive(base: str, sessions: list[tuple[str, str]], code: dict, seconds: float, think: float,
                seed: int = 0) -> Tally:
    tally = Tally()
    # Each learner is a browser of its own: its own client, cookies and connections (a browser
    # keeps up to six per site; two are plenty for one learner's requests, made one at a time).
    # One client shared by all learners queued their requests in its own connection pool when
    # the load began: the server handled each in a few milliseconds while the client saw 1-2 s.
    # Idle connections are dropped before uvicorn's 5 s keep-alive timeout closes them: a request
    # sent on a connection the server is closing at that moment would fail with a read error
    # (browsers retry those; httpx does not), which is a race of this client, not a server error.
    limits = httpx.Limits(max_connections=2, max_keepalive_connections=2, keepalive_expiry=3.0)
    clients = [httpx.AsyncClient(base_url=base, limits=limits, timeout=60) for _ in sessions]
    try:
        # each learner's browser signs in (and so holds its connection) before the clock starts
        headers = await asyncio.gather(*(signed_in(clients[i], token) for i, (_, token) in enumerate(sessions)))
        until = time.monotonic() + seconds
        await asyncio.gather(*(learner_loop(clients[i], tally, name, headers[i], code, until, think,
                                            random.Random(seed + i))
                               for i, (name, token) in enumerate(sessions)))
    finally:
        for client in clients:
            await client.aclose()
    return tally


async def alone(base: str, session: tuple[str, str], code: dict, runs: int) -> Tally:
    """One learner, nobody else, no pause: `runs` page loads, then `runs` submissions."""
    tally = Tally()
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=httpx.Limits(keepalive_expiry=3.0)) as client:
        headers = await signed_in(client, session[1])
        for only in ("browse", "submit"):
            await learner_loop(client, tally, session[0], headers, code, time.monotonic() + 600, 0, random.Random(1),
                               only=only, actions=runs)
    return tally


async def warm_up(base: str, session: tuple[str, str], code: dict) -> Tally:
    """Every page and every exercise once (templates compiled, content loaded): not measured."""
    tally = Tally()
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        headers = await signed_in(client, session[1])
        for path in PAGES:
            await timed(client, tally, "GET", path, headers={"cookie": headers["cookie"]})
        for exercise in EXERCISES:
            for right in (0, 1):
                answer, _ = await timed(client, tally, "POST", "/api/attempts", headers=headers,
                                        json={"exercise": exercise, "code": code[exercise][right]})
                if answer is not None and answer.json().get("attempt") is not None:
                    tally.acknowledged.append((session[0], answer.json()["attempt"], answer.json()["status"]))
    return tally


def lost(home: Path, acknowledged: list[tuple[str, int, str]]) -> list[str]:
    """Acknowledged attempts missing from the store, or stored with another status."""
    from mltrail.config import Settings
    from mltrail.service.app import App
    from mltrail.service.errors import NotFound

    app = App.open(Settings.resolve(home=home, sandbox="none"))
    try:
        missing = []
        for name, attempt_id, status in acknowledged:
            try:
                record = app.attempt(name, attempt_id)
            except NotFound:
                missing.append(f"{name} #{attempt_id}: not stored")
                continue
            if record.status != status:
                missing.append(f"{name} #{attempt_id}: stored as {record.status}, answered {status}")
        return missing
    finally:
        app.close()


def cli_grade(home: Path, env: dict, code: dict, runs: int) -> list[float]:
    """Wall time of `mltrail grade python/clamp FILE --no-record` (a new process each time)."""
    source = home.parent / "clamp.py"
    source.write_text(code["python/clamp"][0], encoding="utf-8")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mltrail", "grade", "python/clamp", str(source), "--no-record"],
                              env=env, capture_output=True, text=True, timeout=120)
        times.append((time.perf_counter() - started) * 1000)
        if done.returncode != 0:
            raise SystemExit(f"mltrail grade failed: {done.stdout}\n{done.stderr}")
    return times


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="mltrail-bench-web-"))
    try:
        run(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run(root: Path) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the learners work (default 30)")
    parser.add_argument("--learners", type=int, default=100, help="simulated learners at once (default 100)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause in seconds before each action (default 1; 0: none)")
    parser.add_argument("--baseline-runs", type=int, default=20,
                        help="page loads and submissions of the lone learner (default 20); "
                             "CLI gradings: a fifth of it, at least 1")
    args = parser.parse_args()
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr))

    home = root / "home"
    env = {key: value for key, value in os.environ.items() if not key.startswith("MLTRAIL_")}
    env.update(MLTRAIL_HOME=str(home), NO_COLOR="1")
    code = codes()
    log(f"making {args.learners} accounts in {home} ...")
    sessions = make_home(home, args.learners)
    learners, lone = sessions[:-1], sessions[-1]
    log("starting mltrail serve --multi-user ...")
    server = Server(home, env)
    try:
        log("warming up: every page and exercise once ...")
        warm = asyncio.run(warm_up(server.base, lone, code))
        log(f"the baseline: one learner alone, {args.baseline_runs} pages and submissions ...")
        baseline = asyncio.run(alone(server.base, lone, code, args.baseline_runs))
        log(f"{args.learners} learners for {args.seconds:g} s (mean pause {args.think:g} s) ...")
        started, cpu_before, client_before = time.perf_counter(), server.cpu_seconds(), time.process_time()
        tally = asyncio.run(drive(server.base, learners, code, args.seconds, args.think))
        wall = time.perf_counter() - started
        server_cpu, client_cpu = server.cpu_seconds() - cpu_before, time.process_time() - client_before
    finally:
        server.stop()
    missing = lost(home, tally.acknowledged + baseline.acknowledged + warm.acknowledged)
    cli = cli_grade(home, env, code, max(1, args.baseline_runs // 5))
    for problem in (warm.errors + tally.errors + baseline.errors)[:10]:
        log("error:", problem)
    for problem in missing[:10]:
        log("lost:", problem)
    figures = {
        "learners": args.learners, "seconds": args.seconds, "think_s": args.think,
        "p50_ms": round(percentile(tally.pages, 0.5), 1),
        "p95_ms": round(percentile(tally.pages, 0.95), 1),
        "submit_p50_ms": round(percentile(tally.submits, 0.5), 1),
        "submit_p95_ms": round(percentile(tally.submits, 0.95), 1),
        "poll_p50_ms": round(percentile(tally.polls, 0.5), 1),
        "read_p50_ms": round(percentile(tally.reads, 0.5), 1),
        "pages_by_path": {path: {"p50_ms": round(percentile(times, 0.5), 1), "p95_ms": round(percentile(times, 0.95), 1)}
                          for path, times in sorted(tally.by_path.items())},
        "requests": tally.requests,
        "requests_per_s": round(tally.requests / wall, 1),
        "server_cpu_share": round(server_cpu / wall, 2),
        "server_cpu_ms_per_request": round(1000 * server_cpu / max(1, tally.requests), 2),
        "client_cpu_share": round(client_cpu / wall, 2),
        "pages": len(tally.pages),
        "submissions": len(tally.submits),
        "errors": len(warm.errors) + len(tally.errors) + len(baseline.errors),
        "lost_attempts": len(missing),
        "baseline": {
            "alone_p50_ms": round(percentile(baseline.pages, 0.5), 1),
            "alone_p95_ms": round(percentile(baseline.pages, 0.95), 1),
            "alone_submit_p50_ms": round(percentile(baseline.submits, 0.5), 1),
            "alone_submit_p95_ms": round(percentile(baseline.submits, 0.95), 1),
            "cli_grade_p50_ms": round(statistics.median(cli), 1),
        },
        "targets": {"p95_ms": f"<= {TARGETS['p95_ms']:g}", "submit_p50_ms": f"<= {TARGETS['submit_p50_ms']:g}",
                    "errors": 0, "lost_attempts": 0},
    }
    figures["meets_targets"] = (figures["p95_ms"] <= TARGETS["p95_ms"]
                                and figures["submit_p50_ms"] <= TARGETS["submit_p50_ms"]
                                and figures["errors"] == 0 and figures["lost_attempts"] == 0
                                and figures["pages"] > 0 and figures["submissions"] > 0)
    print(json.dumps(figures, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
