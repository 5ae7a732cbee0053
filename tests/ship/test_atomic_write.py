"""Where an export goes: a symbolic link is written through and stays a link; a pipe
(`-o /dev/stdout`) is written to, not replaced; a named pipe nobody reads is refused
at once."""

from __future__ import annotations

import os

import pytest

from claimledger.atomic import atomic_write


def test_a_symbolic_link_is_written_through(tmp_path):
    target = tmp_path / "report.jsonld"
    target.write_bytes(b"old")
    link = tmp_path / "latest.jsonld"
    link.symlink_to(target.name)
    atomic_write(link, lambda handle: handle.write(b"new"))
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.jsonld", "report.jsonld"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_written_to_and_left_a_pipe(tmp_path):
    pipe = tmp_path / "out.pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader, as `| wc -c` is
    try:
        atomic_write(pipe, lambda handle: handle.write(b"ledger"))
        assert os.read(reader, 100) == b"ledger" and pipe.is_fifo()
    finally:
        os.close(reader)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_nobody_reads_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "nobody.pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError):
        atomic_write(pipe, lambda handle: handle.write(b"ledger"))
    assert pipe.is_fifo()
