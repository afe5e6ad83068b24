"""How the generator scales: CPU time of load, validate, render and a MkDocs build, 500 to 4,000 entities.

    .venv/bin/python benchmarks/scale.py                  # the figures the README quotes
    .venv/bin/python benchmarks/scale.py --sizes 500 --runs 1 --no-browser

Every figure is the CPU time (user + system) of a fresh process, the median of --runs runs, so that one run
does not warm the next and other work on a shared machine weighs less than on a clock; the build's wall time
is shown beside it. Peak memory is that process's own maximum resident set. The floor is MkDocs with Material
building 2,000 plain pages of about 250 words, kept out of the navigation.

The builds are interleaved: each round builds the floor, then each size (2,000 and 4,000 first), so that the
two builds of a ratio are taken seconds apart; a ratio is the median of its rounds' ratios, shown with their
least and greatest. Inside each build the CPU spent in every hook of the briefing plugin (which renders the
pages, converts their Markdown, checks them with the sanitizer and writes the exports) is summed as the
project's own, with the plugin's import, and the CPU of Material's search plugin beside it.
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
import functools, json, resource, sys, time
from pathlib import Path
stage, content, site = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
started, started_wall = time.process_time(), time.perf_counter()
figures, depth = {}, {}

def timed(owner, name, key):
    # Sum the CPU of owner.name's calls under key, an outermost call only, so that nested calls count once.
    original = getattr(owner, name)
    @functools.wraps(original)  # keeps mkdocs_priority, which MkDocs reads to order the hooks
    def wrapper(*args, **kwargs):
        depth[key] = depth.get(key, 0) + 1
        before = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            depth[key] -= 1
            if not depth[key]:
                figures[key] = figures.get(key, 0.0) + time.process_time() - before
    setattr(owner, name, wrapper)

def hooks(cls, key):
    for name, value in list(vars(cls).items()):
        if name.startswith("on_") and callable(value):
            timed(cls, name, key)

if stage == "generator":
    from generator import load_briefing
    from generator.render import render_pages
    briefing = load_briefing(content)
    figures["load_validate"] = time.process_time() - started
    middle = time.process_time()
    pages = render_pages(briefing)
    figures["render"] = time.process_time() - middle
    from generator import export
    middle = time.process_time()
    export.briefing_json(briefing), export.stance_csv(briefing), export.atom_feed(briefing, None)
    [json.dumps(export.claim_review(claim, briefing, None)) for claim in briefing.claims]
    figures["export"] = time.process_time() - middle
else:
    import logging
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from material.plugins.search.plugin import SearchPlugin
    logging.disable(logging.WARNING)
    hooks(SearchPlugin, "search_cpu")
    if stage == "build":  # the project's import counts as its own: the floor does not pay it
        before = time.process_time()
        import generator.plugin
        figures["project_cpu"] = time.process_time() - before
        hooks(generator.plugin.BriefingPlugin, "project_cpu")
        timed(generator.plugin, "convert", "convert_cpu")
        timed(generator.plugin, "removed", "removed_cpu")
    config = load_config(sys.argv[4], site_dir=site)
    if "briefing" in config.plugins:
        config.plugins["briefing"].config.content_dir = str(content)
    build(config)
    figures["build"] = time.process_time() - started
    figures["build_wall"] = time.perf_counter() - started_wall
figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""
"""The measuring process: the stage ``generator``, ``build`` (a briefing's site) or ``floor``, then the
content folder, the site folder and the MkDocs configuration; it prints its figures as one JSON line."""

Runs = list[dict[str, float]]
"""The figures of each run of one measurement, in the order they were taken."""


def child(stage: str, content: Path, site: Path, config: Path) -> dict[str, float]:
    """The figures of one fresh measuring process, or the end of the benchmark with its error output."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, stage, str(content), str(site), str(config)],
        capture_output=True, text=True, check=False, env=environment, cwd=ROOT,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"{stage} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def median(runs: Runs, key: str) -> float:
    """The median of one figure over the runs; zero for a figure no run reported (a hook never called)."""
    return statistics.median(run.get(key, 0.0) for run in runs)


def spread(ratios: list[float]) -> dict[str, float]:
    """The median, least and greatest of paired ratios."""
    return {"median": statistics.median(ratios), "min": min(ratios), "max": max(ratios)}


def folder_size(folder: Path) -> int:
    """The bytes of every file under the folder."""
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


def interleaved(work: Path, sizes: list[int], runs: int) -> tuple[Runs, dict[int, Runs]]:
    """The floor's builds and each size's, in rounds of floor, 2,000, 4,000 and then the other sizes."""
    floor_config = write_floor(work / "floor", 2000)
    order = sorted(sizes, key=lambda size: (size not in (2000, 4000), size))
    floor: Runs = []
    builds: dict[int, Runs] = {size: [] for size in sizes}
    for _ in range(runs):
        floor.append(child("floor", work, work / "floor-site", floor_config))
        for size in order:
            content, site = work / f"content-{size}", work / f"site-{size}"
            builds[size].append(child("build", content, site, ROOT / "mkdocs.yml"))
    return floor, builds


def ratios(floor: Runs, builds: dict[int, Runs]) -> dict[str, dict[str, float]]:
    """Each size's build over the floor's, and 4,000's over 2,000's, each taken within one round."""
    paired = {
        f"{size:,} / floor": [run["build"] / base["build"] for run, base in zip(runs, floor, strict=True)]
        for size, runs in builds.items()
    }
    if 2000 in builds and 4000 in builds:
        pairs = zip(builds[4000], builds[2000], strict=True)
        paired["4,000 / 2,000"] = [large["build"] / small["build"] for large, small in pairs]
    return {label: spread(values) for label, values in paired.items()}


def size_row(generator: Runs, builds: Runs, site: Path) -> dict[str, float]:
    """One size's medians, its shares of the build (the median of each run's share) and its site's sizes."""
    index = site / "search" / "search_index.json"
    row = {key: median(generator, key) for key in ("load_validate", "render", "export")}
    for key in ("build", "build_wall", "project_cpu", "convert_cpu", "removed_cpu", "search_cpu", "peak_mb"):
        row[key] = median(builds, key)
    for key in ("project", "search"):
        row[f"{key}_share"] = statistics.median(run.get(f"{key}_cpu", 0.0) / run["build"] for run in builds)
    return row | {
        "site_mb": folder_size(site) / 1e6,
        "index_mb": index.stat().st_size / 1e6,
        "largest_page_mb": max(p.stat().st_size for p in site.rglob("*.html")) / 1e6,
        "pages": sum(1 for _ in site.rglob("index.html")),
    }


def measure(sizes: list[int], runs: int, browser: bool) -> dict[str, object]:
    """Every figure of the report: the floor, each size's row, the paired ratios and the first search."""
    report: dict[str, object] = {"runs": runs}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for size in sizes:
            synthetic.write(work / f"content-{size}", size)
        config = ROOT / "mkdocs.yml"
        generator = {
            size: [child("generator", work / f"content-{size}", work, config) for _ in range(runs)]
            for size in sizes
        }
        floor, builds = interleaved(work, sizes, runs)
        keys = ("build", "build_wall", "search_cpu", "peak_mb")
        report["floor"] = {key: median(floor, key) for key in keys}
        report["floor"]["site_mb"] = folder_size(work / "floor-site") / 1e6  # type: ignore[index]
        sites = {size: work / f"site-{size}" for size in sizes}
        report["sizes"] = {size: size_row(generator[size], builds[size], sites[size]) for size in sizes}
        report["ratios"] = ratios(floor, builds)
        if browser and 2000 in sizes:
            report["first_search_s"] = first_search(work / "site-2000")
    return report


QUERY = synthetic.VOCABULARY[400]
"""A word of middling frequency, as a reader's search term usually is."""


def first_search(site: Path) -> float:
    """Seconds from a reader's keystroke to the first results, the index already loaded, on a fresh page."""
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright

    from browser import FLAGS, serve

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    meta = "document.querySelector('.md-search-result__meta').textContent"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        for url in serve(site):
            page = browser.new_page()
            page.goto(url + "claims/", wait_until="networkidle")
            box = page.locator(".md-search__input")
            box.click()
            page.wait_for_function(f"!{meta}.includes('Initializing')")
            box.fill(QUERY)
            started = time.perf_counter()
            box.press("End")
            page.wait_for_function(f"{meta}.includes('matching')")
            elapsed = time.perf_counter() - started
        browser.close()
    return elapsed


GOALS = {"2,000 / floor": "<= 1.0", "4,000 / 2,000": "<= 2.2"}
"""The ratios the project aims for."""


def print_report(report: dict) -> None:
    """The report as tables: CPU seconds and shares, then the sites' sizes, then the paired ratios."""
    floor, runs = report["floor"], report["runs"]
    print(f"CPU seconds of a fresh process, median of {runs} run(s); wall seconds of the build beside it")
    print(f"floor: 2,000 plain pages out of the navigation: build {floor['build']:.2f} s CPU "
          f"({floor['build_wall']:.2f} s wall), search plugin {floor['search_cpu']:.2f} s CPU "
          f"({floor['search_cpu'] / floor['build']:.1%}), peak {floor['peak_mb']:.0f} MB, "
          f"site {floor['site_mb']:.1f} MB")  # fmt: skip
    print(f"{'entities':>8} {'load+valid':>10} {'render':>7} {'export':>7} {'build CPU':>9} {'wall':>7} "
          f"{'project':>8} {'share':>6} {'convert':>8} {'sanitize':>8} "
          f"{'search':>7} {'share':>6}")  # fmt: skip
    for size, row in report["sizes"].items():
        print(f"{size:>8} {row['load_validate']:>9.2f}s {row['render']:>6.2f}s {row['export']:>6.2f}s "
              f"{row['build']:>8.2f}s {row['build_wall']:>6.2f}s {row['project_cpu']:>7.2f}s "
              f"{row['project_share']:>6.1%} {row['convert_cpu']:>7.2f}s {row['removed_cpu']:>7.2f}s "
              f"{row['search_cpu']:>6.2f}s {row['search_share']:>6.1%}")  # fmt: skip
    print("  load+valid, render, export: the project's stages alone, outside MkDocs (CPU)")
    print("  project: the briefing plugin's import and every hook of it in the build, convert and sanitize")
    print("  included (CPU); search: every hook of Material's search plugin (CPU)")
    print(f"{'entities':>8} {'peak MB':>8} {'site MB':>8} {'index MB':>8} {'largest page':>12} {'pages':>6}")
    for size, row in report["sizes"].items():
        print(f"{size:>8} {row['peak_mb']:>8.0f} {row['site_mb']:>8.1f} {row['index_mb']:>8.2f} "
              f"{row['largest_page_mb']:>9.2f} MB {row['pages']:>6}")  # fmt: skip
    for label, ratio in report["ratios"].items():
        goal = f" (goal {GOALS[label]})" if label in GOALS else ""
        print(f"build CPU {label}: median {ratio['median']:.2f} of {runs} pair(s), "
              f"min {ratio['min']:.2f}, max {ratio['max']:.2f}{goal}")  # fmt: skip
    if "first_search_s" in report:
        print(f"first search on the 2,000-entity site: {report['first_search_s']:.3f} s (goal < 0.5)")


def main() -> int:
    """Measure the sizes asked for and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 4000])
    parser.add_argument("--runs", type=int, default=3, help="rounds of builds; the medians are reported")
    parser.add_argument("--no-browser", action="store_true", help="skip the search timing in Chromium")
    arguments = parser.parse_args()
    print_report(measure(arguments.sizes, arguments.runs, not arguments.no_browser))
    return 0


if __name__ == "__main__":
    sys.exit(main())
