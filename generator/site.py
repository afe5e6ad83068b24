"""Building the site with MkDocs, strictly, and publishing it whole or not at all.

MkDocs builds into its site folder in place: a build that fails half-way leaves half a site. Here the site
folder is checked first (``site_folder``), the site is built into a staging folder inside it, and only a build
that succeeded replaces the previous site; a failed one is deleted, leaving the previous site as it was.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from generator.site_folder import KeepClear, SiteFolder, SiteFolderBusy, UnsafeSiteFolder, check

log = logging.getLogger("mkdocs.plugins.briefing")

__all__ = ["SiteError", "UnsafeSiteFolder", "build_site"]


class SiteError(Exception):
    """The site could not be built; the message says why (the details were logged as they came)."""


def build_site(
    config_file: Path, content: Path, site_dir: Path | None = None, *, force: bool = False
) -> Path:
    """Build the site strictly from the briefing in ``content``; return where it was published.

    Raises UnsafeSiteFolder, before anything is written, for a site folder the build must not replace.
    """
    _show_mkdocs_log()
    config = _config(config_file)
    target = check(site_dir or Path(config.site_dir), KeepClear.of(config, content), force=force)
    config = _config(config_file, target)  # MkDocs' own checks of the site folder see the real one
    if "briefing" not in config.plugins:
        raise SiteError(f"{config_file} does not use the 'briefing' plugin")
    config.plugins["briefing"].config.content_dir = str(content.resolve())
    try:
        with SiteFolder(target) as folder:
            staging = folder.stage()
            config.site_dir = str(staging)
            try:
                build(config)
                folder.publish(staging)
            except BaseException as error:
                folder.discard(staging)
                if isinstance(error, Abort):
                    raise SiteError(str(error)) from None
                raise
    except SiteFolderBusy as error:
        raise SiteError(str(error)) from None
    log.info(f"Published the site to {target}")
    return target


def _config(config_file: Path, site_dir: Path | None = None) -> MkDocsConfig:
    overrides = {} if site_dir is None else {"site_dir": str(site_dir)}
    try:
        return load_config(str(config_file), strict=True, **overrides)
    except (Abort, ConfigurationError) as error:
        raise SiteError(str(error)) from None


def _show_mkdocs_log() -> None:
    """Show MkDocs' messages as ``mkdocs build`` does, once however often a build runs in this process."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    if not any(isinstance(handler, _StderrHandler) for handler in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)


if TYPE_CHECKING:
    _StreamHandler = logging.StreamHandler[TextIO]
else:  # subscriptable at run time only from Python 3.11
    _StreamHandler = logging.StreamHandler


class _StderrHandler(_StreamHandler):
    """Writes to whatever standard error is when a message comes, not when the handler was made."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass
