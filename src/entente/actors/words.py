"""The word lists the actor rules read from ``data/patterns.yaml``, in one place."""

from __future__ import annotations

from spacy.language import Language

from entente.actors.kb import KnowledgeBase


class WordLists:
    """Base of the actor component's rule mixins: the knowledge base and its word lists."""

    kb: KnowledgeBase
    institutions: frozenset[str]
    institutions_lower: frozenset[str]
    leader_heads: frozenset[str]
    leader_suffixes: frozenset[str]
    container_ok: frozenset[str]
    unresolved_labels: frozenset[str]
    feature_before: frozenset[str]
    feature_after: frozenset[str]
    person_before: frozenset[str]
    capital_named_after: frozenset[str]
    name_continuations_ok: frozenset[str]
    place_prepositions: frozenset[str]
    honorifics: frozenset[str]
    state_institution_heads: frozenset[str]
    non_state_groups: frozenset[str]
    attitude_prefixes: frozenset[str]
    conflict_name_words: frozenset[str]
    territory_place_prepositions: frozenset[str]
    state_force_heads: frozenset[str]
    institution_of_heads: frozenset[str]
    head_lengths: list[int]  # token lengths of the state institution heads, longest first

    def load_words(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self.institutions = kb.words("institution_nouns")
        self.institutions_lower = frozenset(w.lower() for w in self.institutions)
        self.leader_heads = kb.words("leader_heads")
        self.leader_suffixes = kb.words("leader_suffixes")
        self.container_ok = kb.words("container_labels_ok")
        self.unresolved_labels = kb.words("unresolved_labels")
        self.feature_before = kb.words("feature_before")
        self.feature_after = kb.words("feature_after")
        self.person_before = kb.words("person_before")
        self.capital_named_after = kb.words("capital_named_after")
        self.name_continuations_ok = kb.words("name_continuations_ok")
        self.place_prepositions = kb.words("place_prepositions")
        self.honorifics = kb.words("honorifics")
        self.state_institution_heads = kb.words("state_institution_heads")
        self.non_state_groups = kb.words("non_state_groups")
        self.attitude_prefixes = kb.words("attitude_prefixes")
        self.conflict_name_words = kb.words("conflict_name_words")
        self.territory_place_prepositions = kb.words("territory_place_prepositions")
        self.state_force_heads = kb.words("state_force_heads")
        self.institution_of_heads = kb.words("institution_of_heads")
        heads = self.state_institution_heads | self.state_force_heads | self.institution_of_heads
        self.head_lengths = sorted({len(nlp.make_doc(h)) for h in heads}, reverse=True)
