"""Quiz pages, the placement test and reviews: pages (forms that work without JavaScript, htmx
for in-place checks) and their JSON API under /api. Grading and records are the engine's
(`service.web_coach`, `service.coach_reviews`); nothing here evaluates an answer.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from mltrail.service import web_coach
from mltrail.service.errors import Invalid
from mltrail.web import deps
from mltrail.web.render import fragment, page
from mltrail.web.routes_api import ERRORS, Problem

router = APIRouter()

KIND_HELP = {"choice": "pick one", "multiple": "pick every right one", "numeric": "a number",
             "expression": "an expression, e.g. 2*x + 1"}


async def _form(request: Request) -> dict[str, str]:
    """The posted form, a field given several times (checkboxes) joined as "a, c"."""
    form = await request.form()
    return {key: ", ".join(str(v) for v in form.getlist(key)) for key in form.keys()}


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _grading(request: Request, viewer, work):
    """Run `work()` as the viewer's one grading at a time (409 while another of theirs runs)."""
    state = deps.state(request)
    if not state.begin_grading(viewer.learner):
        raise HTTPException(409, "one of your answers is being graded; wait for it and try again")
    try:
        return work()
    finally:
        state.end_grading(viewer.learner)


def _item_view(item) -> dict:
    """A quiz item as pages and the API show it (never its answer)."""
    return {"id": item.id, "kind": item.kind, "prompt": item.prompt, "choices": list(getattr(item, "choices", []) or []),
            "variables": list(getattr(item, "variables", []) or []), "help": KIND_HELP.get(item.kind, "text")}


# ---------------------------------------------------------------- quizzes


def _quiz_page(request: Request, viewer, exercise, results: dict | None = None, given: dict | None = None,
               answer=None, status: int = 200):
    engine = deps.engine(request)
    latest = web_coach.latest_answers(engine, viewer.learner, exercise)
    hints = engine.store.events(engine.learner_id(viewer.learner), kind="hint", subject=exercise.id)
    return page(request, "quiz.html", status=status, exercise=exercise, items=[_item_view(i) for i in exercise.manifest.items],
                latest=latest, results=results or {}, given=given or {}, answer=answer,
                passed=exercise.id in engine.passed_ids(viewer.learner),
                hints=exercise.manifest.hints[:len(hints)], hints_total=len(exercise.manifest.hints))


@router.get("/quiz/{module}/{name}", include_in_schema=False)
def quiz_page(request: Request, module: str, name: str):
    viewer = deps.learner(request)
    exercise = web_coach.quiz_exercise(deps.engine(request), f"{module}/{name}")
    return _quiz_page(request, viewer, exercise)


@router.post("/quiz/{module}/{name}", include_in_schema=False)
async def quiz_answer_all(request: Request, module: str, name: str):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    exercise = web_coach.quiz_exercise(engine, f"{module}/{name}")
    form = await _form(request)
    given = {item.id: form.get(item.id, "") for item in exercise.manifest.items}
    answer = await run_in_threadpool(_grading, request, viewer,
                                     lambda: web_coach.answer_quiz(engine, viewer.learner, exercise.id, given))
    return _quiz_page(request, viewer, exercise, {r.item: r for r in answer.results}, given, answer)


@router.post("/quiz/{module}/{name}/{item}", include_in_schema=False)
async def quiz_answer_one(request: Request, module: str, name: str, item: str):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    exercise = web_coach.quiz_exercise(engine, f"{module}/{name}")
    form = await _form(request)
    answer = await run_in_threadpool(_grading, request, viewer,
                                     lambda: web_coach.answer_quiz(engine, viewer.learner, exercise.id,
                                                                   {item: form.get(item, "")}))
    if not _is_htmx(request):
        return _quiz_page(request, viewer, exercise, {r.item: r for r in answer.results}, {item: form.get(item, "")}, answer)
    return fragment(request, "quiz_result.html", result=answer.results[0], answer=answer)


# ---------------------------------------------------------------- placement


def _placement_view(engine, run) -> dict:
    """What the placement page shows of the question asked now."""
    question = run.question
    graph = engine.skill_graph
    view = {"test": run.test, "number": run.number, "budget": run.placement.max_questions,
            "answered": len(run.placement.answers), "item": None,
            "last": run.placement.answers[-1] if run.placement.answers else None}
    if question is None:
        return view
    exercise = engine.exercise(question.item.exercise)
    view.update(item=question.item.id, kind=question.item.kind, optional=question.optional,
                skills=[graph.skills[s].title for s in question.item.skills], exercise=exercise)
    if question.item.kind == "quiz":
        view["quiz"] = _item_view(web_coach.coach_placement.quiz_item(engine, question))
    else:
        starter = exercise.file("starter.py")
        view["starter"] = starter.read_text(encoding="utf-8") if starter.is_file() else ""
    return view


@router.get("/placement", include_in_schema=False)
def placement_page(request: Request):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    run = web_coach.placement_run(engine, viewer.learner)
    if run is not None and not run.ended and run.question is None:  # over by itself: keep its result
        web_coach.finish_placement(engine, viewer.learner, run)
        return RedirectResponse("/placement/result", status_code=303)
    if run is None or run.ended:
        return page(request, "placement.html", run=None, modules=engine.curriculum.modules,
                    finished=run is not None)
    return page(request, "placement.html", run=_placement_view(engine, run), modules=[])


@router.post("/placement/start", include_in_schema=False)
async def placement_start(request: Request):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    form = await request.form()
    modules = [str(m) for m in form.getlist("modules") if str(m)]
    run = await run_in_threadpool(web_coach.start_placement, engine, viewer.learner, modules)
    return RedirectResponse("/placement/result" if run.ended else "/placement", status_code=303)


@router.post("/placement/answer", include_in_schema=False)
async def placement_answer(request: Request):
    viewer = deps.learner(request)
    form = await _form(request)
    step = await run_in_threadpool(_placement_step, request, viewer, form.get("item", ""), form.get("answer"),
                                   form.get("code"), form.get("action") == "skip")
    return RedirectResponse("/placement/result" if step.outcome is not None else "/placement", status_code=303)


def _placement_step(request: Request, viewer, item: str, text: str | None, code: str | None, skip: bool):
    engine = deps.engine(request)
    source = None
    if code is not None:
        source = code.encode("utf-8")
        limit = deps.state(request).options.max_code_bytes
        if len(source) > limit or b"\0" in source:
            raise Invalid("code", f"send Python source text of at most {limit // 1024} KiB")
    return _grading(request, viewer, lambda: web_coach.answer_placement(engine, viewer.learner, item, text, source, skip))


@router.post("/placement/finish", include_in_schema=False)
def placement_finish(request: Request):
    viewer = deps.learner(request)
    web_coach.finish_placement(deps.engine(request), viewer.learner)
    return RedirectResponse("/placement/result", status_code=303)


@router.get("/placement/result", include_in_schema=False)
def placement_result(request: Request):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    outcome = web_coach.placement_outcome(engine, viewer.learner)
    if outcome is None:
        return RedirectResponse("/placement", status_code=303)
    return page(request, "placement_result.html", outcome=outcome, titles=engine.curriculum.skills(),
                step=outcome.next_step)


# ---------------------------------------------------------------- reviews


def _due_reviews(engine, learner: str) -> tuple[object, list[dict]]:
    """The queue, and what the page asks for each due review."""
    from mltrail.service.coach_reviews import quiz_item

    queue, due = web_coach.due_reviews(engine, learner)
    titles = engine.curriculum.skills()
    rows = [{"skill": review.skill, "title": titles.get(review.skill, review.skill), "due": review.due,
             "item": review.item.id, "exercise": review.item.exercise, "passed_before": review.passed_before,
             "quiz": _item_view(quiz_item(engine, review.item.id)[2]) if review.item.item is not None else None}
            for review in due]
    return queue, rows


@router.get("/review", include_in_schema=False)
def review_page(request: Request):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    queue, rows = _due_reviews(engine, viewer.learner)
    return page(request, "review.html", queue=queue, rows=rows, answered=None)


@router.post("/review", include_in_schema=False)
async def review_answer(request: Request):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    form = await _form(request)
    skill, item = form.get("skill", ""), form.get("item", "")
    result = await run_in_threadpool(_grading, request, viewer, lambda: web_coach.answer_due_review(
        engine, viewer.learner, skill, item, form.get("answer", "")))
    if _is_htmx(request):
        return fragment(request, "review_result.html", result=result)
    queue, rows = _due_reviews(engine, viewer.learner)
    return page(request, "review.html", queue=queue, rows=rows, answered=result)


# ---------------------------------------------------------------- the API

CONFLICT = {409: {"model": Problem, "description": "not the question asked now, or no test running"}}


class QuizItemOut(BaseModel):
    id: str
    kind: str = Field(description="choice, multiple, numeric or expression")
    prompt: str = Field(description="Markdown")
    choices: list[str] = Field(description="answer a choice with its letter: a for the first")
    variables: list[str]
    help: str
    last_correct: bool | None = Field(None, description="your latest answer to it: right, not yet, or never answered")


class QuizOut(BaseModel):
    id: str
    title: str
    passed: bool
    items: list[QuizItemOut]


@router.get("/api/quiz/{module}/{name}", response_model=QuizOut, responses=ERRORS, tags=["coach"])
def api_quiz(request: Request, module: str, name: str):
    """A quiz's items (never their answers), with your latest result on each."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    exercise = web_coach.quiz_exercise(engine, f"{module}/{name}")
    latest = web_coach.latest_answers(engine, viewer.learner, exercise)
    return QuizOut(id=exercise.id, title=exercise.title, passed=exercise.id in engine.passed_ids(viewer.learner),
                   items=[QuizItemOut(**_item_view(i), last_correct=latest.get(i.id, {}).get("correct"))
                          for i in exercise.manifest.items])


class QuizAnswers(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a field of another route is a mistake, said as such

    answers: dict[str, str | int | float] = Field(description='item id -> the answer as typed: "b", "a, c", "0.5", "2*x + 1"; '
                                                "blank answers are left out", max_length=100)


class ItemResultOut(BaseModel):
    item: str
    index: int
    correct: bool
    message: str = Field(description="the explanation when right, what is wrong otherwise")
    explanation: str | None


class QuizAnswerOut(BaseModel):
    exercise: str
    attempt: int = Field(description="the stored attempt")
    status: str = Field(description="passed once every item's latest answer is right, else failed")
    passed: bool
    message: str
    results: list[ItemResultOut]
    right: list[str]
    total: int


@router.post("/api/quiz/{module}/{name}", response_model=QuizAnswerOut, status_code=201, tags=["coach"],
             responses={**ERRORS, 409: {"model": Problem, "description": "an answer of yours is being graded"}})
def api_quiz_answer(request: Request, module: str, name: str, body: QuizAnswers):
    """Answer some or all items of a quiz: graded in the sandbox, stored as an attempt."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    answer = _grading(request, viewer, lambda: web_coach.answer_quiz(engine, viewer.learner, f"{module}/{name}",
                                                                           {k: str(v) for k, v in body.answers.items()}))
    return answer.to_json()


class PlacementQuestionOut(BaseModel):
    item: str = Field(description='"module/quiz#q3" for a quiz item, "module/exercise" for a function exercise')
    kind: str = Field(description="quiz or function")
    optional: bool
    skills: list[str]
    exercise: str
    quiz: QuizItemOut | None = Field(None, description="the quiz item to answer")
    entry: str | None = Field(None, description="the function to write, for a function exercise")
    prompt: str | None = Field(None, description="the function exercise's prompt (Markdown)")


class PlacementOut(BaseModel):
    test: int | None = Field(description="the test's id (null: never started)")
    running: bool
    number: int = Field(description="the question's number (questions answered + 1)")
    budget: int = Field(description="at most this many questions")
    question: PlacementQuestionOut | None


def _placement_out(engine, run) -> PlacementOut:
    if run is None:
        return PlacementOut(test=None, running=False, number=0, budget=0, question=None)
    view = _placement_view(engine, run)
    question = None
    if view["item"] is not None:
        exercise = view["exercise"]
        question = PlacementQuestionOut(item=view["item"], kind=view["kind"], optional=view["optional"],
                                        skills=list(run.question.item.skills), exercise=exercise.id,
                                        quiz=QuizItemOut(**view["quiz"]) if "quiz" in view else None,
                                        entry=exercise.entry if "quiz" not in view else None,
                                        prompt=exercise.prompt if "quiz" not in view else None)
    return PlacementOut(test=run.test, running=not run.ended, number=view["number"], budget=view["budget"],
                        question=question)


class PlacementStart(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a field of another route is a mistake, said as such

    modules: list[str] = Field(default_factory=list, description="module ids; empty: every skill", max_length=100)
    max_questions: int = Field(20, ge=1, le=50)


@router.post("/api/placement/start", response_model=PlacementOut, status_code=201, responses=ERRORS, tags=["coach"])
def api_placement_start(request: Request, body: PlacementStart):
    """Start a placement test (replacing one still running); the first question comes back."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    return _placement_out(engine, web_coach.start_placement(engine, viewer.learner, body.modules, body.max_questions))


@router.get("/api/placement", response_model=PlacementOut, responses=ERRORS, tags=["coach"])
def api_placement(request: Request):
    """Your placement test: the question asked now, or that it has ended."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    return _placement_out(engine, web_coach.placement_run(engine, viewer.learner))


class PlacementAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a field of another route is a mistake, said as such

    item: str = Field(max_length=300, description="the item id of the question asked now")
    answer: str | None = Field(None, max_length=web_coach.MAX_ANSWER_CHARS, description="a quiz item's answer")
    code: str | None = Field(None, max_length=200_000, description="a function exercise's source")
    skip: bool = Field(False, description='"I don\'t know" (also a blank answer or "?")')


class PlacementOutcomeOut(BaseModel):
    skills: dict[str, float] = Field(description="P(known) stored for the skills some answer told about")
    beliefs: dict[str, float]
    known: list[str]
    to_learn: list[str]
    questions: list[dict]
    stop: str
    next: dict | None = Field(description="the coach's next step")


class PlacementAnswerOut(BaseModel):
    item: str
    correct: bool | None = Field(description="null: don't know")
    state: PlacementOut
    outcome: PlacementOutcomeOut | None = Field(description="once the test is over")


@router.post("/api/placement/answer", response_model=PlacementAnswerOut, responses={**ERRORS, **CONFLICT}, tags=["coach"])
def api_placement_answer(request: Request, body: PlacementAnswer):
    """Answer the question asked now; graded in the sandbox. The test ends by itself when it has asked enough."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    step = _placement_step(request, viewer, body.item, body.answer, body.code, body.skip)
    return PlacementAnswerOut(item=step.item, correct=step.correct, state=_placement_out(engine, step.run),
                              outcome=step.outcome.to_json() if step.outcome is not None else None)


@router.post("/api/placement/finish", response_model=PlacementOutcomeOut, responses={**ERRORS, **CONFLICT}, tags=["coach"])
def api_placement_finish(request: Request):
    """Stop the running test here: what it learnt seeds your mastery."""
    viewer = deps.learner(request)
    return web_coach.finish_placement(deps.engine(request), viewer.learner).to_json()


@router.get("/api/placement/result", response_model=PlacementOutcomeOut, responses=ERRORS, tags=["coach"])
def api_placement_result(request: Request):
    """What your latest finished placement test placed, and the next step now."""
    viewer = deps.learner(request)
    outcome = web_coach.placement_outcome(deps.engine(request), viewer.learner)
    if outcome is None:
        raise HTTPException(404, "no placement test has ended yet")
    return outcome.to_json()


class DueReviewOut(BaseModel):
    skill: str
    title: str
    due: str
    item: str
    exercise: str
    quiz: QuizItemOut | None = Field(description="the quiz item to answer; null: solve the exercise again")


class ReviewsOut(BaseModel):
    due: int
    cards: int
    next_due: str | None
    reviews: list[DueReviewOut]


@router.get("/api/reviews", response_model=ReviewsOut, responses=ERRORS, tags=["coach"])
def api_reviews(request: Request):
    """Your due reviews of mastered skills, most overdue first."""
    viewer = deps.learner(request)
    queue, rows = _due_reviews(deps.engine(request), viewer.learner)
    return ReviewsOut(due=queue.due, cards=queue.cards, next_due=queue.next_due.isoformat() if queue.next_due else None,
                      reviews=[DueReviewOut(**{**row, "due": row["due"].isoformat()}) for row in rows])


class ReviewAnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a field of another route is a mistake, said as such

    skill: str = Field(max_length=300)
    item: str = Field(max_length=300, description='a due quiz item, "module/quiz#q3"')
    answer: str = Field(max_length=web_coach.MAX_ANSWER_CHARS)


class ReviewAnswerOut(BaseModel):
    skill: str
    item: str
    correct: bool
    rating: str = Field(description="the FSRS rating: again or good")
    message: str
    next_due: str | None


@router.post("/api/reviews", response_model=ReviewAnswerOut, status_code=201, tags=["coach"],
             responses={**ERRORS, 409: {"model": Problem, "description": "not due now, or an answer is being graded"}})
def api_review_answer(request: Request, body: ReviewAnswerIn):
    """Answer a due review: graded in the sandbox, recorded, and the skill rescheduled."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    result = _grading(request, viewer, lambda: web_coach.answer_due_review(engine, viewer.learner, body.skill,
                                                                              body.item, body.answer))
    return result.to_json()
