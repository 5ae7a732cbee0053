"""Import hostile HTML with every file and network access watched (run as a script).

Prints one JSON line: the seconds the import took, what it tried to open or connect to,
and whether local file contents leaked into the article. tests/ship/test_hostile_input.py
runs it in a subprocess with a timeout, so a parse that hangs fails the test.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import socket
import sys
import time
from pathlib import Path

from claimledger.text import ArticleError, prepare_article

BODY = ("The council voted 6-3 on Tuesday to close the Linden Street branch, saving an "
        "estimated $410,000 a year. Visits had fallen 38 percent since 2019, a member said.")


def hostile_html(data_uri_mb: int = 20, depth: int = 5000) -> bytes:
    data_uri = "data:image/png;base64," + "A" * (data_uri_mb * 1024 * 1024)
    nested = "<div>" * depth + "<p>Deep inside, a claim: rents rose 12 percent.</p>" \
        + "</div>" * depth
    return f"""<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://remote.invalid/entity.dtd">
]>
<html><head><title>Council closes library</title>
<link rel="stylesheet" href="file:///etc/passwd">
<link rel="stylesheet" href="http://remote.invalid/style.css">
<script src="file:///etc/passwd"></script>
<script>fetch("http://remote.invalid/beacon"); document.write("INJECTED");</script>
<style>@import url("file:///etc/shadow");
  body {{ background: url(http://remote.invalid/bg.png) }}</style>
</head><body>
<h1>Council closes library</h1>
<p>{BODY}</p>
<p>Entity here: &xxe; and &remote;</p>
<img src="file:///dev/zero"><img src="file:///etc/passwd">
<img src="http://remote.invalid/pixel.gif" width="1" height="1">
<img src="{data_uri}">
<iframe src="file:///etc/passwd"></iframe><iframe src="http://remote.invalid/"></iframe>
<object data="file:///dev/zero"></object><embed src="file:///dev/urandom">
<svg><image href="file:///etc/passwd"/></svg>
{nested}
<p>The library director disputed the figure on Wednesday.</p>
</body></html>""".encode()


def offsets_ok(article) -> bool:
    """Every statement is a non-empty, trimmed, in-order slice of the article text."""
    previous = 0
    for statement in article.statements:
        piece = article.text[statement.start:statement.end]
        if not piece or piece != piece.strip() or statement.start < previous:
            return False
        previous = statement.end
    return True


class Watch:
    def __init__(self) -> None:
        self.opened: list[str] = []
        self.connected: list[str] = []
        self._saved: list[tuple[object, str, object]] = []

    def __enter__(self):
        def patch(owner, name, record):
            real = getattr(owner, name)
            self._saved.append((owner, name, real))

            def watched(*args, **kwargs):
                record(args)
                raise PermissionError(f"blocked during the import: {args[:1]!r}")

            setattr(owner, name, watched)

        patch(builtins, "open", lambda a: self.opened.append(str(a[0])))
        patch(io, "open", lambda a: self.opened.append(str(a[0])))
        patch(os, "open", lambda a: self.opened.append(str(a[0])))
        patch(socket.socket, "connect", lambda a: self.connected.append(repr(a[1:])))
        patch(socket, "create_connection", lambda a: self.connected.append(repr(a[:1])))
        patch(socket, "getaddrinfo", lambda a: self.connected.append(repr(a[:1])))
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, real in reversed(self._saved):
            setattr(owner, name, real)


def main() -> int:
    folder = Path(sys.argv[1])
    article = folder / "hostile.html"
    article.write_bytes(hostile_html())
    # warm up: lazy imports and the extractor's own data files load on first use
    prepare_article(b"<html><body><h1>Warm up</h1><p>" + BODY.encode() + b"</p></body></html>",
                    "warm.html")
    data = article.read_bytes()  # the only file the import itself reads
    started = time.perf_counter()
    error = None
    with Watch() as watch:
        try:
            prepared = prepare_article(data, article.name)
        except ArticleError as exc:
            prepared, error = None, str(exc)
    seconds = time.perf_counter() - started
    text = prepared.text if prepared else ""
    ok = offsets_ok(prepared) if prepared else None
    print(json.dumps({
        "seconds": round(seconds, 3), "opened": watch.opened, "connected": watch.connected,
        "error": error, "statements": len(prepared.statements) if prepared else 0,
        "offsets_ok": ok, "leaked": any(m in text for m in ("root:x:", "INJECTED")),
        "has_body": "voted 6-3" in text, "bytes": len(data),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
