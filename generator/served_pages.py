"""While serving: the claims' own pages are answered from memory, not written into the served folder.

A claim's own page (``claim/<id>/index.html``) only sends its reader on to the claim, and is there for link
previews; a briefing has one for each claim, each in a folder of its own. MkDocs empties the served folder
and writes every file again at each rebuild, and on a briefing of a thousand claims those folders cost more
than the rest of the rebuild together. So the server is given a front (a WSGI application before its own)
that answers for these pages from what the last build made of them, and passes every other request on.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

Pages = Callable[[], dict[str, str]]
"""The pages to answer for, as the last build made them: their HTML by path in the site."""


def answer_from_memory(server: Any, pages: Pages) -> bool:
    """Have the server answer for the pages from memory; whether it could be made to (a WSGI server).

    A request for ``claim/<id>/`` or ``claim/<id>/index.html`` under the server's mount path gets the page;
    ``claim/<id>`` is sent on to ``claim/<id>/``, as the server does for the folders it has.
    """
    get_app, set_app = getattr(server, "get_app", None), getattr(server, "set_app", None)
    mount = getattr(server, "mount_path", None)
    if not callable(get_app) or not callable(set_app) or not isinstance(mount, str):
        return False
    app = get_app()

    def answer(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        if (path + "/").startswith(mount):
            wanted = posixpath.normpath("/" + path[len(mount) :]).lstrip("/")
            shown = pages()
            page = shown.get(f"{wanted}/index.html" if path.endswith("/") else wanted)
            if page is not None:
                body = page.encode("utf-8")
                headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
                start_response("200 OK", headers)
                return [body]
            if not path.endswith("/") and f"{wanted}/index.html" in shown:
                start_response("302 Found", [("Location", urllib.parse.quote(path) + "/")])
                return []
        result: Iterable[bytes] = app(environ, start_response)
        return result

    set_app(answer)
    return True
