"""A throwaway PostgreSQL cluster for the tests: started once, on a unix socket in a temp dir.

`fresh_database()` gives each test its own new database (CREATE DATABASE) on one cluster that is
started the first time a test asks and stopped, and its folder removed, when the test run ends.
The server comes from the machine's own binaries (/usr/lib/postgresql/<version>/bin, Debian's
`postgresql-15`); where there are none, the asking test is skipped with one line on how to get
them. PostgreSQL refuses to run as root, so under root the cluster belongs to the `postgres`
system user (created if missing) and its commands run through `runuser`.

The test cluster trades durability for speed (fsync off): nothing in it outlives the run. The
benchmarks start theirs with `durable=True`, the settings a real server runs with.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

HOW_TO_ENABLE = (
    "no PostgreSQL server binaries (initdb) in /usr/lib/postgresql/*/bin or on PATH: "
    "`apt-get install postgresql-15` to run the PostgreSQL tests"
)
SYSTEM_USER = "postgres"
SUPERUSER = "postgres"


def server_binaries() -> Path | None:
    """The newest installed server's bin folder (Debian's layout, else initdb on PATH), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    initdb = found[-1] if found else shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(path: str) -> float:
    with contextlib.suppress(ValueError):
        return float(Path(path).parts[-3])
    return 0.0


class Cluster:
    """One initdb'd, running PostgreSQL server, listening only on a socket in its own folder."""

    def __init__(self, bin_dir: Path, durable: bool = False) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="pgtest-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.durable = durable
        self._owner = _server_user() if os.geteuid() == 0 else None

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str = "postgres") -> str:
        """A libpq URL for a database on this cluster, over the unix socket."""
        return f"postgresql://{SUPERUSER}@/{database}?host={quote(str(self.socket_dir), safe='')}"

    def start(self) -> Cluster:
        """initdb, then start the server and wait until it accepts connections."""
        if self._owner is not None:
            os.chown(self.root, self._owner.pw_uid, self._owner.pw_gid)
        self.root.chmod(0o700)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                  "--no-instructions", "--locale=C.UTF-8")  # fmt: skip
        options = [f"-k {self.socket_dir}", "-c listen_addresses=''", "-c max_connections=200"]
        if not self.durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log),
                  "-o", " ".join(options))  # fmt: skip
        return self

    def stop(self) -> None:
        """Stop the server at once and remove its folder."""
        if self.data.exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self._run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", str(self.data))
        shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self) -> str:
        """A new empty database; its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Remove a database made by create_database, closing whatever is still connected."""
        name = url.split("/")[-1].split("?")[0]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if self._owner is not None:
            command = ["runuser", "-u", self._owner.pw_name, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{program} failed: {done.stderr.strip()} {log[-2000:]}")


def _server_user() -> pwd.struct_passwd:
    """The unprivileged user the server runs as when we are root (made if the system lacks it)."""
    try:
        return pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SYSTEM_USER,
            ],
            check=True,
        )
        return pwd.getpwnam(SYSTEM_USER)


_shared: Cluster | None = None


def cluster() -> Cluster:
    """The test run's cluster, started on first use; skips the test where there is no server."""
    global _shared
    if _shared is None:
        bin_dir = server_binaries()
        if bin_dir is None:
            pytest.skip(HOW_TO_ENABLE)
        _shared = Cluster(bin_dir).start()
        atexit.register(_shared.stop)
    return _shared


@contextlib.contextmanager
def fresh_database() -> Iterator[str]:
    """A new database on the shared cluster for one test; dropped afterwards."""
    running = cluster()
    url = running.create_database()
    try:
        yield url
    finally:
        running.drop_database(url)
