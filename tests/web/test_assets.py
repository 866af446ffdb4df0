"""The web app's vendored browser assets: present, offline, licensed and shipped in the package.

The assets are built at development time by web-frontend/ (npm ci && npm run build) and
committed under src/mltrail/web/static/vendor/. These tests read files only: no node, no
browser, no network, no wheel build.
"""

from __future__ import annotations

import glob
import json
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "mltrail"
STATIC = PACKAGE / "web" / "static"
VENDOR = STATIC / "vendor"
KATEX = VENDOR / "katex"
FRONTEND = ROOT / "web-frontend"

ASSETS = [
    "vendor/editor.js",
    "vendor/htmx.min.js",
    "vendor/katex/katex.min.js",
    "vendor/katex/katex.min.css",
    "vendor/katex/contrib/auto-render.min.js",
    "vendor/LICENSES.md",
    "mltrail-math.js",
]
SCRIPTS = [a for a in ASSETS if a.endswith(".js")]
STYLES = [a for a in ASSETS if a.endswith(".css")]

# Strings that look like URLs but are never fetched: XML namespace names.
NAMESPACES = {
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1998/Math/MathML",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/2000/xmlns/",
}
URL = re.compile(r"""(?:https?|wss?)://[^\s"'`<>()\\]*""", re.I)
Q = r"""\\?["'`]"""  # an opening quote, possibly escaped inside a string literal
REMOTE = r"(?:https?:|wss?:)?//"  # absolute or protocol-relative
# Ways a script or stylesheet makes a browser fetch an absolute URL.
FETCHING = [
    re.compile(p, re.I)
    for p in (
        rf"\bimport\s*\(\s*{Q}{REMOTE}",
        rf"\bimport\s+[^;]*?from\s*{Q}{REMOTE}",
        rf"\bfetch\s*\(\s*{Q}{REMOTE}",
        rf"\bimportScripts\s*\(\s*{Q}{REMOTE}",
        rf"\bsendBeacon\s*\(\s*{Q}{REMOTE}",
        rf"\bnew\s+(?:Worker|SharedWorker|EventSource|WebSocket|Audio)\s*\(\s*{Q}{REMOTE}",
        rf"\.open\s*\(\s*{Q}[A-Za-z]+\\?[\"'`]\s*,\s*{Q}{REMOTE}",
        rf"\b(?:src|href|srcset|poster|action|data)\s*=\s*{Q}?{REMOTE}",
        rf"\.(?:src|href)\s*=\s*{Q}{REMOTE}",
        rf"url\(\s*{Q}?{REMOTE}",
        rf"@import\s+(?:url\()?\s*{Q}?{REMOTE}",
    )
]
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def read(relative: str) -> str:
    return (STATIC / relative).read_text(encoding="utf-8")


def lock_versions() -> dict[str, str]:
    lock = json.loads((FRONTEND / "package-lock.json").read_text(encoding="utf-8"))
    return {
        key.removeprefix("node_modules/"): entry["version"]
        for key, entry in lock["packages"].items()
        if key.startswith("node_modules/") and "/node_modules/" not in key
    }


@pytest.mark.parametrize("relative", ASSETS)
def test_asset_exists_and_is_not_empty(relative):
    path = STATIC / relative
    assert path.is_file(), f"{relative} missing: run `npm ci && npm run build` in web-frontend/"
    assert path.stat().st_size > 0, f"{relative} is empty"


@pytest.mark.parametrize("relative", SCRIPTS + STYLES)
def test_no_url_a_browser_would_fetch(relative):
    text = read(relative)
    for pattern in FETCHING:
        match = pattern.search(text)
        assert match is None, f"{relative} fetches a remote URL: …{text[match.start():match.end() + 60]}…"
    # Every other URL-looking string must be an XML namespace name or sit in a comment.
    in_comments = {m.group(0) for c in COMMENT.finditer(text) for m in URL.finditer(c.group(0))}
    stray = sorted({m.group(0) for m in URL.finditer(text)} - NAMESPACES - in_comments)
    assert stray == [], f"{relative} holds URLs that are neither namespaces nor in comments: {stray}"


def test_the_fetch_patterns_catch_what_they_should():
    caught = [
        'import("https://cdn.example/x.js")',
        "fetch('http://example.com/a')",
        'e.innerHTML=\'<img src="https://example.com/a.png">\'',
        'x.setAttribute("src", 1);y.src="//cdn.example/x.js"',
        "@font-face{src:url(https://example.com/f.woff2)}",
        '@import "https://example.com/a.css";',
        'r.open("GET","https://example.com/a")',
        'new Worker("https://example.com/w.js")',
    ]
    for text in caught:
        assert any(p.search(text) for p in FETCHING), text
    harmless = [
        'document.createElementNS("http://www.w3.org/2000/svg","svg")',
        "/*! license https://github.com/example/project */",
        "//# sourceMappingURL=katex.min.js.map",
        'url("data:image/svg+xml,<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>")',
        "url(fonts/KaTeX_Main-Regular.woff2)",
    ]
    for text in harmless:
        assert not any(p.search(text) for p in FETCHING), text


def font_faces(css: str) -> list[list[tuple[str, str | None]]]:
    """Each @font-face's src list as (url, format) pairs, in order."""
    faces = []
    for block in re.findall(r"@font-face\s*\{([^}]*)\}", css):
        src = re.search(r"(?:^|;)\s*src\s*:([^;]*)", block)
        assert src, f"@font-face without src: {block}"
        entries = []
        for item in src.group(1).split(","):
            url = re.search(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", item)
            fmt = re.search(r"""format\(\s*["']?([^"')]+)["']?\s*\)""", item)
            assert url, f"src entry without url(): {item}"
            entries.append((url.group(1), fmt.group(1) if fmt else None))
        faces.append(entries)
    return faces


def test_katex_css_font_urls_are_relative_and_resolve_to_shipped_fonts():
    css = read("vendor/katex/katex.min.css")
    faces = font_faces(css)
    assert len(faces) >= 20
    shipped = {p.name for p in (KATEX / "fonts").iterdir()}
    used = set()
    for entries in faces:
        for url, _ in entries:
            parts = urlsplit(url)
            assert not parts.scheme and not parts.netloc and not url.startswith("/"), url
            assert url.startswith("fonts/"), url
        # Browsers take the first src entry whose format they support. Every browser that runs
        # the editor bundle (ES2020) supports woff2, and woff2 comes first, so the woff/ttf
        # fallbacks (not shipped) are never requested.
        first_url, first_format = entries[0]
        assert first_format == "woff2" and first_url.endswith(".woff2"), entries
        for url, fmt in entries:
            if fmt == "woff2":
                assert (KATEX / url).is_file(), f"{url} is not shipped"
                used.add(Path(url).name)
    # Every other url() in the stylesheet (outside @font-face) is relative and shipped too.
    outside = re.sub(r"@font-face\s*\{[^}]*\}", "", css)
    for url in re.findall(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", outside):
        if url.startswith("data:"):
            continue
        assert not urlsplit(url).scheme and (KATEX / url).is_file(), url
    assert shipped == used, f"fonts shipped but unused, or used but missing: {shipped ^ used}"
    assert all(name.endswith(".woff2") for name in shipped)


def test_package_data_globs_ship_every_static_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["mltrail"]
    assert "web/static/**/*" in patterns and "web/templates/**/*" in patterns
    # setuptools expands package-data patterns with glob(recursive=True) under the package.
    covered = {
        Path(p).as_posix()
        for pattern in patterns
        for p in glob.glob(pattern, root_dir=PACKAGE, recursive=True)
        if (PACKAGE / p).is_file()
    }
    files = {p.relative_to(PACKAGE).as_posix() for p in STATIC.rglob("*") if p.is_file()}
    files = {f for f in files if "__pycache__" not in f}
    assert files, "no static files found"
    assert files - covered == set()


def test_vendored_versions_match_the_lock_file_and_the_licences():
    versions = lock_versions()
    htmx, katex = versions["htmx.org"], versions["katex"]
    assert htmx.startswith("2."), htmx
    assert f'version:"{htmx}"' in read("vendor/htmx.min.js")
    assert f'version:"{katex}"' in read("vendor/katex/katex.min.js")
    licences = read("vendor/LICENSES.md")
    assert f"| htmx.min.js | htmx.org | {htmx} | 0BSD" in licences
    assert f"| katex/ | katex | {katex} | MIT |" in licences
    for name in ("@codemirror/view", "@codemirror/state", "@codemirror/lang-python", "@lezer/python"):
        assert f"| editor.js | {name} | {versions[name]} | MIT |" in licences
    assert licences.count("Permission is hereby granted, free of charge") >= 3  # MIT texts
    assert "Permission to use, copy, modify, and/or distribute this software" in licences  # 0BSD


def test_package_json_pins_exact_versions():
    package = json.loads((FRONTEND / "package.json").read_text(encoding="utf-8"))
    deps = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert {"esbuild", "htmx.org", "katex", "@codemirror/lang-python"} <= set(deps)
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in deps.values()), deps
    versions = lock_versions()
    assert all(versions[name] == v for name, v in deps.items())
    assert package["scripts"]["build"]


def test_editor_bundle_is_an_iife_exposing_the_api():
    text = read("vendor/editor.js")
    body = COMMENT.sub("", text, count=1).lstrip()
    assert body.startswith("(()=>{") and body.rstrip().endswith("})();")
    assert "mltrailEditor" in text
    for name in ("attach", "getValue", "setValue"):
        assert re.search(rf"\b{name}\b", text), name
    lines = text.splitlines()  # template literals keep a few newlines
    assert len(text) / len(lines) > 5000, "editor.js is not minified"


def test_math_script_renders_on_load_and_after_htmx_swaps():
    text = read("mltrail-math.js")
    assert "renderMathInElement(document.body" in text
    assert '"htmx:afterSwap"' in text
    assert "throwOnError: false" in text
    assert r'left: "\\(", right: "\\)", display: false' in text
    assert r'left: "\\[", right: "\\]", display: true' in text


def test_node_modules_stay_out_of_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "web-frontend/node_modules/" in ignored


def test_vendored_size_is_sensible():
    total = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    assert total < 1_500_000, f"vendored assets grew to {total} bytes"
    assert not list(VENDOR.rglob("*.map")), "source maps are not shipped"
