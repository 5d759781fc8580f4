"""One bot per data folder: the lock file, its holder's process id, and its release."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.ops.lock import LOCK_FILE, AlreadyRunning, InstanceLock


def test_a_second_lock_on_the_same_folder_is_refused_naming_the_holder(tmp_path: Path) -> None:
    with InstanceLock(tmp_path) as first:
        assert first.held
        assert (tmp_path / LOCK_FILE).read_text() == f"{os.getpid()}\n"
        with pytest.raises(AlreadyRunning) as refused:
            InstanceLock(tmp_path).acquire()
        assert refused.value.holder == os.getpid()
        assert str(refused.value) == (
            f"process {os.getpid()} is already running the bot on {tmp_path}; stop it first"
        )
    assert not first.held
    with InstanceLock(tmp_path):  # released: the next one gets in
        pass


def test_other_folders_are_not_affected(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with InstanceLock(tmp_path / "a"), InstanceLock(tmp_path / "b"):
        pass


def test_a_crashed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    # The kernel drops a flock when its process dies, however it dies (here: SIGKILL).
    script = (
        "import os, signal, sys; from pathlib import Path\n"
        "from followup.ops.lock import InstanceLock\n"
        f"InstanceLock(Path({str(tmp_path)!r})).acquire(); os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    crashed = subprocess.run([sys.executable, "-c", script], check=False)
    assert crashed.returncode == -9
    assert (tmp_path / LOCK_FILE).read_text().strip().isdigit()  # its pid is still written...
    with InstanceLock(tmp_path) as lock:  # ...but the lock is free
        assert lock.held


def test_the_lock_file_is_private_and_not_inherited(tmp_path: Path) -> None:
    with InstanceLock(tmp_path) as lock:
        assert (tmp_path / LOCK_FILE).stat().st_mode & 0o777 == 0o600
        assert lock._fd is not None and not os.get_inheritable(lock._fd)
