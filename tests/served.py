"""A copy of the project served by ``properdocs serve`` (or ``mkdocs serve``) on a loopback port, as an author runs it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT


def copy_project(folder: Path, content: Path | None = None, settings: str = "") -> Path:
    """Copy what MkDocs reads into a folder; return the copy's mkdocs.yml.

    That is the briefing (or another content folder), the docs folder, the theme overrides, and mkdocs.yml
    with any settings added.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "site_theme"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copytree(content or ROOT / "content", folder / "content")
    config = folder / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8") + settings, encoding="utf-8")
    return config


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SERVE = {
    "properdocs": ["properdocs", "serve", "-f", "mkdocs.yml"],  # the README's command: live reload by default
    "mkdocs": ["mkdocs", "serve", "--livereload"],  # some releases of click turn live reload off unless given
}
"""How each engine serves the project, by its name."""


class Served:
    """``properdocs serve -f mkdocs.yml`` (the README's command), or ``mkdocs serve``, on a copy of the project."""

    def __init__(
        self,
        folder: Path,
        content: Path | None = None,
        log_path: Path | None = None,
        engine: str = "properdocs",
    ) -> None:
        copy_project(folder, content)
        self.engine = engine
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = log_path or folder / "serve.log"
        self.temporary = folder / "tmp"
        """Where the server makes its temporary folders: the site it serves is built into one."""
        self.temporary.mkdir()
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", *SERVE[engine], "-a", f"127.0.0.1:{self.port}"],
                cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.temporary)},
            )  # fmt: skip
        self.wait_for("", lambda html: html is not None, timeout=60)

    def fetch(self, path: str) -> str | None:
        """The page at a path of the site, or None when the server does not answer it."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for(self, path: str, ready: Callable[[str | None], bool], timeout: float = 30) -> str | None:
        """The page once it is ready; fails with the server's log if it is not within the timeout."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"{self.engine} serve stopped (exit {self.process.returncode}):\n{self.log()}"
                )
            html = self.fetch(path)
            if ready(html):
                return html
            if time.monotonic() > deadline:
                raise AssertionError(f"/{path} not ready within {timeout} s; its page:\n{html}\n{self.log()}")
            time.sleep(0.2)

    def log(self) -> str:
        """What the server printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server, as Ctrl-C does."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
