"""The content tests grade thousands of submissions: through one warm, confined zygote pool.

Without a runner, `grade_source` starts a fresh confined interpreter per submission (about
a second each). Here every such grading goes to one pool for the whole session instead:
the same confinement that `watch` and `content check` use, warm.
"""

from __future__ import annotations

import pytest

from mltrail.curriculum.loader import BUILTIN_MODULES
from mltrail.grading import grader
from mltrail.sandbox.pool import ZygotePool


@pytest.fixture(scope="session", autouse=True)
def graded_in_a_warm_pool():
    with ZygotePool(forbidden=[BUILTIN_MODULES]) as pool, pytest.MonkeyPatch.context() as patch:
        pool.wait_ready()
        patch.setattr(grader, "default_sandbox", lambda exercise: pool)
        yield pool
