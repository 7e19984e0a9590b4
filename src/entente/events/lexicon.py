"""The events lexicon: PLOVER categories, verb and noun triggers, status cues.

Everything here is read from the YAML files in ``data/``; the code only gives
the data a typed shape. See ``docs/events.md`` for the file formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from entente.data import parse_yaml
from entente.errors import E, EntenteError

QUAD_CLASSES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class Category:
    name: str
    quad_class: str
    intensity: float
    target_preps: tuple[str, ...]
    mutual: bool


@dataclass(frozen=True)
class Trigger:
    """One sense of a trigger word, with the constraints that select it."""

    lemma: str
    type: str
    pos: str  # "verb", "noun" or "adj"
    needs: tuple[str, ...] = ()  # one of these must be a child (particle, prep, modifier)
    objects: tuple[str, ...] = ()  # the direct object's lemma must be one of these
    subjects: tuple[str, ...] = ()  # the subject's lemma must be one of these ("troops left X")
    target_preps: tuple[str, ...] | None = None  # None: the category's
    intensity: float | None = None  # None: the category's
    mode: str | None = None
    mutual: bool | None = None  # None: the category's
    role: str | None = None  # special handling: refuse, withdraw, respond
    object_target: bool = True  # False: the direct object is a topic ("discussed the border")

    @property
    def specificity(self) -> int:
        return len(self.needs) + len(self.objects) + len(self.subjects)


@dataclass(frozen=True)
class Lexicon:
    categories: dict[str, Category]
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    adjectives: dict[str, tuple[Trigger, ...]]
    adverbs: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)
    cues: dict[str, Any] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    agreement_nouns: frozenset[str] = frozenset()
    protect_verbs: frozenset[str] = frozenset()
    object_control_verbs: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    lead_verbs: frozenset[str] = frozenset()
    address_verbs: frozenset[str] = frozenset()

    def category(self, name: str) -> Category:
        return self.categories[name]

    def target_preps(self, trig: Trigger) -> tuple[str, ...]:
        return trig.target_preps if trig.target_preps is not None else self.categories[trig.type].target_preps

    def mutual(self, trig: Trigger) -> bool:
        return trig.mutual if trig.mutual is not None else self.categories[trig.type].mutual

    def intensity(self, trig: Trigger) -> float:
        return trig.intensity if trig.intensity is not None else self.categories[trig.type].intensity


def _read(name: str) -> Any:
    text = resources.files("entente.events").joinpath("data", name).read_text(encoding="utf-8")
    return parse_yaml(text, source=f"entente/events/data/{name}")


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if any(isinstance(v, bool) for v in value):  # YAML reads a bare on/no/yes as a boolean
        raise EntenteError(E.E008, cause=f"events/data: quote the words in {value!r} (on, no, yes, off)")
    return tuple(str(v) for v in value)


def _triggers(section: dict[str, Any], pos: str, categories: dict[str, Category], fname: str) -> dict:
    out: dict[str, list[Trigger]] = {}
    for type_, entries in (section or {}).items():
        if type_ not in categories:
            raise EntenteError(E.E008, cause=f"events/data/{fname}: unknown PLOVER category {type_!r}")
        for entry in entries or ():
            spec = {"lemma": entry} if isinstance(entry, str) else dict(entry)
            if "lemma" not in spec:
                raise EntenteError(E.E008, cause=f"events/data/{fname}: an entry of {type_} has no lemma")
            preps = spec.get("target_preps")
            trig = Trigger(
                lemma=str(spec["lemma"]).lower(),
                type=type_,
                pos=pos,
                needs=_tuple(spec.get("needs")),
                objects=_tuple(spec.get("objects")),
                subjects=_tuple(spec.get("subjects")),
                target_preps=_tuple(preps) if preps is not None else None,
                intensity=float(spec["intensity"]) if "intensity" in spec else None,
                mode=spec.get("mode"),
                mutual=bool(spec["mutual"]) if "mutual" in spec else None,
                role=spec.get("role"),
                object_target=bool(spec.get("object_target", True)),
            )
            out.setdefault(trig.lemma, []).append(trig)
    return {k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in out.items()}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped in ``entente/events/data`` (read once)."""
    plover = _read("plover.yaml")
    categories: dict[str, Category] = {}
    for name, spec in plover["categories"].items():
        if spec["quad_class"] not in QUAD_CLASSES or not -10 <= float(spec["intensity"]) <= 10:
            raise EntenteError(E.E008, cause=f"events/data/plover.yaml: bad entry for {name}")
        categories[name] = Category(
            name=name,
            quad_class=spec["quad_class"],
            intensity=float(spec["intensity"]),
            target_preps=_tuple(spec.get("target_preps")),
            mutual=bool(spec.get("mutual", False)),
        )
    verbs = _read("verbs.yaml")
    nouns = _read("nouns.yaml")
    return Lexicon(
        categories=categories,
        verbs=_triggers(verbs.get("verbs", {}), "verb", categories, "verbs.yaml"),
        nouns=_triggers(nouns.get("nouns", {}), "noun", categories, "nouns.yaml"),
        adjectives=_triggers(nouns.get("adjectives", {}), "adj", categories, "nouns.yaml"),
        adverbs=_triggers(nouns.get("adverbs", {}), "adv", categories, "nouns.yaml"),
        cues=_read("status.yaml"),
        light_verbs=frozenset(_tuple(verbs.get("light_verbs"))),
        group_nouns=frozenset(_tuple(nouns.get("group_nouns"))),
        agreement_nouns=frozenset(_tuple(nouns.get("agreement_nouns"))),
        protect_verbs=frozenset(_tuple(nouns.get("protect_verbs"))),
        object_control_verbs=frozenset(_tuple(nouns.get("object_control_verbs"))),
        role_nouns=frozenset(_tuple(nouns.get("role_nouns"))),
        lead_verbs=frozenset(_tuple(nouns.get("lead_verbs"))),
        address_verbs=frozenset(_tuple(nouns.get("address_verbs"))),
    )
