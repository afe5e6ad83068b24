"""Helpers to read a built site in Debian's Chromium: serve it on loopback, open pages, search."""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
"""A phone's screen, for ``Visit(browser, url, **PHONE)``."""
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
"""A laptop's screen, for ``Visit(browser, url, **DESKTOP)``."""
PAGES = [
    "", "claims/", "stances/", "actors/", "treaties/", "questions/", "timeline/", "sources/", "guide/", "data/"
]  # fmt: skip


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _NotFoundPage(_Quiet):
    not_found: Path

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    """Python's threading server, quiet when the browser drops a connection (a page or context closed)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path, not_found: Path | None = None) -> Iterator[str]:
    """Serve a folder on loopback; with ``not_found``, that page answers any missing address, as hosts do."""
    handler: type[_Quiet] = _Quiet
    if not_found is not None:
        handler = type("NotFound", (_NotFoundPage,), {"not_found": not_found})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Visit:
    """A page opened in the browser, with every request and error it caused."""

    def __init__(self, browser: Browser, url: str, wait_until: str = "networkidle", **options) -> None:
        self.page: Page = browser.new_page(**options)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(url, wait_until=wait_until)  # type: ignore[arg-type]

    def search(self, query: str) -> list[str]:
        """Type a query as a reader does; return the addresses of the results."""
        box = self.page.locator(".md-search__input")
        box.click()
        self.page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'"
        )
        box.fill(query)
        box.press("End")  # a key event, as typing makes: the search runs on it
        self.page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.includes('matching')"
        )
        links = self.page.locator(".md-search-result__item a")
        return [urlsplit(href).fragment for href in links.evaluate_all("els => els.map(e => e.href)")]
