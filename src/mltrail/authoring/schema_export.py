"""`mltrail content schema`: the content schema as JSON Schema, for editors."""

from __future__ import annotations

from pydantic import TypeAdapter

from mltrail.curriculum.schema import ExerciseManifest, LessonMeta, ModuleManifest


def content_schema() -> dict:
    """One JSON Schema document with a definition per file kind."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mltrail content",
        "description": "module.toml, exercise.toml and lesson front matter of an mltrail course.",
        "$defs": {
            "module.toml": ModuleManifest.model_json_schema(),
            "exercise.toml": TypeAdapter(ExerciseManifest).json_schema(),
            "lesson front matter": LessonMeta.model_json_schema(),
        },
    }
