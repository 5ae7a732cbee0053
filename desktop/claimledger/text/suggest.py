"""What the article itself says about a statement's sourcing: a suggestion, with reasons.

A suggestion never sets a verdict; it pre-fills the reviewer's choice and says why
("suggested because: 'without evidence'"). The order of precedence:

1. statements that are not claims (headline, caption, furniture, question, opinion, the
   page tail) -> "not-a-claim" with the matching preset reason;
2. evidence markers by which the article qualifies the claim ("without evidence",
   "could not independently verify", "declined to comment", "did not respond",
   "allegedly", "reportedly", anonymous sources) -> "unverified";
3. citations of evidence ("data from X", "a report by X", "records show", "according to
   the audit") -> "sourced" with X as a source hint: the article cites something a
   reviewer can look up;
4. attributions ("X said", "told", "wrote", "posted", "according to X", a quotation with
   its speaker) -> "unverified · Attributed, not yet checked" with the speaker as the
   hint: the article names who said it, which is not evidence that it is so;
5. otherwise no suggestion.

A sourced or attributed suggestion carries its basis ("cited" or "attributed") and the
words of the article that cite or attribute (`excerpt`): accepting it records them as a
source "cited in the article".

Reason labels are the presets of resources/reasons.json. Patterns are compiled once;
a statement is matched in microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimledger.text.model import CLAIM, CLAIM_ROLES, DUPLICATE, OUTSIDE_BODY

_I = re.IGNORECASE

UNVERIFIED = "unverified"
SOURCED = "sourced"
NOT_A_CLAIM = "not-a-claim"

#: Preset labels (resources/reasons.json).
CLAIMED_WITHOUT_EVIDENCE = "Claimed without evidence"
NOT_VERIFIED = "Source could not be verified"
DECLINED = "Declined to comment"
NO_RESPONSE = "Did not respond"
ANONYMOUS = "Anonymous sourcing"
PENDING_REQUEST = "Pending records request"
ON_RECORD = "On-record statement"
ATTRIBUTED = "Attributed, not yet checked"
STATISTICS = "Official statistics"
DOCUMENT = "Primary document"
CAPTION = "Caption or credit"
HEADING = "Headline or heading"
FURNITURE = "Page furniture"
QUESTION = "Question"
OPINION = "Opinion"

#: Not-a-claim reason per statement role.
ROLE_REASONS = {
    "headline": HEADING, "heading": HEADING, "caption": CAPTION, "credit": CAPTION,
    "byline": FURNITURE, "dateline": FURNITURE, "advertisement": FURNITURE,
    "furniture": FURNITURE, "question": QUESTION, "opinion": OPINION,
    "kicker": HEADING, "timestamp": FURNITURE, "clutter": FURNITURE,
    "related-links": FURNITURE, "page-tail": FURNITURE,
}
_ROLE_WORDS = {
    "headline": "a headline", "heading": "a section heading", "caption": "a photo caption",
    "credit": "a photo or reporting credit", "byline": "the byline",
    "dateline": "the dateline", "advertisement": "an advertisement",
    "furniture": "page furniture", "question": "a question", "opinion": "opinion",
    "kicker": "a section label above the headline", "timestamp": "a timestamp",
    "clutter": "page clutter", "related-links": "links to other stories",
    "page-tail": "the page tail (other stories)",
}

_V = r"(?:independently |immediately |yet |so far |now )?"

#: (reason, pattern) evidence markers, searched in order; the first that matches wins.
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (CLAIMED_WITHOUT_EVIDENCE, re.compile(
        r"\bwithout (?:providing |offering |citing |giving |presenting )?(?:any )?evidence\b|"
        r"\b(?:offered|provided|gave|presented|cited|produced|showed) no evidence\b|"
        r"\bdid not (?:provide|offer|give|present|cite|produce) (?:any )?evidence\b|"
        r"\bno evidence (?:was|has been) (?:provided|offered|presented)\b|"
        r"\bwithout (?:providing |offering |citing )?(?:any )?(?:proof|data|documentation|"
        r"supporting data)\b|\bunsubstantiated\b|\bunfounded claim", _I)),
    (ANONYMOUS, re.compile(
        r"\bon (?:the )?condition of anonymity\b|\bspeaking anonymously\b|"
        r"\b(?:asked|declined) not to be (?:named|identified)\b|"
        r"\b(?:who|that) (?:was|were) not authori[sz]ed to speak\b|"
        r"\bnot authori[sz]ed to speak (?:publicly|on the record)\b|"
        r"\b(?:people|persons?|sources?|officials?) (?:familiar|with (?:direct )?knowledge) "
        r"(?:with|of)\b|\banonymous (?:sources?|officials?|posts?|accounts?)\b|"
        r"\bunnamed (?:sources?|officials?|people)\b|\bsources (?:said|say|told)\b", _I)),
    (DECLINED, re.compile(
        r"\b(?:declined|refused|would not|wouldn't|did not want) to (?:comment|say|confirm|"
        r"deny|discuss|elaborate|answer|disclose|give|provide|name|specify|explain|release|"
        r"respond to questions)\b|\bno comment\b|\bdeclined (?:further )?comment\b|"
        r"\b(?:would not|wouldn't|did not|didn't|has not|hasn't|have not|had not) "
        r"(?:say|said|disclose[sd]?|specif(?:y|ied)|confirm(?:ed)?|address(?:ed)?)\b", _I)),
    (NO_RESPONSE, re.compile(
        rf"\b(?:did|has|have|had) not {_V}(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?)\b|"
        r"\bcould not (?:immediately )?be reached\b|\bwas not (?:immediately )?available "
        r"(?:for|to) comment\b|\bwere not (?:immediately )?available (?:for|to) comment\b|"
        r"\bno (?:immediate )?response (?:from|to)\b|\b(?:did|has|have) not answer(?:ed)?\b|"
        r"\bunanswered\b", _I)),
    (NOT_VERIFIED, re.compile(
        rf"\b(?:could|can|was unable to|were unable to|has been unable to|have been unable to|"
        rf"did) not {_V}(?:verify|confirm|corroborate|authenticate)\b|"
        rf"\bunable to {_V}(?:verify|confirm|corroborate)\b|"
        rf"\b(?:could|can|has|have|had) not (?:been |be )?{_V}(?:verified|confirmed|"
        rf"corroborated|authenticated)\b|"
        r"\b(?:local |some |social )?media (?:have|has) reported\b|\bmedia reports?\b|"
        r"\baccording to (?:local |unconfirmed )?(?:media|press) reports\b|"
        r"\bunverified\b|\bunconfirmed\b|\ballegedly\b|\breportedly\b|\bpurportedly\b|"
        r"\bis said to\b|\bare said to\b|\bwas said to\b|\brumou?red\b|"
        r"\bit (?:is|was|remains|remained) (?:not )?(?:yet )?(?:clear|unclear)\b|"
        r"\bit is not known\b|\bit was not known\b|\bnot (?:immediately )?clear (?:whether|"
        r"how|why|if|what|who|when)\b", _I)),
    (PENDING_REQUEST, re.compile(
        r"\brequest (?:for (?:it|them|the \w+)|under (?:the )?freedom of information)"
        r"[^.]{0,40}\bpending\b|\bfreedom of information request\b[^.]{0,60}\b(?:pending|"
        r"not (?:yet )?(?:been )?answered)\b", _I)),
)

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|al|de|da|del|van|von|bin|le|la)"
_PERSON = rf"(?:(?:Dr|Gov|Sen|Rep|Mr|Mrs|Ms|Prof|Gen|Col|Capt|Lt|Sgt|Insp|Det)\.? )?" \
          rf"[A-Z][\w'’-]+(?: {_NAME_WORD}){{0,3}}"
_SPEECH = (r"said|says|say|told|tells|wrote|writes|posted|announced|stated|added|"
           r"testified|estimated|estimate|estimates|reported|confirmed|warned|noted|argued|"
           r"insisted|claimed|explained|acknowledged|admitted|recalled|predicted|tweeted|"
           r"replied|conceded|alleged|alleges|accused|blame|blames|blamed|repeated|counted|expect|"
           r"expects")
_SPEECH_RE = re.compile(rf"\b(?:{_SPEECH})\b")
#: A determiner just before a speech verb makes it an adjective ("an estimated 700").
_ADJECTIVE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|some|any)\s+\Z", _I)

#: "according to X", "data from X", "a report by X" -> (reason, pattern with a ``who``).
SOURCE_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (STATISTICS, re.compile(
        r"\b(?:data|figures|statistics|numbers|estimates|census|survey|poll) "
        r"(?:published |released |compiled |collected |kept )?(?:on \w+ )?"
        r"(?:from|by|of) (?P<who>(?:the )?[^,;:.()“”\"]{2,80}?)"
        r"(?=,|;|\.|\)| show| showed| shows| suggest| indicate| released| published| for | in |"
        r" on | at |\Z)")),
    (DOCUMENT, re.compile(
        r"\b(?i:a|an|the|its|their) (?:\w+ ){0,3}(?:report|study|audit|review|filing|"
        r"assessment|memo|letter|document|analysis|inquiry|ruling|judgment|minutes|survey|"
        r"poll|investigation) (?:published |released |commissioned |prepared |written |issued |"
        r"conducted |carried out )?by (?P<who>(?:the )?[^,;:.()“”\"]{2,80}?)"
        r"(?=,|;|\.| show| found| said| says|"
        r" shows| for | in | on | at |\Z)")),
    (STATISTICS, re.compile(
        r"\baccording to (?P<who>(?:the )?(?:latest |new |official |preliminary )?"
        r"(?:data|figures|statistics|numbers|census|estimates|records)[^,;.()]{0,80}?)"
        r"(?=,|;|\.|\)|\Z)", _I)),
    (DOCUMENT, re.compile(
        r"\baccording to (?P<who>(?:the |a |an |its |their )?(?:[\w'’-]+ ){0,4}?"
        r"(?:report|study|audit|review|filing|memo|letter|document|analysis|summary|"
        r"records|minutes|ruling|judgment|accounts|filings|documents|papers)\b"
        r"[^,;.()“”\"]{0,60}?)(?=,|;|\.|\)|\Z)", _I)),
    (ON_RECORD, re.compile(
        r"\baccording to (?P<who>[^,;.()“”\"]{2,80}?)(?=,|;|\.|\)| who | which |\Z)", _I)),
    (DOCUMENT, re.compile(
        r"(?P<who>\b(?:(?:court|county|city|state|police|hospital|company|land|property|"
        r"public|official|council|shipping|customs|tax|budget|flight|meeting|the) )?"
        r"(?:records|documents|filings|minutes|court papers))"
        r" (?:seen by [^,;.]{2,40} )?(?:show|showed|shows|reviewed|obtained|indicate|"
        r"indicated|confirm|confirmed)\b", _I)),
    (STATISTICS, re.compile(
        r"(?P<who>\b(?:the )?(?:[A-Z][\w'’-]*\s){0,4}[\w'’-]*\s?(?:data|figures|statistics|"
        r"census|survey|count))\s(?:\w+\s)?(?:show|showed|shows|suggest|suggests|indicate|"
        r"indicates|released|published|put|puts)\b")),
    (STATISTICS, re.compile(
        r"\b(?:polled|surveyed|interviewed|counted|compiled|collected) by (?P<who>(?:the )?"
        r"[^,;:.()“”\"]{2,80}?)(?=,|;|\.| said| say| show| found|\Z)")),
    (DOCUMENT, re.compile(
        r"(?P<who>\b(?:the |a |an |its |their )(?:\w+ ){0,3}(?:report|study|audit|filing|"
        r"ruling|memo|document|analysis|assessment))(?:,[^,]{1,80},)? (?:\w+ ){0,3}(?:shows|"
        r"showed|found|finds|says|said|concluded|estimates|estimated|sets out)\b", _I)),
    (DOCUMENT, re.compile(
        r",\s(?P<who>(?:the |a |an |its |their |company |court |official |public )?"
        r"[^,;\"“”]{3,80}?)"
        r" (?:show|shows|showed|indicate|indicates|confirm|confirms)\.?\Z")),
)

_QUOTE = re.compile(r"[\"“”]")
_SUBJECT_STOP = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which",
                           "that", "there", "this"})
_CLAUSE_VERB = re.compile(r"\b(?:was|were|is|are|been|being|not|never|would|will|could|"
                          r"should|did|does|do|has|had|have|can)\b", _I)
_LEAD_TRIM = re.compile(r"^(?:and|but|so|while|as|then|also|however|meanwhile|instead|"
                        r"earlier|later|previously|separately)\b[, ]*", _I)
_CLAUSE_CUT = re.compile(r"(?<!\d),|,(?!\d)|[;:“”\"()—–]| - | that | who | which | when |"
                         r" while | after |"
                         r" before | because | as | and (?=[a-z])")


CITED, ATTRIBUTION = "cited", "attributed"


@dataclass(frozen=True)
class Suggestion:
    status: str | None
    reason: str | None
    source_hint: str | None
    markers: tuple[str, ...]
    because: str
    #: "cited" (the article cites evidence), "attributed" (it names who said it) or None.
    basis: str | None = None
    #: The article's words that cite or attribute ("port records show").
    excerpt: str | None = None

    def as_json(self) -> dict:
        return {
            "status": self.status, "reason": self.reason, "source_hint": self.source_hint,
            "markers": list(self.markers), "because": self.because, "basis": self.basis,
            "excerpt": self.excerpt,
        }


NO_SUGGESTION = Suggestion(None, None, None, (), "")


def suggest(text: str, kind: str, role: str) -> Suggestion:
    """The suggestion for one statement (its text, kind and role)."""
    if kind == OUTSIDE_BODY:
        return Suggestion(NOT_A_CLAIM, FURNITURE, None, (),
                          "suggested because: it is in the page tail after the article "
                          "(other stories), outside the article body")
    if kind == DUPLICATE:
        return Suggestion(None, None, None, (),
                          "suggested because: it repeats the line before (a duplicate)")
    if kind != CLAIM or role in ROLE_REASONS:
        reason = ROLE_REASONS.get(role, FURNITURE)
        return Suggestion(NOT_A_CLAIM, reason, None, (),
                          f"suggested because: {_ROLE_WORDS.get(role, role)}, not a claim")
    markers = evidence_markers(text)
    if markers:
        reason = markers[0][0]
        phrases = tuple(phrase for _reason, phrase in markers)
        hint = attribution(text)
        who = hint[1] if hint else _marker_subject(text, markers[0][1])
        return Suggestion(UNVERIFIED, reason, who, phrases,
                          "suggested because: " + ", ".join(f"'{p}'" for p in phrases))
    found = attribution(text)
    if found is None:
        return NO_SUGGESTION
    reason, who, phrase = found
    excerpt = _excerpt(text, who, phrase)
    if reason == ON_RECORD:
        return attributed_to(who, phrase, excerpt,
                             f"suggested because: attributed to {who or 'a source'} "
                             f"('{phrase}'), which says who said it, not that it is so")
    return Suggestion(SOURCED, reason, who, (phrase,),
                      f"suggested because: the article cites {who or 'a source'} "
                      f"('{phrase}')", CITED, excerpt)


def attributed_to(who: str | None, phrase: str, excerpt: str, because: str) -> Suggestion:
    """An attributed statement: still to check, with the speaker to check with."""
    return Suggestion(UNVERIFIED, ATTRIBUTED, who, (phrase,), because, ATTRIBUTION, excerpt)


def _excerpt(text: str, who: str | None, phrase: str) -> str:
    """The article's own words that cite or attribute: the phrase when it is theirs,
    else from the speaker to the verb ("Gridco, the grid operator, said")."""
    if phrase in text:
        return phrase
    verb = phrase.rsplit(" ", 1)[-1] if " " in phrase else phrase
    start = text.find(who) if who else -1
    end = text.find(verb, start + len(who or "")) if start >= 0 else -1
    return text[start:end + len(verb)] if end >= 0 else text


def evidence_markers(text: str) -> list[tuple[str, str]]:
    """(reason, phrase) for each marker in ``text``, in order of precedence."""
    out: list[tuple[str, str]] = []
    for reason, pattern in MARKERS:
        match = pattern.search(text)
        if match is not None:
            out.append((reason, match.group()))
    return out


def attribution(text: str) -> tuple[str, str | None, str] | None:
    """(reason, source hint, phrase) when ``text`` says where it comes from, else None.

    When a statement names several sources ("Haddad said the chamber's figures show"),
    the one named first is the statement's own source.
    """
    found: list[tuple[int, tuple[str, str | None, str]]] = []
    for reason, pattern in SOURCE_PHRASES:  # in order: the most specific phrase first
        match = pattern.search(text)
        if match is not None:
            who = _clean_who(match.group("who"))
            if who:
                found.append((match.start(), (reason, who, match.group().strip(" ,."))))
                break
    speech = _speech_attribution(text)
    if speech is not None:
        found.append(speech)
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1]


def _speech_attribution(text: str) -> tuple[int, tuple[str, str | None, str]] | None:
    """"X said", "said X, a ...", "X told reporters", a quotation and its speaker."""
    for match in _SPEECH_RE.finditer(text):
        verb = match.group()
        after = text[match.end():]
        before = text[:match.start()]
        if _ADJECTIVE_BEFORE.search(before):
            continue  # "an estimated 8,700 households", "the alleged bribe": no speaker
        subject = _subject_before(before)
        if verb not in {"told", "tells"}:
            # "said Dr. Amara Osei, a family physician" (speaker after the verb)
            inverted = re.match(
                rf"\s+({_PERSON})(?=[,.;]|\s+(?:on|in|at|who|of|during)\b|\Z)", after)
            if inverted and (not subject or subject.lower() in _SUBJECT_STOP
                             or _QUOTE.search(before[-3:])):
                who = _clean_who(inverted.group(1))
                if who:
                    return match.start(), (ON_RECORD, who, f"{verb} {inverted.group(1)}")
        if subject and len(subject.split()) > 1 and subject.split()[-1].lower() in _SUBJECT_STOP:
            continue  # "premiums they say they cannot afford": a clause, not the source
        if subject:
            who = None if subject.lower() in _SUBJECT_STOP else _clean_who(subject)
            start = max(0, match.start() - len(subject) - 1)
            return start, (ON_RECORD, who, f"{subject} {verb}")
    return None


def _subject_before(before: str) -> str | None:
    """The words naming the speaker just before a speech verb.

    "Gridco, the grid operator," and "The contractor, Brightplate Catering," name the
    speaker around an apposition: the part that reads like a name wins.
    """
    before = re.sub(r"(?:\s+(?:has|have|had|also|later|then|previously|again|"
                    r"on \w+|in a statement))+\s*$", "", before.rstrip())
    if not before:
        return None
    if before.endswith(","):
        segments = [part.strip() for part in re.split(r",|[“”\"]| - | — ", before[:-1])]
        segments = [part for part in segments if part]
        if len(segments) >= 2:
            head, apposition = segments[-2], segments[-1]
            for part in (apposition, head):
                if _looks_like_name(part):
                    return _trimmed_subject(part)
            if not apposition.lower().startswith(("who ", "which ", "a ", "an ", "the ")):
                return _trimmed_subject(apposition)
            return _trimmed_subject(head)
    parts = _CLAUSE_CUT.split(before)
    return _trimmed_subject(parts[-1] if parts else before)


def _trimmed_subject(candidate: str) -> str | None:
    candidate = _LEAD_TRIM.sub("", candidate.strip()).strip()
    words = candidate.split()
    if not words or len(words) > 9:
        return None
    if words[-1].lower() in {"was", "is", "were", "are", "be", "been", "not", "never", "being",
                             "yet", "by", "to", "of", "that", "than"}:
        return None
    if len(words) == 1 and words[0].lower() in {"the", "a", "an", "this", "that", "its"}:
        return None
    if not re.search(r"[^\W\d_]", candidate):
        return None
    if _CLAUSE_VERB.search(candidate):
        return None  # "The comments were not the first time Trump": a clause, not a name
    return candidate


def _looks_like_name(part: str) -> bool:
    words = part.split()
    particles = {"van", "von", "de", "da", "del", "al", "bin", "le", "la", "of", "and", "the"}
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and all(
        w[:1].isupper() or w in particles for w in words
    ) and words[0] not in {"The", "A", "An", "But", "And", "However"}


def _marker_subject(text: str, phrase: str) -> str | None:
    """Who "declined to comment" / "did not respond": the words just before the marker."""
    at = text.find(phrase)
    if at <= 0:
        return None
    subject = _subject_before(text[:at])
    if subject is None or subject.lower() in _SUBJECT_STOP:
        return None
    return _clean_who(subject)


def _clean_who(who: str | None) -> str | None:
    if not who:
        return None
    who = who.strip(" ,.;:\"“”'’")
    who = re.sub(r"\s+(?:on|in|at|last|this|earlier|late|early)\s+(?:Monday|Tuesday|"
                 r"Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|morning|"
                 r"evening|night|the \w+)\b.*$", "", who)
    who = re.sub(r"\s+(?:in a statement|in an interview|in a post|on X|on Facebook|"
                 r"on social media)\b.*$", "", who)
    who = re.sub(r"^(?:and|but|so|while)\s+", "", who, flags=_I)
    who = who.strip(" ,.;:")
    if not who or who.lower() in _SUBJECT_STOP or len(who) > 90:
        return None
    return who


_TRAILING_NAME = re.compile(
    r"(?:(?:Dr|Gov|Sen|Rep|Mr|Mrs|Ms|Prof)\.? )?[A-Z][\w'’-]+(?: (?:[A-Z][\w'’.-]*|van|von|de|"
    r"da|del|al|bin|le|la))*\Z")


def _person_name(hint: str | None) -> str | None:
    """"Board chair Rosa Delacroix" -> "Rosa Delacroix"; None for an organisation."""
    if not hint or hint.split()[0] in {"The", "A", "An"}:
        return None
    match = _TRAILING_NAME.search(hint)
    if match is None or _ORGANISATION.search(match.group()):
        return None
    return match.group()


_ORGANISATION = re.compile(
    r"\b(?:Ministry|Board|Council|Department|Agency|Office|Authority|Association|Bank|"
    r"Institute|Inspectorate|Chamber|Commerce|Catering|Mutual|Hospital|Police|Service|"
    r"Group|Company|Union|Court|Committee|Government)\b")
_PURE_QUOTE = re.compile(r"\A[\"“‘][^\"“”]+[\"”’]\.?\Z|\A[\"“][^\"“”]+\Z")
_PRONOUN_SPEAKER = re.compile(r"(?:^|[,”\"] )(?:he|she|they) (?:said|says|added|told|wrote|"
                              r"asked|argued|warned|estimated)\b|\b(?:He|She|They) "
                              r"(?:said|says|added|told|wrote|estimated|warned)\b")


def suggest_all(statements: Sequence[tuple[str, str, str]]) -> list[Suggestion]:
    """Suggestions for an article's (text, kind, role) statements, in order.

    Like ``suggest``, and it follows the speaker: a quotation that goes on in the next
    sentence ("“…” said Dr. Osei. “…”") and a "she said" after a named speaker are
    attributed to that speaker.
    """
    out: list[Suggestion] = []
    speaker: str | None = None
    for text, kind, role in statements:
        found = suggest(text, kind, role)
        if kind != CLAIM or role not in CLAIM_ROLES:
            if role in {"headline", "heading"}:
                speaker = None
            out.append(found)
            continue
        if found.status is None and speaker and _PURE_QUOTE.match(text.strip()):
            found = attributed_to(speaker, "quotation", text.strip(),
                                  f"suggested because: the quotation goes on from {speaker}")
        elif found.source_hint is None and speaker and _PRONOUN_SPEAKER.search(text):
            found = replace(found, source_hint=speaker,
                            because=found.because + f" ({speaker}, named just before)")
        name = _person_name(found.source_hint) if found.basis == ATTRIBUTION else None
        if name:
            speaker = name
        out.append(found)
    return out
