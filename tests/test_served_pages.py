"""The front a served site is given: the claims' own pages answered from memory, under the site's path."""

from __future__ import annotations

from typing import Any

from generator.served_pages import answer_from_memory


class Server:
    """A WSGI server as MkDocs' is to the front: its application, and the path the site is served under."""

    def __init__(self, mount_path: str) -> None:
        self.mount_path = mount_path
        self.application = self.site
        self.asked: list[str] = []

    def get_app(self) -> Any:
        return self.application

    def set_app(self, application: Any) -> None:
        self.application = application

    def site(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        """The server's own answer: here, always that nothing is there."""
        self.asked.append(environ["PATH_INFO"])
        start_response("404 Not Found", [])
        return [b"not here"]

    def get(self, path: str) -> tuple[str, dict[str, str], bytes]:
        answered: list[Any] = []
        body = b"".join(self.application({"PATH_INFO": path}, lambda *status: answered.extend(status)))
        return answered[0], dict(answered[1]), body


def test_the_claims_own_pages_are_answered_under_the_sites_path_and_the_rest_passed_on():
    pages = {"claim/x/index.html": "<p>X</p>"}
    server = Server("/briefing/")
    assert answer_from_memory(server, lambda: pages)
    assert server.get("/briefing/claim/x/") == (
        "200 OK",
        {"Content-Type": "text/html; charset=utf-8", "Content-Length": "8"},
        b"<p>X</p>",
    )
    assert server.get("/briefing/claim/x/index.html")[2] == b"<p>X</p>"
    assert server.get("/briefing/claim/x")[:2] == ("302 Found", {"Location": "/briefing/claim/x/"})
    assert server.get("/briefing/claim/../claim/x/")[2] == b"<p>X</p>"
    for elsewhere in (
        "/claim/x/",
        "/briefingx/claim/x/",
        "/briefing/claim/y/",
        "/briefing/claims/",
        "/briefing/",
    ):
        assert server.get(elsewhere)[0] == "404 Not Found"
    assert server.asked == [
        "/claim/x/",
        "/briefingx/claim/x/",
        "/briefing/claim/y/",
        "/briefing/claims/",
        "/briefing/",
    ]
    pages = {"claim/y/index.html": "<p>Y</p>"}  # each request finds the pages as the last build made them
    assert server.get("/briefing/claim/y/")[2] == b"<p>Y</p>"
    assert server.get("/briefing/claim/x/")[0] == "404 Not Found"


def test_a_server_that_is_not_a_wsgi_server_is_left_as_it_is():
    assert not answer_from_memory(object(), dict)
