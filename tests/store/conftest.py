"""Fixtures for the store tests: a migrated database, workspaces, news-like articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.domain import events as ev
from claimledger.domain.clock import format_stamp
from claimledger.domain.events import Event
from claimledger.domain.ids import article_id_for
from claimledger.store import Database

HARBOUR = """\
Council backs $48 million plan to dredge Eastmoor harbour

By Priya Lindqvist-Obi

EASTMOOR, May 4 - The Eastmoor council voted 7-2 on Monday to spend $48 million dredging \
the town's harbour, which harbour master Colm Reddan said had lost 1.2 metres of depth since \
2019.

"Without this work, the ferries will stop running at low tide by 2028," Reddan told the \
meeting. Councillor Ines Barros said the figure had been "plucked from the air" and voted \
against.

The state will pay 60 percent of the cost, according to a letter from the transport \
ministry seen by the Gazette. The ministry declined to comment on Monday.
"""

CLINIC = """\
Clinic waiting times fall to 19 days, health board says

By Tomasz Erikson

Average waiting times at the Northgate clinic fell to 19 days in April from 31 days a year \
earlier, the regional health board said on Thursday.

Dr. Amara Oyelowo, the board's medical director, said 14 new nurses had been hired since \
January. "We are not where we want to be, but the trend is clear," she said.

Patients' groups said the board had excluded 2,300 referrals from its count, a claim the \
board denied.
"""

EMOJI = """\
Festival sells out in 40 minutes 🎉 as prices rise 12%

By Lea Mbeki

Tickets for the Riverside Festival sold out in 40 minutes on Friday 🎟️, organisers said, \
even though prices rose 12 percent to $89.

"We sold 45,000 tickets, a record 🚀," festival director Jonas Ferreira said. Resale sites \
listed tickets at up to $400 within the hour.
"""

ARTICLES = {"harbour.txt": HARBOUR, "clinic.txt": CLINIC, "emoji.txt": EMOJI}


@pytest.fixture
def db(tmp_path: Path):
    database = Database(tmp_path / "store.sqlite")
    yield database
    database.close()


@pytest.fixture
def article_files(tmp_path: Path) -> dict[str, Path]:
    """Three small news articles written to files; keys are the file names."""
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {}
    for name, body in ARTICLES.items():
        path = folder / name
        path.write_text(body, encoding="utf-8")
        paths[name] = path
    return paths


@pytest.fixture
def open_workspace(tmp_path: Path):
    """open_workspace(name="Ana", path=None) -> an open Workspace, closed after the test."""
    from claimledger.workspace import Workspace

    opened = []

    def _open(name: str = "Ana", path: Path | None = None):
        workspace = Workspace(path or tmp_path / "workspace.sqlite", name)
        opened.append(workspace)
        return workspace

    yield _open
    for workspace in opened:
        workspace.close()


def _imported_event(text: str, spans: list[tuple[int, int]], *, author: str = "author-a",
                    hlc: str | None = None, title: str = "A title") -> Event:
    payload = {
        "article": article_id_for(text), "title": title, "outlet": "The Gazette",
        "author": "By A. Writer", "url": None, "published": "2026-05-04",
        "retrieved": "2026-05-05T10:00:00Z", "filename": None, "encoding": "utf-8",
        "text": text, "statements": [[s, e, "claim", "body"] for s, e in spans],
    }
    return Event.new(ev.ARTICLE_IMPORTED, author, hlc or format_stamp(1_000, 0), payload)


@pytest.fixture
def imported_event():
    """imported_event(text, spans, author=, hlc=, title=) -> an article.imported event built
    by hand, so the log can be tested without the text pipeline."""
    return _imported_event
