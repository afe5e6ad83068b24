"""Editor integration: VS Code maps every content file to its schema; the pre-commit hook runs the check."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import BRIEFINGS, ROOT

SETTINGS = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
HOOKS = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))


def glob_pattern(glob: str) -> re.Pattern[str]:
    """A VS Code glob (``content/claims/**/*.yml``) as a regular expression over POSIX paths."""
    parts = re.split(r"(\*\*/|\*)", glob)
    wildcards = {"**/": "(?:.*/)?", "*": "[^/]*"}
    return re.compile("".join(wildcards.get(part, re.escape(part)) for part in parts))


def schemas_for(relative: str) -> list[str]:
    return [
        Path(schema_path).name
        for schema_path, globs in SETTINGS["yaml.schemas"].items()
        if any(glob_pattern(glob).fullmatch(relative) for glob in globs)
    ]


@pytest.mark.parametrize("folder", [ROOT / "content", BRIEFINGS / "other"], ids=["kursk", "other"])
def test_vscode_gives_each_content_file_its_schema(folder):
    files = [path for path in folder.rglob("*") if path.suffix in (".yml", ".yaml")]
    assert len(files) > 5
    for path in files:
        relative = path.relative_to(folder)
        expected = "briefing" if len(relative.parts) == 1 else relative.parts[0]
        assert schemas_for(f"content/{relative.as_posix()}") == [f"{expected}.schema.json"], relative


def test_vscode_recommends_the_yaml_extension():
    recommended = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]


def hook() -> dict:
    (repository,) = HOOKS["repos"]
    (briefing_check,) = repository["hooks"]
    return briefing_check


def run_hook(folder: Path) -> subprocess.CompletedProcess[str]:
    """The hook's command, run as pre-commit runs it: from the repository's root, with no file names."""
    command = shlex.split(hook()["entry"])
    assert command[0] == "python"
    return subprocess.run(
        [sys.executable, *command[1:]], cwd=folder, capture_output=True, text=True, check=False
    )


def test_the_pre_commit_hook_stops_a_commit_of_an_invalid_briefing(tmp_path):
    assert hook()["pass_filenames"] is False
    assert re.search(hook()["files"], "content/claims/2-combat.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "generator", tmp_path / "generator")
    assert run_hook(tmp_path).returncode == 0

    claim = tmp_path / "content/claims/2-combat.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("status:", "statut:", 1), encoding="utf-8")
    result = run_hook(tmp_path)
    assert result.returncode == 1
    assert "content/claims/2-combat.yml:" in result.stderr
    assert "unknown key 'statut'; did you mean 'status'?" in result.stderr


def test_the_pre_commit_hook_installs_all_that_the_check_imports():
    """The hook's environment holds only its additional dependencies: the check must need nothing else."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # tomllib is not in Python 3.10
    pyyaml = re.search(r'^    "(pyyaml[^"]*)",$', pyproject, re.MULTILINE).group(1)  # type: ignore[union-attr]
    assert hook()["additional_dependencies"] == [pyyaml]
    probe = (
        "import json, runpy, sys\n"
        "sys.argv = ['briefing', 'check']\n"
        "try:\n"
        "    runpy.run_module('generator.cli', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted({name.split('.')[0] for name, module in list(sys.modules.items())\n"
        "    if 'site-packages' in (getattr(module, '__file__', None) or '')})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    imported = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert imported - {"yaml", "_distutils_hack", "_yaml"} <= {
        name for name in imported if name.startswith("__editable__")
    }
