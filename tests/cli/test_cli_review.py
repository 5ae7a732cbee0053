"""The command line, end to end: import, list, read, mark, verify (in a subprocess)."""

from __future__ import annotations

import json
import sqlite3

import pytest

ARTICLE_FIELDS = {"id", "title", "outlet", "author", "url", "published", "statements",
                  "reviewed"}

TRICKY = (
    "Nurses 👩‍⚕️ at St. Brigid's vote to strike over 4.5% pay offer\n"
    "\n"
    "By Chloé Dubois-Ng\r\n"
    "\r\n"
    "DUBLIN, April 2 - Nurses at St. Brigid\u2019s Hospital voted 812-97 to strike from May 1, "
    "the Irish Nurses\u2019 Union said on Wednesday, rejecting a 4.5% offer 💶.\r\n"
    "\r\n"
    "\u201cWe were promised 7%,\u201d said ward manager Se\u0301amus Ó Briain, who has worked "
    "there for 22 years 🇮🇪. The hospital said 1,140 operations could be postponed.\n"
)


def _json(result) -> list[dict]:
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    return result.stdout.decode("utf-8")


def _stored_text(db, article_id: str) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT text FROM article WHERE id = ?", (article_id,)).fetchone()[0]
    finally:
        conn.close()


def test_import_mark_and_list_a_sample(cli, sample_files):
    sample = next(p for p in sample_files if p.name == "grain-export-figures.txt")
    imported = _json(cli("import", "--json", sample))
    assert len(imported) == 1 and imported[0]["created"] is True
    article_id = imported[0]["id"]

    claims = _json(cli("claims", "--json", article_id[:8]))
    assert len(claims) == imported[0]["statements"] > 5
    assert all(c["status"] == "unreviewed" for c in claims)
    target = next(c for c in claims if c["kind"] == "claim" and "without evidence" in c["text"])

    out = _ok(cli("mark", target["id"][:10], "disputed", "--reason", "Claimed without evidence",
                  "--note", "x"))
    assert out.split() == [target["id"][:12], "disputed", "(Claimed", "without", "evidence)"]

    after = {c["id"]: c for c in _json(cli("claims", "--json", article_id))}
    assert (after[target["id"]]["status"], after[target["id"]]["reason"],
            after[target["id"]]["note"]) == ("disputed", "Claimed without evidence", "x")
    untouched = [c for cid, c in after.items() if cid != target["id"]]
    assert all(c["status"] == "unreviewed" for c in untouched)

    articles = _json(cli("articles", "--json"))
    assert len(articles) == 1
    assert ARTICLE_FIELDS <= set(articles[0])
    row = articles[0]
    assert row["id"] == article_id
    assert row["title"].startswith("Kalvorian grain exports jump 18%")
    assert row["statements"] == len(claims) and row["reviewed"] == 1

    assert _ok(cli("verify")).startswith("ok")


def test_article_fields_from_a_sample(cli, sample_files):
    for sample in sample_files:
        _ok(cli("import", sample))
    articles = _json(cli("articles", "--json"))
    assert len(articles) == len(sample_files)
    for row in articles:
        assert ARTICLE_FIELDS <= set(row)
        assert isinstance(row["id"], str) and len(row["id"]) >= 12
        assert row["title"]
        assert isinstance(row["statements"], int) and row["statements"] > 0
        assert row["reviewed"] == 0
        for key in ("outlet", "author", "url", "published"):
            assert row[key] is None or isinstance(row[key], str)
    byline = {row["title"][:20]: row["author"] for row in articles}
    assert any(author and "Halenko-Price" in author for author in byline.values())


def test_marks_are_per_reviewer(cli, news_files):
    article = _json(cli("import", "--json", news_files["council.txt"]))[0]["id"]
    claim = _json(cli("claims", "--json", article))[-1]["id"]
    _ok(cli("mark", claim, "sourced", "--reason", "official-statistics"))
    mine = {c["id"]: c for c in _json(cli("claims", "--json", article))}[claim]
    theirs = {c["id"]: c for c in _json(cli("claims", "--json", article, reviewer="Ben"))}[claim]
    assert (mine["status"], mine["reason"]) == ("sourced", "Official statistics")
    assert (theirs["status"], theirs["reason"]) == ("unreviewed", None)


@pytest.mark.parametrize("name", ["council.txt", "food-bank.txt", "tricky.txt"])
def test_text_prints_exactly_the_stored_text(cli, news_files, tmp_path, name):
    path = news_files.get(name)
    if path is None:
        path = tmp_path / name
        path.write_bytes(TRICKY.encode("utf-8"))
    article = _json(cli("import", "--json", path))[0]["id"]
    printed = _ok(cli("text", article[:12]))
    assert printed == _stored_text(cli.db, article)
    claims = _json(cli("claims", "--json", article))
    assert claims
    for claim in claims:
        assert claim["text"] == printed[claim["start"]:claim["end"]]  # code points
    if name != "council.txt":
        emoji = [c for c in claims if any(ord(ch) > 0xFFFF for ch in c["text"])]
        assert emoji, "an emoji statement is needed to check code-point offsets"
        later = [c for c in claims if c["start"] > emoji[0]["start"]]
        assert later, "offsets after an astral character are the interesting ones"


def test_text_of_a_sample_is_exact(cli, sample_files):
    for sample in sample_files:
        article = _json(cli("import", "--json", sample))[0]["id"]
        printed = _ok(cli("text", article))
        assert printed == _stored_text(cli.db, article)
        for claim in _json(cli("claims", "--json", article)):
            assert claim["text"] == printed[claim["start"]:claim["end"]]


def test_importing_the_same_file_twice_gives_one_article(cli, news_files):
    path = news_files["food-bank.txt"]
    first = _json(cli("import", "--json", path))
    second = _json(cli("import", "--json", path))
    assert first[0]["id"] == second[0]["id"]
    assert (first[0]["created"], second[0]["created"]) == (True, False)
    assert first[0]["statements"] == second[0]["statements"]
    assert "already in the workspace" in _ok(cli("import", path))
    assert len(_json(cli("articles", "--json"))) == 1
    both = _json(cli("import", "--json", path, news_files["council.txt"]))
    assert [a["created"] for a in both] == [False, True]
    assert len(_json(cli("articles", "--json"))) == 2


def test_verify_prints_ok(cli, news_files):
    missing = cli("verify")  # no workspace yet: said plainly, and none is created
    assert missing.returncode == 1 and b"import an article" in missing.stderr
    article = _json(cli("import", "--json", *news_files.values()))[0]["id"]
    claim = _json(cli("claims", "--json", article))[0]["id"]
    _ok(cli("mark", claim, "not-a-claim", "--reason", "Headline or heading"))
    _ok(cli("mark", claim, "unreviewed"))
    out = _ok(cli("verify"))
    assert out.startswith("ok") and out.count("\n") == 1


def test_verify_fails_on_a_tampered_workspace(cli, news_files):
    article = _json(cli("import", "--json", news_files["council.txt"]))[0]["id"]
    claim = _json(cli("claims", "--json", article))[0]["id"]
    _ok(cli("mark", claim, "disputed"))
    conn = sqlite3.connect(cli.db)
    with conn:
        conn.execute("UPDATE verdict SET status = 'sourced'")
    conn.close()
    result = cli("verify")
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1
