"""The zygote pool: warm, confined grading with fair queueing.

Two zygotes per core (configurable): more job slots than cores, so jobs that
spin share the CPU with the rest instead of holding it. A job takes a free
zygote, round-robin between tenants (learners), with at most one job in flight
per tenant; a tenant whose job timed out lately runs at the lowest CPU
priority. A zygote is recycled after `max_jobs` jobs or when its memory passes
`max_rss_mb`; a zygote that dies is replaced and its job retried once.
"""

from __future__ import annotations

import json
import logging
import os
import select
import socket
import subprocess
import sys
import threading
import time
from collections import OrderedDict, deque
from pathlib import Path

from mltrail.sandbox.confine import SWITCHABLE
from mltrail.sandbox.layout import bwrap_command, bwrap_works
from mltrail.sandbox.process import (DEFAULT_FLAVOUR, EAGER, SandboxRun, child_environment, collect, default_flavours,
                                     interpret, kill_group, pick_flavour)
from mltrail.sandbox.uids import SandboxUnavailable, UidLease

logger = logging.getLogger(__name__)
START_TIMEOUT_S = 60
STATUS_GRACE_S = 5
SLOTS_PER_CORE = 2
PENALTY_S = 60.0  # how long a learner whose job timed out runs at the lowest CPU priority
LOWEST_PRIORITY = 19
DISK_BYTES = 64 * 1024 * 1024  # per job: its /tmp, working folder and /dev/shm together
WATCH_EVERY_S = 0.1  # how often a running job's memory is summed over its processes
MEMORY_SLACK_KB = 64 * 1024
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _descendants(pid: int, most: int = 4096) -> list[int]:
    """Every process below `pid`, read from /proc's children lists."""
    found, frontier = [], [pid]
    while frontier and len(found) < most:
        parent = frontier.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as handle:
                    children = [int(child) for child in handle.read().split()]
            except (OSError, ValueError):
                continue
            found += children
            frontier += children
    return found


def _anonymous_kb(pid: int) -> int:
    """The anonymous memory a process maps (resident, not file-backed), from /proc/PID/statm."""
    try:
        with open(f"/proc/{pid}/statm") as handle:
            fields = handle.read().split()
        return (int(fields[1]) - int(fields[2])) * PAGE_KB
    except (OSError, ValueError, IndexError):
        return 0


def _private_kb(pid: int) -> int | None:
    """The memory a process holds alone (its pages shared with no other), or None where unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            lines = handle.read().splitlines()
        return sum(int(line.split()[1]) for line in lines if line.startswith(("Private_Clean:", "Private_Dirty:")))
    except (OSError, ValueError, IndexError):
        return None


def job_memory(zygote_pid: int) -> dict[int, int]:
    """What each process of a zygote's job holds, in KiB, by pid.

    RLIMIT_AS bounds each process alone, so a job that forks holds its limit once per process.
    A copy of the zygote shares its pages until it writes to them: what each process holds alone
    is its own (the zygote's pages it wrote to included). Where that cannot be read, what it maps
    beyond what the zygote maps.
    """
    base = None
    held = {}
    for pid in _descendants(zygote_pid):
        private = _private_kb(pid)
        if private is None:
            base = _anonymous_kb(zygote_pid) if base is None else base
            private = max(0, _anonymous_kb(pid) - base)
        held[pid] = private
    return held


def over_memory(held: dict[int, int], limit_kb: int) -> bool:
    """Whether a job's processes together hold more than `limit_kb`, beyond what RLIMIT_AS covers.

    RLIMIT_AS already holds each process alone to the limit: the watch acts only where the
    processes other than the largest hold more than MEMORY_SLACK_KB together, so that a job of
    one process is never ended by a count of it (only by the kernel, as before the watch).
    """
    total = sum(held.values())
    return total > limit_kb and total - max(held.values(), default=0) > MEMORY_SLACK_KB


class ZygoteDied(Exception):
    """The zygote stopped answering; the job may be retried on a new one."""


class Zygote:
    """One warm interpreter in its own world (layout.py), its control and kill sockets."""

    def __init__(self, config: dict) -> None:
        world = config["confined"] and "filesystem view" not in config["off"]
        if world:
            why = bwrap_works(os.geteuid() == 0)
            if why:
                raise SandboxUnavailable(why)
        self.sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.kill_sock, kill_theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.lease = UidLease() if config["confined"] and os.geteuid() == 0 else None
        config = dict(config, uid=self.lease.uid if self.lease else None)
        fds = (theirs.fileno(), kill_theirs.fileno())
        command = [sys.executable, "-s", "-B", "-P", "-m", "mltrail.sandbox.zygote", *map(str, fds), json.dumps(config)]
        if world:
            command = bwrap_command([Path(p) for p in config["forbidden"]], share_user=os.geteuid() == 0,
                                    share_net="network namespace" in config["off"]) + command
        try:
            self.proc = subprocess.Popen(
                command, pass_fds=fds, env=child_environment(), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, cwd="/",
            )
        except BaseException:
            self.sock.close()
            self.kill_sock.close()
            if self.lease:
                self.lease.release()
            raise
        finally:
            theirs.close()
            kill_theirs.close()
        self.jobs = 0
        self.rss_kb = 0
        self._ready_lock = threading.Lock()
        self.info: dict | None = None
        self.spare: int | None = None
        self.awaiting_status = False

    def wait_ready(self) -> dict:
        with self._ready_lock:  # the pool's background starter may wait beside a job
            if self.info is None:
                info = self._receive(START_TIMEOUT_S)
                if not info.get("ready"):
                    raise ZygoteDied("the zygote did not start")
                self.rss_kb = info.get("rss_kb", 0)
                info["host_pid"] = self._host_pid()
                self.info = info
        return self.info

    def _host_pid(self) -> int:
        """The zygote's pid as this process sees it (inside bubblewrap it has another)."""
        tree = _children_by_parent()
        frontier = [self.proc.pid]
        for _ in range(4):
            for pid in frontier:
                argv = _cmdline(pid).split(b"\0")
                if b"mltrail.sandbox.zygote" in argv and not argv[0].endswith(b"bwrap"):
                    return pid
            frontier = [child for pid in frontier for child in tree.get(pid, [])]
        return self.proc.pid

    def _receive(self, timeout: float) -> dict:
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            raise ZygoteDied("no answer from the zygote")
        try:
            data = self.sock.recv(65536)
        except OSError as exc:
            raise ZygoteDied(str(exc)) from None
        if not data:
            raise ZygoteDied("the zygote closed its socket")
        return json.loads(data)

    def settle(self) -> None:
        """Read what the zygote said since the last job: its status, then its next spare."""
        if self.awaiting_status:
            answer = self._expect("status")
            self.rss_kb = answer.get("rss_kb", self.rss_kb)
            self.awaiting_status = False
        if self.spare is None:
            answer = self._receive(START_TIMEOUT_S)
            if "unavailable" in answer:
                raise SandboxUnavailable(f"a job could not be confined: {answer['unavailable']}")
            if "spare" not in answer:
                raise ZygoteDied(f"the zygote said {sorted(answer)} where 'spare' was due")
            self.spare = int(answer["spare"])

    def _expect(self, key: str, timeout: float = STATUS_GRACE_S) -> dict:
        message = self._receive(timeout)
        if key not in message:
            raise ZygoteDied(f"the zygote said {sorted(message)} where {key!r} was due")
        return message

    def run(self, request: dict, time_s: float) -> SandboxRun:
        self.wait_ready()
        self.settle()
        started = time.perf_counter()
        spare, self.spare = self.spare, None
        req_r, req_w = os.pipe()
        out_r, out_w = os.pipe()
        res_r, res_w = os.pipe()
        try:
            try:
                socket.send_fds(self.sock, [json.dumps({"job": self.jobs}).encode()], [req_r, out_w, res_w])
            except OSError as exc:
                os.close(req_w)
                raise ZygoteDied(str(exc)) from None
            finally:
                for fd in (req_r, out_w, res_w):
                    os.close(fd)
            self.jobs += 1
            self.awaiting_status = True
            body = json.dumps(request).encode("utf-8")
            deadline = time.monotonic() + time_s
            finished = self._watching(spare, request)
            output, result, timed_out = collect(out_r, res_r, deadline, finished, request=(req_w, body))
            # The job is over once its pipes are closed or its time is up: end it either way. A job
            # that sent its reply and closed its pipes, then kept running, would otherwise run on
            # unwatched, past its wall-clock limit. (A kill for a job already gone is ignored.)
            self._kill(spare)
        finally:
            os.close(out_r)
            os.close(res_r)
        run = interpret(output, result, timed_out, 0, (time.perf_counter() - started) * 1000)
        if run.status == "ran":
            return run  # the exit status is read before the next job
        answer = self._expect("status", STATUS_GRACE_S + time_s)
        self.rss_kb = answer.get("rss_kb", self.rss_kb)
        self.awaiting_status = False
        return interpret(output, result, timed_out, int(answer["status"]), (time.perf_counter() - started) * 1000)

    def _watching(self, spare: int, request: dict):
        """`collect`'s check for the job's end, which also ends a job whose processes together hold
        more than its memory limit (each alone is held to it by RLIMIT_AS): it is then killed,
        as the kernel would kill it, and its verdict says it used too much memory."""
        zygote = (self.info or {}).get("host_pid")
        try:
            limit_kb = int(request["limits"]["memory_mb"]) * 1024 + MEMORY_SLACK_KB
        except (KeyError, TypeError, ValueError):
            limit_kb = None
        if zygote is None or zygote == self.proc.pid or limit_kb is None:
            return self._status_waiting  # no zygote of ours to watch below (then RLIMIT_AS alone holds)
        due = [time.monotonic() + WATCH_EVERY_S]

        def finished() -> bool:
            now = time.monotonic()
            if now >= due[0]:
                held = job_memory(zygote)
                if over_memory(held, limit_kb):
                    logger.warning("a job's processes together held %d KiB against a limit of %d KiB: ended "
                                   "(KiB by pid: %s)", sum(held.values()), limit_kb, held)
                    self._kill(spare)
                # A job of many large processes costs more to count: this process counts it a
                # tenth of the time at most.
                spent = time.monotonic() - now
                due[0] = time.monotonic() + max(WATCH_EVERY_S, 10 * spent)
            return self._status_waiting()

        return finished

    def _kill(self, spare: int) -> None:
        try:
            self.kill_sock.send(json.dumps({"kill": spare}).encode())
        except OSError:
            pass  # the zygote is gone; its death ends the job too

    def _status_waiting(self) -> bool:
        ready, _, _ = select.select([self.sock], [], [], 0)
        return bool(ready)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        try:
            self.sock.close()
            self.kill_sock.close()
        finally:
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                kill_group(self.proc.pid)
                self.proc.kill()
                self.proc.wait()
            if self.lease:
                self.lease.release()
                self.lease = None


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _children_by_parent() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                parent = int(Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            tree.setdefault(parent, []).append(int(name))
    return tree


class FairQueue:
    """Hands free slots to waiting callers: round-robin between tenants, one job in flight each.

    A tenant (a learner) whose job is running waits for it before its next one starts, so a
    learner who submits in a loop holds one slot at most, however fast they submit.
    """

    def __init__(self, slots: list) -> None:
        self.free = deque(slots)
        self.waiting: OrderedDict[str, deque] = OrderedDict()
        self.running: set[str] = set()
        self.cond = threading.Condition()

    def _next_ticket(self) -> object | None:
        for tenant, tickets in self.waiting.items():
            if tenant not in self.running:
                return tickets[0]
        return None

    def acquire(self, tenant: str):
        ticket = object()
        with self.cond:
            self.waiting.setdefault(tenant, deque()).append(ticket)
            while not (self.free and self._next_ticket() is ticket):
                self.cond.wait()
            tickets = self.waiting.pop(tenant)
            tickets.popleft()
            if tickets:
                self.waiting[tenant] = tickets  # back of the line: round-robin
            self.running.add(tenant)
            slot = self.free.popleft()
            self.cond.notify_all()
            return slot

    def release(self, slot, tenant: str) -> None:
        with self.cond:
            self.free.append(slot)
            self.running.discard(tenant)
            self.cond.notify_all()


def zygote_config(confined: bool, forbidden: list[Path] | None, preload: tuple[str, ...], warm_up: bool = True,
                  disk_bytes: int = DISK_BYTES, off: frozenset = frozenset(), clone: bool = True) -> dict:
    """What a zygote is told; `off` names layers left out on purpose (tests and benchmarks only).

    `clone`: start each job's process straight into its namespaces with clone() (one copy
    of the zygote per job); False keeps the keeper process that the zygote also falls
    back to where clone() cannot be used.
    """
    unknown = set(off) - SWITCHABLE
    if unknown:
        raise ValueError(f"unknown sandbox layers {sorted(unknown)}; known: {sorted(SWITCHABLE)}")
    return {"confined": confined, "forbidden": [str(p) for p in forbidden or []], "preload": list(preload),
            "warm_up": warm_up, "disk_bytes": disk_bytes, "off": sorted(off), "clone": clone}


class ZygotePool:
    """A Sandbox that forks each job from a warm, confined zygote.

    Each slot holds one zygote per flavour (process.FLAVOURS: libraries preloaded); a job
    forks from the smallest flavour that has what its request `needs`. The `eager` flavours
    start with the pool, the others with the first job that needs them. `preload` gives a
    pool of one flavour with exactly those libraries.
    """

    def __init__(
        self,
        size: int | None = None,
        confined: bool = True,
        forbidden: list[Path] | None = None,
        max_jobs: int = 2000,
        max_rss_mb: int = 1536,
        preload: tuple[str, ...] | None = None,
        off: frozenset = frozenset(),
        clone: bool = True,
        flavours: dict[str, tuple[str, ...]] | None = None,
        eager: tuple[str, ...] = EAGER,
    ) -> None:
        # More slots than cores: while some jobs spin, the kernel still shares the CPU.
        self.size = size or SLOTS_PER_CORE * (os.cpu_count() or 1)
        self.confined = confined
        self.max_jobs = max_jobs
        self.max_rss_kb = max_rss_mb * 1024
        if preload is not None:
            flavours, eager = {"custom": tuple(preload)}, ("custom",)
        self.flavours = dict(flavours or default_flavours())
        self.default = DEFAULT_FLAVOUR if DEFAULT_FLAVOUR in self.flavours else list(self.flavours)[-1]
        self.configs = {name: zygote_config(confined, forbidden, libraries, off=off, clone=clone)
                        for name, libraries in self.flavours.items()}
        self.config = self.configs[self.default]
        started = [name for name in self.flavours if name in eager] or [self.default]
        self.queue = FairQueue(list(range(self.size)))
        self.replaced = 0
        self.penalty: dict[str, float] = {}
        self._lock = threading.Lock()
        self._closed = False
        # Every zygote is started from this one thread, alive as long as the pool: bubblewrap's
        # --die-with-parent (PR_SET_PDEATHSIG) kills a child when the *thread* that started it
        # ends, so a zygote started from a request's or a job's thread would die with it.
        from concurrent.futures import ThreadPoolExecutor

        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zygote-spawner")
        # The smallest eager flavour starts now; the others once it is ready, so the first job
        # (most need numpy at most) does not wait behind every other zygote's imports.
        self.slots: list[dict[str, Zygote]] = [{started[0]: self._spawn(started[0])} for _ in range(self.size)]
        self._starter = None
        if len(started) > 1:
            self._starter = threading.Thread(target=self._start_later, args=(started[1:],), daemon=True,
                                             name="zygote-starter")
            self._starter.start()

    def _spawn(self, flavour: str) -> Zygote:
        """A new zygote of a flavour, started from the pool's spawner thread (see __init__)."""
        return self._spawner.submit(Zygote, self.configs[flavour]).result()

    def _start_later(self, flavours: list[str]) -> None:
        for zygote in [zygote for slot in self.slots for zygote in list(slot.values())]:
            try:
                zygote.wait_ready()
            except (ZygoteDied, OSError, ValueError):
                pass  # a job will replace it
        for flavour in flavours:
            for index in range(self.size):
                with self._lock:
                    if self._closed:
                        return
                    if flavour not in self.slots[index]:
                        try:
                            self.slots[index][flavour] = self._spawn(flavour)
                        except SandboxUnavailable:
                            return  # the job that needs it will say so

    def zygotes(self) -> list[Zygote]:
        with self._lock:
            return [zygote for slot in self.slots for zygote in slot.values()]

    def wait_ready(self) -> list[dict]:
        """Start every eager flavour's zygotes (if the background start has not yet) and wait for them."""
        if self._starter is not None:
            self._starter.join()
        return [zygote.wait_ready() for zygote in self.zygotes()]

    def settle(self) -> None:
        """Wait until every zygote has cleaned up after its last job."""
        tenants = [f"\0settle-{i}" for i in range(self.size)]  # not a learner's name: none has a NUL
        taken = [self.queue.acquire(tenant) for tenant in tenants]
        try:
            for slot in taken:
                for flavour in list(self.slots[slot]):
                    try:
                        self.slots[slot][flavour].settle()
                    except ZygoteDied:
                        self._replace(slot, flavour)
        finally:
            for slot, tenant in zip(taken, tenants):
                self.queue.release(slot, tenant)

    def run(self, request: dict, time_s: float, tenant: str = "") -> SandboxRun:
        if self._penalised(tenant):
            request = dict(request, nice=LOWEST_PRIORITY)
        run = self._run(request, time_s, tenant)
        if run.status == "timeout":
            with self._lock:
                self.penalty[tenant] = time.monotonic() + PENALTY_S
        return run

    def _penalised(self, tenant: str) -> bool:
        """Whether a job of this tenant's timed out lately: its jobs then run at the lowest CPU priority."""
        with self._lock:
            until = self.penalty.get(tenant)
            if until is not None and until < time.monotonic():
                del self.penalty[tenant]
                until = None
        return until is not None

    def _run(self, request: dict, time_s: float, tenant: str) -> SandboxRun:
        flavour = pick_flavour(self.flavours, request.get("needs"), self.default)
        for attempt in range(2):
            index = self.queue.acquire(tenant)
            try:
                try:
                    zygote = self._healthy(index, flavour)
                except SandboxUnavailable as exc:
                    return SandboxRun(None, "unavailable", "", 0.0, str(exc))
                try:
                    run = zygote.run(request, time_s)
                except SandboxUnavailable as exc:
                    self._replace(index, flavour)
                    return SandboxRun(None, "unavailable", "", 0.0, str(exc))
                except ZygoteDied:
                    self._replace(index, flavour)
                    if attempt == 1:
                        return SandboxRun(None, "crashed", "", 0.0, "the grading process stopped; please try again")
                    continue
                if zygote.jobs >= self.max_jobs or zygote.rss_kb > self.max_rss_kb:
                    self._replace(index, flavour)
                return run
            finally:
                self.queue.release(index, tenant)
        raise AssertionError("unreachable")

    def _healthy(self, index: int, flavour: str) -> Zygote:
        with self._lock:
            zygote = self.slots[index].get(flavour)
            if zygote is None:  # not started yet (lazy, or the background start is behind): now
                zygote = self.slots[index][flavour] = self._spawn(flavour)
        if not zygote.alive():
            zygote = self._replace(index, flavour)
        return zygote

    def _replace(self, index: int, flavour: str) -> Zygote:
        with self._lock:
            old = self.slots[index].get(flavour)
        if old is not None:
            old.stop()
        fresh = self._spawn(flavour)
        with self._lock:
            self.replaced += 1
            self.slots[index][flavour] = fresh
        return fresh

    def close(self) -> None:
        with self._lock:
            self._closed = True
        if self._starter is not None and self._starter is not threading.current_thread():
            self._starter.join()  # it stops at the next zygote: every one it started is listed below
        for zygote in self.zygotes():
            zygote.stop()
        self._spawner.shutdown(wait=False)

    def __enter__(self) -> "ZygotePool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
