"""Where each page's content is edited: the links to the content's files in the site's repository."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urljoin

from mkdocs.config.defaults import MkDocsConfig

from generator.errors import Location
from generator.load import BRIEFING_FILES
from generator.model import CATEGORY_TYPES
from generator.render_layout import PAGE_OF


class EditLinks:
    """Where the content's files are edited in the site's repository (``repo_url``)."""

    def __init__(self, base: str, root: Path) -> None:
        self.base = base
        """The address of the repository's root folder for editing (``https://github.com/o/r/edit/main/``)."""
        self.root = root
        """The repository's root on disk: the folder of ``mkdocs.yml``."""

    @classmethod
    def of(cls, config: MkDocsConfig, edit_uri: str | None) -> EditLinks | None:
        """The site's edit links, or None when it has no repository or no way to edit files in it."""
        root = Path(config.config_file_path or ".").parent.resolve()
        if not config.repo_url:
            return None
        if edit_uri is None:
            docs = Path(config.docs_dir).resolve()
            docs_part = docs.relative_to(root).as_posix() + "/" if docs.is_relative_to(root) else None
            if not config.edit_uri or not docs_part or not config.edit_uri.endswith(docs_part):
                return None
            edit_uri = config.edit_uri.removesuffix(docs_part)
        return cls(urljoin(config.repo_url.rstrip("/") + "/", edit_uri), root)

    def url(self, location: Location) -> tuple[str, str] | None:
        """Where the file of a place in the content is edited, and its path in the repository (if in it)."""
        path = self._in_repository(Path(location.path))
        return None if path is None else (self.base + quote(path), path)

    def file_url(self, path: Path, base: str | None = None) -> str | None:
        """Where a file or folder under the repository's root is edited (or, with a base, shown)."""
        relative = self._in_repository(path)
        return None if relative is None else (base or self.base) + quote(relative)

    def _in_repository(self, path: Path) -> str | None:
        resolved = path.resolve()
        return resolved.relative_to(self.root).as_posix() if resolved.is_relative_to(self.root) else None

    def page_url(self, page: str, content: Path) -> str | None:
        """A briefing page's edit button.

        On the overview, the briefing file; elsewhere, the folder of the page's category, where the host shows
        folders (on GitHub and GitLab, ``edit/`` becomes ``tree/``).
        """
        if page == "index.md":
            return next(
                (self.file_url(content / name) for name in BRIEFING_FILES if (content / name).is_file()), None
            )
        folder = _PAGE_FOLDERS.get(page.split("/")[0].removesuffix(".md"))
        tree = re.sub(r"(^|/)(-/)?edit/(?=[^/]+/$)", r"\1\2tree/", self.base)
        if folder is None or tree == self.base:
            return None
        return self.file_url(content / folder, tree)


_PAGE_FOLDERS = {PAGE_OF[type_].removesuffix(".md"): folder for folder, type_ in CATEGORY_TYPES.items()}
_PAGE_FOLDERS["stances"] = "claims"
"""The content folder each page shows (by the page's name: topic pages are under ``claims/``)."""
