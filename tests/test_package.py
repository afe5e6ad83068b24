"""The package is releasable: it builds, passes the index's checks, says its version; the workflow lints clean."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from generator import cli

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent
VERSION = re.search(r'^version = "([^"]+)"$', (ROOT / "pyproject.toml").read_text(), re.MULTILINE)[1]


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and wheel, built from a copy of the project's package files, as a release would build them."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert "deprecat" not in (built.stdout + built.stderr).lower(), built.stdout + built.stderr
    return out


def test_the_sdist_and_wheel_pass_the_package_index_checks_strictly(dist):
    checked = subprocess.run(
        [str(BIN / "twine"), "check", "--strict", *map(str, sorted(dist.iterdir()))],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert sorted(path.name for path in dist.iterdir()) == [
        f"briefing_site-{VERSION}-py3-none-any.whl",
        f"briefing_site-{VERSION}.tar.gz",
    ]


def test_the_wheel_declares_the_mit_license_by_its_spdx_name_and_carries_the_license_text(dist):
    with zipfile.ZipFile(dist / f"briefing_site-{VERSION}-py3-none-any.whl") as wheel:
        info = f"briefing_site-{VERSION}.dist-info"
        headers = wheel.read(f"{info}/METADATA").decode().split("\n\n", 1)[0].splitlines()
        license_text = wheel.read(f"{info}/licenses/LICENSE")
        scripts = wheel.read(f"{info}/entry_points.txt").decode()
    assert "Name: briefing-site" in headers
    assert "License-Expression: MIT" in headers
    assert "License-File: LICENSE" in headers
    assert not [header for header in headers if header.startswith(("License:", "Classifier: License"))]
    assert license_text == (ROOT / "LICENSE").read_bytes()
    assert "briefing = generator.__main__:main" in scripts


def test_the_sdist_carries_the_license_text(dist):
    with tarfile.open(dist / f"briefing_site-{VERSION}.tar.gz") as sdist:
        member = sdist.extractfile(f"briefing_site-{VERSION}/LICENSE")
        assert member is not None
        assert member.read() == (ROOT / "LICENSE").read_bytes()


def test_briefing_version_prints_the_installed_version_and_exits_0(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["--version"])
    assert exit.value.code == cli.EXIT_OK
    assert capsys.readouterr().out == f"briefing {VERSION}\n"


def test_the_installed_briefing_command_prints_its_version():
    shown = subprocess.run([str(BIN / "briefing"), "--version"], capture_output=True, text=True)
    assert (shown.returncode, shown.stdout, shown.stderr) == (0, f"briefing {VERSION}\n", "")


def test_briefing_version_says_how_to_install_when_the_package_is_not_installed(monkeypatch):
    def missing(name):
        raise cli.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(cli.metadata, "version", missing)
    assert cli.installed_version() == "(not installed: pip install briefing-site)"


def actionlint(workflow: Path) -> subprocess.CompletedProcess[str]:
    """actionlint's findings on one workflow, its run: scripts checked with ShellCheck."""
    if shutil.which("shellcheck") is None:
        if os.environ.get("CI"):
            pytest.fail(
                "ShellCheck is not installed: apt-get install shellcheck (actionlint needs it on PATH)"
            )
        pytest.skip("ShellCheck is not installed (Debian: apt-get install shellcheck); actionlint needs it")
    return subprocess.run(
        [str(BIN / "actionlint"), "-no-color", str(workflow)], capture_output=True, text=True, cwd=ROOT
    )


def test_the_pages_workflow_is_actionlint_and_shellcheck_clean():
    linted = actionlint(WORKFLOW)
    assert (linted.returncode, linted.stdout, linted.stderr) == (0, "", "")


def test_actionlint_runs_shellcheck_on_the_workflow_scripts(tmp_path):
    masked = tmp_path / "pages.yml"
    masked.write_text(
        WORKFLOW.read_text().replace(
            'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"',
            'export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"',
        )
    )
    linted = actionlint(masked)
    assert linted.returncode == 1
    assert "SC2155:warning:1:8: Declare and assign separately to avoid masking return values" in linted.stdout
