"""Who this user is by default, and where their signing key may be kept: one small file
that the window and the command line both read, so both act as the same reviewer with
the same key (DESIGN §3).

`profile.json` sits in the per-user config folder next to `identities.json`:
{"reviewer": "Ana Reyes", "key_storage": "file"}. `key_storage` is the reviewer's answer
where no secure keyring exists: "file" (a key file only this user can read) or
"read-only" (no key: read, but record nothing); absent until they were asked. A damaged
file reads as empty: it only holds defaults, and the next answer rewrites it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from claimledger.atomic import atomic_write_bytes
from claimledger.exchange.identity import default_config_dir
from claimledger.workspace.errors import WorkspaceError

PROFILE_FILE = "profile.json"
KEY_IN_FILE = "file"
READ_ONLY = "read-only"
KEY_STORAGE_CHOICES = (KEY_IN_FILE, READ_ONLY)


@dataclass(frozen=True)
class Profile:
    reviewer: str = ""
    key_storage: str | None = None

    @property
    def allows_key_file(self) -> bool:
        return self.key_storage == KEY_IN_FILE


def profile_path(config_dir: Path | None = None) -> Path:
    return (Path(config_dir) if config_dir is not None else default_config_dir()) \
        / PROFILE_FILE


def load_profile(config_dir: Path | None = None) -> Profile:
    try:
        data = json.loads(profile_path(config_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Profile()
    if not isinstance(data, dict):
        return Profile()
    name = data.get("reviewer")
    storage = data.get("key_storage")
    return Profile(" ".join(name.split()) if isinstance(name, str) else "",
                   storage if storage in KEY_STORAGE_CHOICES else None)


def save_profile(profile: Profile, config_dir: Path | None = None) -> None:
    """Write the whole profile; a folder that cannot be written is one clear line."""
    path = profile_path(config_dir)
    body = {"reviewer": profile.reviewer}
    if profile.key_storage is not None:
        body["key_storage"] = profile.key_storage
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, (json.dumps(body, ensure_ascii=False, indent=2) + "\n")
                           .encode("utf-8"))
    except OSError as error:
        raise WorkspaceError(f"Your settings could not be saved in {path} "
                             f"({error.strerror or error}).") from None


def remember_reviewer(name: str, config_dir: Path | None = None) -> None:
    save_profile(replace(load_profile(config_dir), reviewer=" ".join(name.split())),
                 config_dir)


def remember_key_storage(choice: str | None, config_dir: Path | None = None) -> None:
    if choice is not None and choice not in KEY_STORAGE_CHOICES:
        raise ValueError(f"not a key storage choice: {choice!r}")
    save_profile(replace(load_profile(config_dir), key_storage=choice), config_dir)

