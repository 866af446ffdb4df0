"""The schema as JSON Schema, for editors."""

import jsonschema

from mltrail.authoring.schema_export import content_schema


def test_schema_is_valid_json_schema_with_a_definition_per_file():
    schema = content_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["$defs"]) == {"module.toml", "exercise.toml", "lesson front matter"}


def test_module_schema_accepts_a_manifest_and_rejects_a_typo():
    definition = content_schema()["$defs"]["module.toml"]
    good = {"title": "T", "summary": "S", "order": 1, "estimated_hours": 2, "skills": [{"id": "a", "title": "A"}]}
    jsonschema.validate(good, definition)
    bad = dict(good, sumary="typo")
    try:
        jsonschema.validate(bad, definition)
    except jsonschema.ValidationError as exc:
        assert "sumary" in exc.message
    else:
        raise AssertionError("a misspelt key must be rejected")
