"""entente: read world news and map who is aligning with whom."""

from __future__ import annotations

from entente import pipeline as _pipeline
from entente.analyze import analyze, analyze_document, analyze_many, analyze_text

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_document", "analyze_many", "analyze_text", "register_components"]


def register_components() -> None:
    """Register entente's spaCy factories (done on import; call again after a registry reset)."""
    _pipeline._register_factories()


register_components()
