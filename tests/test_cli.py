"""The command line: exit codes, and no traceback ever."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from generator import cli


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main([])
    assert exit.value.code == 2
    assert "usage: briefing" in capsys.readouterr().err


def test_an_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["check", "--contnet", "x"])
    assert exit.value.code == 2
    assert "unrecognized arguments: --contnet x" in capsys.readouterr().err


def test_a_bug_is_reported_in_one_line_without_a_traceback(briefing, monkeypatch, capsys):
    briefing()

    def broken(content):
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(cli, "load_briefing", broken)
    assert cli.main(["check"]) == cli.EXIT_BUG
    assert capsys.readouterr().err == (
        "briefing: internal error (RuntimeError: something unforeseen); please report it, with the traceback "
        "that --traceback (or BRIEFING_TRACEBACK=1) shows\n"
    )


def test_a_linked_folder_loop_is_not_followed(briefing, tmp_path):
    briefing()
    claims = tmp_path / "content" / "claims"
    (claims / "again").symlink_to(claims)
    assert briefing().code == 0


def test_the_installed_command_runs(briefing, tmp_path):
    briefing()
    command = Path(sys.executable).parent / "briefing"
    result = subprocess.run(
        [str(command), "check"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "content: valid: 1 source, 2 actors, 1 claim, 0 treaties, 0 treaty terms, 0 questions, 0 events\n"
    )
