"""W3C Web Annotations: export, import onto another workspace, hostile files."""

from __future__ import annotations

import json

import pytest
from formats_kit import claims_with, db_fingerprint, reviewed_sample

from claimledger.domain.status import Status
from claimledger.workspace import WorkspaceError
from sync_desk import SAMPLE


def _items(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["first"]["items"]


def _selectors(item: dict) -> tuple[dict, dict]:
    quote, position = item["target"]["selector"]
    return quote, position


def _ledger(ws, article_id: str) -> list[tuple]:
    return [(c.id, c.start, c.end, c.status, c.reason, c.note)
            for c in ws.claims(article_id) if c.kind == "claim" or c.status.is_reviewed]


def test_the_export_passes_the_schema_and_counts_code_points(
        desk, tmp_path, emoji_file, annotation_schema):
    ana = desk.reviewer("Ana Ruiz")
    article_id = reviewed_sample(ana, emoji_file)
    out = tmp_path / "notes.jsonld"
    done = ana.export_annotations(article_id, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert not list(annotation_schema.iter_errors(doc))
    for item in doc["first"]["items"]:
        assert not list(annotation_schema.iter_errors(item))
    text = ana.article(article_id).text
    items = _items(out)
    assert done.items == len(items) == doc["total"] > 3
    for item in items:
        quote, position = _selectors(item)
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert text[:position["start"]].endswith(quote["prefix"])
    after_emoji = next(i for i in items if "We have never seen" in _selectors(i)[0]["exact"])
    start = _selectors(after_emoji)[1]["start"]
    assert start == text.index('"We have never seen')  # 📈 and 🥫 count one each
    assert start < len(text[:start].encode("utf-16-le")) // 2


def test_annotations_round_trip_to_another_workspace(desk, tmp_path, emoji_file):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    article_id = reviewed_sample(ana, emoji_file)
    text = ana.article(article_id).text
    words = text.index("up 41%")
    manual, _ = ana.add_claim(article_id, words, words + len("up 41% from a year earlier"))
    ana.mark(manual, Status.DISPUTED, reason="Figure contradicted by official data")
    out = tmp_path / "notes.jsonld"
    ana.export_annotations(article_id, out)

    ben.import_files([emoji_file])
    result = ben.import_annotations(out, article_id)
    assert result.placed == len(_items(out)) and not result.unplaced
    assert result.created == 1 and result.verdicts == 4
    assert _ledger(ben, article_id) == _ledger(ana, article_id)
    again = ben.import_annotations(out, article_id)
    assert again.created == again.verdicts == 0 and again.changes.empty


def test_an_edited_quote_is_placed_and_a_foreign_one_is_reported(desk, tmp_path):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    article_id = ana.import_files([SAMPLE]).imported[0].id
    (claim,) = claims_with(ana, article_id, "winning on volume")
    ana.mark(claim, Status.DISPUTED)
    out = tmp_path / "notes.jsonld"
    ana.export_annotations(article_id, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    items = doc["first"]["items"]
    edited = next(i for i in items if "winning on volume" in _selectors(i)[0]["exact"])
    quote = _selectors(edited)[0]
    quote["exact"] = quote["exact"].replace("winning on volume", "winning big on volume")
    _selectors(items[0])[0].update(exact="Nothing like this sentence is in the article.",
                                   prefix="", suffix="")
    out.write_text(json.dumps(doc), encoding="utf-8")

    ben.import_files([SAMPLE])
    result = ben.import_annotations(out, article_id)
    assert result.unplaced == [(1, "Nothing like this sentence is in the article.")]
    assert ben.claim(claim).status is Status.DISPUTED


@pytest.mark.parametrize("content, words", [
    (b"{not json", "not a Web Annotation file"),
    (b'{"type": "Annotation", "type": "Annotation"}', "duplicate key"),
    (b'{"type": "AnnotationPage", "items": [1, 2]}', "item 1 is not an Annotation"),
    (b'["a"]', "item 1 is not an Annotation"),
    (b'{"@context": "http://www.w3.org/ns/anno.jsonld"}', "AnnotationCollection"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"[" * 100_000, "nested too deeply"),
])
def test_a_hostile_file_is_one_line_and_changes_nothing(cli, tmp_path, emoji_file,
                                                         content, words):
    cli("import", emoji_file)
    article = cli("articles").stdout.decode().split()[0]
    bad = tmp_path / "bad.jsonld"
    bad.write_bytes(content)
    before = db_fingerprint(cli.db)
    done = cli("import-annotations", bad, "--article", article)
    message = done.stderr.decode()
    assert done.returncode == 1 and message.count("\n") == 1, message
    assert words in message and "Traceback" not in message
    assert db_fingerprint(cli.db) == before


def test_a_huge_file_is_refused_before_it_is_read(desk, tmp_path, emoji_file):
    ana = desk.reviewer("Ana Ruiz")
    article_id = ana.import_files([emoji_file]).imported[0].id
    huge = tmp_path / "huge.jsonld"
    with huge.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    with pytest.raises(WorkspaceError, match="MB are refused"):
        ana.import_annotations(huge, article_id)


def test_a_bad_verdict_in_one_annotation_refuses_the_whole_file(desk, tmp_path, emoji_file):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    article_id = reviewed_sample(ana, emoji_file)
    out = tmp_path / "notes.jsonld"
    ana.export_annotations(article_id, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["first"]["items"][-1]["body"] = [
        {"type": "TextualBody", "purpose": "commenting", "value": "x" * 20_001}]
    out.write_text(json.dumps(doc), encoding="utf-8")
    ben.import_files([emoji_file])
    before = _ledger(ben, article_id)
    with pytest.raises(WorkspaceError, match="nothing was imported"):
        ben.import_annotations(out, article_id)
    assert _ledger(ben, article_id) == before


def test_the_command_line_lists_what_it_could_not_place(cli, tmp_path, emoji_file):
    cli("import", emoji_file)
    article = cli("articles").stdout.decode().split()[0]
    notes = tmp_path / "notes.jsonld"
    assert cli("export-annotations", article, "-o", notes).returncode == 0
    doc = json.loads(notes.read_text(encoding="utf-8"))
    doc["first"]["items"][0]["target"]["selector"] = []
    notes.write_text(json.dumps(doc), encoding="utf-8")
    done = cli("import-annotations", notes, "--article", article)
    assert done.returncode == 0, done.stderr
    assert "not placed: annotation 1: (no TextQuoteSelector)" in done.stdout.decode()
