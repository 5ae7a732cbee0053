"""Build the dev set from the tagged sources in this folder.

Each source (NAME.txt.tagged, NAME.md.tagged) is an article with tags after its
statements: ``⟦N⟧`` not a claim, ``⟦D⟧`` a duplicate, ``⟦O+⟧`` the page tail starts
here (this and every later statement are outside the body), ``⟦U:hint⟧`` unverified,
``⟦S:hint⟧`` sourced, ``⟦W⟧`` check-worthy, ``⟦P:id⟧`` paraphrase group, ``⟦M:id⟧``
near miss of that group (must not link), ``⟦C:id⟧`` clash group. Tags combine with
"|". In Markdown sources the tags are read in the text the Markdown gives (no "#" or
"*"), with an image's tag after the image. An untagged statement is a claim with no
suggestion that is not check-worthy. The labels were written by hand with the articles;
this script only strips the tags and writes tests/data/devset/*.txt|md and labels.json.
Run: PYTHONPATH=desktop python tests/data/devset/_source/build.py
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

from claimledger.text import prepare_article
from claimledger.text.markdown import extract_markdown

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
TAG = re.compile(r" ?⟦([^⟧]*)⟧")
#: In the text read from Markdown, a tag after an image stands in a paragraph of its own.
MD_TAG = re.compile(r"\s*⟦([^⟧]*)⟧")

#: Header metadata each article states (point 3).
METADATA = {
    "harbour-tunnel-toll.txt": {"byline": "Maria Nuñez", "outlet": "Meridian Wire",
                                "published": None},
    "tunnel-toll-reaction.md": {"byline": "Henrike Saarinen-Blake",
                                "outlet": "Lowmere Courier", "published": "2026-06-09"},
    "measles-elsmere.txt": {"byline": "Aylin Sarıkaya and Dmytro Halenko-Price",
                            "outlet": "Meridian Wire", "published": "2026-05-06"},
    "measles-national.md": {"byline": "Laila Moreau", "outlet": "Lowmere Courier",
                            "published": "2026-05-08"},
    "grain-warehouse-fire.txt": {"byline": "Dmytro Halenko-Price", "outlet": "Meridian Wire",
                                 "published": None},
    "grain-fire-insurers.txt": {"byline": "Aylin Sarıkaya", "outlet": "Veldra Post",
                                "published": "2026-03-23"},
    "opinion-tunnel-toll.md": {"byline": "Gareth Lindholm", "outlet": None,
                               "published": "2026-06-12"},
    "school-meals-audit.txt": {"byline": "Henrike Saarinen-Blake",
                               "outlet": "Lowmere Courier", "published": "2026-04-14"},
    "school-meals-followup.md": {"byline": None, "outlet": "Lowmere Courier",
                                 "published": "2026-04-16"},
    "storm-outage.txt": {"byline": "Tom Reyes", "outlet": "Meridian Wire", "published": None},
    "storm-outage-followup.md": {"byline": "Laila Moreau", "outlet": "Lowmere Courier",
                                 "published": "2026-11-05"},
}


def build() -> None:
    labels: dict = {"articles": {}, "paraphrases": [], "near_misses": [], "clashes": []}
    groups: dict[str, dict[str, list[tuple[str, str]]]] = {"P": {}, "M": {}, "C": {}}
    for tagged in sorted(HERE.glob("*.tagged")):
        source = tagged.with_suffix("")
        raw = tagged.read_text(encoding="utf-8")
        clean, tags = _strip(raw)
        (OUT / source.name).write_text(clean, encoding="utf-8")
        article = prepare_article(clean.encode("utf-8"), source.name)
        if source.suffix == ".md":  # the tags stand in the Markdown's text, so in its words
            text, tags = _strip(extract_markdown(raw).text, MD_TAG)
            assert article.text == text, f"{source.name}: the tags change its text"
        else:
            assert article.text == clean.strip("\n"), f"{source.name} is not normalised"
        statements = []
        tail = False
        for statement in article.statements:
            text = article.text[statement.start:statement.end]
            tag = tags.get(statement.end, "")
            parts = dict(_parse(tag))
            tail = tail or "O+" in parts
            kind = "outside-body" if tail else (
                "not-a-claim" if "N" in parts else "duplicate" if "D" in parts else "claim")
            suggest, hint = "none", None
            if kind == "claim" and "U" in parts:
                suggest, hint = "unverified", parts["U"] or None
            elif kind == "claim" and "S" in parts:
                suggest, hint = "sourced", parts["S"] or None
            statements.append({
                "text": text, "not_a_claim": kind != "claim", "kind": kind,
                "suggest": suggest, "source_hint": hint,
                "checkworthy": kind == "claim" and "W" in parts,
            })
            for key in ("P", "M", "C"):
                if key in parts:
                    groups[key].setdefault(parts[key], []).append((source.name, text))
        labels["articles"][source.name] = {
            "metadata": METADATA.get(source.name, {}), "statements": statements,
        }
    for group, members in groups["P"].items():
        for (fa, ta), (fb, tb) in itertools.combinations(members, 2):
            if fa != fb:
                labels["paraphrases"].append([fa, ta, fb, tb])
        for fm, tm in groups["M"].get(group, []):
            for fa, ta in members:
                if fa != fm:
                    labels["near_misses"].append([fa, ta, fm, tm])
    for members in groups["C"].values():
        for (fa, ta), (fb, tb) in itertools.combinations(members, 2):
            labels["clashes"].append([fa, ta, fb, tb])
    (OUT / "labels.json").write_text(
        json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = sum(len(a["statements"]) for a in labels["articles"].values())
    print(f"{len(labels['articles'])} articles, {total} statements, "
          f"{len(labels['paraphrases'])} paraphrase pairs, {len(labels['near_misses'])} near "
          f"misses, {len(labels['clashes'])} clashes", file=sys.stderr)


def _strip(raw: str, tag: re.Pattern[str] = TAG) -> tuple[str, dict[int, str]]:
    out: list[str] = []
    tags: dict[int, str] = {}
    position, length = 0, 0
    for match in tag.finditer(raw):
        piece = raw[position:match.start()]
        out.append(piece)
        length += len(piece)
        tags[length] = match.group(1)
        position = match.end()
    out.append(raw[position:])
    return "".join(out), tags


def _parse(tag: str):  # type: ignore[no-untyped-def]
    for part in filter(None, (p.strip() for p in tag.split("|"))):
        key, _sep, value = part.partition(":")
        yield key, value.strip()


if __name__ == "__main__":
    build()
