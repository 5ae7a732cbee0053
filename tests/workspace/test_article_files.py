"""Reading an article file: what a local file can do to us is refused in one sentence,
before more than the limit is read, and without waiting on a pipe or device."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from claimledger.workspace import WorkspaceError, importing
from claimledger.workspace.importing import MAX_ARTICLE_BYTES, read_article_file


def refusal(path: Path) -> str:
    with pytest.raises(WorkspaceError) as caught:
        read_article_file(path)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message
    return message


def test_an_ordinary_file_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * (3 << 20))  # more than one read's worth
    assert read_article_file(path) == b"x" * (3 << 20)


def test_a_huge_file_is_refused_by_its_size_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_ARTICLE_BYTES + 1)

    def no_read(*_args):
        raise AssertionError("the file was read")

    monkeypatch.setattr(importing.os, "read", no_read)
    assert "refused" in refusal(path)


def test_a_file_that_grows_while_read_is_cut_off_at_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x")
    served = []

    def endless(_descriptor, size):
        served.append(size)
        return b"y" * size

    monkeypatch.setattr(importing.os, "read", endless)
    assert "grew" in refusal(path)
    assert sum(served) == MAX_ARTICLE_BYTES + 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_with_no_writer_is_refused_at_once(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert "not an ordinary file" in refusal(path)


def test_a_device_is_refused(tmp_path):
    assert "not an ordinary file" in refusal(Path(os.devnull))


def test_a_folder_missing_file_and_permission_are_named(tmp_path, monkeypatch):
    assert refusal(tmp_path) == "That is a folder, not an article file."
    assert refusal(tmp_path / "none.txt") == "No such file."
    locked = tmp_path / "locked.txt"
    locked.write_bytes(b"text")

    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(locked))

    monkeypatch.setattr(importing.os, "open", denied)
    assert refusal(locked) == "The file cannot be read (permission denied)."


def test_a_read_error_is_one_sentence(tmp_path, monkeypatch):
    path = tmp_path / "disk.txt"
    path.write_bytes(b"text")

    def failing(*_args):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(importing.os, "read", failing)
    assert refusal(path) == "The file cannot be read (Input/output error)."
