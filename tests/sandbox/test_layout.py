"""The job world's layout: secrets covered once, at their outermost folder, and never the working folder."""

from __future__ import annotations

import os

from mltrail.sandbox.layout import CONTENT, python_roots, secret_paths


def test_nested_secrets_are_covered_once_at_the_outermost_folder(tmp_path):
    inner = tmp_path / "course" / "modules"
    inner.mkdir(parents=True)
    found = secret_paths([CONTENT / "modules", inner, tmp_path / "course", tmp_path / "missing"])
    assert CONTENT.resolve() in found and (tmp_path / "course").resolve() in found
    assert all(not a.is_relative_to(b) for a in found for b in found if a != b)


def test_the_working_folder_is_not_a_python_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    import sys

    sys.path.insert(1, os.getcwd())
    try:
        assert not any(tmp_path.resolve() == root or tmp_path.resolve().is_relative_to(root) for root in python_roots())
    finally:
        sys.path.remove(os.getcwd())
