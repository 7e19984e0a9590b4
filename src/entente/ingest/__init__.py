"""Ingestion: read text, HTML, URLs and stdin; strip page furniture; keep offsets."""

from entente.ingest.document import Document
from entente.ingest.read import load_document, load_string, load_text

__all__ = ["Document", "load_document", "load_string", "load_text"]
