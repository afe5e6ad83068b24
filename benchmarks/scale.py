"""How the generator scales: load, validate, render and a full MkDocs build for 500, 2,000 and 4,000 entities.

    .venv/bin/python benchmarks/scale.py                  # the figures the README quotes
    .venv/bin/python benchmarks/scale.py --sizes 500 --runs 1 --no-browser

Each figure is measured in a fresh process, the median of --runs runs, so that one run does not warm the
next; peak memory is that process's own maximum resident set. In the same run, MkDocs with Material builds
the floor: 2,000 plain pages of about 250 words, kept out of the navigation. The machine is shared and noisy:
read the ratios, which compare figures taken minutes apart on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402

CHILD = """
import json, resource, sys, time
from pathlib import Path
stage, content, site = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
started = time.perf_counter()
figures = {}
if stage == "generator":
    from generator import load_briefing
    from generator.render import render_pages
    briefing = load_briefing(content)
    figures["load_validate"] = time.perf_counter() - started
    middle = time.perf_counter()
    pages = render_pages(briefing)
    figures["render"] = time.perf_counter() - middle
    from generator import export
    middle = time.perf_counter()
    export.briefing_json(briefing), export.stance_csv(briefing), export.atom_feed(briefing, None)
    [json.dumps(export.claim_review(claim, briefing, None)) for claim in briefing.claims]
    figures["export"] = time.perf_counter() - middle
else:
    import logging
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    logging.disable(logging.WARNING)
    config = load_config(sys.argv[4], site_dir=site)
    if "briefing" in config.plugins:
        config.plugins["briefing"].config.content_dir = str(content)
    build(config)
    figures["build"] = time.perf_counter() - started
figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


def child(stage: str, content: Path, site: Path, config: Path) -> dict[str, float]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, stage, str(content), str(site), str(config)],
        capture_output=True, text=True, check=False, env=environment, cwd=ROOT,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"{stage} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def write_floor(folder: Path, pages: int) -> Path:
    """2,000 plain pages of about 250 words, out of the navigation, built by Material: the floor."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    rng = random.Random(2)
    (docs / "index.md").write_text("# Floor\n\nThe pages below are kept out of the navigation.\n")
    for number in range(pages):
        words = " ".join(rng.choice(synthetic.WORDS) for _ in range(250))
        (docs / f"page-{number}.md").write_text(f"# Page {number}\n\n{words}\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Floor\ntheme:\n  name: material\n  font: false\nplugins: [search]\n"
        "nav: [index.md]\nnot_in_nav: |\n  /page-*.md\n",
        encoding="utf-8",
    )
    return config


def measure(sizes: list[int], runs: int, browser: bool) -> dict[str, object]:
    report: dict[str, object] = {"sizes": {}}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        floor_config = write_floor(work / "floor", 2000)
        floor = [child("build", work, work / "floor-site", floor_config) for _ in range(runs)]
        report["floor"] = {"build": median(floor, "build"), "peak_mb": median(floor, "peak_mb"),
                           "site_mb": folder_size(work / "floor-site") / 1e6}  # fmt: skip
        for size in sizes:
            content = work / f"content-{size}"
            synthetic.write(content, size)
            site = work / f"site-{size}"
            generator = [child("generator", content, site, ROOT / "mkdocs.yml") for _ in range(runs)]
            builds = [child("build", content, site, ROOT / "mkdocs.yml") for _ in range(runs)]
            index = site / "search" / "search_index.json"
            report["sizes"][size] = {  # type: ignore[index]
                "load_validate": median(generator, "load_validate"),
                "render": median(generator, "render"),
                "export": median(generator, "export"),
                "build": median(builds, "build"),
                "peak_mb": median(builds, "peak_mb"),
                "site_mb": folder_size(site) / 1e6,
                "index_mb": index.stat().st_size / 1e6,
                "largest_page_mb": max(p.stat().st_size for p in site.rglob("*.html")) / 1e6,
                "pages": sum(1 for _ in site.rglob("index.html")),
            }
            if browser and size == 2000:
                report["first_search_s"] = first_search(site)
    return report


QUERY = synthetic.VOCABULARY[400]
"""A word of middling frequency, as a reader's search term usually is."""


def first_search(site: Path) -> float:
    """Seconds from a reader's keystroke to the first results, the index already loaded, on a fresh page."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import FLAGS, serve
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=FLAGS)
        for url in serve(site):
            page = browser.new_page()
            page.goto(url + "claims/", wait_until="networkidle")
            box = page.locator(".md-search__input")
            box.click()
            page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
            box.fill(QUERY)
            started = time.perf_counter()
            box.press("End")
            page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('matching')")
            elapsed = time.perf_counter() - started
        browser.close()
    return elapsed


def print_report(report: dict) -> None:
    floor = report["floor"]
    print(f"floor: 2,000 plain pages out of the navigation: build {floor['build']:.2f} s, "
          f"peak {floor['peak_mb']:.0f} MB, site {floor['site_mb']:.1f} MB")  # fmt: skip
    print(f"{'entities':>8} {'load+validate':>13} {'render':>7} {'export':>7} {'build':>7} {'gen share':>9} {'peak MB':>8} "
          f"{'site MB':>8} {'index MB':>8} {'largest page MB':>15} {'pages':>6}")  # fmt: skip
    for size, row in report["sizes"].items():
        share = (row["load_validate"] + row["render"] + row["export"]) / row["build"]
        print(f"{size:>8} {row['load_validate']:>12.2f}s {row['render']:>6.2f}s {row['export']:>6.2f}s {row['build']:>6.2f}s {share:>9.1%} "
              f"{row['peak_mb']:>8.0f} {row['site_mb']:>8.1f} {row['index_mb']:>8.2f} {row['largest_page_mb']:>15.2f} "
              f"{row['pages']:>6}")  # fmt: skip
    sizes = report["sizes"]
    if 2000 in sizes:
        print(f"build of 2,000 entities / floor: {sizes[2000]['build'] / floor['build']:.2f} (goal <= 1.0)")
    if 2000 in sizes and 4000 in sizes:
        print(f"build of 4,000 / build of 2,000: {sizes[4000]['build'] / sizes[2000]['build']:.2f} (goal <= 2.2)")
    if "first_search_s" in report:
        print(f"first search on the 2,000-entity site: {report['first_search_s']:.3f} s (goal < 0.5)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 4000])
    parser.add_argument("--runs", type=int, default=3, help="runs of each figure; the median is reported")
    parser.add_argument("--no-browser", action="store_true", help="skip the search timing in Chromium")
    arguments = parser.parse_args()
    print_report(measure(arguments.sizes, arguments.runs, not arguments.no_browser))
    return 0


if __name__ == "__main__":
    sys.exit(main())
