"""Text with an offset map: every character knows where it came from.

``MappedText.offsets[i]`` is the index in the source string of character ``i``
of ``text``; one extra entry holds the source length. Edits copy, replace or
drop characters, so a copied character always satisfies
``source[offsets[i]] == text[i]`` and a replacement character points at the
character it replaces.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class MappedText:
    text: str
    offsets: array  # array('l'), len(text) + 1 entries

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, array("l", range(len(text) + 1)))

    def keep(self, ranges: Iterable[tuple[int, int]]) -> MappedText:
        """Keep only the given ``[start, end)`` ranges of ``text``, in order."""
        parts: list[str] = []
        offs = array("l")
        for start, end in ranges:
            if end > start:
                parts.append(self.text[start:end])
                offs.extend(self.offsets[start:end])
        offs.append(self.offsets[-1])
        return MappedText("".join(parts), offs)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source range covered by ``text[start:end]`` (non-empty)."""
        return self.offsets[start], self.offsets[end - 1] + 1


class Editor:
    """Builds a :class:`MappedText` from a source string, left to right."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.chars: list[str] = []
        self.offs = array("l")

    def copy(self, start: int, end: int) -> None:
        if end > start:
            self.chars.append(self.source[start:end])
            self.offs.extend(range(start, end))

    def replace(self, pos: int, char: str) -> None:
        """Put ``char`` in place of the source character at ``pos``."""
        self.chars.append(char)
        self.offs.append(pos)

    def last_char(self) -> str:
        for chunk in reversed(self.chars):
            if chunk:
                return chunk[-1]
        return ""

    def result(self) -> MappedText:
        offs = array("l", self.offs)
        offs.append(len(self.source))
        return MappedText("".join(self.chars), offs)
