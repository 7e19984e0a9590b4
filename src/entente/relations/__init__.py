"""Relations between an article's actors: signed, weighted, with the text behind them; and triads.

Call :func:`find_relations` with the parsed ``Doc`` and the components' records::

    relations, triads = find_relations(doc, mentions, events, quotes, people)
"""

from entente.relations.find import find_relations
from entente.relations.triads import find_triads

__all__ = ["find_relations", "find_triads"]
