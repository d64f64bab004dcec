"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, start on a
free loopback port, remove everything afterwards.

PostgreSQL refuses to run as root; as root (CI) the server runs as the ``postgres`` system
user that the Debian package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def find_bindir() -> Path | None:
    """The folder with initdb and pg_ctl, or None if PostgreSQL is not installed."""
    env = os.environ.get("LOTSE_PG_BINDIR")
    candidates = [env] if env else []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).resolve().parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    bindir: Path
    folder: Path
    port: int
    run_as: str | None

    @property
    def admin_url(self) -> str:
        return f"postgresql://lotse@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql://lotse@127.0.0.1:{self.port}/{database}"

    def _cmd(self, *args: str) -> list[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        return ["runuser", "-u", self.run_as, "--", *command] if self.run_as else command

    def start(self) -> None:
        data = self.folder / "data"
        subprocess.run(self._cmd("initdb", "-D", str(data), "-U", "lotse", "-A", "trust",
                                 "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
                       check=True, capture_output=True)
        options = (f"-p {self.port} -k {self.folder} -h 127.0.0.1 -F "
                   "-c synchronous_commit=off -c full_page_writes=off")
        subprocess.run(self._cmd("pg_ctl", "-D", str(data), "-l", str(self.folder / "log"),
                                 "-o", options, "-w", "-t", "60", "start"),
                       check=True, capture_output=True)

    def pause(self) -> None:
        """Shut the server down, keeping its data: every connection is cut, as when the
        network fails. ``resume`` starts it again on the same port."""
        subprocess.run(self._cmd("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast",
                                 "-w", "stop"), check=True, capture_output=True)

    def resume(self) -> None:
        options = (f"-p {self.port} -k {self.folder} -h 127.0.0.1 -F "
                   "-c synchronous_commit=off -c full_page_writes=off")
        subprocess.run(self._cmd("pg_ctl", "-D", str(self.folder / "data"), "-l",
                                 str(self.folder / "log"), "-o", options, "-w", "-t", "60",
                                 "start"), check=True, capture_output=True)

    def stop(self) -> None:
        subprocess.run(self._cmd("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate",
                                 "stop"), capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> PostgresServer | None:
    bindir = find_bindir()
    if bindir is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="lotse-pg-"))
    run_as = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        run_as = "postgres"
        try:
            entry = pwd.getpwnam(run_as)
        except KeyError:
            return None
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        folder.chmod(0o700)
    server = PostgresServer(bindir, folder, _free_port(), run_as)
    for _attempt in range(3):
        try:
            server.start()
            return server
        except subprocess.CalledProcessError:
            server.stop()
            folder.mkdir()
            if run_as:
                entry = pwd.getpwnam(run_as)
                os.chown(folder, entry.pw_uid, entry.pw_gid)
            server.port = _free_port()
            time.sleep(0.5)
    raise RuntimeError(f"PostgreSQL could not be started (see {folder}/log)")
