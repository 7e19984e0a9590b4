"""A throwaway PostgreSQL server for the store tests, and small corpora written for them.

:func:`start_postgres` runs ``initdb`` in a temporary folder and ``pg_ctl start`` on a free
loopback port (as the ``postgres`` user when the tests run as root); :meth:`PgServer.stop`
removes everything. The binaries come from the Debian ``postgresql`` package
(``/usr/lib/postgresql/*/bin``), or from ``$ENTENTE_PG_BIN``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(Exception):
    """The PostgreSQL server binaries are missing or the server could not start (the message says why)."""


def find_pg_bin() -> Path | None:
    candidates = [os.environ.get("ENTENTE_PG_BIN", "")]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bin: Path
    root: Path
    port: int
    prefix: list[str]
    created: int = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        import psycopg
        from psycopg import sql

        self.created += 1
        name = f"entente_test_{self.created}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def stop(self) -> None:
        data = self.root / "data"
        subprocess.run(
            [*self.prefix, str(self.bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_postgres() -> PgServer:
    """Start a server for this test session; raises :class:`PostgresUnavailable` with the reason."""
    pg_bin = find_pg_bin()
    if pg_bin is None:
        raise PostgresUnavailable(
            "PostgreSQL server binaries not found (initdb, pg_ctl): install the Debian package "
            "`postgresql` (.ci/run does) or set ENTENTE_PG_BIN"
        )
    prefix: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="entente-pg-"))
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable("running as root and there is no `postgres` user") from exc
        os.chown(root, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data = root / "data"
    init = subprocess.run(
        [
            *prefix,
            str(pg_bin / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
    last = ""
    for _ in range(3):  # the free port may be taken between the probe and the start
        port = _free_port()
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        started = subprocess.run(
            [
                *prefix,
                str(pg_bin / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if started.returncode == 0:
            return PgServer(pg_bin, root, port, prefix)
        log = root / "log"
        last = (log.read_text(errors="replace") if log.exists() else started.stderr)[-500:]
    shutil.rmtree(root, ignore_errors=True)
    raise PostgresUnavailable(f"the server did not start: {last.strip()}")


# ------------------------------------------------------------------ texts written for the tests

WIRE = (
    "MOSCOW (Reuters) - Russia and Iran signed a defence cooperation treaty in Tehran on Monday, "
    "the Kremlin said, as Moscow pledged to keep supplying fuel for the Bushehr power plant. "
    "Foreign Minister Sergei Lavrov said the two countries would hold joint naval drills in the "
    "Caspian Sea next year. Washington condemned the agreement and said it would consider new "
    "sanctions on Iranian banks. Officials in Ankara declined to comment on the talks, which "
    "lasted two days and ended with a joint statement on regional security."
)
# the same wire story as re-posted by another outlet: a new first line, a few words changed
WIRE_EDITED = (
    "Russia, Iran seal defence pact\n\n"
    "MOSCOW (Reuters) - Russia and Iran signed a defence cooperation treaty in Tehran on Monday, "
    "the Kremlin said, as Moscow promised to keep supplying fuel for the Bushehr nuclear plant. "
    "Foreign Minister Sergei Lavrov said the two countries would hold joint naval exercises in the "
    "Caspian Sea next year. Washington condemned the agreement and said it would consider new "
    "sanctions on Iranian banks. Officials in Ankara declined to comment on the talks, which "
    "lasted two days and ended with a joint statement on regional security."
)
UNRELATED = (
    "The European Union imposed new sanctions on Belarus on Tuesday after the government in Minsk "
    "expelled a group of Polish diplomats. Warsaw called the expulsions a provocation and "
    "summoned the Belarusian ambassador. Germany said it supported the measures."
)

_ACTORS = [
    ("Russia", "Moscow", "the Kremlin"),
    ("Turkey", "Ankara", "Turkish officials"),
    ("Iran", "Tehran", "Iranian officials"),
    ("China", "Beijing", "Chinese officials"),
    ("France", "Paris", "the Elysee"),
    ("Germany", "Berlin", "German officials"),
]
_VERBS = [
    "signed a trade agreement with",
    "accused",
    "held talks with",
    "imposed sanctions on",
    "criticised",
    "promised aid to",
]
_PLACES = ["Geneva", "Vienna", "Doha", "Astana", "Cairo", "Oslo", "Riga", "Lima", "Hanoi", "Quito"]
_TOPICS = ["grain exports", "gas prices", "border crossings", "a dam project", "fishing rights"]


def varied_articles(n: int) -> list[str]:
    """``n`` short articles, different enough from each other not to count as near-duplicates."""
    out = []
    for i in range(n):
        a = _ACTORS[i % len(_ACTORS)]
        b = _ACTORS[(i * 5 + 1) % len(_ACTORS)]
        if a == b:
            b = _ACTORS[(i + 1) % len(_ACTORS)]
        verb, place = _VERBS[(i * 7) % len(_VERBS)], _PLACES[i % len(_PLACES)]
        topic, other = _TOPICS[i % len(_TOPICS)], _TOPICS[(i + 2) % len(_TOPICS)]
        out.append(
            f"Talks in {place}, number {i}\n\n"
            f"{a[0]} {verb} {b[0]} on Monday in {place}, {a[2]} said. "
            f"The dispute over {topic} has lasted {i + 2} months. "
            f"{b[1]} said it would respond to {a[1]} after a meeting about {other}. "
            f"Analysts in {place} expect round {i} of the talks to fail."
        )
    return out
