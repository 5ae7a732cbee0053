"""A local file kept as evidence: the workspace stores a copy under its SHA-256, and the
source's `file` field names it as "sha256:<64 hex digits>:<original name>". Ledger files
therefore carry the hash and the name, never the file; a receiver who has the same file
can show that it is the same, byte for byte."""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "sha256:"
_REFERENCE = re.compile(r"sha256:([0-9a-f]{64}):(.+)", re.DOTALL)


@dataclass(frozen=True)
class FileReference:
    sha256: str
    name: str

    def __str__(self) -> str:
        return f"{PREFIX}{self.sha256}:{self.name}"

    @property
    def short(self) -> str:
        """The first 16 hex digits, as a reader compares hashes by eye."""
        return self.sha256[:16]


def file_reference(file: str | None) -> FileReference | None:
    """The stored file a source's `file` field names, or None for a plain path."""
    match = _REFERENCE.fullmatch(file or "")
    return FileReference(match.group(1), match.group(2)) if match else None


def shown_name(file: str | None) -> str | None:
    """What to call a source's file: the original name of a stored copy, else the path."""
    reference = file_reference(file)
    return reference.name if reference else file
