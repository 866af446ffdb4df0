"""One-shot commands use the warm pool of a `watch` of the same home and user, and nothing else."""

from __future__ import annotations

import os
import socket
import struct

import pytest

from mltrail.config import Settings
from mltrail.grading.grader import grade_source
from mltrail.sandbox.process import FreshSandbox
from mltrail.service import App
from mltrail.service.shared_pool import PoolServer, RemoteSandbox, remote_run, socket_name

SOLUTION = "def clamp(x, low, high):\n    return max(low, min(x, high))\n"


@pytest.fixture
def watching(home):
    """An App with a warm pool serving its home, as `mltrail watch` runs one."""
    app = App.open(Settings.resolve(home=home))
    app.use_pool()
    app.sandbox.wait_ready()
    assert app.serve_pool()
    yield app
    app.close()


def test_a_one_shot_app_of_the_same_home_grades_in_the_running_pool(watching, home):
    one_shot = App.open(Settings.resolve(home=home))
    try:
        assert isinstance(one_shot.sandbox, RemoteSandbox)
        verdict = one_shot.grade("me", "python/clamp", SOLUTION.encode())
        assert verdict.passed, verdict.message
        assert one_shot.sandbox.remote_runs == 1 and watching._parts["pool_server"].served == 1
        wrong = one_shot.grade("me", "python/clamp", b"def clamp(x, low, high):\n    return x\n")
        assert wrong.status == "failed" and one_shot.sandbox.remote_runs == 2
    finally:
        one_shot.close()


def test_another_home_does_not_use_it(watching, tmp_path):
    other = App.open(Settings.resolve(home=tmp_path / "other-home"))
    try:
        assert isinstance(other.sandbox, FreshSandbox)
    finally:
        other.close()


def test_a_second_server_for_the_same_home_is_refused(watching):
    assert not watching.serve_pool()
    with pytest.raises(OSError):
        PoolServer(watching.sandbox, watching.settings.home, [])


def test_a_pool_that_does_not_hide_the_client_course_is_not_used(watching, tiny_course, home):
    # The watch hides the built-in content and its home; a one-shot with another course folder
    # must not send jobs to zygotes that could read that folder.
    course = str(tiny_course.resolve())
    request = {"mode": "function", "code": "def f():\n    return 1\n", "entry": "f", "protocol": "call",
               "cases": [{"args": "{}", "files": {}}], "limits": {"memory_mb": 512, "cpu_s": 2}, "max_bytes": 1 << 20}
    assert remote_run(home, [course], request, 5.0, "me") is None
    assert remote_run(home, [str(home.resolve())], request, 5.0, "me") is not None
    one_shot = App.open(Settings.resolve(home=home, content=[tiny_course]))
    try:
        assert isinstance(one_shot.sandbox, FreshSandbox)
    finally:
        one_shot.close()


def test_the_reply_is_decoded_by_the_client_with_the_strict_decoder(watching, home):
    exercise = watching.exercise("python/clamp")
    forged = "import os\nos.write(3, b'{\"status\": \"passed\"}')\nos._exit(0)\n"
    verdict = grade_source(exercise, forged, runner=RemoteSandbox(home, FreshSandbox()), seed=1)
    assert verdict.status != "passed"


def test_a_server_held_by_another_user_is_never_used(home, monkeypatch):
    # The name is the user's own; a listener there that is not this user gets no code.
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_name(home))
    listener.listen(1)
    try:
        real = socket.socket.getsockopt

        def other_user(self, level, name, *args):
            if name == socket.SO_PEERCRED:
                return struct.pack("3i", os.getpid(), os.getuid() + 1, os.getgid())
            return real(self, level, name, *args)

        monkeypatch.setattr(socket.socket, "getsockopt", other_user)
        request = {"mode": "function", "code": "x = 1\n"}
        assert remote_run(home, [], request, 1.0, "me") is None
    finally:
        listener.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a client as another user")
def test_a_client_of_another_user_gets_nothing(watching, home):
    import subprocess
    import sys

    probe = (
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n"
        "s.settimeout(5)\n"
        "s.connect(bytes.fromhex(sys.argv[1]))\n"
        "data = s.recv(4096)\n"
        "print('said:' + data.hex() if data else 'closed')\n"
    )
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable  # readable by anyone
    result = subprocess.run([python, "-c", probe, socket_name(home).hex()], user=65534, group=65534, cwd="/",
                            capture_output=True, text=True, timeout=30)
    assert result.stdout.strip() == "closed", (result.stdout, result.stderr)
    same_user = subprocess.run([sys.executable, "-c", probe, socket_name(home).hex()], capture_output=True, text=True,
                               timeout=30)
    assert same_user.stdout.startswith("said:"), same_user.stderr  # the same probe, as the same user, is answered
