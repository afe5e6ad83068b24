"""Run the loader's fuzzers at depth, and on success record which sources they passed for.

    .venv/bin/python tests/fuzz_deep.py

runs ``tests/test_fuzz.py`` with BRIEFING_FUZZ_EXAMPLES=10000 and, when every target passes, writes
``tests/fuzzed.txt``: a hash of each source a content file passes through on its way into the model. An
ordinary test compares that stamp with the sources as they are, so a change to the loader or the validator
fails the fast suite until the fuzzers have run at depth on it.
"""

from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP = ROOT / "tests" / "fuzzed.txt"
ENTRY = "generator/validate.py"
"""Where a content file enters: ``load_briefing``. The stamp covers every module it imports, in turn."""
FUZZERS = "tests/test_fuzz.py"
EXAMPLES = 10_000
COMMAND = ".venv/bin/python tests/fuzz_deep.py"
_HEADER = (
    f"# The sources {FUZZERS} last passed for at {EXAMPLES:,} examples a target.",
    f"# Written by `{COMMAND}` when the run passes; do not edit by hand.",
)


def fuzzed_sources() -> list[str]:
    """The loader's and validator's modules (every ``generator`` module the entry imports), and the fuzzers."""
    found: set[str] = set()
    waiting = [ENTRY]
    while waiting:
        path = waiting.pop()
        if path in found:
            continue
        found.add(path)
        waiting.extend(_imported_modules(path))
    return [*sorted(found), FUZZERS]


def _imported_modules(path: str) -> list[str]:
    """The files of the ``generator`` modules one source imports."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    names: list[str] = []
    for statement in ast.walk(tree):
        if isinstance(statement, ast.ImportFrom) and statement.module and statement.level == 0:
            names += [f"{statement.module}.{alias.name}" for alias in statement.names]
            names.append(statement.module)
        elif isinstance(statement, ast.Import):
            names += [alias.name for alias in statement.names]
    files = []
    for name in names:
        if name.split(".")[0] != "generator":
            continue
        module = Path(*name.split("."))
        for candidate in (module.with_suffix(".py"), module / "__init__.py"):
            if (ROOT / candidate).is_file():
                files.append(candidate.as_posix())
    return files


def stamp() -> str:
    """The stamp for the sources as they are now: a SHA-256 of each (line endings aside), one a line."""
    lines = list(_HEADER)
    for path in fuzzed_sources():
        text = (ROOT / path).read_bytes().replace(b"\r\n", b"\n")
        lines.append(f"{hashlib.sha256(text).hexdigest()}  {path}")
    return "\n".join(lines) + "\n"


def changed_since_fuzzed() -> list[str]:
    """The sources whose hash differs from the stamp's (all of them when there is no stamp)."""
    recorded = _hashes(STAMP.read_text(encoding="utf-8")) if STAMP.is_file() else {}
    current = _hashes(stamp())
    return [path for path in current if recorded.get(path) != current[path]]


def _hashes(text: str) -> dict[str, str]:
    pairs = (line.split("  ", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {path: digest for digest, path in pairs}


def main() -> int:
    """Run the fuzzers at depth; write the stamp if they pass. Return pytest's exit code."""
    before = stamp()  # the sources pytest is about to import: what the run fuzzes
    started = time.monotonic()
    command = [sys.executable, "-m", "pytest", FUZZERS, "-q", "-p", "no:cacheprovider"]
    environment = {**os.environ, "BRIEFING_FUZZ_EXAMPLES": str(EXAMPLES)}
    code = subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode
    minutes = (time.monotonic() - started) / 60
    if code != 0:
        print(f"fuzz_deep: the fuzzers failed after {minutes:.1f} minutes; {STAMP.name} is left as it was")
        return code
    STAMP.write_text(before, encoding="utf-8")
    print(f"fuzz_deep: passed at {EXAMPLES:,} examples a target in {minutes:.1f} minutes; wrote {STAMP.name}")
    if stamp() != before:
        print("fuzz_deep: the sources changed during the run; the stamp is for them as they were, run again")
    return 0


if __name__ == "__main__":
    sys.exit(main())
