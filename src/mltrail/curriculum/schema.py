"""The content schema: one pydantic model per file an author writes.

`module.toml` -> ModuleManifest, `exercise.toml` -> ExerciseManifest, lesson front
matter -> LessonMeta. Unknown keys are errors, so a typo names its field.
"""

from __future__ import annotations

import math

import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SKILL_REF = r"^([a-z0-9]+(-[a-z0-9]+)*/)?[a-z0-9]+(-[a-z0-9]+)*$"
IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]*$"
DOTTED = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"

Slug = Annotated[str, Field(pattern=SLUG)]
SkillRef = Annotated[str, Field(pattern=SKILL_REF)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Skill(Strict):
    """A skill a learner can master; the coach orders skills by `requires`."""

    id: Slug = Field(description="Skill id, unique in its module, e.g. 'dot-product'.")
    title: str = Field(min_length=1, description="What a learner can do once mastered.")
    requires: list[SkillRef] = Field(
        default_factory=list,
        description="Prerequisite skills: a local id or 'module/skill'.",
    )


class Resource(Strict):
    """A free resource that goes deeper than the lessons."""

    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://", description="Where to find it.")
    kind: Literal["course", "book", "video", "article", "docs", "interactive"]
    level: Literal["beginner", "intermediate", "advanced"] = "beginner"


class ModuleManifest(Strict):
    """module.toml: what a module teaches and what it builds on."""

    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    order: int = Field(description="Position on the path; lower comes first.")
    prerequisites: list[Slug] = Field(default_factory=list, description="Module ids.")
    estimated_hours: float = Field(gt=0)
    skills: list[Skill] = Field(min_length=1)
    resources: list[Resource] = Field(default_factory=list)

    @field_validator("skills")
    @classmethod
    def _unique_skill_ids(cls, skills: list[Skill]) -> list[Skill]:
        seen: set[str] = set()
        for skill in skills:
            if skill.id in seen:
                raise ValueError(f"skill id '{skill.id}' is declared twice")
            seen.add(skill.id)
        return skills


class LessonMeta(Strict):
    """The front matter of a lesson."""

    title: str = Field(min_length=1)
    skills: list[SkillRef] = Field(min_length=1)
    minutes: int = Field(gt=0, le=240)


class Limits(Strict):
    """Resource limits for one submission."""

    time_s: float = Field(default=5.0, gt=0, le=120, description="Wall-clock seconds.")
    memory_mb: int = Field(default=1024, ge=128, le=8192, description="Address space, MiB.")


class ExerciseBase(Strict):
    title: str = Field(min_length=1)
    skills: list[SkillRef] = Field(min_length=1)
    difficulty: int = Field(ge=1, le=5)
    minutes: int = Field(gt=0, le=240)
    hints: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=2, description="A ladder of hints, each giving a little more away."
    )
    limits: Limits = Field(default_factory=Limits)
    extra: Literal["deep"] | None = Field(
        default=None,
        description="An optional extra the exercise needs ('deep': PyTorch). Without it installed, the "
        "exercise is listed with the install command and skipped, not graded.",
    )


class FunctionExercise(ExerciseBase):
    """Write a function (or a class) that the check calls on many cases."""

    kind: Literal["function"]
    entry: str = Field(pattern=IDENTIFIER, description="The function or class the learner writes.")
    forbid: list[Annotated[str, Field(pattern=DOTTED)]] = Field(
        default_factory=list,
        description="Library calls the learner must not use, as dotted names of functions or whole modules "
        "(e.g. 'numpy.linalg.det', 'numpy'); "
        "read from the submission's syntax tree, never by running it.",
    )
    inputs_unchanged: bool = Field(
        default=False,
        description="The prompt says the function must not modify its inputs: each case compares them "
        "before and after the call.",
    )
    protocol: Literal["http"] | None = Field(
        default=None,
        description="'http': the entry returns a web app (FastAPI or any ASGI app); each case is "
        "{'init': kwargs of the entry, 'requests': [{'method', 'path', 'json', 'params', 'headers'}]} and "
        "the value compared is the list of {'status', 'json'} answers. Without it, the entry is called "
        "(a function) or driven by calls (a class).",
    )


class ChoiceItem(Strict):
    id: str = Field(pattern=IDENTIFIER)
    kind: Literal["choice"]
    prompt: str = Field(min_length=1)
    choices: list[str] = Field(min_length=2, max_length=26)
    answer: str = Field(pattern=r"^[a-z]$")
    explanation: str = Field(min_length=1)
    skills: list[SkillRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _answer_is_a_choice(self) -> "ChoiceItem":
        if ord(self.answer) - ord("a") >= len(self.choices):
            raise ValueError(f"answer '{self.answer}' is not one of the {len(self.choices)} choices")
        return self


class MultipleItem(Strict):
    id: str = Field(pattern=IDENTIFIER)
    kind: Literal["multiple"]
    prompt: str = Field(min_length=1)
    choices: list[str] = Field(min_length=2, max_length=26)
    answer: list[Annotated[str, Field(pattern=r"^[a-z]$")]] = Field(min_length=1)
    explanation: str = Field(min_length=1)
    skills: list[SkillRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _answers_are_choices(self) -> "MultipleItem":
        for letter in self.answer:
            if ord(letter) - ord("a") >= len(self.choices):
                raise ValueError(f"answer '{letter}' is not one of the {len(self.choices)} choices")
        if len(set(self.answer)) != len(self.answer):
            raise ValueError("answer lists a letter twice")
        return self


class NumericItem(Strict):
    id: str = Field(pattern=IDENTIFIER)
    kind: Literal["numeric"]
    prompt: str = Field(min_length=1)
    answer: float
    tolerance: float = Field(default=1e-9, ge=0, description="Absolute tolerance.")
    explanation: str = Field(min_length=1)
    skills: list[SkillRef] = Field(default_factory=list)


class ExpressionItem(Strict):
    id: str = Field(pattern=IDENTIFIER)
    kind: Literal["expression"]
    prompt: str = Field(min_length=1)
    variables: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]] = Field(min_length=1)
    answer: str = Field(min_length=1, description="The reference expression (trusted).")
    domain: tuple[float, float] = Field(default=(-3.0, 3.0), description="Where points are drawn.")
    integers: bool = Field(default=False, description="The variables are whole numbers: points are drawn at "
                                                     "integers of the domain, so n // 2 and (n - n % 2) / 2 agree.")
    tolerance: float = Field(default=1e-6, gt=0, description="Relative tolerance.")
    explanation: str = Field(min_length=1)
    skills: list[SkillRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _domain_is_an_interval(self) -> "ExpressionItem":
        if not self.domain[0] < self.domain[1]:
            raise ValueError("domain must be [low, high] with low < high")
        if self.integers and math.floor(self.domain[1]) - math.ceil(self.domain[0]) < 2:
            raise ValueError("with integers = true, the domain must hold at least three whole numbers")
        return self

    @model_validator(mode="after")
    def _answer_is_a_valid_expression(self) -> "ExpressionItem":
        from mltrail.curriculum.expressions import expression_problem

        problem = expression_problem(self.answer, list(self.variables))
        if problem:
            raise ValueError(f"item '{self.id}': answer {self.answer!r} {problem}")
        clash = sorted(set(self.variables) & {"sqrt", "exp", "log", "sin", "cos", "tan", "abs", "pi", "e"})
        if clash:
            raise ValueError(f"item '{self.id}': variables {', '.join(clash)} are names of functions or constants; rename them")
        return self


QuizItem = Annotated[
    Union[ChoiceItem, MultipleItem, NumericItem, ExpressionItem], Field(discriminator="kind")
]


METRICS = {
    # name: (tasks it suits, higher is better)
    "accuracy": ({"classification"}, True),
    "balanced_accuracy": ({"classification"}, True),
    "f1_macro": ({"classification"}, True),
    "r2": ({"regression"}, True),
    "rmse": ({"regression"}, False),
    "mae": ({"regression"}, False),
    "adjusted_rand": ({"clustering"}, True),
    "mean_return": ({"policy"}, True),
}
ENTRIES = {"classification": "fit_predict", "regression": "fit_predict", "clustering": "fit_transform",
           "policy": "fit_policy"}


class DatasetExercise(ExerciseBase):
    """Fit on training data, predict a held-out test set whose labels never enter the sandbox.

    `fit_predict(X_train, y_train, X_test)` returns one prediction per test row
    (classification, regression); `fit_transform(X)` returns one cluster label per row
    (clustering); `fit_policy(transitions, n_states, n_actions)` learns from logged
    transitions of a toy-text environment and returns one action per state (policy), judged
    by its exact expected return in the real environment. The trusted side scores the
    predictions with `metric`, and the
    submission passes when it beats the baseline by `margin` (and reaches `threshold`,
    if set).
    """

    kind: Literal["dataset"]
    entry: str = Field(pattern=IDENTIFIER, description="fit_predict for prediction tasks, fit_transform for clustering, "
                       "fit_policy for a policy learned from logged transitions.")
    dataset: Slug = Field(description="A dataset id from datasets.toml.")
    task: Literal["classification", "regression", "clustering", "policy"]
    metric: Literal["accuracy", "balanced_accuracy", "f1_macro", "r2", "rmse", "mae", "adjusted_rand", "mean_return"]
    margin: float = Field(ge=0, description="How far the score must beat the baseline's, in the metric's units.")
    threshold: float | None = Field(default=None, description="A score the submission must also reach (at most, for errors).")
    test_size: float = Field(default=0.25, gt=0.05, lt=0.6, description="Fraction of rows held out for testing.")
    split_seed: int = Field(default=0, ge=0, description="Seed of the fixed train/test split.")
    features: list[str] = Field(default_factory=list, description="A subset of the dataset's features; empty: all.")
    as_frame: bool = Field(default=True, description="Pass X as pandas DataFrames (True) or numpy arrays (False).")
    forbid: list[Annotated[str, Field(pattern=DOTTED)]] = Field(
        default_factory=list,
        description="Library calls or modules the learner must not use (e.g. 'gymnasium' when a policy must be "
        "learned from the logs alone); read from the submission's syntax tree, never by running it.",
    )
    limits: Limits = Field(default_factory=lambda: Limits(time_s=30.0, memory_mb=2048))

    @model_validator(mode="after")
    def _metric_suits_task(self) -> "DatasetExercise":
        tasks, _ = METRICS[self.metric]
        if self.task not in tasks:
            raise ValueError(f"metric '{self.metric}' does not score a {self.task} task; use one of "
                             + ", ".join(m for m, (t, _) in METRICS.items() if self.task in t))
        expected_entry = ENTRIES[self.task]
        if self.entry != expected_entry:
            raise ValueError(f"a {self.task} exercise's entry is `{expected_entry}`, not `{self.entry}`")
        return self


class QuizExercise(ExerciseBase):
    """Concept questions, graded item by item."""

    kind: Literal["quiz"]
    items: list[QuizItem] = Field(min_length=1)

    @field_validator("items")
    @classmethod
    def _unique_item_ids(cls, items: list) -> list:
        ids = [item.id for item in items]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"item ids must be unique; repeated: {', '.join(dupes)}")
        return items


ExerciseManifest = Annotated[Union[FunctionExercise, QuizExercise, DatasetExercise], Field(discriminator="kind")]

# Kinds that DESIGN.md reserves for later issues ('project') are rejected with a
# clear message by the loader until their graders exist.
FUTURE_KINDS = {"project"}


def is_slug(name: str) -> bool:
    return re.match(SLUG, name) is not None
