"""The installed package gives a site its look: a project holding only its briefing builds the briefing's pages.

A fresh virtual environment gets the package from a built wheel (not an editable install); a project folder
holds only ``mkdocs.yml``, ``content/``, an empty ``docs/`` and a ``site_theme/`` with no template or
stylesheet, and no ``generator/``. Its site must carry the badges' styles, the as-of line and the feed link,
and look exactly like the site the repository's own install builds from the same project.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STYLESHEET = Path("assets") / "stylesheets" / "briefing.css"
THEME_STYLESHEET = ROOT / "generator" / "theme" / STYLESHEET
EPOCH = "1732406400"
"""The build time both sites are stamped with (SOURCE_DATE_EPOCH), so that they can be compared byte for byte."""
ENGINES = ("mkdocs", "mkdocs-material")
"""The distributions whose versions decide a page's markup beyond the briefing's own."""


@dataclass(frozen=True)
class Installed:
    """A project built by the briefing command of a virtual environment that has the wheel installed."""

    venv: Path
    """The virtual environment the wheel is installed in."""
    project: Path
    """The project folder: mkdocs.yml, content/, docs/ and site_theme/, nothing else."""
    outside: Path
    """The working folder of every command run here: outside the repository, so it cannot be imported."""
    env: dict[str, str]
    """The commands' environment: no PYTHONPATH, no SITE_URL, the fixed SOURCE_DATE_EPOCH."""
    site: Path
    """The site the installed command built."""

    def build(self, briefing: Path, site: Path) -> subprocess.CompletedProcess[str]:
        """Run ``briefing build`` (the given command) on the project into ``site``, from outside the repository."""
        return subprocess.run(
            [
                str(briefing),
                "build",
                "--config",
                str(self.project / "mkdocs.yml"),
                "--content",
                str(self.project / "content"),
                "--site-dir",
                str(site),
            ],
            capture_output=True,
            text=True,
            cwd=self.outside,
            env=self.env,
            timeout=300,
        )

    def python(self, code: str) -> str:
        """What the virtual environment's Python prints running ``code``, from outside the repository."""
        ran = subprocess.run(
            [str(self.venv / "bin" / "python"), "-c", code],
            capture_output=True,
            text=True,
            cwd=self.outside,
            env=self.env,
            timeout=60,
        )
        assert ran.returncode == 0, ran.stderr
        return ran.stdout


def needs_build() -> None:
    """Skip without the ``build`` package, except under CI, where its absence fails."""
    if importlib.util.find_spec("build") is None:
        if os.environ.get("CI"):
            pytest.fail("the 'build' package is missing: pip install -e '.[test]' installs it", pytrace=False)
        pytest.skip("needs the 'build' package (pip install -e '.[test]') to build the wheel")


def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the project's package files, as a release would build it."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = out.glob("*.whl")
    return wheel


def venv_with(wheel: Path, venv: Path, env: dict[str, str]) -> Path:
    """A fresh virtual environment with the wheel (and its dependencies, from the package index) installed."""
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    installed = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-input", str(wheel)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert installed.returncode == 0, f"pip install {wheel.name} failed:\n{installed.stderr}"
    return venv


def project_without_the_package(project: Path) -> Path:
    """The repository's mkdocs.yml and content/, an empty docs/, and site_theme/ without templates or CSS."""
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    (project / "docs").mkdir()
    (project / "docs" / ".gitkeep").touch()
    shutil.copytree(
        ROOT / "site_theme", project / "site_theme", ignore=shutil.ignore_patterns("*.html", "*.css")
    )
    return project


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    """The project, built once by the briefing command that the wheel installs in a fresh environment."""
    needs_build()
    env = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "SITE_URL")}
    env["SOURCE_DATE_EPOCH"] = EPOCH
    venv = venv_with(built_wheel(tmp_path_factory), tmp_path_factory.mktemp("env") / "venv", env)
    work = tmp_path_factory.mktemp("work")
    outside = work / "elsewhere"
    outside.mkdir()
    project = project_without_the_package(work / "project")
    installed = Installed(venv, project, outside, env, work / "site")
    built = installed.build(venv / "bin" / "briefing", installed.site)
    assert built.returncode == 0, built.stdout + built.stderr
    return installed


def page(site: Path, path: str) -> str:
    """The HTML of one page of a built site."""
    return (site / path).read_text(encoding="utf-8")


def test_the_installed_package_is_what_runs_and_the_project_holds_no_template_css_or_package(installed):
    where = installed.python(
        "import generator, sysconfig; print(generator.__file__, sysconfig.get_path('purelib'))"
    )
    module, site_packages = map(Path, where.split())
    assert module.is_relative_to(site_packages)
    assert site_packages.is_relative_to(installed.venv)
    assert not module.is_relative_to(ROOT)
    assert not installed.outside.is_relative_to(ROOT)
    assert sorted(path.name for path in installed.project.iterdir()) == [
        "content",
        "docs",
        "mkdocs.yml",
        "site_theme",
    ]
    assert not (installed.project / "generator").exists()
    assert [
        path for path in (installed.project / "site_theme").rglob("*") if path.suffix in (".html", ".css")
    ] == []


def test_the_wheel_built_site_carries_the_badges_styles_the_as_of_line_and_the_feed_link(installed):
    claims = page(installed.site, "claims/index.html")
    head = claims.split("</head>", 1)[0]
    assert '<link rel="stylesheet" href="../assets/stylesheets/briefing.css">' in head
    assert '<link rel="alternate" type="application/atom+xml" href="../feed.xml"' in head
    assert '<p class="briefing-as-of">Information as of <strong>around November 2024</strong></p>' in claims
    assert '<span class="briefing-status briefing-status--corroborated briefing-term"' in claims
    stylesheet = installed.site / STYLESHEET
    assert stylesheet.is_file(), f"the site has no {STYLESHEET}, which its pages link"
    assert stylesheet.read_bytes() == THEME_STYLESHEET.read_bytes()
    css = stylesheet.read_text(encoding="utf-8")
    assert ".briefing-status {" in css
    assert ".briefing-as-of {" in css
    statuses = sorted(set(re.findall(r'class="briefing-status briefing-status--([a-z-]+)', claims)))
    assert "corroborated" in statuses
    for status in statuses:
        assert f".briefing-status--{status}" in css, status
        assert f'[data-md-color-scheme="slate"] .briefing-status--{status}' in css, status


def test_the_wheel_built_site_is_byte_identical_to_the_repository_install_built_one(installed, tmp_path):
    site = tmp_path / "site"
    built = installed.build(BIN / "briefing", site)
    assert built.returncode == 0, built.stdout + built.stderr
    versions = f"from importlib.metadata import version; print(*(version(name) for name in {ENGINES!r}))"
    same_engines = installed.python(versions).split() == [metadata.version(name) for name in ENGINES]
    wheel_files, repository_files = files(installed.site), files(site)
    only_in_the_wheel_built = sorted(set(wheel_files) - set(repository_files))
    only_in_the_repository_built = sorted(set(repository_files) - set(wheel_files))
    assert (only_in_the_wheel_built, only_in_the_repository_built) == ([], [])
    assert "claims/index.html" in wheel_files
    if same_engines:
        differing = [path for path in wheel_files if wheel_files[path] != repository_files[path]]
    else:  # another MkDocs or Material marks pages up otherwise: the briefing's own part must still be the same
        differing = [
            path
            for path in wheel_files
            if path.endswith(".html") and article(wheel_files[path]) != article(repository_files[path])
        ]
        assert wheel_files[str(STYLESHEET)] == repository_files[str(STYLESHEET)]
    assert differing == []


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site."""
    return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def article(html: bytes) -> bytes:
    """A page's ``<article>``: what the briefing put on it, without the engine's frame around it."""
    found = re.search(rb"<article\b.*?</article>", html, re.DOTALL)
    return found[0] if found else b""
