"""Assisted review on the command line: claims --json keys, matches, accept, dismiss,
cut-tail; bad ids exit 1 with one line and change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
ERROR_PREFIX = "claim-ledger: error: "
NEW_KEYS = {"kind", "suggestion", "checkworthiness", "numbers", "flags", "dismissed"}


def _ok(result):
    assert result.returncode == 0, result.stderr.decode()
    return result


def _json(result):
    return json.loads(_ok(result).stdout)


@pytest.fixture
def measles(cli) -> dict[str, str]:
    """The two measles articles imported; their ids by name."""
    imported = _json(cli("import", "--json", DEVSET / "measles-elsmere.txt",
                         DEVSET / "measles-national.md"))
    return {"elsmere": imported[0]["id"], "national": imported[1]["id"]}


def _claims(cli, article, reviewer="Ana"):
    return _json(cli("claims", "--json", article, reviewer=reviewer))


def _find(rows, words):
    return next(row for row in rows if words in row["text"])


def test_claims_json_has_the_assist_keys(cli, measles):
    rows = _claims(cli, measles["elsmere"])
    assert all(NEW_KEYS <= set(row) for row in rows)
    kinds = {row["kind"] for row in rows}
    assert {"claim", "not-a-claim", "outside-body"} <= kinds
    row = _find(rows, "without providing evidence")
    assert set(row["suggestion"]) >= {"status", "reason", "source_hint", "markers"}
    assert row["suggestion"]["status"] == "unverified"
    assert row["suggestion"]["markers"] == ["without providing evidence"]
    assert set(row["checkworthiness"]) == {"score", "reasons"}
    assert row["dismissed"] is False
    clash = _find(rows, "recorded 1,240 measles cases")
    other = _find(_claims(cli, measles["national"]), "reported 980 cases in April")
    assert [f["claim"] for f in clash["flags"]] == [other["id"]]
    assert clash["flags"][0]["explanation"]
    assert any(n["value"] == 1240 for n in clash["numbers"])


def test_claims_json_gives_each_role_and_its_reason(cli, measles):
    rows = _claims(cli, measles["elsmere"])
    assert all(row["role"] and row["role_reason"] for row in rows)
    tail = [row for row in rows if row["kind"] == "outside-body"]
    assert tail and all(row["role"] == "page-tail" for row in tail)
    assert all("page tail" in row["role_reason"] for row in tail)


def test_matches_lists_claims_in_other_articles(cli, measles):
    found = _json(cli("matches", "--json", measles["elsmere"][:10]))
    assert found
    linked = [m for m in found if m["linked"]]
    assert linked
    for match in found:
        assert set(match) == {"claim_id", "other_article_id", "other_article_title",
                              "other_claim_id", "other_text", "similarity", "linked",
                              "because"}
        assert match["other_article_id"] == measles["national"]
        assert match["because"]
    text = _ok(cli("matches", measles["elsmere"])).stdout.decode()
    assert linked[0]["other_claim_id"][:12] in text and "linked" in text
    assert "matched because: " in text


def test_accept_and_dismiss(cli, measles):
    rows = _claims(cli, measles["elsmere"])
    anonymous = _find(rows, "on condition of anonymity")["id"]
    result = _ok(cli("accept", anonymous[:10]))
    assert result.stdout.decode().split() == [anonymous[:12], "unverified", "(Anonymous",
                                              "sourcing)"]
    silent = _find(rows, "did not respond")["id"]
    _ok(cli("dismiss", silent))
    after = {row["id"]: row for row in _claims(cli, measles["elsmere"])}
    assert after[anonymous]["status"] == "unverified"
    assert after[anonymous]["accepted"] is True
    assert after[silent]["dismissed"] is True and after[silent]["status"] == "unreviewed"
    assert _find(_claims(cli, measles["elsmere"], reviewer="Ben"), "did not respond")[
        "dismissed"] is False
    history = _json(cli("history", "--json", silent))
    assert history[0]["kind"] == "suggestion.dismissed"
    _ok(cli("verify"))


def test_cut_tail(cli, measles):
    result = _ok(cli("cut-tail", measles["elsmere"]))
    assert result.stdout.decode().strip() == "retired 4 statements of the page tail"
    assert not [r for r in _claims(cli, measles["elsmere"]) if r["kind"] == "outside-body"]


def _unused(ids: list[str]) -> str:
    return next(p for p in (f"{n:04x}" for n in range(16 ** 4))
                if not any(i.startswith(p) for i in ids))


@pytest.mark.parametrize("command", ["accept", "dismiss", "matches", "cut-tail",
                                     "accept-no-suggestion", "cut-tail-twice"])
def test_bad_input_exits_1_with_one_line_and_changes_nothing(cli, measles, fingerprint,
                                                             command):
    rows = _claims(cli, measles["elsmere"])
    claims = [r["id"] for r in rows]
    articles = list(measles.values())
    args = {
        "accept": ["accept", _unused(claims)],
        "dismiss": ["dismiss", measles["elsmere"]],  # an article id is not a claim id
        "matches": ["matches", _unused(articles)],
        "cut-tail": ["cut-tail", claims[0]],
        "accept-no-suggestion": ["accept", _find(rows, "put the state's own March")["id"]],
        "cut-tail-twice": ["cut-tail", measles["national"]],
    }[command]
    if command == "cut-tail-twice":
        _claims(cli, measles["national"])
        if any(r["kind"] == "outside-body" for r in _claims(cli, measles["national"])):
            _ok(cli("cut-tail", measles["national"]))
    before = fingerprint(cli.db)
    result = cli(*args)
    stderr = result.stderr.decode()
    assert result.returncode == 1, (args, result.stdout, stderr)
    assert stderr.startswith(ERROR_PREFIX) and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr and result.stdout == b""
    assert fingerprint(cli.db) == before
    if command == "accept-no-suggestion":
        assert stderr == ERROR_PREFIX + "There is no suggestion to accept for this statement.\n"
