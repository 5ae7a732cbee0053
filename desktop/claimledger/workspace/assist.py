"""Assisted review: suggestions the reviewer accepts or dismisses, matches across articles,
clashing figures, and cutting a pasted page tail.

A suggestion never sets a verdict by itself: ``accept`` marks the claim with it (a
verdict.set event, undoable like any mark) and ``dismiss`` records a
suggestion.dismissed event. The analysis behind them (suggestions, check-worthiness,
figures, matches) is derived data, cached in the store and recomputed when
ANALYSIS_VERSION changes or an article gains claims; it is made lazily by the read verbs
here and right after an import.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import fields
from datetime import date

from claimledger.domain import events as ev
from claimledger.domain.evidence import CITED_IN_ARTICLE
from claimledger.domain.limits import SOURCE_TEXT
from claimledger.domain.records import Changes, ClaimAssist, Kind, MatchView, Verdict
from claimledger.domain.status import Status
from claimledger.store import analysis, queries
from claimledger.text import SUGGEST, Quantity, checkworthiness, extract_numbers, find_clashes
from claimledger.text.matching import (
    CLASH_CAP,
    DF_CUTOFF,
    LINK,
    POSTING_CAP,
    Features,
    best_candidates,
    claim_features,
    clash_keys,
    lookup_tokens,
    score,
    token_key,
)
from claimledger.text.model import CLAIM, OUTSIDE_BODY
from claimledger.text.suggest import ATTRIBUTION, CITED, suggest_all
from claimledger.workspace.claims import ClaimVerbs
from claimledger.workspace.errors import NotFound, WorkspaceError
from claimledger.workspace.reviewing import ReviewVerbs
from claimledger.workspace.undo import UndoStep

#: The version of the rules behind the cached analysis; bump it when text/ changes what
#: suggest_all, checkworthiness, extract_numbers or matching return, and every article
#: is analysed again when next shown.
ANALYSIS_VERSION = 4

NO_SUGGESTION_TO_ACCEPT = "There is no suggestion to accept for this statement."
NO_SUGGESTION_TO_DISMISS = "There is no suggestion to dismiss for this statement."
NO_TAIL = "This article has no page tail to cut."

# progress(done, total) -> False to stop
Progress = Callable[[int, int], bool]


class AssistVerbs(ReviewVerbs, ClaimVerbs):
    # --- analysis -----------------------------------------------------------------------

    def analyse(self, article_id: str) -> None:
        """Analyse the article if it is not analysed by these rules yet (idempotent).

        Its claims get their suggestion, check-worthiness and figures; then they are
        matched against every analysed article through the stored index (only this
        article's tokens are looked up), and the matches are saved both ways.
        """
        if getattr(self, "read_only", False):
            return  # a read-only workspace keeps the analysis it has (suggestions() copes)
        with self._analysis_lock():
            for _attempt in range(3):
                with self.db.read() as conn:
                    if not analysis.article_exists(conn, article_id):
                        raise NotFound(f"No article with id {article_id}.")
                    if analysis.is_current(conn, article_id, ANALYSIS_VERSION):
                        return
                    seen = analysis.generation(conn)
                    claims = analysis.live_claims(conn, article_id)
                    analyses = analyse_claims(claims)
                    tokens, matches = _match(conn, article_id, claims, analyses)
                with self.db.write() as conn:
                    if analysis.is_current(conn, article_id, ANALYSIS_VERSION):
                        return
                    if analysis.generation(conn) != seen:
                        continue  # another process analysed an article meanwhile: again
                    analysis.save_article(conn, article_id, ANALYSIS_VERSION, analyses,
                                          tokens, matches)
                    return
            with self.db.write() as conn:  # still racing: match under the write lock
                claims = analysis.live_claims(conn, article_id)
                analyses = analyse_claims(claims)
                tokens, matches = _match(conn, article_id, claims, analyses)
                analysis.save_article(conn, article_id, ANALYSIS_VERSION, analyses, tokens,
                                      matches)

    def analyse_pending(self, progress: Progress | None = None) -> int:
        """Analyse every live article that is not analysed by these rules (for instance
        after an upgrade); returns how many were. Slow on a large old workspace: the
        window runs it off the GUI thread."""
        with self.db.read() as conn:
            pending = analysis.pending_articles(conn, ANALYSIS_VERSION)
        for done, article_id in enumerate(pending):
            if progress and not progress(done, len(pending)):
                return done
            self.analyse(article_id)
        return len(pending)

    def _analysis_lock(self) -> threading.Lock:
        lock = getattr(self, "_assist_lock", None)
        if lock is None:
            with self._lock:
                lock = getattr(self, "_assist_lock", None)
                if lock is None:
                    lock = self._assist_lock = threading.Lock()
        return lock

    # --- reading ------------------------------------------------------------------------

    def suggestions(self, article_id: str) -> dict[str, ClaimAssist]:
        """Per live claim of the article: its suggestion, check-worthiness, figures, the
        claims (here or in other articles) whose figures clash with its own, and whether
        this reviewer dismissed or accepted the suggestion."""
        self.analyse(article_id)
        with self.db.read() as conn:
            claims = analysis.live_claims(conn, article_id)
            if analysis.is_current(conn, article_id, ANALYSIS_VERSION):
                found = analysis.analyses_of_article(conn, article_id)
            else:  # read-only, so not saved: computed for this call
                found = {a.claim_id: a for a in analyse_claims(claims)}
            dismissed = analysis.dismissed_claims(conn, article_id, self.reviewer_id)
            accepted = analysis.accepted_claims(conn, article_id, self.reviewer_id)
            mine = [(c.id, c.text, _quantities(found[c.id].numbers)) for c in claims
                    if c.kind == CLAIM and c.id in found and found[c.id].numbers]
            keys = frozenset().union(*(clash_keys(q) for _id, _text, q in mine))
            others = (analysis.clash_candidates(
                conn, {token_key(k) for k in keys}, cap=CLASH_CAP,
                exclude=analysis.claim_key_range(conn, article_id)) if keys else [])
        flags = _flags(mine, [(cid, text, _quantities(numbers))
                              for cid, article, text, numbers in others
                              if article != article_id])
        out: dict[str, ClaimAssist] = {}
        for claim in claims:
            row = found.get(claim.id)
            if row is None:  # retired and restored meanwhile; shown on the next read
                continue
            out[claim.id] = ClaimAssist(
                claim_id=claim.id, kind=claim.kind, suggestion=row.suggestion,
                checkworthiness={"score": row.score, "reasons": row.reasons},
                numbers=row.numbers, flags=flags.get(claim.id, []),
                dismissed=claim.id in dismissed, accepted=claim.id in accepted,
            )
        return out

    def matches(self, article_id: str) -> list[MatchView]:
        """The article's claims said again in other analysed articles (linked: the same
        claim; otherwise alike enough to offer the link), best first.

        Only this article is analysed here: imports analyse as they go, and a workspace
        with many unanalysed articles (an upgrade, a big sync) is caught up by
        `analyse_pending`, which the window runs as a cancellable background job.
        """
        with self.db.read() as conn:
            if not analysis.article_exists(conn, article_id):
                raise NotFound(f"No article with id {article_id}.")
        self.analyse(article_id)
        with self.db.read() as conn:
            return analysis.matches_of_article(conn, article_id)

    # --- writing ------------------------------------------------------------------------

    def accept(self, claim_id: str) -> Changes:
        """Mark the claim with its suggestion's status and reason, and record what the
        article cites or whom it quotes as a source "cited in the article" (one undoable
        step, like mark)."""
        suggestion = self._suggestion_of(claim_id)
        if suggestion.get("status") is None:
            raise WorkspaceError(NO_SUGGESTION_TO_ACCEPT)
        status = Status.parse(suggestion["status"])
        label = "Accept suggestion"
        with self.db.write() as conn:
            view = self._live_claim(conn, claim_id)
            before = Verdict(view.status, view.reason, view.note)
            after = self._validated(Verdict(status, suggestion.get("reason"), view.note))
            if after == before:
                return Changes()
            forward = _verdict_payload(claim_id, after, accepted=True)
            events = [self._event(ev.VERDICT_SET, forward)]
            cited = _cited_source(claim_id, suggestion,
                                  queries.article_detail(conn, view.article_id))
            if cited is not None:
                events.append(self._event(ev.SOURCE_ADDED, cited))
            self._append(conn, events)
        kinds = (Kind.VERDICTS, Kind.SUGGESTIONS) + ((Kind.SOURCES,) if cited else ())
        changes = Changes.of(label, *kinds, articles={view.article_id}, claims={claim_id})
        retire = [] if cited is None else [{"claim": claim_id, "source": cited["source"]}]
        return self._record(UndoStep(
            label, changes,
            reverse=[(ev.VERDICT_SET, _verdict_payload(claim_id, before)),
                     *((ev.SOURCE_RETIRED, {**r, "retired": True}) for r in retire)],
            again=[(ev.VERDICT_SET, forward),
                   *((ev.SOURCE_RETIRED, {**r, "retired": False}) for r in retire)],
            first_event=events[0].id,
        ))

    def dismiss(self, claim_id: str) -> Changes:
        """Record that this reviewer dismissed the claim's suggestion (undoable)."""
        if self._suggestion_of(claim_id).get("status") is None:
            raise WorkspaceError(NO_SUGGESTION_TO_DISMISS)
        label = "Dismiss suggestion"
        with self.db.write() as conn:
            article_id = self._live_claim(conn, claim_id).article_id
            if analysis.is_dismissed(conn, claim_id, self.reviewer_id):
                return Changes()
            event = self._event(ev.SUGGESTION_DISMISSED, {"claim": claim_id, "dismissed": True})
            self._append(conn, [event])
        changes = Changes.of(label, Kind.SUGGESTIONS, articles={article_id}, claims={claim_id})
        return self._record(UndoStep(
            label, changes,
            reverse=[(ev.SUGGESTION_DISMISSED, {"claim": claim_id, "dismissed": False})],
            again=[(ev.SUGGESTION_DISMISSED, {"claim": claim_id, "dismissed": True})],
            first_event=event.id,
        ))

    def cut_tail(self, article_id: str) -> Changes:
        """Retire every live statement of the page tail (outside the article body), as
        one undo step."""
        with self.db.read() as conn:
            if not analysis.article_exists(conn, article_id):
                raise NotFound(f"No article with id {article_id}.")
            tail = [c.id for c in analysis.live_claims(conn, article_id)
                    if c.kind == OUTSIDE_BODY]
        if not tail:
            raise WorkspaceError(NO_TAIL)
        return self._apply_step(
            "Cut page tail", article_id, set(tail),
            [(ev.CLAIM_RETIRED, {"claim": c, "retired": True}) for c in tail],
            [(ev.CLAIM_RETIRED, {"claim": c, "retired": False}) for c in tail],
        )

    def _suggestion_of(self, claim_id: str) -> dict:
        """The claim's suggestion only: from the stored analysis when it is current, else
        computed for this call. Never waits on a running analysis nor looks at other
        articles, so accept and dismiss stay instant."""
        with self.db.read() as conn:
            where = analysis.claim_article(conn, claim_id)
            if where is None:
                raise NotFound(f"No claim with id {claim_id}.")
            if not where[1]:
                raise WorkspaceError("That claim has been retired; restore it before "
                                     "reviewing it.")
            if analysis.is_current(conn, where[0], ANALYSIS_VERSION):
                found = analysis.analyses_of_article(conn, where[0]).get(claim_id)
            else:
                claims = analysis.live_claims(conn, where[0])
                found = next((a for a in analyse_claims(claims) if a.claim_id == claim_id),
                             None)
        if found is None:
            raise WorkspaceError("That claim has been retired; restore it before reviewing it.")
        return found.suggestion


# --- pure helpers ---------------------------------------------------------------------------


def _verdict_payload(claim_id: str, verdict: Verdict, *, accepted: bool = False) -> dict:
    payload = {"claim": claim_id, "status": verdict.status.value, "reason": verdict.reason,
               "note": verdict.note}
    if accepted:
        payload["accepted_suggestion"] = True
    return payload


def analyse_claims(claims: list[analysis.LiveClaim]) -> list[analysis.Analysis]:
    found = suggest_all([(c.text, c.kind, c.role) for c in claims])
    out = []
    for claim, suggestion in zip(claims, found, strict=True):
        quantities = extract_numbers(claim.text)
        worth = checkworthiness(claim.text, claim.kind, claim.role, suggestion=suggestion,
                                quantities=quantities)
        out.append(analysis.Analysis(claim.id, suggestion.as_json(), worth.score,
                                     list(worth.reasons), [_quantity_json(q) for q in quantities]))
    return out


_QUANTITY_FIELDS = tuple(f.name for f in fields(Quantity))


def _quantity_json(quantity: Quantity) -> dict:
    return {name: getattr(quantity, name) for name in _QUANTITY_FIELDS}  # asdict is slower


def _quantities(numbers: list[dict]) -> list[Quantity]:
    return [Quantity(**n) for n in numbers]


def index_entries(claims: list[analysis.LiveClaim], analyses: list[analysis.Analysis]
                  ) -> tuple[dict[str, Features], list[tuple[int, str | None]]]:
    """The matching features of an article's claims and its index entries (token key,
    claim id).

    Only claims (not headings, captions, duplicates or the page tail) are indexed: their
    tokens, and the groups their figures could clash in.
    """
    features = {c.id: claim_features(c.text) for c in claims if c.kind == CLAIM}
    features = {cid: f for cid, f in features.items() if f.weights}
    tokens: list[tuple[int, str | None]] = [
        (token_key(token), cid) for cid, f in features.items() for token in f.weights]
    for claim, found in zip(claims, analyses, strict=True):
        if claim.kind == CLAIM and found.numbers:
            tokens += [(token_key(key), claim.id)
                       for key in clash_keys(_quantities(found.numbers))]
    return features, tokens


def index_tokens(conn, claims: list[analysis.LiveClaim], analyses: list[analysis.Analysis]
                 ) -> tuple[dict[str, Features], list[tuple[int, str | None]], dict[str, int]]:
    """``index_entries`` with the words already in DF_CUTOFF articles left unposted
    (counted, never looked up again: storing them would only grow the index and an
    import's writes), and the number of articles each word token is in."""
    features, tokens = index_entries(claims, analyses)
    keys = {token: token_key(token) for f in features.values() for token in f.weights}
    frequencies = analysis.token_frequencies(conn, set(keys.values())) if keys else {}
    common = {key for key, articles in frequencies.items() if articles >= DF_CUTOFF}
    sizes = {token: frequencies.get(key, 0) for token, key in keys.items()}
    return features, _unindexed(tokens, common), sizes


def _match(conn, article_id: str, claims: list[analysis.LiveClaim],
           analyses: list[analysis.Analysis],
           ) -> tuple[list[tuple[int, str | None]], list[tuple[str, str, str, float, bool]]]:
    """The article's index entries and its matches with claims of other articles.

    Bounded whatever the size of the index: only this article's tokens are looked up,
    those in more than DF_CUTOFF articles are skipped, at most POSTING_CAP postings are
    read per token and MAX_CANDIDATES candidates scored per claim.
    """
    features, tokens, sizes = index_tokens(conn, claims, analyses)
    if not any(sizes.values()):
        return tokens, []
    keys = {token: token_key(token) for token in sizes}
    lookups = {cid: lookup_tokens(f, sizes, DF_CUTOFF) for cid, f in features.items()}
    posted = analysis.postings(conn, {keys[t] for ts in lookups.values() for t in ts},
                               cap=POSTING_CAP,
                               exclude=analysis.claim_key_range(conn, article_id))
    candidates: dict[str, list[int]] = {}
    for cid, looked_up in lookups.items():
        shared: Counter[int] = Counter()
        weights = features[cid].weights
        for token in looked_up:
            for other in posted.get(keys[token], ()):
                shared[other] += weights[token]
        candidates[cid] = best_candidates(shared)
    texts = analysis.live_texts(conn, {o for found in candidates.values() for o in found})
    others: dict[int, Features] = {}
    matches = []
    for cid, found in candidates.items():
        mine = features[cid]
        for key in found:
            if key not in texts:
                continue
            other, other_article, other_text = texts[key]
            if other_article == article_id:
                continue
            theirs = others.get(key)
            if theirs is None:
                theirs = others[key] = claim_features(other_text)
            # in claim id order: a score may differ a little from one side to the other,
            # and the stored match must not depend on which article came first
            similarity = (score(mine, theirs, SUGGEST) if cid < other
                          else score(theirs, mine, SUGGEST))
            if similarity >= SUGGEST:
                matches.append((cid, other_article, other, similarity, similarity >= LINK))
    return tokens, matches


def _unindexed(tokens: list[tuple[int, str | None]], common: set[int]
               ) -> list[tuple[int, str | None]]:
    """The index entries with those of ``common`` tokens reduced to one (token, None):
    counted in the article frequencies, not posted."""
    if not common:
        return tokens
    kept: list[tuple[int, str | None]] = [(t, c) for t, c in tokens if t not in common]
    return kept + [(token, None) for token in sorted(common & {t for t, _c in tokens})]


def _flags(mine: list[tuple[str, str, list[Quantity]]],
           others: list[tuple[str, str, list[Quantity]]]) -> dict[str, list[dict]]:
    """{claim id of this article: [{"claim": other id, "explanation": ...}]}."""
    if not mine:
        return {}
    items = mine + others
    ours = {cid for cid, _text, _q in mine}
    by_id = {item[0]: item for item in items}
    flags: dict[str, list[dict]] = {}
    for clash in find_clashes(items, focus=ours):
        a, b = clash.claim_id, clash.other_claim_id
        if a in ours:
            flags.setdefault(a, []).append({"claim": b, "explanation": clash.explanation})
        if b in ours:
            turned = find_clashes([by_id[b], by_id[a]])
            explanation = turned[0].explanation if turned else clash.explanation
            flags.setdefault(b, []).append({"claim": a, "explanation": explanation})
    return flags


def _cited_source(claim_id: str, suggestion: dict, article) -> dict | None:
    """The SOURCE_ADDED payload for what a sourced or attributed suggestion rests on:
    the article's own words as the excerpt, the cited body or the speaker as the title,
    the article's link when it has one."""
    basis, who = suggestion.get("basis"), suggestion.get("source_hint")
    if basis not in (CITED, ATTRIBUTION) or not who:
        return None
    return {"claim": claim_id, "source": uuid.uuid4().hex[:24], "kind": CITED_IN_ARTICLE,
            "url": article.url if article is not None else None, "file": None,
            "title": who[:SOURCE_TEXT["title"]],
            "publisher": (article.outlet if article is not None else None),
            "excerpt": (suggestion.get("excerpt") or "")[:SOURCE_TEXT["excerpt"]] or None,
            "stance": "supports" if basis == CITED else "context",
            "accessed": date.today().isoformat(), "archived_url": None}
