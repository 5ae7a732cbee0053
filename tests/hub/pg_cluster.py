"""A private PostgreSQL cluster for the hub tests: initdb in a temporary folder, listening
only on 127.0.0.1 (a free port) and a Unix socket in that folder, removed afterwards.

initdb refuses to run as root, so as root the cluster belongs to the `postgres` user the
Debian package creates (runuser). The superuser has a password (scram-sha-256 over TCP),
so connecting exercises the same password path a desk's server does.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "cluster-test-only"


def binaries() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin holding initdb and pg_ctl, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """One throwaway server; `url(db, user)` names a database on it (no password in it)."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.root.chmod(0o700)
        pwfile = self.root / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if self._as_postgres:
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth-local=trust",
                  "--auth-host=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8",
                  "--locale=C.UTF-8")
        pwfile.unlink()

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin / tool), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True,
                              cwd=self.root)

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off -c max_connections=100")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w",
                  "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        done = subprocess.run([str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p",
                               str(self.port)], capture_output=True)
        return done.returncode == 0

    def sql(self, statement: str, db: str = "postgres") -> str:
        """Run SQL as the superuser over the Unix socket (trusted locally)."""
        done = self._run("psql", "-h", str(self.root), "-p", str(self.port), "-U", SUPERUSER,
                         "-d", db, "-v", "ON_ERROR_STOP=1", "-At", "-c", statement)
        return done.stdout.strip()

    def dump(self, db: str, name: str) -> Path:
        """A backup of one database (pg_dump's custom format), as an editor would take."""
        path = self.root / f"{name}.dump"
        self._run("pg_dump", "-h", str(self.root), "-p", str(self.port), "-U", SUPERUSER,
                  "-Fc", "-f", str(path), db)
        return path

    def restore(self, db: str, dump: Path) -> None:
        """Replace the database with the backup (drop, create, pg_restore)."""
        self.sql(f'DROP DATABASE "{db}" WITH (FORCE)')
        self.sql(f'CREATE DATABASE "{db}"')
        self._run("pg_restore", "-h", str(self.root), "-p", str(self.port), "-U", SUPERUSER,
                  "-d", db, str(dump))

    def url(self, db: str, user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{db}"

    def remove(self) -> None:
        if self.running():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
