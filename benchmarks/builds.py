"""The build's CPU: each stage of the project alone and whole MkDocs builds, each in a fresh process.

Every figure is the CPU time (user + system) of a fresh process, so that one run does not warm the next and
other work on a shared machine weighs less than on a clock; the build's wall time is kept beside it. Peak
memory is that process's own maximum resident set. The floor is MkDocs with Material building 2,000 plain
pages of about 250 words, kept out of the navigation.

The measurements are interleaved in rounds: each round builds the floor, then for each size (2,000 and 4,000
first) runs the project's stages and builds the site, so that the two sides of a ratio are taken seconds
apart; a ratio is the median of its rounds' ratios, shown with their least and greatest.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import synthetic

ROOT = Path(__file__).resolve().parent.parent
"""The project's folder: its mkdocs.yml and its content."""

CHILD = """
import functools, json, resource, sys, time
from pathlib import Path
stage, content, site = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
started, started_wall = time.process_time(), time.perf_counter()
figures, depth = {}, {}

def counted(original, key):
    # Sum the CPU of the function's calls under key, an outermost call only, so that nested calls count once.
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
    return wrapper

def timed(owner, name, key):
    setattr(owner, name, counted(getattr(owner, name), key))

def hooks(cls, key):
    # Every hook of the plugin class, each method of a hook made of several (MkDocs' CombinedEvent) too.
    from mkdocs.plugins import CombinedEvent
    for name, value in list(vars(cls).items()):
        if name.startswith("on_") and isinstance(value, CombinedEvent):
            setattr(cls, name, CombinedEvent(*(counted(method, key) for method in value.methods)))
        elif name.startswith("on_") and callable(value):
            timed(cls, name, key)

if stage == "generator":  # each stage alone, its imports left out, so that sizes compare as the work grows
    from generator import export, load_briefing
    from generator.render import render_pages
    middle = time.process_time()
    briefing = load_briefing(content)
    figures["load_validate"] = time.process_time() - middle
    middle = time.process_time()
    pages = render_pages(briefing)
    figures["render"] = time.process_time() - middle
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
        import nh3
        timed(nh3, "clean", "nh3_cpu")  # the sanitizer itself, within the check
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


def child(stage: str, content: Path, site: Path, config: Path = ROOT / "mkdocs.yml") -> dict[str, float]:
    """The figures of one fresh measuring process, or the end of the benchmark with its error output."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, stage, str(content), str(site), str(config)],
        capture_output=True, text=True, check=False, env=environment, cwd=ROOT,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"The {stage} of {content} failed:\n{result.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def median(runs: Runs, key: str) -> float:
    """The median of one figure over the runs; zero for a figure no run reported (a hook never called)."""
    return statistics.median(run.get(key, 0.0) for run in runs)


def spread(ratios: list[float]) -> dict[str, float]:
    """The median, least and greatest of paired ratios."""
    return {"median": statistics.median(ratios), "min": min(ratios), "max": max(ratios)}


def folder_size(folder: Path) -> int:
    """The bytes of every file under the folder."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def largest_page(site: Path) -> tuple[str, int]:
    """The address (relative to the site) and the bytes of the site's largest HTML page."""
    page = max(site.rglob("*.html"), key=lambda path: path.stat().st_size)
    address = page.relative_to(site).as_posix().removesuffix("index.html")
    return address or "(overview)", page.stat().st_size


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


class Rounds:
    """The runs of one interleaved measurement: the floor's builds, each size's stages and builds."""

    def __init__(self, sizes: list[int]) -> None:
        self.floor: Runs = []
        """The floor's builds, one a round."""
        self.stages: dict[int, Runs] = {size: [] for size in sizes}
        """Each size's load and validate, render and exports, outside MkDocs, one a round."""
        self.builds: dict[int, Runs] = {size: [] for size in sizes}
        """Each size's whole build, one a round."""


def interleaved(work: Path, contents: dict[int, Path], sites: dict[int, Path], runs: int) -> Rounds:
    """Rounds of the floor and then each size (2,000 and 4,000 first): its stages, then its build."""
    floor_config = write_floor(work / "floor", 2000)
    order = sorted(contents, key=lambda size: (size not in (2000, 4000), size))
    rounds = Rounds(order)
    for _ in range(runs):
        rounds.floor.append(child("floor", work, work / "floor-site", floor_config))
        for size in order:
            rounds.stages[size].append(child("generator", contents[size], work))
            rounds.builds[size].append(child("build", contents[size], sites[size]))
    return rounds


def ratios(rounds: Rounds) -> dict[str, dict[str, float]]:
    """The ratios, each of two figures taken within one round.

    Each size's build over the floor's, 4,000's build over 2,000's, and the largest size's load and validate
    over 2,000's.
    """
    floor, builds = rounds.floor, rounds.builds
    paired = {
        f"build CPU {size:,} / floor": [
            run["build"] / base["build"] for run, base in zip(runs, floor, strict=True)
        ]
        for size, runs in sorted(builds.items())
    }
    if 2000 in builds and 4000 in builds:
        pairs = zip(builds[4000], builds[2000], strict=True)
        paired["build CPU 4,000 / 2,000"] = [large["build"] / small["build"] for large, small in pairs]
    largest = max(builds)
    if 2000 in builds and largest > 2000:
        pairs = zip(rounds.stages[largest], rounds.stages[2000], strict=True)
        label = f"load+validate CPU {largest:,} / 2,000"
        paired[label] = [large["load_validate"] / small["load_validate"] for large, small in pairs]
    return {label: spread(values) for label, values in paired.items()}


def size_row(stages: Runs, builds: Runs, site: Path) -> dict[str, float]:
    """One size's medians, its shares of the build (the median of each run's share) and its site's sizes."""
    index = site / "search" / "search_index.json"
    row = {key: median(stages, key) for key in ("load_validate", "render", "export")}
    for key in ("build", "build_wall", "project_cpu", "convert_cpu", "removed_cpu", "search_cpu", "peak_mb"):
        row[key] = median(builds, key)
    for key in ("project", "search"):
        row[f"{key}_share"] = statistics.median(run.get(f"{key}_cpu", 0.0) / run["build"] for run in builds)
    row["check_vs_nh3"] = statistics.median(run["removed_cpu"] / run["nh3_cpu"] for run in builds)
    return row | {
        "site_mb": folder_size(site) / 1e6,
        "index_mb": index.stat().st_size / 1e6,
        "largest_page_mb": largest_page(site)[1] / 1e6,
        "pages": sum(1 for _ in site.rglob("index.html")),
    }


def measure(work: Path, contents: dict[int, Path], sites: dict[int, Path], runs: int) -> dict[str, Any]:
    """The build's figures: the floor, each size's row and the paired ratios; the sites are left built."""
    rounds = interleaved(work, contents, sites, runs)
    keys = ("build", "build_wall", "search_cpu", "peak_mb")
    floor: dict[str, float] = {key: median(rounds.floor, key) for key in keys}
    floor["site_mb"] = folder_size(work / "floor-site") / 1e6
    rows = {
        size: size_row(rounds.stages[size], rounds.builds[size], sites[size]) for size in sorted(contents)
    }
    return {"runs": runs, "floor": floor, "sizes": rows, "ratios": ratios(rounds)}
