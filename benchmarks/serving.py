"""What an author waits for while ``properdocs serve`` runs: its idle CPU, and from an edit to the page.

Each briefing is copied into a project folder of its own (its content, the project's docs and mkdocs.yml, an
empty site_theme) and served on a loopback port, the server's output going to a file. Once the first build
is served:

- idle: the server's CPU (user + system, from /proc) over 12 seconds with nothing happening, as a share of
  one core;
- edit to reload: one claim's title is rewritten to a new text, five times; each time, the seconds from the
  write until the page showing the claim (found from the claim's link on the claims page) serves the new
  text over HTTP, and the server's CPU from the write until 1.5 s after that (the server answers no request
  while it rebuilds, so the text shows once the rebuild is over). Then one actor is renamed, which touches
  many pages, until the actors page shows the new name.

The server is stopped as Ctrl-C stops it (so it removes its own build folder), killed if it does not stop,
whatever happens.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
"""The project's folder: its mkdocs.yml, docs and content."""
PROPERDOCS = Path(sys.executable).parent / "properdocs"
"""The README's command, from the environment this benchmark runs in."""
IDLE_S = 12.0
"""How long the idle server's CPU is counted."""
AFTER_S = 1.5
"""How long after an edit shows the server's CPU is still counted to it."""
EDITS = 5
"""How many times one claim's title is edited."""
TIMEOUT_S = 600.0
"""How long the first build, or an edit, may take before the benchmark gives up."""
TICKS = os.sysconf("SC_CLK_TCK")
"""The kernel's clock ticks a second, the unit of /proc's CPU counters."""


class Server:
    """``properdocs serve`` running on a project folder, as an author runs it."""

    def __init__(self, project: Path) -> None:
        self.project = project
        """The folder served: its mkdocs.yml, content, docs and site_theme."""
        self.log = project / "serve.log"
        """Where the server's output goes: a pipe nobody read would fill and stop it."""
        self.address = f"127.0.0.1:{free_port()}"
        """The loopback address and port served."""
        self.url = f"http://{self.address}/"
        """The site's address."""
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(properdocs()), "serve", "-f", "mkdocs.yml", "-a", self.address],
                cwd=project, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )  # fmt: skip
        """The server's process."""

    def cpu(self) -> float:
        """The server's CPU seconds so far, user and system, every thread of it."""
        try:
            stat = Path(f"/proc/{self.process.pid}/stat").read_text(encoding="ascii")
        except FileNotFoundError:
            raise SystemExit(f"properdocs serve stopped:\n{self.output()}") from None
        fields = stat[stat.rindex(")") + 2 :].split()  # after the command's name, which may hold spaces
        return (int(fields[11]) + int(fields[12])) / TICKS  # the stat's fields 14 and 15

    def fetch(self, path: str) -> str | None:
        """The page at a path of the site, or None while the server does not answer."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=TIMEOUT_S) as response:
                text: str = response.read().decode("utf-8")
                return text
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for(self, path: str, text: str) -> None:
        """Ask for the page until it shows the text, or end the benchmark with the server's output."""
        deadline = time.monotonic() + TIMEOUT_S
        while text not in (self.fetch(path) or ""):
            if self.process.poll() is not None:
                stopped = f"properdocs serve stopped (exit {self.process.returncode})"
                raise SystemExit(f"{stopped}:\n{self.output()}")
            if time.monotonic() > deadline:
                raise SystemExit(f"/{path} did not show {text!r} within {TIMEOUT_S:.0f} s:\n{self.output()}")
            time.sleep(0.05)

    def output(self) -> str:
        """The end of what the server printed."""
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    def stop(self) -> None:
        """Stop the server as Ctrl-C does, so that it removes its build folder; kill it if it lingers."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def properdocs() -> Path:
    """The ``properdocs`` command beside this Python, or the end of the benchmark with how to install it."""
    if not PROPERDOCS.is_file():
        raise SystemExit(
            f"properdocs is not installed beside {sys.executable} (no {PROPERDOCS}): install the project "
            "(.venv/bin/pip install -e .), or leave the serve part out (--parts build,reader)."
        )
    return PROPERDOCS


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def served(project: Path) -> Iterator[Server]:
    """The project served, its first build done; the server stopped however the measuring ends."""
    server = Server(project)
    try:
        server.wait_for("", "</html>")
        yield server
    finally:
        server.stop()


def copy_project(folder: Path, content: Path) -> Path:
    """A project folder serving the content with the project's mkdocs.yml and docs, an empty site_theme."""
    shutil.copytree(content, folder / "content")
    shutil.copytree(ROOT / "docs", folder / "docs")
    (folder / "site_theme").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def first_entity(path: Path, key: str) -> tuple[str, int, str]:
    """The id of the file's first entity, and the index and indentation of that entity's one-line ``key``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        found = re.fullmatch(r"(- )?id: (\S+)\s*", line)
        if found:
            indent = "  " if found.group(1) else ""
            for inner in range(number + 1, len(lines)):
                if lines[inner].startswith("- "):
                    break
                if re.match(rf"{indent}{key}: [^>|'\"\[{{&*!%@`]", lines[inner]):
                    return found.group(2), inner, indent
            break
    raise SystemExit(f"{path}: its first entity has no one-line '{key}:' the benchmark can rewrite")


def rewrite(path: Path, key: str, value: str) -> None:
    """Set the file's first entity's ``key`` to a plain one-line value."""
    _, index, indent = first_entity(path, key)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[index] = f"{indent}{key}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed_edit(server: Server, path: Path, key: str, value: str, page: str) -> dict[str, float]:
    """Seconds from the edit to the page showing it, and the server's CPU over that and 1.5 s more."""
    before = server.cpu()
    started = time.perf_counter()
    rewrite(path, key, value)
    server.wait_for(page, value)
    seconds = time.perf_counter() - started
    time.sleep(AFTER_S)
    return {"seconds": seconds, "cpu": server.cpu() - before}


def idle_share(server: Server) -> float:
    """The server's CPU over a quiet while, as a share of one core."""
    time.sleep(3)  # what the first build left to do settles
    before, started = server.cpu(), time.monotonic()
    time.sleep(IDLE_S)
    return (server.cpu() - before) / (time.monotonic() - started)


def claim_page(server: Server, claim: str) -> str:
    """The page showing a claim in full: where the claims page links the claim's anchor to."""
    claims = server.fetch("claims/") or ""
    link = re.search(rf'href="([^"#]*)#{re.escape(claim)}"', claims)
    if link is None:
        raise SystemExit(f"The claims page has no link to the claim {claim!r}:\n{server.output()}")
    address: str = urljoin("claims/", link.group(1))
    return address


def measure_briefing(project: Path) -> dict[str, Any]:
    """One briefing's serving figures: its first build, idle share, claim edits and an actor's rename."""
    claim_files = sorted((project / "content" / "claims").glob("*.yml"))
    claim_file = claim_files[len(claim_files) // 2]
    actor_file = min((project / "content" / "actors").glob("*.yml"))
    claim = first_entity(claim_file, "title")[0]
    mark = secrets.token_hex(3)
    with served(project) as server:
        first_build = server.cpu()  # the server's start and its first build
        idle = idle_share(server)
        page = claim_page(server, claim)
        edits = [
            timed_edit(server, claim_file, "title", f"Edited title {number} {mark}", page)
            for number in range(1, EDITS + 1)
        ]
        rename = timed_edit(server, actor_file, "name", f"Renamed actor {mark}", "actors/")
    return {
        "first_build_cpu": first_build,
        "idle_share": idle,
        "page": page,
        "edits": edits,
        "seconds": statistics.median(edit["seconds"] for edit in edits),
        "cpu": statistics.median(edit["cpu"] for edit in edits),
        "rename": rename,
    }


def measure(work: Path, briefings: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """Each briefing's serving figures, by name, each served from its own copy under ``work``."""
    return {
        name: measure_briefing(copy_project(work / f"served-{number}", content))
        for number, (name, content) in enumerate(briefings.items())
    }
