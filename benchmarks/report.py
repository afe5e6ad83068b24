"""The benchmark's report, printed as tables, each figure beside the project's goal for it, met or not."""

from __future__ import annotations

import os
from typing import Any, NamedTuple

import synthetic


class Goal(NamedTuple):
    """A ceiling the project sets for one figure."""

    limit: float
    """The figure's greatest value that meets the goal (or, strict, the least that fails it)."""
    text: str
    """The goal as the report prints it."""
    strict: bool = False
    """Whether the figure must stay under the limit rather than at most reach it."""

    def verdict(self, value: float | None) -> str:
        """The goal and whether the value meets it, as the report prints it beside the value."""
        met = value is not None and (value < self.limit if self.strict else value <= self.limit)
        return f"(goal {self.text}: {'met' if met else 'NOT met'})"


RATIO_GOALS = {
    "build CPU 2,000 / floor": Goal(1.0, "<= 1.0"),
    "build CPU 4,000 / 2,000": Goal(2.2, "<= 2.2"),
}
"""The paired ratios the project aims for, by label."""
PROJECT_SHARE = Goal(0.25, "<= 25% at 2,000")
"""The project's own code (load, validate, render, convert, check, exports) in the build's CPU."""
LARGEST_PAGE = Goal(500_000, "<= 500 KB up to 8,000")
"""No page's HTML larger, at 8,000 entities and below, with either topic mix."""
PAGE_VIEW = Goal(1_000_000, "<= 1 MB at 2,000")
"""What opening any page of the 2,000-entity site downloads, uncompressed."""
FIRST_SEARCH = Goal(0.5, "< 0.5 s", strict=True)
"""From a keystroke to the results, the index loaded."""
IDLE = Goal(0.02, "< 2% of a core", strict=True)
"""An idle server's CPU."""
CHECK_COST = Goal(2.0, "<= 2 times nh3's own")
"""The sanitizer's check of a page (``sanitize.removed``), beside the sanitizer's own cleaning within it."""
REBUILD_SHARE = Goal(0.20, "<= 20% of the full build at 2,000")
"""A one-claim edit's CPU while serving the 2,000-entity briefing."""


def against(goal: Goal | None, value: float | None) -> str:
    """The goal's verdict to print after a figure, a space before it; nothing where no goal applies."""
    return f" {goal.verdict(value)}" if goal else ""


def search_ready_goal(size: int) -> Goal | None:
    """Search answers within 1 s of the page opening at 2,000 entities, within 2 s at 8,000."""
    if size <= 2000:
        return Goal(1.0, "<= 1 s up to 2,000")
    return Goal(2.0, "<= 2 s up to 8,000") if size <= 8000 else None


def shown_goal(name: str) -> Goal | None:
    """An edit shows within 0.7 s for the Kursk briefing, within 1.5 s at 2,000 entities."""
    return {"Kursk": Goal(0.7, "<= 0.7 s for Kursk"), "2,000": Goal(1.5, "<= 1.5 s at 2,000")}.get(name)


def mix_name(mix: str) -> str:
    """A topic mix with its number of topics: ``many (44 topics)``."""
    return f"{mix} ({len(synthetic.TOPICS[mix])} topics)"


def kilobytes(count: float) -> str:
    """Bytes as kilobytes, the unit of the reader's goals (1 KB = 1,000 bytes)."""
    return f"{count / 1000:,.0f} KB"


def print_build(build: dict[str, Any]) -> None:
    """CPU seconds and shares, the sites' sizes, then the paired ratios, of the many-topic mix."""
    floor, runs = build["floor"], build["runs"]
    print(f"== The build, {mix_name('many')}: CPU seconds of a fresh process, median of {runs} round(s);")
    print("   wall seconds of the build beside it")
    print(f"floor: 2,000 plain pages out of the navigation: build {floor['build']:.2f} s CPU "
          f"({floor['build_wall']:.2f} s wall), search plugin {floor['search_cpu']:.2f} s CPU "
          f"({floor['search_cpu'] / floor['build']:.1%}), peak {floor['peak_mb']:.0f} MB, "
          f"site {floor['site_mb']:.1f} MB")  # fmt: skip
    print(f"{'entities':>8} {'load+valid':>10} {'render':>7} {'export':>7} {'build CPU':>9} {'wall':>7} "
          f"{'project':>8} {'share':>6} {'convert':>8} {'sanitize':>8} "
          f"{'search':>7} {'share':>6}")  # fmt: skip
    for size, row in build["sizes"].items():
        print(f"{size:>8} {row['load_validate']:>9.2f}s {row['render']:>6.2f}s {row['export']:>6.2f}s "
              f"{row['build']:>8.2f}s {row['build_wall']:>6.2f}s {row['project_cpu']:>7.2f}s "
              f"{row['project_share']:>6.1%} {row['convert_cpu']:>7.2f}s {row['removed_cpu']:>7.2f}s "
              f"{row['search_cpu']:>6.2f}s {row['search_share']:>6.1%}")  # fmt: skip
    print("  load+valid, render, export: the project's stages alone, outside MkDocs, imports left out (CPU)")
    print("  project: the briefing plugin's import and every hook of it in the build, convert and sanitize")
    print("  included (CPU); search: every hook of Material's search plugin (CPU)")
    print(f"{'entities':>8} {'peak MB':>8} {'site MB':>8} {'index MB':>8} {'largest page':>12} {'pages':>6}")
    for size, row in build["sizes"].items():
        print(f"{size:>8} {row['peak_mb']:>8.0f} {row['site_mb']:>8.1f} {row['index_mb']:>8.2f} "
              f"{row['largest_page_mb']:>9.2f} MB {row['pages']:>6}")  # fmt: skip
    for label, ratio in build["ratios"].items():
        goal = RATIO_GOALS.get(label)
        if label.startswith("load+validate"):
            times = int(label.split()[2].replace(",", "")) / 2000
            goal = Goal(times * 1.1, f"<= {times * 1.1:.1f}: linear, within 10%")
        print(f"{label}: median {ratio['median']:.2f} of {runs} pair(s), min {ratio['min']:.2f}, "
              f"max {ratio['max']:.2f}{against(goal, ratio['median'])}")  # fmt: skip
    if 2000 in build["sizes"]:
        share = build["sizes"][2000]["project_share"]
        print(f"the project's share of the build at 2,000: {share:.1%} {PROJECT_SHARE.verdict(share)}")
        check = build["sizes"][2000]["check_vs_nh3"]
        print(f"the sanitizer's check at 2,000: {check:.2f} times nh3's own CPU, the median of each build's "
              f"ratio {CHECK_COST.verdict(check)}")  # fmt: skip


def print_pages(pages: dict[tuple[int, str], tuple[str, int]]) -> None:
    """The largest page's HTML of each size and topic mix, and which page it is."""
    print("== The largest page: one page's HTML as built, each size and topic mix")
    print(f"{'entities':>8}  {'topic mix':<17} {'largest page':<26} {'HTML':>8}")
    for (size, mix), (address, size_bytes) in pages.items():
        verdict = against(LARGEST_PAGE if size <= 8000 else None, size_bytes)
        print(f"{size:>8}  {mix_name(mix):<17} {address:<26} {kilobytes(size_bytes):>8}{verdict}")


def print_reader(reader: dict[tuple[int, str], dict[str, Any]]) -> None:
    """Each page view's bytes, the largest view of each site, then the search timings."""
    print("== The reader, in Chromium: each page viewed in a fresh context (nothing cached) until the")
    print("   network is idle and 2 s more: KB of every response's uncompressed body (response.body()),")
    print("   1 KB = 1,000 B")
    sites = list(reader)
    names = list(dict.fromkeys(name for figures in reader.values() for name in figures["views"]))
    print(f"{'page':<16}" + "".join(f"{f'{size:,} {mix}':>13}" for size, mix in sites))
    for name in names:
        cells = (reader[site]["views"].get(name, {}).get("bytes") for site in sites)
        print(f"{name:<16}" + "".join(f"{kilobytes(cell) if cell else '-':>13}" for cell in cells))
    for (size, mix), figures in reader.items():
        name, view = max(figures["views"].items(), key=lambda item: item[1]["bytes"])
        verdict = PAGE_VIEW.verdict(view["bytes"]) if size <= 2000 else "(the goal is at 2,000)"
        print(f"largest view at {size:,}, {mix_name(mix)}: {name}, {kilobytes(view['bytes'])} in "
              f"{view['responses']} responses, of which the search index {kilobytes(view['index'])} "
              f"({view['index'] / view['bytes']:.0%}) {verdict}")  # fmt: skip
    print("search-ready: the claims page opened, a query typed as soon as the search box exists: seconds")
    print("from the navigation's start to the first results; first search: from a keystroke to the results,")
    print("the index loaded; median (least to greatest) of the runs, many-topic mix")
    for (size, _), figures in reader.items():
        if "search_ready" in figures:
            ready, first = figures["search_ready"], figures["first_search"]
            goal = search_ready_goal(size)
            print(f"{size:>8} search-ready {seconds(ready)}{against(goal, ready['median'])}")
            print(f"{'':>8} first search {seconds(first, 3)} {FIRST_SEARCH.verdict(first['median'])}")


def seconds(timing: dict[str, float | None], digits: int = 2) -> str:
    """A timing's median and range, or that no results showed."""
    if timing["median"] is None:
        return "no results within 60 s"
    return f"{timing['median']:.{digits}f} s ({timing['min']:.{digits}f} to {timing['max']:.{digits}f})"


def print_serve(serve: dict[str, dict[str, Any]]) -> None:
    """Each served briefing: idle CPU, the claim edits' time to the page and CPU, the actor's rename."""
    print("== The author, serving: properdocs serve on the Kursk briefing and on synthetic ones in the")
    print("   many-topic mix; the server's CPU from /proc (user + system, every thread)")
    for name, figures in serve.items():
        full, source = figures["full_build_cpu"], figures["full_build_source"]
        edits = figures["edits"]
        shown = [edit["seconds"] for edit in edits]
        cpu = [edit["cpu"] for edit in edits]
        goal = shown_goal(name)
        print(f"{name}: the server's start and first build {figures['first_build_cpu']:.2f} s CPU; "
              f"the full build {full:.2f} s CPU ({source})")  # fmt: skip
        idle = figures["idle_share"]
        print(f"  idle: {idle:.1%} of a core over 12 s {IDLE.verdict(idle)}")
        print(f"  a claim's title edited {len(edits)} times, /{figures['page']} shows it after median "
              f"{figures['seconds']:.2f} s ({min(shown):.2f} to {max(shown):.2f})"
              f"{against(goal, figures['seconds'])}")  # fmt: skip
        share = figures["cpu"] / full
        verdict = against(REBUILD_SHARE if name == "2,000" else None, share)
        print(f"  its rebuild: median {figures['cpu']:.2f} s CPU ({min(cpu):.2f} to {max(cpu):.2f}), "
              f"{share:.0%} of the full build{verdict}")  # fmt: skip
        rename = figures["rename"]
        print(f"  an actor renamed: /actors/ shows it after {rename['seconds']:.2f} s, "
              f"{rename['cpu']:.2f} s CPU, {rename['cpu'] / full:.0%} of the full build")  # fmt: skip
    print("  an edit's CPU runs from the write to 1.5 s after the page shows it, the idle server's included")


def print_report(report: dict[str, Any]) -> None:
    """Every part measured, in the order build, largest pages, reader, serving, then the machine's load."""
    sections = (
        ("build", print_build), ("pages", print_pages), ("reader", print_reader), ("serve", print_serve)
    )  # fmt: skip
    for key, printer in sections:
        if key in report:
            printer(report[key])
            print()
    start, end = report["load"]
    print(f"the machine: {os.cpu_count()} cores; load {start:.2f} at the start, {end:.2f} at the end (1 min)")
