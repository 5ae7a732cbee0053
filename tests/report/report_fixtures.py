"""Invented news text and report inputs for the report tests (no real articles)."""

from __future__ import annotations

import re

from claimledger.domain.status import Status
from claimledger.report.model import (
    Agreement,
    ReportArticle,
    ReportClaim,
    ReportEvent,
    ReportInput,
    ReportReviewer,
    ReportSource,
    ReportVerdict,
)

HOSTILE_NOTE = 'Tom & Jerry <b>bold</b> <img src="/etc/passwd"/> &amp; <a href="file:///x">x</a>'

ARTICLE_TEXT = (
    "Harbour town votes to rebuild its flooded ferry pier\n"
    "\n"
    "The council of Port Elling voted 7 to 2 on Tuesday to rebuild the ferry pier "
    "that storms destroyed last winter. Mayor Ilse Nuñez said the project would "
    'cost 4.2 million euros. "We have the money in reserve," she told reporters.\n'
    "\n"
    "Opposition councillor Łukasz Brandt disputed that figure. He said the true "
    "cost was closer to 6 million. Ferry operator Kemal Erdoğan said passenger "
    "numbers had fallen by half since the storm.\n"
    "\n"
    "Photo: the old pier in March. Credit: Harbour Archive.\n"
    "\n"
    "Residents such as Nguyễn Thị Mai welcomed the vote. Антон Петров, a fisherman, "
    "called it “long overdue”.\n"
)

_STATEMENTS = [
    ("The council of Port Elling voted 7 to 2 on Tuesday to rebuild the ferry pier that "
     "storms destroyed last winter.", "claim", Status.SOURCED, "Matches council minutes",
     HOSTILE_NOTE),
    ("Mayor Ilse Nuñez said the project would cost 4.2 million euros.", "claim",
     Status.DISPUTED, "Contradicted by budget papers", "Budget line 14 says 5.1 million."),
    ('"We have the money in reserve," she told reporters.', "claim", Status.UNVERIFIED,
     "Claimed without evidence", None),
    ("Opposition councillor Łukasz Brandt disputed that figure.", "claim",
     Status.UNREVIEWED, None, None),
    ("He said the true cost was closer to 6 million.", "claim", Status.UNVERIFIED,
     "Source could not be verified", "Asked Brandt’s office on Wednesday."),
    ("Ferry operator Kemal Erdoğan said passenger numbers had fallen by half since the "
     "storm.", "claim", Status.SOURCED, "Operator statistics", None),
    ("Photo: the old pier in March.", "caption", Status.UNREVIEWED, None, None),
    ("Credit: Harbour Archive.", "credit", Status.NOT_A_CLAIM, None, None),
    ("Residents such as Nguyễn Thị Mai welcomed the vote.", "claim", Status.SOURCED,
     "Interview", None),
    ("Антон Петров, a fisherman, called it “long overdue”.", "claim", Status.DISPUTED,
     "Misquoted", "Петров says he said “overdue”, not “long overdue”."),
]

SOURCES = {
    0: (ReportSource("Council minutes, 14 May", "Port Elling Council",
                     "https://council.example.org/minutes/14-may?a=1&b=2", "supports",
                     "Motion carried, seven votes to two."),),
    1: (ReportSource("Budget 2025, annex B", "Port Elling Council",
                     "javascript:alert(1)", "contradicts", "Pier: 5.1 m EUR"),
        ReportSource("Engineering review", None, "doi:10.1234/pier.2025", "context", None)),
    5: (ReportSource("Ferry statistics", "Elling Ferries", "https://ferries.example.com/s",
                     "supports", None),
        ReportSource("the harbour master", "Port Elling Courier", None, "context",
                     "the harbour master said", cited_in_article=True)),
}


def make_article(text: str = ARTICLE_TEXT, article_id: str = "art-1") -> ReportArticle:
    claims = []
    for i, (stmt, kind, status, reason, note) in enumerate(_STATEMENTS):
        start = text.index(stmt)
        claims.append(ReportClaim(
            claim_id=f"c{i}", start=start, end=start + len(stmt), text=stmt, kind=kind,
            status=status, reason=reason, note=note,
            reviewers=("Ana Nuñez",) if status.is_reviewed else (),
            sources=SOURCES.get(i, ()),
            verdicts=_verdicts(i, status, reason),
            consensus_state="disagree" if i == 1 else None,
            history=(ReportEvent("2025-05-14 10:02", "Ana Nuñez", f"verdict.set {status}"),)
            if status.is_reviewed else (),
        ))
    return ReportArticle(article_id, "Harbour town votes to rebuild its flooded ferry pier",
                         "The Elling Courier", "Sofia Łukasiewicz",
                         "https://courier.example.net/pier?x=1&y=<2>", "2025-05-14",
                         "2025-05-15 09:30", text, tuple(claims))


def _verdicts(i: int, status: Status, reason: str | None) -> tuple[ReportVerdict, ...]:
    if i != 1:
        return ()
    return (ReportVerdict("Ana Nuñez", Status.DISPUTED, reason, "Budget says more."),
            ReportVerdict("Ben Okafor", Status.SOURCED, "Mayor's press release", None))


def make_report(articles=None, **kw) -> ReportInput:
    defaults = dict(
        articles=tuple(articles) if articles is not None else (make_article(),),
        reviewers=(ReportReviewer("Ana Nuñez", "SHA256:3xAmPlEfInGeRpRiNt0000000000000000"),
                   ReportReviewer("Ben Okafor")),
        generated_at="2025-05-15 11:00 UTC", desk="Regional desk — harbour stories",
        ledger_digest="9f2c4e1ab07d", agreement=(Agreement("Cohen's kappa, Ana / Ben", 0.71),),
    )
    defaults.update(kw)
    return ReportInput(**defaults)


_WORDS = ("budget council harbour ferry pier storm tide mayor vote euros residents "
          "engineer contract minutes report season passengers island").split()


def big_article(n: int, article_id: str = "big", per_paragraph: int = 6) -> ReportArticle:
    """An invented article of `n` statements, every one in the ledger, most reviewed."""
    parts: list[str] = []
    claims: list[ReportClaim] = []
    pos = 0
    statuses = [Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED, Status.UNREVIEWED]
    for i in range(n):
        words = " ".join(_WORDS[(i * 7 + k) % len(_WORDS)] for k in range(8 + i % 9))
        stmt = f"Statement {i + 1} says the {words} rose by {i % 97} percent."
        sep = "\n\n" if i and i % per_paragraph == 0 else (" " if i else "")
        pos += len(sep)
        parts.append(sep + stmt)
        status = statuses[i % 4]
        claims.append(ReportClaim(
            f"{article_id}-{i}", pos, pos + len(stmt), stmt, "claim", status,
            "Claimed without evidence" if status is Status.UNVERIFIED else None,
            f"Checked against the {words.split()[0]} records." if i % 3 == 0 else None,
            ("Ana Nuñez",), (ReportSource("Records office", "County",
                                          f"https://records.example.org/{i}", "supports",
                                          None),) if i % 5 == 0 else (),
        ))
        pos += len(stmt)
    text = "".join(parts)
    assert all(text[c.start:c.end] == c.text for c in claims)
    return ReportArticle(article_id, f"A long invented article of {n} statements", "Test Desk",
                         None, None, None, None, text, tuple(claims))


def words_of(text: str) -> str:
    """Whitespace-normalised text, for robust comparisons with extracted PDF text."""
    return re.sub(r"\s+", " ", text).strip()
