"""The command line: documented commands, one-line errors, exit statuses, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from entente.cli import main
from entente.report.jsonout import load_schema


def _commands() -> list[tuple[str, click.Command]]:
    return sorted(main.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands())
def test_every_command_has_help_with_a_runnable_example(name: str, command: click.Command) -> None:
    help_text = command.help or ""
    assert help_text.strip(), f"{name} has no help"
    assert "Example:" in help_text, f"{name}'s help has no example"
    example = help_text.split("Example:", 1)[1]
    assert f"entente {name}" in example, f"{name}'s example does not run `entente {name}`"


def test_the_main_commands_are_there() -> None:
    assert {"analyze", "eval", "demo", "schema"} <= set(main.commands)


@pytest.mark.parametrize(
    ("content", "status", "words"),
    [
        (b"", 3, "empty"),
        (b"\x00\x01\x02binary\x00\x00" * 50, 3, "binary"),
    ],
)
def test_bad_input_gives_one_line_and_a_status(
    tmp_path: Path, content: bytes, status: int, words: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["analyze", str(path)])
    assert result.exit_code == status
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and words in lines[0].lower()
    assert "Traceback" not in result.output


def test_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 3
    assert "no such file" in result.output


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Russia and Iran signed a treaty in Tehran on Monday.\n")
    result = CliRunner().invoke(main, ["analyze", str(path), "--date", "14/10/2024"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_json_output_follows_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "Talks in Ankara\n\nThe Kremlin said on Monday that Moscow and Ankara would keep talking.\n"
    path.write_text(text)
    result = CliRunner().invoke(main, ["analyze", str(path), "--format", "json", "--date", "2017-03-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, load_schema())
    assert data["article"]["published"] == "2017-03-01"
    ids = {a["id"] for a in data["actors"]}
    assert {"RUS", "TUR"} <= ids
    for actor in data["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "entente analysis"


def test_user_actor_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n  - {id: ACME_PMC, kind: armed_group, name: Acme Security, forms: [Acme Security, Acme]}\n"
    )
    article = tmp_path / "a.txt"
    article.write_text("Fighters of Acme Security crossed into Mali, officials in Bamako said.\n")
    result = CliRunner().invoke(main, ["analyze", str(article), "--format", "json", "--actors", str(extra)])
    assert result.exit_code == 0, result.output
    ids = {a["id"] for a in json.loads(result.stdout)["actors"]}
    assert "W003" in result.stderr  # no date given: relative dates stay unresolved
    assert {"ACME_PMC", "MLI"} <= ids


def test_malformed_actor_file_is_a_clear_error(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("actors: [ {id: X, forms: [unclosed\n")
    article = tmp_path / "a.txt"
    article.write_text("Russia said so.\n")
    result = CliRunner().invoke(main, ["analyze", str(article), "--actors", str(extra)])
    assert result.exit_code == 5
    assert str(extra) in result.output and "Traceback" not in result.output


def test_standard_input() -> None:
    text = "Beijing and Moscow signed a gas deal on Tuesday, the Kremlin said.\n"
    result = CliRunner().invoke(
        main, ["analyze", "-", "--format", "json", "--date", "2019-05-07"], input=text
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["source"] == "-"
    assert {"CHN", "RUS"} <= {a["id"] for a in data["actors"]}


def test_text_report_names_the_actors(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Ankara and Athens\n\nTurkey accused Greece of provocations in the Aegean, Ankara said.\n"
    )
    result = CliRunner().invoke(main, ["analyze", str(path), "--date", "2020-08-01"])
    assert result.exit_code == 0, result.output
    assert "ACTORS" in result.stdout and "TUR" in result.stdout and "GRC" in result.stdout
    assert "EVENTS" in result.stdout


def test_demo_ingests_a_sample_of_the_corpus_into_the_store(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(main, ["demo", "--limit", "4", "--db", db])
    assert result.exit_code == 0, result.output
    assert "ingested 4" in result.stdout and "In the store: 4 articles" in result.stdout
    again = CliRunner().invoke(main, ["demo", "--limit", "4", "--db", db])
    assert again.exit_code == 0, again.output
    assert "ingested 0" in again.stdout and "4 already there" in again.stdout
