"""What a reader downloads and waits for, measured in Debian's Chromium through Playwright.

- A page view: the page opened in a fresh browser context (nothing cached), the network idle and then two
  seconds more; its bytes are the sum of every response's body as the browser received it, uncompressed
  (``response.body()``), the search index's own beside it.
- Search-ready: the claims page opened; as soon as the search box exists it is focused and a query typed; the
  seconds from the navigation's start (the page's own clock, ``performance.now()``) to the first results.
- First search: on a page whose search has finished loading, the seconds from a keystroke to the results.

The built site is served over HTTP on loopback, uncompressed, by Python's own small server.
"""

from __future__ import annotations

import contextlib
import shutil
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import synthetic
from playwright.sync_api import Browser, Response, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import FLAGS, PAGES, serve  # type: ignore[import-not-found]  # noqa: E402

QUERY = synthetic.VOCABULARY[400]
"""A word of middling frequency in every synthetic briefing, as a reader's search term usually is."""
INDEX = "search/search_index.json"
"""Where Material's search index is, in a built site."""
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
"""Where Debian installs Chromium; Playwright is never let download a browser of its own."""
SETTLE_MS = 2000
"""How long a page view goes on after the network is idle: what a page fetches late still counts."""
RESULTS = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    const shown = meta && meta.textContent.includes('matching')
        && document.querySelector('.md-search-result__item');
    return shown && performance.now();
}"""
"""True (the page's clock, in milliseconds) once the search shows its first results."""


def chromium() -> str:
    """Debian's Chromium, or the end of the benchmark with how to get it or do without it."""
    found = shutil.which("chromium") or str(DEBIAN_CHROMIUM)
    if not Path(found).is_file():
        raise SystemExit(
            f"Chromium is not installed (looked for 'chromium' on the PATH and {DEBIAN_CHROMIUM}): install "
            "Debian's package (apt-get install chromium), or measure without a browser (--no-browser)."
        )
    return found


def pages(site: Path) -> dict[str, str]:
    """The pages a reader opens, by name: the top-level ones, the largest topic's and a claim's own page."""
    named = {address.strip("/") or "overview": address for address in PAGES}
    for name, pattern in (("largest topic", "claims/*/index.html"), ("largest claim", "claim/*/index.html")):
        found = list(site.glob(pattern))
        if found:
            largest = max(found, key=lambda path: path.stat().st_size)
            named[name] = largest.parent.relative_to(site).as_posix() + "/"
    return named


def body_size(response: Response) -> int:
    """The uncompressed bytes of a response's body; its declared length when the browser kept no body."""
    try:
        return len(response.body())
    except PlaywrightError:  # a redirect, or a body the browser let go of
        return int(response.headers.get("content-length", "0"))


def page_view(browser: Browser, url: str) -> dict[str, int]:
    """The bytes a reader's browser receives for one page, nothing cached, and the search index's share."""
    context = browser.new_context()
    try:
        responses: list[Response] = []
        context.on("response", lambda response: responses.append(response))  # Playwright tags the handler
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(SETTLE_MS)
        sizes = [(response.url, body_size(response)) for response in responses]
    finally:
        context.close()
    return {
        "bytes": sum(size for _, size in sizes),
        "index": sum(size for address, size in sizes if address.endswith(INDEX)),
        "responses": len(sizes),
    }


def search_ready(browser: Browser, url: str) -> float | None:
    """Seconds from the navigation's start until a query typed as soon as the box exists shows results.

    None when no results show within a minute.
    """
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        box = page.locator(".md-search__input")
        box.wait_for(state="attached")
        box.focus()
        page.keyboard.type(QUERY)
        try:
            shown = page.wait_for_function(RESULTS, polling="raf", timeout=60_000)
        except PlaywrightTimeout:
            return None
        milliseconds: float = shown.json_value()
        return milliseconds / 1000
    finally:
        context.close()


def first_search(browser: Browser, url: str) -> float:
    """Seconds from a reader's keystroke to the first results, the index already loaded, on a fresh page."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        box = page.locator(".md-search__input")
        box.click()
        meta = "document.querySelector('.md-search-result__meta').textContent"
        page.wait_for_function(f"!{meta}.includes('Initializing')")
        box.fill(QUERY)
        started = time.perf_counter()
        box.press("End")  # a key event, as typing makes: the search runs on it
        page.wait_for_function(f"{meta}.includes('matching')")
        return time.perf_counter() - started
    finally:
        context.close()


def timings(runs: list[float | None]) -> dict[str, Any]:
    """The median, least and greatest of timed runs; None for all three if any run saw no results."""
    if any(run is None for run in runs):
        return {"median": None, "min": None, "max": None}
    seconds = [run for run in runs if run is not None]
    return {"median": statistics.median(seconds), "min": min(seconds), "max": max(seconds)}


def measure_site(browser: Browser, site: Path, runs: int, searches: bool) -> dict[str, Any]:
    """One site's page views, and with ``searches`` its search-ready and first-search times."""
    with serving(site) as url:
        views = {name: page_view(browser, url + address) for name, address in pages(site).items()}
        figures: dict[str, Any] = {"views": views}
        if searches:
            figures["search_ready"] = timings([search_ready(browser, url + "claims/") for _ in range(runs)])
            figures["first_search"] = timings([first_search(browser, url + "claims/") for _ in range(runs)])
    return figures


def measure(sites: dict[tuple[int, str], Path], runs: int) -> dict[tuple[int, str], dict[str, Any]]:
    """Each site's reader figures, by size and topic mix; the searches are timed on the many-topic mix."""
    figures = {}
    with running_chromium() as browser:
        for (size, mix), site in sites.items():
            try:
                figures[size, mix] = measure_site(browser, site, runs, searches=mix == "many")
            except PlaywrightError as error:  # a page that never settles, a browser that went away
                first_line = str(error).strip().splitlines()[0]
                failed = f"Chromium could not measure the {size:,}-entity site ({mix} topics)"
                raise SystemExit(f"{failed}: {first_line}") from None
    return figures


serving = contextlib.contextmanager(serve)
"""The built site served on a loopback port, its address given, the server stopped afterwards."""


@contextlib.contextmanager
def running_chromium() -> Iterator[Browser]:
    """Debian's Chromium, started by Playwright, closed however the measuring ends."""
    executable = chromium()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        except PlaywrightError as error:
            first_line = str(error).strip().splitlines()[0]
            raise SystemExit(f"Chromium at {executable} did not start: {first_line}") from None
        try:
            yield browser
        finally:
            browser.close()
