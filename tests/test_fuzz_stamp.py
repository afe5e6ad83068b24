"""The fuzzers ran at depth on the loader and validator as they are: ``tests/fuzzed.txt`` says so."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

import fuzz_deep
from conftest import ROOT


def test_the_fuzzers_ran_at_depth_since_the_loader_or_validator_last_changed():
    changed = fuzz_deep.changed_since_fuzzed()
    assert changed == [], (
        f"{', '.join(changed)} changed since the fuzzers last ran at depth: run `{fuzz_deep.COMMAND}` "
        f"(it runs {fuzz_deep.FUZZERS} at {fuzz_deep.EXAMPLES:,} examples a target and, if they pass, rewrites "
        "tests/fuzzed.txt), then commit tests/fuzzed.txt"
    )


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    """A copy of the generator and the fuzzers, which fuzz_deep then reads instead of the project."""
    shutil.copytree(ROOT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "tests").mkdir()
    shutil.copy(ROOT / fuzz_deep.FUZZERS, tmp_path / fuzz_deep.FUZZERS)
    monkeypatch.setattr(fuzz_deep, "ROOT", tmp_path)
    monkeypatch.setattr(fuzz_deep, "STAMP", tmp_path / "tests" / "fuzzed.txt")
    return tmp_path


def test_the_stamp_notices_a_change_to_any_module_a_content_file_passes_through(project_copy):
    assert "generator/validate.py" in fuzz_deep.changed_since_fuzzed()  # no stamp yet: nothing was fuzzed
    fuzz_deep.STAMP.write_text(fuzz_deep.stamp(), encoding="utf-8")
    assert fuzz_deep.changed_since_fuzzed() == []
    with (project_copy / "generator" / "render.py").open("a", encoding="utf-8") as file:
        file.write("# rendering is not on a content file's way into the model\n")
    assert fuzz_deep.changed_since_fuzzed() == []
    with (project_copy / "generator" / "dates.py").open("a", encoding="utf-8") as file:
        file.write("# a change\n")
    assert fuzz_deep.changed_since_fuzzed() == ["generator/dates.py"]


def test_the_stamp_covers_a_module_the_validator_starts_to_import(project_copy):
    fuzz_deep.STAMP.write_text(fuzz_deep.stamp(), encoding="utf-8")
    (project_copy / "generator" / "odd.py").write_text('"""A new step."""\n', encoding="utf-8")
    validate = project_copy / "generator" / "validate.py"
    validate.write_text(
        validate.read_text(encoding="utf-8") + "from generator import odd\n", encoding="utf-8"
    )
    assert fuzz_deep.changed_since_fuzzed() == ["generator/odd.py", "generator/validate.py"]


@pytest.mark.parametrize("code, written", [(0, True), (1, False)])
def test_the_deep_run_writes_the_stamp_only_when_the_fuzzers_pass(
    project_copy, monkeypatch, capsys, code, written
):
    runs = []

    def run(command, **options):
        runs.append((command, options["env"]["BRIEFING_FUZZ_EXAMPLES"]))
        return subprocess.CompletedProcess(command, code)

    monkeypatch.setattr(fuzz_deep.subprocess, "run", run)
    assert fuzz_deep.main() == code
    assert runs == [
        ([sys.executable, "-m", "pytest", fuzz_deep.FUZZERS, "-q", "-p", "no:cacheprovider"], "10000")
    ]
    assert fuzz_deep.STAMP.is_file() == written
    assert (fuzz_deep.changed_since_fuzzed() == []) == written
    assert capsys.readouterr().out.startswith(
        "fuzz_deep: passed at 10,000 examples a target" if written else "fuzz_deep: the fuzzers failed"
    )
