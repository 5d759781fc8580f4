"""The city index this process uses: the folder it lives in, opened (or built) on first use, and
the one zone resolver reading it, warmed up before the bot takes its first update."""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path

from followup.core.city_index import City, Tables
from followup.core.zones import ZoneResolver
from followup.ops.geo.places import PlaceIndex, open_index

log = logging.getLogger(__name__)

_index_lock = threading.Lock()
_index_folder: Path | None = None
_open: PlaceIndex | None = None


def use_index_folder(folder: Path) -> None:
    """Where the city index file is kept (built there on first use); set once at start."""
    global _index_folder
    _index_folder = folder


def default_index_folder() -> Path:
    """The folder used when none was set: one per machine user, in the temporary folder."""
    return Path(tempfile.gettempdir()) / f"followup-coach-{os.getuid()}"


def place_index() -> PlaceIndex:
    """The city index, opened (and built, the first time on this machine) on first use."""
    global _open
    with _index_lock:
        if _open is None:
            folder = _index_folder or default_index_folder()
            try:
                _open = open_index(folder)
            except RuntimeError as error:
                if folder == default_index_folder():
                    raise
                # A read-only cache folder without the index: build it where we can write.
                log.warning("%s; using %s instead", error, default_index_folder())
                _open = open_index(default_index_folder())
        return _open


class _OpenedOnFirstUse:
    """The process's index as the resolver sees it: nothing is opened until a lookup needs it."""

    @property
    def tables(self) -> Tables:
        return place_index().tables

    def cities(self, key: str) -> list[City]:
        return place_index().cities(key)


# One for the process, so the zones it works out once are shared by every bot built here.
_resolver = ZoneResolver(_OpenedOnFirstUse())


def zone_resolver() -> ZoneResolver:
    """The zone resolver reading this process's city index."""
    return _resolver


def warm_up() -> None:
    """Open the city index ahead of the first /timezone (building it takes a second or two)."""
    _resolver.warm_up()
