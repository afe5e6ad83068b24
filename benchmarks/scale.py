"""How the briefing scales, where its readers and authors wait: 500 to 8,000 entities, two topic mixes.

    .venv/bin/python benchmarks/scale.py                  # every part: the figures the README quotes
    .venv/bin/python benchmarks/scale.py --sizes 500 2000 --runs 1 --parts build,serve
    .venv/bin/python benchmarks/scale.py --sizes 2000 8000 --parts reader

The parts:

- build: the CPU time of load and validate, render and the exports alone, and of the whole MkDocs build with
  the briefing plugin's share (every hook of it) and Material's search's, each in a fresh process, the median
  of --runs rounds interleaved with the floor's builds, so that each ratio pairs figures taken seconds apart
  (``builds.py``); on the many-topic mix. Then the largest page's HTML of each size and topic mix.
- reader: each page view's downloaded bytes, the search-ready time and the first search, in Debian's Chromium
  (``reader.py``).
- serve: ``properdocs serve`` on the Kursk briefing and the --serve-sizes synthetic ones: idle CPU, and from
  an edit to the page showing it, seconds and CPU (``serving.py``).

Synthetic briefings are written by ``synthetic.py`` into a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import builds
import report
import serving
import synthetic

PARTS = ("build", "reader", "serve")
"""The parts of the benchmark, in the order they run."""


class Briefings:
    """The synthetic briefings and their built sites, each written and built once, when first needed."""

    def __init__(self, work: Path) -> None:
        self.work = work
        """The temporary folder holding them."""
        self.built: set[tuple[int, str]] = set()
        """The sizes and mixes whose site is built."""

    def content(self, size: int, mix: str) -> Path:
        """The content folder of a size in a topic mix."""
        folder = self.work / f"content-{size}-{mix}"
        if not folder.exists():
            synthetic.write(folder, size, topics=mix)
        return folder

    def site(self, size: int, mix: str) -> Path:
        """Where the site of a size in a topic mix is built."""
        return self.work / f"site-{size}-{mix}"

    def built_site(self, size: int, mix: str) -> Path:
        """The site of a size in a topic mix, built now if it is not yet."""
        if (size, mix) not in self.built:
            builds.child("build", self.content(size, mix), self.site(size, mix))
            self.built.add((size, mix))
        return self.site(size, mix)


def measure(arguments: argparse.Namespace) -> dict[str, Any]:
    """Every figure of the parts asked for."""
    sizes, mixes, parts = sorted(arguments.sizes), arguments.mixes, arguments.parts
    browser = "reader" in parts and not arguments.no_browser
    reader = reader_module() if browser else None  # before minutes of building: Chromium is there
    if "serve" in parts:
        serving.properdocs()
    figures: dict[str, Any] = {"load": [os.getloadavg()[0]]}
    with tempfile.TemporaryDirectory(prefix="briefing-benchmark-") as scratch:
        briefings = Briefings(Path(scratch))
        if "build" in parts:
            contents = {size: briefings.content(size, "many") for size in sizes}
            sites = {size: briefings.site(size, "many") for size in sizes}
            figures["build"] = builds.measure(Path(scratch), contents, sites, arguments.runs)
            briefings.built.update((size, "many") for size in sizes)
        if "build" in parts or "reader" in parts:
            figures["pages"] = {
                (size, mix): builds.largest_page(briefings.built_site(size, mix))
                for size in sizes
                for mix in mixes
            }
        if reader is not None:
            sites = {(size, mix): briefings.built_site(size, mix) for size in sizes for mix in mixes}
            figures["reader"] = reader.measure(sites, arguments.runs)
        if "serve" in parts:
            figures["serve"] = serve(briefings, arguments.serve_sizes, figures.get("build"), arguments.runs)
    figures["load"].append(os.getloadavg()[0])
    return figures


def reader_module() -> ModuleType:
    """The reader's measures, once Playwright and Chromium are found; else how to get them or do without."""
    try:
        import reader
    except ImportError as missing:
        raise SystemExit(
            f"The reader's measures need Playwright ({missing}): install the test extras "
            "(.venv/bin/pip install -e '.[test]'), or measure without a browser (--no-browser)."
        ) from None
    reader.chromium()
    return reader


def serve(briefings: Briefings, sizes: list[int], build: dict[str, Any] | None, runs: int) -> dict[str, Any]:
    """The serving figures of the Kursk briefing and the synthetic sizes, each beside its full build's CPU.

    The full build is the build part's median for that size when it ran; else the median of ``runs`` builds,
    each in a fresh process, measured now.
    """
    named = {"Kursk": builds.ROOT / "content"} | {
        f"{size:,}": briefings.content(size, "many") for size in sorted(sizes)
    }
    figures = serving.measure(briefings.work, named)
    rows = build["sizes"] if build else {}
    for number, (name, served) in enumerate(figures.items()):
        size = int(name.replace(",", "")) if name[0].isdigit() else None
        if size in rows:
            served["full_build_cpu"] = rows[size]["build"]
            served["full_build_source"] = "the build part's median"
        else:
            site = briefings.work / f"served-site-{number}"
            full = [builds.child("build", named[name], site) for _ in range(runs)]
            served["full_build_cpu"] = builds.median(full, "build")
            served["full_build_source"] = f"median of {runs} build(s) in a fresh process"
    return figures


def parts(text: str) -> list[str]:
    """The parts named in a comma-separated list, or a usage error naming the known ones."""
    named = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in named if part not in PARTS]
    if unknown or not named:
        known = ",".join(PARTS)
        raise argparse.ArgumentTypeError(f"unknown part {', '.join(unknown)!r}: choose among {known}")
    return named


def positive(text: str) -> int:
    """A whole number of at least one, or a usage error."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def main() -> int:
    """Measure the parts and sizes asked for, and print the report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=positive, nargs="+", default=[500, 2000, 4000, 8000], help="entities")
    parser.add_argument(
        "--runs", type=positive, default=3, help="rounds of builds and searches; medians reported"
    )
    parser.add_argument("--parts", type=parts, default=list(PARTS), help="e.g. build,reader,serve (all)")
    parser.add_argument(
        "--mixes", nargs="+", choices=sorted(synthetic.TOPICS), default=["many", "few"],
        help="topic mixes for the largest pages and the page views (both)",
    )  # fmt: skip
    parser.add_argument(
        "--serve-sizes", type=positive, nargs="*", default=[2000, 4000],
        help="synthetic sizes served beside the Kursk briefing (2000 4000)",
    )  # fmt: skip
    parser.add_argument("--no-browser", action="store_true", help="skip the reader's measures in Chromium")
    arguments = parser.parse_args()
    try:
        figures = measure(arguments)
    except KeyboardInterrupt:  # every server and browser started is stopped by now
        print("interrupted: nothing measured is reported", file=sys.stderr)
        return 130
    report.print_report(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
