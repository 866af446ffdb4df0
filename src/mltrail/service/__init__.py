"""The engine every interface calls (CLI today; web, notebook and workers next).

`App` is the application object: one per process, thread-safe, the learner passed
on every call. Its results are typed (`mltrail.service.results`, `Verdict`) and its
errors are typed (`mltrail.service.errors`); each interface words them itself.
`Service` is the older one-learner façade, kept as a thin adapter for scripts.
"""

from mltrail.config import Settings
from mltrail.grading.verdict import CaseResult, Mistake, Verdict
from mltrail.service.app import App
from mltrail.service.errors import Conflict, Forbidden, Invalid, NotFound, ServiceError, UserError
from mltrail.service.learner import Service, default_service
from mltrail.service.results import Check, ExerciseSummary, HintStep, Progress

__all__ = [
    "App", "CaseResult", "Check", "Conflict", "ExerciseSummary", "Forbidden", "HintStep", "Invalid",
    "Mistake", "NotFound", "Progress", "Service", "ServiceError", "Settings", "UserError", "Verdict", "default_service",
]
