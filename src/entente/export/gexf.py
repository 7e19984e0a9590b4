"""GEXF 1.3, dynamic: the network over time, for Gephi's timeline.

``<graph mode="dynamic" timeformat="date" timerepresentation="interval">``; each edge lives
in the windows where its pair has evidence (``<spells>``, one ``<spell start end>`` per window,
both days included as GEXF 1.3 reads them, cut at the period's first and last day), and its
values (score, interval, counts, sign, and ``weight``, which Gephi reads as the dynamic edge
weight) are ``<attvalue>`` elements with the
window's ``start`` and ``end``. A node lives in the windows of its edges; its name and kind
are static. The ``weight`` attribute of ``<edge>`` is the whole period's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from entente import __version__
from entente.export.bundle import Bundle

NS = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

#: the edges' dynamic attributes: id, type
EDGE_ATTRIBUTES = (
    ("score", "double"),
    ("score_low", "double"),
    ("score_high", "double"),
    ("events", "integer"),
    ("coop", "double"),
    ("conflict", "double"),
    ("quotes", "integer"),
    ("statements", "integer"),
    ("sign", "integer"),
    ("weight", "double"),
)
NODE_ATTRIBUTES = (("name", "string"), ("kind", "string"))


def _number(value: float) -> str:
    return f"{value:.6g}"


def _merge(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Windows that touch (the next starts the day after) merged into one spell."""
    out: list[tuple[date, date]] = []
    for start, end in sorted(spans):
        if out and (start - out[-1][1]).days <= 1:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def build(bundle: Bundle) -> ET.ElementTree:
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(
        f"{{{NS}}}gexf",
        {"version": "1.3", f"{{{XSI}}}schemaLocation": f"{NS} {NS}/gexf.xsd"},
    )
    meta = ET.SubElement(root, f"{{{NS}}}meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, f"{{{NS}}}creator").text = f"entente {__version__}"
    ET.SubElement(
        meta, f"{{{NS}}}description"
    ).text = f"signed alignment network from news text, {bundle.window} windows"
    windows = bundle.windows
    graph_attrs = {
        "mode": "dynamic",
        "defaultedgetype": "undirected",
        "timeformat": "date",
        "timerepresentation": "interval",
    }
    first = bundle.date_from or (windows[0][0] if windows else None)
    last = bundle.date_to or (windows[-1][1] if windows else None)
    if first is not None:
        graph_attrs["start"] = first.isoformat()
    if last is not None:
        graph_attrs["end"] = last.isoformat()
    graph = ET.SubElement(root, f"{{{NS}}}graph", graph_attrs)
    for cls, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        block = ET.SubElement(graph, f"{{{NS}}}attributes", {"class": cls})
        for name, kind in attributes:
            ET.SubElement(block, f"{{{NS}}}attribute", {"id": name, "title": name, "type": kind})

    table = bundle.table.copy()
    if len(table):  # windows cut at the period's ends (a week may start before --from)
        if first is not None:
            table["window_start"] = [max(d, first) for d in table["window_start"]]
        if last is not None:
            table["window_end"] = [min(d, last) for d in table["window_end"]]
    g = bundle.graph
    node_spans: dict[str, list[tuple[date, date]]] = {}
    for row in table.to_dict("records"):
        for n in (row["a"], row["b"]):
            node_spans.setdefault(n, []).append((row["window_start"], row["window_end"]))
    nodes = ET.SubElement(graph, f"{{{NS}}}nodes")
    for n in sorted(set(g.nodes) | set(node_spans)):
        data = g.nodes[n] if n in g else {}
        node = ET.SubElement(nodes, f"{{{NS}}}node", {"id": n, "label": str(data.get("name", n))})
        values = ET.SubElement(node, f"{{{NS}}}attvalues")
        for name, _ in NODE_ATTRIBUTES:
            ET.SubElement(values, f"{{{NS}}}attvalue", {"for": name, "value": str(data.get(name, n))})
        if node_spans.get(n):
            spells = ET.SubElement(node, f"{{{NS}}}spells")
            for start, end in _merge(node_spans[n]):
                ET.SubElement(spells, f"{{{NS}}}spell", {"start": start.isoformat(), "end": end.isoformat()})

    edges = ET.SubElement(graph, f"{{{NS}}}edges")
    for (a, b), rows in table.groupby(["a", "b"], sort=True):
        whole = g[a][b] if g.has_edge(a, b) else {}
        total = float(abs(rows["coop"].sum() - rows["conflict"].sum())) or 1.0
        edge = ET.SubElement(
            edges,
            f"{{{NS}}}edge",
            {
                "id": f"{a}|{b}",
                "source": str(a),
                "target": str(b),
                "weight": _number(float(whole.get("weight", total))),
            },
        )
        values = ET.SubElement(edge, f"{{{NS}}}attvalues")
        spells = ET.SubElement(edge, f"{{{NS}}}spells")
        for row in rows.sort_values("window_start").to_dict("records"):
            when = {"start": row["window_start"].isoformat(), "end": row["window_end"].isoformat()}
            score = float(row["score"])
            current = {
                "score": _number(score),
                "score_low": _number(float(row["score_low"])),
                "score_high": _number(float(row["score_high"])),
                "events": str(int(row["events"])),
                "coop": _number(float(row["coop"])),
                "conflict": _number(float(row["conflict"])),
                "quotes": str(int(row["quotes"])),
                "statements": str(int(row["statements"])),
                "sign": str(1 if score > 0 else -1 if score < 0 else 0),
                "weight": _number(float(abs(row["coop"] - row["conflict"])) or 1.0),
            }
            for name, _ in EDGE_ATTRIBUTES:
                ET.SubElement(values, f"{{{NS}}}attvalue", {"for": name, "value": current[name], **when})
            ET.SubElement(spells, f"{{{NS}}}spell", when)
    ET.indent(root)
    return ET.ElementTree(root)


def write(bundle: Bundle, out: Path) -> None:
    build(bundle).write(out, encoding="UTF-8", xml_declaration=True)
