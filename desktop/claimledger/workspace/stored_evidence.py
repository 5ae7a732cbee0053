"""Evidence that cannot change under you: a local file attached as a source is copied
into the workspace's evidence folder, named by its SHA-256, and the source records that
hash (domain.stored_evidence). Opening the source opens the copy; a reviewer who
receives the ledger can check their own copy of the file against the hash."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from claimledger.atomic import atomic_write_bytes
from claimledger.domain.records import Changes
from claimledger.domain.stored_evidence import FileReference, file_reference
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.evidence import EvidenceVerbs

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024
MAX_NAME = 200


@dataclass(frozen=True)
class StoredFile:
    """A source's stored file: its hash, original name, the date it was attached, and
    the copy in this workspace (`present` False until this reviewer has the file)."""

    sha256: str
    name: str
    attached: str | None
    path: Path
    present: bool


class StoredEvidenceVerbs(EvidenceVerbs):
    @property
    def evidence_folder(self) -> Path:
        return self.path.with_name(self.path.name + ".evidence")

    def add_source(self, claim_id: str, *, file: str | None = None, **fields
                   ) -> tuple[str, Changes]:
        """As EvidenceVerbs.add_source; a local `file` is stored first, by its hash."""
        if file and file.strip() and file_reference(file) is None:
            reference = self._stored(Path(file.strip()))
            file = str(reference)
            fields["title"] = fields.get("title") or reference.name
            if fields.get("kind", "web") == "web":
                fields["kind"] = "document"
        return super().add_source(claim_id, file=file, **fields)

    def edit_source(self, source_id: str, **changes_wanted) -> Changes:
        """As EvidenceVerbs.edit_source; a new local file is stored first, by its hash."""
        file = changes_wanted.get("file")
        if file and file.strip() and file_reference(file) is None:
            changes_wanted["file"] = str(self._stored(Path(file.strip())))
        return super().edit_source(source_id, **changes_wanted)

    def _stored(self, path: Path) -> FileReference:
        data = _read_evidence(path)
        reference = FileReference(hashlib.sha256(data).hexdigest(), _name(path))
        self._keep_copy(reference, data)
        return reference

    def stored_file(self, source_id: str) -> StoredFile | None:
        """The stored file of a source, or None when its source is a link or a path."""
        source = self._source(source_id)
        reference = file_reference(source.file)
        if reference is None:
            return None
        copy = self._copy_path(reference)
        return StoredFile(reference.sha256, reference.name, source.accessed, copy,
                          copy.is_file())

    def check_file(self, source_id: str, path: Path | str) -> bool:
        """Whether `path` is the very file the source was attached with; if it is and
        this workspace has no copy yet, it keeps one."""
        stored = self.stored_file(source_id)
        if stored is None:
            raise WorkspaceError("That source is not a stored file; there is no hash to "
                                 "check against.")
        data = _read_evidence(Path(path))
        if hashlib.sha256(data).hexdigest() != stored.sha256:
            return False
        if not stored.present:
            self._keep_copy(FileReference(stored.sha256, stored.name), data)
        return True

    def _copy_path(self, reference: FileReference) -> Path:
        return self.evidence_folder / (reference.sha256 + Path(reference.name).suffix[:16])

    def _keep_copy(self, reference: FileReference, data: bytes) -> None:
        copy = self._copy_path(reference)
        if copy.is_file():
            return
        try:
            self.evidence_folder.mkdir(exist_ok=True)
            atomic_write_bytes(copy, data, mode=0o444)
        except OSError as error:
            raise WorkspaceError(f"The file could not be stored in {self.evidence_folder} "
                                 f"({error.strerror or error}); nothing was attached.") \
                from None


def _name(path: Path) -> str:
    name = " ".join(path.name.split()) or "file"
    return name[:MAX_NAME]


def _read_evidence(path: Path) -> bytes:
    """The file's bytes, or one WorkspaceError saying why it cannot be evidence."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                             | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise WorkspaceError(f"{path.name} cannot be read ({error.strerror or error}).") \
            from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise WorkspaceError(f"{path.name} is not an ordinary file.")
        if info.st_size > MAX_EVIDENCE_BYTES:
            raise WorkspaceError(f"{path.name} is {info.st_size // (1024 * 1024)} MB; "
                                 f"evidence files over {MAX_EVIDENCE_BYTES // (1024 * 1024)} "
                                 "MB are refused.")
        with os.fdopen(os.dup(descriptor), "rb") as handle:
            data = handle.read(MAX_EVIDENCE_BYTES + 1)
    except OSError as error:
        raise WorkspaceError(f"{path.name} cannot be read ({error.strerror or error}).") \
            from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_EVIDENCE_BYTES:
        raise WorkspaceError(f"{path.name} grew past the limit while it was read.")
    return data
