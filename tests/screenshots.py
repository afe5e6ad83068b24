"""Screenshots of the overview, a claim and the stance matrix, to be looked at by a person.

.venv/bin/python tests/screenshots.py shots/        # light scheme
.venv/bin/python tests/screenshots.py shots/ dark   # dark scheme
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from generator.cli import main as briefing
from playwright.sync_api import sync_playwright

from browser import FLAGS, Visit, serve

SHOTS = (
    ("overview", ""),
    ("claim", "claims/#nk-troops-in-combat"),
    ("matrix", "stances/"),
    ("actors", "actors/"),
)


def main(out: Path, scheme: str = "light") -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        site = Path(folder) / "site"
        root = Path(__file__).resolve().parent.parent
        config, content = str(root / "mkdocs.yml"), str(root / "content")
        if briefing(["build", "--config", config, "--content", content, "--site-dir", str(site)]) != 0:
            return 1
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=FLAGS
        )
        for url in serve(site):
            for name, path in SHOTS:
                visit = Visit(
                    browser, url + path, viewport={"width": 1280, "height": 1000}, color_scheme=scheme
                )
                visit.page.screenshot(path=str(out / f"{name}-{scheme}.png"))
                print(out / f"{name}-{scheme}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), *sys.argv[2:3]))
