"""The alignment network across the store (entente.graph series/network/explain, the graph,
explain and export commands), on small stores of hand-made analyses, on SQLite and PostgreSQL.

The store: five articles, February-March 2017 (the expected values are worked out by hand in
the comments).

- ``wire`` (2017-02-06, Reuters): RUS AGREE IRN (asserted), RUS SUPPORT IRN (hypothetical), USA
  ACCUSE IRN (asserted), USA ACCUSE RUS (attributed); Lavrov (RUS) quoted, stance IRN +0.8,
  USA -0.5.
- ``copy`` (2017-02-07): the same wire story re-posted: a syndicated copy, never counted.
- ``feb`` (2017-02-20): RUS CONSULT SAU, IRN ACCUSE SAU (asserted), RUS COOPERATE IRN (negated);
  the relation IRN-RUS with a statement ("strategic partnership", +) and an event piece (not
  counted again).
- ``mar`` (2017-03-05): RUS ACCUSE IRN, USA AGREE SAU (asserted); USA ACCUSE RUS dated
  2017-01-31 in the text (outside February-March).
- ``last`` (2017-03-31): CHN ACCUSE USA (asserted), on the last day.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from entente.cli import main
from entente.graph import dyad_series, dyad_trend, explain, network, relations_table
from entente.graph.network import balance, balance_series, edge_table
from entente.graph.windows import parse_window, window_of, windows_between
from entente.records import (
    Actor,
    Analysis,
    ArticleInfo,
    Event,
    EventDate,
    Quote,
    Relation,
    RelationEvidence,
    Span,
    article_id,
)
from entente.store import Store, open_store
from store_helpers import UNRELATED, WIRE, WIRE_EDITED, varied_articles

FEB, MAR = date(2017, 2, 1), date(2017, 3, 31)
NAMES = {
    "RUS": "Russia",
    "IRN": "Iran",
    "USA": "United States",
    "SAU": "Saudi Arabia",
    "CHN": "China",
}
QUAD = {
    "AGREE": ("verbal_coop", 5.0),
    "SUPPORT": ("material_coop", 7.0),
    "CONSULT": ("verbal_coop", 2.0),
    "COOPERATE": ("material_coop", 6.0),
    "ACCUSE": ("verbal_conflict", -4.0),
}


def _span(text: str, start: int = 0) -> Span:
    return Span(start, start + len(text), text)


def _event(
    source: str, kind: str, target: str, status: str = "asserted", sentence: str = "", when: str | None = None
) -> Event:
    quad, intensity = QUAD[kind]
    sentence = sentence or f"{NAMES[source]} {kind.lower()}s {NAMES[target]}."
    return Event(
        source=source,
        target=target,
        type=kind,
        quad_class=quad,
        intensity=intensity,
        status=status,  # type: ignore[arg-type]
        trigger=_span(kind.lower()),
        evidence=_span(sentence),
        attributed_to="officials" if status == "attributed" else None,
        date=EventDate(when, "day") if when else None,
    )


def _analysis(
    text: str,
    published: date,
    outlet: str,
    title: str,
    events: tuple[Event, ...] = (),
    quotes: tuple[Quote, ...] = (),
    relations: tuple[Relation, ...] = (),
) -> Analysis:
    named = sorted({e.source for e in events} | {e.target for e in events if e.target} | {"RUS", "IRN"})
    return Analysis(
        article=ArticleInfo(
            source=f"{title}.txt",
            title=title,
            outlet=outlet,
            published=published,
            date_source="option",
            text=text,
            input_format="text",
            language="en",
            id=article_id(text),
            url=f"https://example.org/{title}",
            input=text,
        ),
        actors=tuple(Actor(a, NAMES[a], "state") for a in named),
        mentions=(),
        people=(),
        quotes=quotes,
        events=events,
        relations=relations,
    )


LAVROV = Quote(
    content=(_span("Iran is our partner and Washington is wrong"),),
    kind="direct",
    speaker=_span("Lavrov"),
    speaker_name="Sergei Lavrov",
    speaker_actor="RUS",
    stance=(("IRN", 0.8), ("USA", -0.5)),
)
WIRE_EVENTS = (
    _event("RUS", "AGREE", "IRN", sentence="Russia and Iran signed a defence cooperation treaty."),
    _event("RUS", "SUPPORT", "IRN", "hypothetical", "Moscow might supply missiles to Tehran."),
    _event("USA", "ACCUSE", "IRN"),
    _event("USA", "ACCUSE", "RUS", "attributed"),
)
PARTNERSHIP = Relation(
    pair=("IRN", "RUS"),
    sign="+",
    weight=0.9,
    evidence=(
        RelationEvidence(
            _span("strategic partnership"),
            "statement",
            "+",
            0.6,
            _span("Iran and Russia have built a strategic partnership."),
            "partnership",
        ),
        RelationEvidence(_span("treaty"), "event", "+", 0.5, None, "AGREE"),
    ),
)
VARIED = varied_articles(3)


def corpus() -> list[Analysis]:
    return [
        _analysis(WIRE, date(2017, 2, 6), "Reuters", "wire", WIRE_EVENTS, (LAVROV,)),
        _analysis(WIRE_EDITED, date(2017, 2, 7), "Tehran Times", "copy", WIRE_EVENTS, (LAVROV,)),
        _analysis(
            VARIED[0],
            date(2017, 2, 20),
            "Al Arabiya",
            "feb",
            (
                _event("RUS", "CONSULT", "SAU"),
                _event("IRN", "ACCUSE", "SAU"),
                _event("RUS", "COOPERATE", "IRN", "negated", "Russia has not delivered the S-300s to Iran."),
            ),
            relations=(PARTNERSHIP,),
        ),
        _analysis(
            VARIED[1],
            date(2017, 3, 5),
            "TASS",
            "mar",
            (
                _event("RUS", "ACCUSE", "IRN"),
                _event("USA", "AGREE", "SAU"),
                _event("USA", "ACCUSE", "RUS", when="2017-01-31"),
            ),
        ),
        _analysis(UNRELATED, date(2017, 3, 31), "Xinhua", "last", (_event("CHN", "ACCUSE", "USA"),)),
    ]


@pytest.fixture
def store(store_url: str) -> Store:
    s = open_store(store_url)
    outcomes = [s.write(a).outcome for a in corpus()]
    assert outcomes == ["new", "duplicate", "new", "new", "new"]
    return s


def _row(frame: pd.DataFrame, a: str, b: str) -> pd.Series:
    rows = frame[(frame["a"] == a) & (frame["b"] == b)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# ------------------------------------------------------------------ windows


def test_windows() -> None:
    assert window_of(date(2017, 2, 15), parse_window("week"), FEB) == (date(2017, 2, 13), date(2017, 2, 19))
    assert window_of(date(2017, 2, 15), parse_window("month"), FEB) == (date(2017, 2, 1), date(2017, 2, 28))
    assert window_of(date(2017, 2, 15), parse_window("10d"), FEB) == (date(2017, 2, 11), date(2017, 2, 20))
    assert parse_window("2w").days == 14
    assert windows_between(FEB, MAR, parse_window("month")) == [
        (date(2017, 2, 1), date(2017, 2, 28)),
        (date(2017, 3, 1), date(2017, 3, 31)),
    ]
    assert len(windows_between(FEB, MAR, parse_window("10d"))) == 6  # 59 days
    with pytest.raises(ValueError):
        parse_window("fortnight")


# ------------------------------------------------------------------ dyad series


def test_dyad_series_counts_the_syndicated_copy_once(store: Store) -> None:
    s = dyad_series(store, "RUS", "IRN", FEB, MAR, window="month")
    assert list(s["window_start"]) == [date(2017, 2, 1), date(2017, 3, 1)]
    assert list(s["a"]) == ["IRN", "IRN"] and list(s["b"]) == ["RUS", "RUS"]
    feb, mar = s.iloc[0], s.iloc[1]
    # February: one AGREE (the copy's is not counted), a hypothetical and a negated event (not
    # happened), Lavrov's +0.8 toward Iran (a quote, 0.5) and "strategic partnership" (0.5)
    assert (feb.events, feb.verbal_coop, feb.asserted, feb.hypothetical, feb.negated) == (1, 1, 1, 1, 1)
    assert (feb.quotes, feb.quotes_coop, feb.statements, feb.statements_coop) == (1, 1, 1, 1)
    assert (feb.coop, feb.conflict) == (2.0, 0.0)
    # Wilson for 2 of 2: [0.342, 1] -> [-0.315, 1]
    assert feb.score == 1.0 and feb.score_low == pytest.approx(-0.3152, abs=1e-3) and feb.score_high == 1.0
    assert (mar.events, mar.verbal_conflict, mar.coop, mar.conflict, mar.score) == (1, 1, 0.0, 1.0, -1.0)


def test_trend_tells_few_events_from_a_change(store: Store) -> None:
    s = dyad_series(store, "IRN", "RUS", FEB, MAR)
    t = dyad_trend(s)
    # 2 of 2 cooperative, then 0 of 1: pooled 2/3, z = -1 / sqrt(2/9 * 1.5) = -1.732, p = 0.083
    assert t.halves.z == pytest.approx(-1.732, abs=1e-3)
    assert t.direction == "steady" and t.p_value == pytest.approx(0.0833, abs=1e-3)
    assert (t.first_score, t.second_score) == (1.0, -1.0)


def test_weekly_windows_and_boundaries(store: Store) -> None:
    s = dyad_series(store, "USA", "RUS", FEB, MAR, window="week")
    assert s["window_start"].iloc[0] == date(2017, 1, 30)  # the Monday of 2017-02-01's week
    assert s["window_end"].iloc[-1] == date(2017, 4, 2)
    assert len(s) == 9
    # USA ACCUSE RUS dated 2017-01-31 in the text is before the first day asked for
    assert int(s["events"].sum()) == 1 and s["conflict"].sum() == 1.5  # the attributed one + Lavrov's -0.5
    whole = dyad_series(store, "USA", "RUS", date(2017, 1, 1), MAR, window="month")
    assert list(whole["events"]) == [1, 1, 0]  # January (dated in the text), February, March


def test_relations_table_one_row_per_pair_and_window(store: Store) -> None:
    t = relations_table(store, FEB, MAR, window="month")
    required = ["a", "b", "window_start", "window_end", "score", "score_low", "score_high"]
    assert set([*required, "events", "coop", "conflict", "quotes"]) <= set(t.columns)
    assert not t.duplicated(["a", "b", "window_start"]).any()
    pairs = {(r["a"], r["b"], r["window_start"].month) for r in t.to_dict("records")}
    assert pairs == {
        ("IRN", "RUS", 2),
        ("IRN", "RUS", 3),
        ("IRN", "USA", 2),
        ("RUS", "USA", 2),
        ("RUS", "SAU", 2),
        ("IRN", "SAU", 2),
        ("SAU", "USA", 3),
        ("CHN", "USA", 3),
    }
    assert relations_table(store, FEB, date(2017, 3, 30)).query("a == 'CHN'").empty  # the last day left out
    only = relations_table(store, FEB, MAR, actors=["IRN", "RUS", "USA"])
    assert set(zip(only["a"], only["b"], strict=True)) == {("IRN", "RUS"), ("IRN", "USA"), ("RUS", "USA")}


# ------------------------------------------------------------------ network and balance


def test_network_edges_and_signs(store: Store) -> None:
    g = network(store, FEB, MAR)
    signs = {tuple(sorted((u, v))): d["sign"] for u, v, d in g.edges(data=True)}
    assert signs == {
        ("IRN", "RUS"): 1,  # coop 2, conflict 1
        ("IRN", "USA"): -1,
        ("RUS", "USA"): -1,  # attributed ACCUSE + Lavrov's -0.5
        ("RUS", "SAU"): 1,
        ("IRN", "SAU"): -1,
        ("SAU", "USA"): 1,
        ("CHN", "USA"): -1,
    }
    e = g["IRN"]["RUS"]
    assert (e["events"], e["coop"], e["conflict"], e["quotes"], e["statements"]) == (2, 2.0, 1.0, 1, 1)
    assert e["score"] == pytest.approx(1 / 3) and e["score_low"] < 0 < e["score_high"]
    assert g["RUS"]["USA"]["conflict"] == 1.5 and g["RUS"]["USA"]["quotes"] == 1
    assert g.nodes["SAU"]["name"] == "Saudi Arabia"
    top = network(store, FEB, MAR, top=2)
    assert top.number_of_edges() == 2
    assert {tuple(sorted(e)) for e in network(store, FEB, MAR, actors=["IRN", "RUS"]).edges} == {
        ("IRN", "RUS")
    }


def test_balance_of_the_period(store: Store) -> None:
    result = balance(network(store, FEB, MAR))
    verdicts = {t.actors: t.balanced for t in result.triads}
    assert verdicts == {
        ("IRN", "RUS", "USA"): True,  # + - -
        ("IRN", "RUS", "SAU"): False,  # + - +
        ("IRN", "SAU", "USA"): True,  # - - +
        ("RUS", "SAU", "USA"): False,  # + - +
    }
    assert result.balanced == 2 and result.share == 0.5
    # camps {IRN, RUS, CHN} and {USA, SAU}: only RUS-SAU (+) crosses
    assert result.frustration.index == 1 and result.frustration.method == "exact"
    assert result.actors["RUS"].balanced == 1 and result.actors["RUS"].triads == 3
    series = balance_series(store, FEB, MAR, window="month")
    # February: IRN-RUS-USA (+ - -) balanced, IRN-RUS-SAU (+ - +) not; March has no triangle
    assert list(series["triads"]) == [2, 0]
    assert list(series["balanced"]) == [1, 0]


def test_edge_table_strongest_first(store: Store) -> None:
    t = edge_table(store, FEB, MAR)
    assert list(t["strength"]) == sorted(t["strength"], reverse=True)
    assert (t.iloc[0]["a"], t.iloc[0]["b"]) == ("RUS", "USA")  # net 1.5


# ------------------------------------------------------------------ explain


def test_explain_names_the_third_parties(store: Store) -> None:
    x = explain(store, "RUS", "IRN", FEB, MAR)
    assert x.names == ("Russia", "Iran")
    assert (x.relation.coop, x.relation.conflict) == (2.0, 1.0)
    assert [(p.actor, p.balanced) for p in x.together] == [("USA", True)]
    assert x.together[0].reading == "shared hostility to USA pushes RUS and IRN together"
    assert [(p.actor, p.balanced) for p in x.apart] == [("SAU", False)]
    assert x.apart[0].reading == "RUS's ties to SAU, a foe of IRN, hold RUS and IRN apart"
    texts = [e.text for e in x.evidence]
    assert "Russia and Iran signed a defence cooperation treaty." in texts
    assert "Iran and Russia have built a strategic partnership." in texts
    treaty = next(e for e in x.evidence if e.text.startswith("Russia and Iran signed"))
    assert treaty.source.url == "https://example.org/wire" and treaty.source.outlet == "Reuters"
    assert treaty.source.published == date(2017, 2, 6)
    assert [q.detail.split(" toward")[0] for q in x.quotes] == ["Sergei Lavrov (RUS)"]
    assert {e.text for e in x.not_counted} == {
        "Moscow might supply missiles to Tehran.",
        "Russia has not delivered the S-300s to Iran.",
    }
    assert x.trend.direction == "steady"


# ------------------------------------------------------------------ export


def _export(store: Store, tmp_path: Path, fmt: str, *extra: str) -> tuple[Path, str]:
    out = tmp_path / f"net.{fmt}"
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(out),
            "--db",
            store.url,
            "--format",
            fmt,
            "--from",
            "2017-02-01",
            "--to",
            "2017-03-31",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return out, result.output


def test_export_gexf_is_dynamic(store: Store, tmp_path: Path) -> None:
    out, _ = _export(store, tmp_path, "gexf")
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(out).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    assert [c.tag.split("}")[1] for c in root] == ["meta", "graph"]
    graph = root.find("g:graph", ns)
    assert graph is not None
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("timerepresentation")) == (
        "dynamic",
        "date",
        "interval",
    )
    assert (graph.get("start"), graph.get("end")) == ("2017-02-01", "2017-03-31")
    assert [c.tag.split("}")[1] for c in graph] == ["attributes", "attributes", "nodes", "edges"]
    declared = {a.get("id") for a in graph.iterfind("g:attributes[@class='edge']/g:attribute", ns)}
    assert {
        "score",
        "score_low",
        "score_high",
        "events",
        "coop",
        "conflict",
        "quotes",
        "sign",
        "weight",
    } <= declared
    edges = {e.get("id"): e for e in graph.iterfind("g:edges/g:edge", ns)}
    assert len(edges) == 7
    pair = edges["IRN|RUS"]
    spells = [(s.get("start"), s.get("end")) for s in pair.iterfind("g:spells/g:spell", ns)]
    assert spells == [("2017-02-01", "2017-02-28"), ("2017-03-01", "2017-03-31")]
    scores = [
        (v.get("start"), v.get("value"))
        for v in pair.iterfind("g:attvalues/g:attvalue", ns)
        if v.get("for") == "score"
    ]
    assert scores == [("2017-02-01", "1"), ("2017-03-01", "-1")]
    for value in graph.iterfind("g:edges/g:edge/g:attvalues/g:attvalue", ns):
        assert value.get("for") in declared and value.get("start") and value.get("end")
    nodes = {n.get("id"): n for n in graph.iterfind("g:nodes/g:node", ns)}
    assert nodes["SAU"].get("label") == "Saudi Arabia"
    assert [(s.get("start"), s.get("end")) for s in nodes["IRN"].iterfind("g:spells/g:spell", ns)] == [
        ("2017-02-01", "2017-03-31")
    ]
    assert {e.get("source") for e in edges.values()} | {e.get("target") for e in edges.values()} <= set(nodes)


def test_export_graphml_parquet_csv_json(store: Store, tmp_path: Path) -> None:
    out, _ = _export(store, tmp_path, "graphml")
    g = nx.read_graphml(out)
    assert g.number_of_edges() == 7 and g["IRN"]["RUS"]["sign"] == 1 and g["CHN"]["USA"]["sign"] == -1
    out, _ = _export(store, tmp_path, "parquet")
    t = pd.read_parquet(out)
    columns = ["a", "b", "window_start", "window_end", "score", "score_low", "score_high"]
    assert set([*columns, "events", "coop", "conflict", "quotes"]) <= set(t.columns)
    assert len(t) == 8
    feb = t[(t["a"] == "IRN") & (t["b"] == "RUS")].sort_values("window_start").iloc[0]
    assert (feb["events"], feb["coop"], feb["quotes"]) == (1, 2.0, 1)
    out, _ = _export(store, tmp_path, "csv", "--window", "week", "--top", "2")
    t = pd.read_csv(out)
    # the two strongest: RUS-USA (net 1.5), then IRN-RUS (net 1, the most evidence among the ties)
    assert set(zip(t["a"], t["b"], strict=True)) == {("RUS", "USA"), ("IRN", "RUS")}
    # weeks from Monday: the wire (02-06), "feb" (02-20), "mar" (Sunday 03-05: the week of 02-27)
    assert set(t["window_start"]) == {"2017-02-06", "2017-02-20", "2017-02-27"}
    out, _ = _export(store, tmp_path, "json")
    data = json.loads(out.read_text())
    assert data["window"] == "month" and len(data["edges"]) == 7 and len(data["windows"]) == 8
    assert data["balance"]["triads"] == 4 and data["balance"]["frustration"] == 1


# ------------------------------------------------------------------ the commands


def test_graph_command(store: Store) -> None:
    result = CliRunner().invoke(
        main, ["graph", "--db", store.url, "--from", "2017-02-01", "--to", "2017-03-31", "--top", "10"]
    )
    assert result.exit_code == 0, result.output
    assert "the 7 strongest relations" in result.output
    assert "IRN-RUS" in result.output and "blocs" in result.output
    assert (
        "2 of 4 triads balanced" in result.output
        and "frustration index 1 of 7 edges (exact)" in result.output
    )


def test_explain_command(store: Store) -> None:
    result = CliRunner().invoke(
        main, ["explain", "RUS", "IRN", "--db", store.url, "--from", "2017-02-01", "--to", "2017-03-31"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "shared hostility to USA pushes RUS and IRN together (balanced triad)" in out
    assert "RUS's ties to SAU, a foe of IRN, hold RUS and IRN apart (unbalanced triad)" in out
    assert "https://example.org/wire" in out and "Sergei Lavrov" in out
    assert "trend by 2 month windows: steady" in out


def test_bad_window_is_a_usage_error(store: Store) -> None:
    result = CliRunner().invoke(main, ["explain", "RUS", "IRN", "--db", store.url, "--window", "often"])
    assert result.exit_code == 2 and "not a window" in result.output


def test_undated_evidence_counts_in_the_network_not_in_windows(store_url: str) -> None:
    s = open_store(store_url)
    undated = _analysis(VARIED[2], date(2017, 2, 1), "Blog", "undated", relations=(PARTNERSHIP,))
    undated = Analysis(
        article=ArticleInfo(**{**undated.article.__dict__, "published": None}),
        actors=undated.actors,
        mentions=(),
        people=(),
        relations=undated.relations,
    )
    s.write(undated)
    g = network(s)  # no bounds: the statement without a day counts
    assert g["IRN"]["RUS"]["statements"] == 1 and g["IRN"]["RUS"]["coop"] == 0.5
    assert network(s, FEB, MAR).number_of_edges() == 0  # bounds: it has no day in them
    assert relations_table(s).empty  # and no window holds it
    x = explain(s, "IRN", "RUS")
    assert x.counts["statements"] == 1 and x.relation.coop == 0.5
    assert [e.text for e in x.evidence] == ["Iran and Russia have built a strategic partnership."]
