"""The command line against hostile or careless use: documented statuses, one line, nothing raw
on a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from entente.cli import main
from entente.cli.base import printable

ENTENTE = str(Path(sys.executable).with_name("entente"))


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ENTENTE_DEBUG": ""}
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [ENTENTE, *args], stderr=subprocess.PIPE, text=True, timeout=120, env=env, **kwargs
    )


def _one_error_line(stderr: str) -> str:
    lines = [x for x in stderr.splitlines() if x.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    return lines[0]


@pytest.mark.skipif(not Path(ENTENTE).exists(), reason="the entente script is not installed beside python")
def test_closed_stdin_is_exit_3() -> None:
    done = _run(["analyze", "-"], stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert done.returncode == 3, done.stderr
    assert "standard input is closed" in _one_error_line(done.stderr)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_writing_to_a_full_disk_is_exit_8() -> None:
    with open("/dev/full", "w") as full:
        done = _run(["schema"], stdout=full)
    assert done.returncode == 8, done.stderr
    assert "[E031]" in _one_error_line(done.stderr)


def test_a_closed_pipe_is_exit_8() -> None:
    proc = subprocess.Popen([ENTENTE, "schema"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before entente writes
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 8, err
    assert "[E031]" in _one_error_line(err)


def test_negative_max_bytes_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Moscow and Tehran signed a deal.", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(path), "--max-bytes", "-1"])
    assert result.exit_code == 2 and "--max-bytes" in result.output


def test_demo_limit_zero_refused_with_a_message() -> None:
    result = CliRunner().invoke(main, ["demo", "--limit", "0"])
    assert result.exit_code == 2 and "--limit" in result.output


@pytest.mark.parametrize(
    "name", ["x\x1b[2Jy.txt", "x\x1b]0;pwned\x07.txt", "a\r\nerror: fake line.txt", "b\x9b31mc.txt"]
)
def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / name)])
    assert result.exit_code == 3
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "E001" in lines[0]
    assert not any(c in result.output.rstrip("\n") for c in "\x1b\x07\r\x9b")
    assert "\\x1b" in lines[0] or "\\r\\n" in lines[0] or "\\x9b" in lines[0]


def test_control_characters_in_a_url_are_escaped() -> None:
    result = CliRunner().invoke(main, ["analyze", "http://127.0.0.1:1/\x1b[2J\r\nx"])
    assert result.exit_code == 3
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "\x1b" not in result.output and "\\x1b[2J" in lines[0]


def test_printable() -> None:
    assert printable("a\x1b[2Jb\tc\nd") == "a\\x1b[2Jb\tc\nd"
    assert printable("a\r\nb\x07", one_line=True) == "a\\r\\nb\\x07"
    assert printable("Zürich – “quoted”") == "Zürich – “quoted”"


def test_escape_sequences_in_the_article_do_not_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Russia warns Ukraine\x1b]0;pwned\x07\n\nThe Kremlin said\x1b[2J Moscow would supply Tehran, "
        "officials said on Tuesday. \x1b[31m“We will win,” Putin said.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["analyze", str(path), "--date", "2024-01-01"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b" in result.output
