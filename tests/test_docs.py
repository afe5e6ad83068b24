"""The README tells the truth: its commands are the ones CI runs, and its examples are real output."""

from __future__ import annotations

import argparse
import re
import shutil

from generator.cli import build_parser, main

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)


def test_the_readme_gives_two_set_up_commands_and_ci_runs_the_second():
    commands = setup_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert commands[1] in ci
    assert "pytest" in commands[1]


def test_every_command_is_documented():
    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert subparsers.choices
    for name in subparsers.choices:
        assert f"### `briefing {name}" in README, name


def test_the_readme_example_of_errors_is_what_check_prints(tmp_path, monkeypatch, capsys):
    example = re.search(r"```\n(content/claims/2-combat.yml:.*?)\n```", README, re.DOTALL)
    assert example
    shutil.copytree(ROOT / "content", tmp_path / "content")
    combat = tmp_path / "content" / "claims" / "2-combat.yml"
    text = combat.read_text(encoding="utf-8")
    text = text.replace("status: unverified", "status: confimed").replace(
        "- actor: pentagon", "- actor: pentagone"
    )
    combat.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert capsys.readouterr().err.strip() == example.group(1)
