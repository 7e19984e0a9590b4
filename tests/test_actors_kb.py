"""The actor knowledge base (entente.actors.kb): loading, look-ups, dated leaders, user files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from entente import pipeline
from entente.actors.kb import KnowledgeBase, default_kb, normalise
from entente.errors import E, EntenteError
from entente.nlp import extensions as ext


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


# ------------------------------------------------------------------ loading
def test_every_state_is_loaded(kb: KnowledgeBase) -> None:
    states = [a for a in kb.actors.values() if a.kind == "state"]
    assert len(states) >= 195  # 193 UN members, 2 observers, a few others
    assert all(len(a.id) == 3 and a.id.isupper() for a in states)
    assert kb.actor("RUS").name == "Russia"


@pytest.mark.parametrize(
    ("actor_id", "kind", "of"),
    [("NATO", "organisation", None), ("HOUTHIS", "armed_group", "YEM"), ("HEZBOLLAH", "armed_group", "LBN")],
)
def test_organisations_and_armed_groups(kb: KnowledgeBase, actor_id: str, kind: str, of: str | None) -> None:
    actor = kb.actor(actor_id)
    assert (actor.kind, actor.of) == (kind, of)


def test_unknown_id_is_a_plain_actor(kb: KnowledgeBase) -> None:
    actor = kb.actor("NOPE")
    assert (actor.id, actor.kind) == ("NOPE", "other")


def test_default_kb_is_built_once() -> None:
    assert default_kb() is default_kb()


# ------------------------------------------------------------------ look-ups
@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Iranian", ["IRN"]),
        ("Iran", ["IRN"]),
        ("the Kremlin", ["RUS"]),
        ("Kremlin", ["RUS"]),
        ("Tehran", ["IRN"]),
        ("U.S.", ["USA"]),
        ("Türkiye", ["TUR"]),
        ("Côte d’Ivoire", ["CIV"]),  # curly apostrophe
        ("  the   European Union ", ["EU"]),  # spaces folded, 'the' dropped
        ("iran", ["IRN"]),  # case-folded fallback for unambiguous forms
        ("georgia", []),  # ... but not for ambiguous ones
        ("Atlantis", []),
    ],
)
def test_resolve_form(kb: KnowledgeBase, form: str, expected: list[str]) -> None:
    assert kb.resolve_form(form) == expected


def test_ambiguous_forms_are_marked(kb: KnowledgeBase) -> None:
    assert all(f.ambiguous for f in kb.lookup("Georgia"))
    assert not any(f.ambiguous for f in kb.lookup("Russia"))
    assert {f.method for f in kb.lookup("Moscow")} == {"capital"}


@pytest.mark.parametrize(("text", "key"), [("the Kremlin", "Kremlin"), ("Côte d’Ivoire", "Côte d'Ivoire")])
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


# ------------------------------------------------------------------ dated leaders
@pytest.mark.parametrize(
    ("name", "on", "actor_id", "current"),
    [
        ("Putin", date(2024, 10, 14), "RUS", True),
        ("Vladimir Putin", date(2024, 10, 14), "RUS", True),
        ("Lavrov", date(2017, 2, 7), "RUS", True),
        ("Obama", date(2017, 2, 7), "USA", False),  # latest term before the date
        ("Pezeshkian", date(2024, 10, 14), "IRN", True),
        ("Raisi", date(2024, 10, 14), "IRN", False),  # died in May 2024
        ("Merkel", date(2017, 3, 1), "DEU", True),
    ],
)
def test_leader_on_a_date(kb: KnowledgeBase, name: str, on: date, actor_id: str, current: bool) -> None:
    info = kb.leader(name, on)
    assert info is not None
    assert (info.actor_id, info.current) == (actor_id, current)


def test_leader_without_a_date_is_the_latest_term(kb: KnowledgeBase) -> None:
    info = kb.leader("Theresa May")
    assert info is not None and info.actor_id == "GBR" and not info.current


def test_ambiguous_surname_needs_someone_in_office(kb: KnowledgeBase) -> None:
    assert kb.leader("Bush", date(1996, 1, 1)) is None  # between the two presidents Bush
    info = kb.leader("Bush", date(2003, 3, 20))
    assert info is not None and info.name == "George W. Bush"


def test_unknown_person(kb: KnowledgeBase) -> None:
    assert kb.leader("Zebulon Quartermaine", date(2020, 1, 1)) is None


@pytest.mark.parametrize(
    ("actor_id", "title", "on", "name"),
    [
        ("IRN", "President", date(2024, 10, 14), "Masoud Pezeshkian"),
        ("IRN", "supreme leader", date(1995, 6, 1), "Ali Khamenei"),
        ("RUS", "president", date(1995, 6, 1), "Boris Yeltsin"),
        ("RUS", "president", date(2017, 2, 7), "Vladimir Putin"),
        ("USA", "president", date(1995, 6, 1), "Bill Clinton"),
        ("USA", "president", date(2017, 3, 1), "Donald Trump"),
        ("USA", "president", date(2024, 10, 14), "Joe Biden"),
        ("GBR", "prime minister", date(1995, 6, 1), "John Major"),
        ("GBR", "prime minister", date(2017, 3, 1), "Theresa May"),
        ("GBR", "prime minister", date(2019, 9, 24), "Boris Johnson"),
        ("DEU", "chancellor", date(1995, 6, 1), "Helmut Kohl"),
        ("FRA", "president", date(1995, 3, 1), "François Mitterrand"),
        ("FRA", "president", date(1995, 6, 1), "Jacques Chirac"),
        ("RUS", "foreign minister", date(2017, 2, 7), "Sergey Lavrov"),
        ("RUS", "head_of_state", date(2024, 10, 14), "Vladimir Putin"),
    ],
)
def test_office_holder_on_a_date(kb: KnowledgeBase, actor_id: str, title: str, on: date, name: str) -> None:
    holder = kb.office_holder(actor_id, title, on)
    assert holder is not None and holder.name == name
    assert holder.current


def test_office_holder_of_an_unknown_office(kb: KnowledgeBase) -> None:
    assert kb.office_holder("RUS", "astronaut", date(2017, 1, 1)) is None


# ------------------------------------------------------------------ user files (--actors)
USER_FILE = """\
actors:
  - {id: ACME_PMC, kind: armed_group, name: Acme Security, of: MLI, forms: [Acme Security, Acme]}
metonyms:
  - {form: the Presidential Palace of Zetland, actor: XZT}
states:
  - {id: XZT, name: Zetland, capital: Lerwick, adjectives: [Zetlandic], demonyms: [Zetlanders]}
leaders:
  - name: Jane Doe
    aliases: [Doe]
    gender: f
    terms: [{actor: XZT, office: head_of_government, title: Prime Minister, start: 2030-01-01, end: null}]
context:
  Acme: {against: [Acme Corporation], for: [militia, fighters]}
"""


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    path = tmp_path / "my-actors.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    return path


def test_user_file_adds_actors(user_file: Path) -> None:
    kb = KnowledgeBase.load([str(user_file)])
    assert kb.resolve_form("Acme Security") == ["ACME_PMC"]
    assert (kb.actor("ACME_PMC").kind, kb.actor("ACME_PMC").of) == ("armed_group", "MLI")
    assert kb.resolve_form("Zetlandic") == ["XZT"]
    assert kb.resolve_form("Lerwick") == ["XZT"]
    assert kb.resolve_form("the Presidential Palace of Zetland") == ["XZT"]
    assert kb.context["Acme"]["for"] == ["militia", "fighters"]
    assert str(user_file) in kb.sources
    jane = kb.leader("Doe", date(2031, 1, 1))
    assert jane is not None and (jane.actor_id, jane.current) == ("XZT", True)
    holder = kb.office_holder("XZT", "prime minister", date(2031, 1, 1))
    assert holder is not None and holder.name == "Jane Doe"
    assert kb.resolve_form("Kremlin") == ["RUS"]  # the shipped data is still there


def test_user_file_reaches_the_pipeline(user_file: Path) -> None:
    nlp = pipeline.build(actor_files=[str(user_file)], components=("entente_actors",))
    doc = nlp(pipeline.make_doc(nlp, "Acme Security fighters attacked a convoy near Gao.", date(2031, 1, 1)))
    assert [(m.span.text, m.actor_id) for m in ext.mentions(doc) if m.actor_id] == [
        ("Acme Security", "ACME_PMC")
    ]


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        ("actors: [{id: X, forms: [a, b]\n", "yaml syntax"),  # unclosed bracket
        ("- just\n- a list\n", "top level must be a mapping"),
        ("states:\n  - {name: Nowhere}\n", "missing id"),
        ("leaders:\n  - {name: Jane Doe, terms: [{actor: XZT, start: 2030-13-45}]}\n", "bad date"),
        ("metonyms:\n  - {form: the Palace}\n", "missing actor"),
        ("planets:\n  - {id: MARS}\n", "unknown section"),
        ("actors: 3\n", "section is not a list"),
        ("leaders:\n  - {name: Jane Doe, terms: [{actor: XZT, start: 2030-13}]}\n", "bad month"),
    ],
)
def test_malformed_user_file_is_e008(tmp_path: Path, content: str, cause: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EntenteError) as err:
        KnowledgeBase().add_file(str(path))
    assert err.value.message is E.E008, cause
    assert err.value.source == str(path)
    assert err.value.exit_status == 5


def test_missing_user_file_is_e001(tmp_path: Path) -> None:
    with pytest.raises(EntenteError) as err:
        KnowledgeBase().add_file(str(tmp_path / "absent.yaml"))
    assert err.value.message is E.E001


def test_no_sub_national_office_is_filed_under_a_state(kb: KnowledgeBase) -> None:
    """A region's president or a governor does not speak for the state (leaders.yaml conventions)."""
    words = ("region", "regional", "province", "provincial", "governor", "mayor", "autonomous")
    found = [
        (person.name, term.title)
        for person in kb.leaders
        for term in person.terms
        if kb.actor(term.actor_id).kind == "state" and any(w in term.title.casefold().split() for w in words)
    ]
    assert not found, found
