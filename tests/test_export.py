"""The export formats on hand-made bundles (no store): GEXF's dynamic structure, the relations
table's columns, an empty period."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from entente.export import FORMATS, Bundle
from entente.export.gexf import _merge
from entente.graph.network import graph_from_table
from entente.graph.score import score_frame
from entente.graph.series import COLUMNS, COUNT_COLUMNS
from entente.graph.windows import parse_window

NS = {"g": "http://gexf.net/1.3"}


def _rows() -> pd.DataFrame:
    rows = []
    for a, b, start, end, coop, conflict in [
        ("CHN", "JPN", date(2017, 2, 1), date(2017, 2, 28), 0.0, 3.0),
        ("CHN", "JPN", date(2017, 3, 1), date(2017, 3, 31), 1.0, 1.0),
        ("MEX", "USA", date(2017, 3, 1), date(2017, 3, 31), 1.0, 0.0),
    ]:
        row: dict[str, object] = {c: 0 for c in COUNT_COLUMNS}
        row.update(a=a, b=b, window_start=start, window_end=end, coop=coop, conflict=conflict)
        row.update(events=int(coop + conflict))
        rows.append(row)
    return score_frame(pd.DataFrame(rows))[COLUMNS]


def _bundle(table: pd.DataFrame) -> Bundle:
    whole = table.groupby(["a", "b"], as_index=False)[COUNT_COLUMNS].sum()
    g = graph_from_table(score_frame(whole), {"CHN": ("China", "state")})
    return Bundle(date(2017, 2, 1), date(2017, 3, 31), parse_window("month"), g, table)


def test_touching_windows_merge_into_one_spell() -> None:
    feb, mar = (date(2017, 2, 1), date(2017, 2, 28)), (date(2017, 3, 1), date(2017, 3, 31))
    may = (date(2017, 5, 1), date(2017, 5, 31))
    assert _merge([mar, feb, may]) == [(date(2017, 2, 1), date(2017, 3, 31)), may]


def test_gexf_values_follow_the_windows(tmp_path: Path) -> None:
    out = tmp_path / "n.gexf"
    FORMATS["gexf"](_bundle(_rows()), out)
    graph = ET.parse(out).getroot().find("g:graph", NS)
    assert graph is not None and graph.get("mode") == "dynamic"
    edge = graph.find("g:edges/g:edge[@id='CHN|JPN']", NS)
    assert edge is not None
    signs = [
        (v.get("start"), v.get("end"), v.get("value"))
        for v in edge.iterfind("g:attvalues/g:attvalue", NS)
        if v.get("for") == "sign"
    ]
    # February 0 of 3 cooperative: -1; March 1 and 1: the evidence cancels, sign 0
    assert signs == [("2017-02-01", "2017-02-28", "-1"), ("2017-03-01", "2017-03-31", "0")]
    node = graph.find("g:nodes/g:node[@id='MEX']", NS)
    assert node is not None
    assert [(s.get("start"), s.get("end")) for s in node.iterfind("g:spells/g:spell", NS)] == [
        ("2017-03-01", "2017-03-31")
    ]
    assert graph.find("g:nodes/g:node[@id='CHN']", NS).get("label") == "China"  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_empty_period_writes_valid_files(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{fmt}"
    FORMATS[fmt](_bundle(pd.DataFrame(columns=COLUMNS)), out)
    if fmt == "gexf":
        assert ET.parse(out).getroot().find("g:graph/g:edges", NS) is not None
    elif fmt == "graphml":
        assert nx.read_graphml(out).number_of_edges() == 0
    elif fmt == "json":
        assert json.loads(out.read_text())["edges"] == []
    elif fmt == "csv":
        assert list(pd.read_csv(out).columns) == COLUMNS
    else:
        assert list(pd.read_parquet(out).columns) == COLUMNS


def test_gexf_cuts_windows_at_the_period(tmp_path: Path) -> None:
    table = _rows()
    table.loc[0, "window_start"] = date(2017, 1, 30)  # a week that starts before the period
    out = tmp_path / "n.gexf"
    FORMATS["gexf"](_bundle(table), out)
    graph = ET.parse(out).getroot().find("g:graph", NS)
    assert graph is not None
    starts = {s.get("start") for s in graph.iterfind(".//g:spell", NS)}
    starts |= {v.get("start") for v in graph.iterfind(".//g:attvalue[@start]", NS)}
    assert min(x for x in starts if x) == "2017-02-01"
