"""Bytes to text: refuse binary input, decode UTF-8 (or cp1252 with a warning)."""

from __future__ import annotations

from entente.errors import E, EntenteError, W

# Leading bytes of common binary formats, and the name used in E003.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF header"),
    (b"PK\x03\x04", "a ZIP/office-document header"),
    (b"\x89PNG", "a PNG image header"),
    (b"GIF8", "a GIF image header"),
    (b"\xff\xd8\xff", "a JPEG image header"),
    (b"\x1f\x8b", "a gzip header"),
    (b"\xd0\xcf\x11\xe0", "an old Office document header"),
    (b"7z\xbc\xaf", "a 7-Zip header"),
    (b"Rar!", "a RAR header"),
    (b"\x7fELF", "an executable header"),
    (b"RIFF", "a RIFF (audio/video/WebP) header"),
    (b"ID3", "an MP3 header"),
)
# Control characters allowed in text: tab, newline, vertical tab, form feed, carriage return.
_TEXT_CONTROLS = {9, 10, 11, 12, 13}
CONTROL_SHARE = 0.05


def _binary_cause(data: bytes) -> str | None:
    for magic, what in MAGIC:
        if data.startswith(magic):
            return what
    head = data[:65536]
    if b"\x00" in head:
        return "NUL bytes"
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls > CONTROL_SHARE * len(head):
        return f"{controls} control characters in the first {len(head)} bytes"
    return None


def _mostly_text(text: str) -> bool:
    letters = sum(c.isalpha() or c.isspace() for c in text[:65536])
    return letters >= 0.8 * min(len(text), 65536)


def decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode ``data``; return the text and warnings. Raise E002/E003/E004."""
    if not data.strip():
        raise EntenteError(E.E002, source=source, size=len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            pass
    cause = _binary_cause(data)
    if cause is not None:
        raise EntenteError(E.E003, source=source, what=cause)
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _mostly_text(text):
        return text, (W.W002.format(encoding="cp1252"),)
    raise EntenteError(E.E004, source=source, offset=first_bad)
