"""`mltrail content figures`: every script runs in its own interpreter; --check names stale figures."""

from __future__ import annotations

from conftest import write

from mltrail.authoring.figures import build_figures, module_scripts, run_script, stale_figures

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n'


def _course(course, script: str, name: str = "dots", lesson_image: bool = True):
    folder = course / "modules/tiny/lessons/figures"
    path = write(folder / f"{name}.py", script)
    if lesson_image:
        write(course / "modules/tiny/lessons/01-adding.md",
              f"---\ntitle: Adding\nskills: [adding]\nminutes: 5\n---\n# Adding\n\n![Dots](figures/{name}.svg)\n")
    return path


def _writes(text: str, name: str = "dots.svg") -> str:
    return f"from pathlib import Path\nPath({name!r}).write_text({text!r}, encoding='utf-8')\n"


def test_the_scripts_of_a_course_are_found_module_by_module(tiny_course):
    script = _course(tiny_course, _writes(SVG))
    assert module_scripts([tiny_course], only_custom=True) == [script]


def test_build_writes_the_figure_beside_its_script_and_check_then_finds_it_fresh(tiny_course):
    script = _course(tiny_course, _writes(SVG))
    report = build_figures([script])
    assert report.problems == [] and report.stale == [script.with_suffix(".svg")]
    assert script.with_suffix(".svg").read_text(encoding="utf-8") == SVG
    again = stale_figures([script])
    assert again.problems == [] and again.stale == []


def test_check_names_a_figure_that_differs_and_changes_nothing(tiny_course):
    script = _course(tiny_course, _writes(SVG.replace("10", "20")))
    figure = write(script.with_suffix(".svg"), SVG)
    report = stale_figures([script])
    assert report.stale == [figure]
    assert figure.read_text(encoding="utf-8") == SVG


def test_a_script_runs_in_a_copy_of_its_folder_and_cannot_write_beside_it(tiny_course):
    script = _course(tiny_course, _writes(SVG) + "Path('extra.txt').write_text('x')\nimport os\nprint(os.getcwd())\n")
    build_figures([script])
    assert sorted(p.name for p in script.parent.iterdir()) == ["dots.py", "dots.svg"]


def test_a_failing_script_is_reported_with_its_error(tiny_course):
    script = _course(tiny_course, "raise RuntimeError('no data here')\n")
    report = build_figures([script])
    assert len(report.problems) == 1 and report.problems[0].path == script
    assert "failed" in report.problems[0].message and "no data here" in report.problems[0].message
    assert not script.with_suffix(".svg").exists()


def test_a_script_that_writes_the_wrong_name_is_reported(tiny_course):
    script = _course(tiny_course, _writes(SVG, "other.svg"))
    report = stale_figures([script])
    assert len(report.problems) == 1
    assert "exactly one figure named dots.svg or dots.png" in report.problems[0].message
    assert "other.svg" in report.problems[0].message


def test_a_script_that_runs_too_long_is_stopped(tiny_course):
    script = _course(tiny_course, "import time\ntime.sleep(30)\n")
    run = run_script(script, timeout=1)
    assert "was stopped" in run.error


def test_the_command_checks_then_builds_then_checks_again(tiny_course, cli):
    script = _course(tiny_course, _writes(SVG))
    stale = cli("content", "figures", "--content", str(tiny_course), "--check")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "dots.svg" in stale.stdout and "out of date" in stale.stdout
    assert not script.with_suffix(".svg").exists()
    built = cli("content", "figures", "--content", str(tiny_course))
    assert built.returncode == 0, built.stdout + built.stderr
    assert script.with_suffix(".svg").read_text(encoding="utf-8") == SVG
    fresh = cli("content", "figures", "--content", str(tiny_course), "--check")
    assert fresh.returncode == 0 and "up to date" in fresh.stdout, fresh.stdout + fresh.stderr


def test_the_command_fails_on_a_broken_script(tiny_course, cli):
    _course(tiny_course, "import no_such_module_here\n")
    result = cli("content", "figures", "--content", str(tiny_course))
    assert result.returncode == 1
    assert "dots.py" in result.stdout and "no_such_module_here" in result.stdout
