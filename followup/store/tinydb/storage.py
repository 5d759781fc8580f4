"""A TinyDB storage that never leaves a half-written file behind.

TinyDB's own JSONStorage rewrites the file in place, so a crash in the middle of a write leaves
broken JSON and the user's data is gone. This storage writes a temporary file next to the target,
fsyncs it, renames it over the target and fsyncs the directory: after a crash the file holds either
the old contents or the new ones, never a mix.

The file is only ever written through this class (one process per data directory), so the parsed
contents are kept in memory after the first read and reads never touch the disk again.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeAlias

from tinydb.storages import Storage

FILE_MODE = 0o600
DIR_MODE = 0o700

Tables: TypeAlias = dict[str, dict[str, Any]]


class CorruptDataFile(Exception):
    """A data file exists but is not a JSON object; it is left untouched for a human to look at."""

    def __init__(self, path: Path, reason: str = "not a JSON object") -> None:
        super().__init__(f"data file {path} is unreadable ({reason}); it was left untouched")
        self.path = path


class AtomicJSONStorage(Storage):
    """Compact UTF-8 JSON in one file, replaced atomically on every write."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)
        self._data: Tables | None = None
        self._loaded = False
        # Inside batch(): the state TinyDB has written but the disk has not seen yet.
        self._batching = False
        self._pending: Tables | None = None

    def read(self) -> Tables | None:
        """Return a private copy of the current state, or None when there is no file yet."""
        if self._batching and self._pending is not None:
            return _clone(self._pending)
        if not self._loaded:
            self._data = self._load()
            self._loaded = True
        return None if self._data is None else _clone(self._data)

    def write(self, data: Tables) -> None:
        """Put the new state on disk, or hold it until the end of the current batch."""
        if self._batching:
            # TinyDB never touches `data` after handing it over, so it can be kept as is.
            self._pending = data
            return
        self._commit(data)

    def close(self) -> None:
        """Forget the memory copy; the next read loads the file again."""
        self._data = None
        self._loaded = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several TinyDB writes into one file write; on error nothing is written."""
        if self._batching:
            yield
            return
        self._batching = True
        try:
            yield
            pending, self._pending = self._pending, None
            if pending is not None:
                self._commit(pending)
        finally:
            self._batching = False
            self._pending = None

    def _load(self) -> Tables | None:
        """Parse the file; a missing file is an empty database, anything unreadable is an error."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CorruptDataFile(self.path, str(error)) from error
        if not isinstance(data, dict):
            raise CorruptDataFile(self.path)
        return data

    def _commit(self, data: Tables) -> None:
        """Write to a temporary file, make it durable, then swap it in and remember it."""
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        directory = self.path.parent
        _make_dirs(directory)
        fd, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
            raise
        fsync_dir(directory)
        # Parse back what was written so memory matches the disk exactly (tuples become lists).
        self._data = json.loads(text)
        self._loaded = True


def fsync_dir(directory: Path) -> None:
    """Make a rename, creation or deletion inside `directory` survive a power cut."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_dirs(directory: Path) -> None:
    """Create missing directories one level at a time so each one gets DIR_MODE."""
    if directory.is_dir():
        return
    _make_dirs(directory.parent)
    with contextlib.suppress(FileExistsError):
        directory.mkdir(mode=DIR_MODE)
        fsync_dir(directory.parent)


def _clone(value: Any) -> Any:
    """Copy parsed JSON; TinyDB edits what read() returns in place before writing it back."""
    if type(value) is dict:
        return {key: _clone(item) for key, item in value.items()}
    if type(value) is list:
        return [_clone(item) for item in value]
    return value
