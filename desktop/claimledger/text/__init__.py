"""The text pipeline: bytes or pasted text -> a cleaned article split into statements.

Pure Python (no Qt, no SQL). Other layers use only the names re-exported here.
"""

from claimledger.text.checkworthy import Checkworthiness, checkworthiness
from claimledger.text.clashes import find_clashes
from claimledger.text.classify import ROLE_WORDS, role_reasons
from claimledger.text.errors import ArticleError
from claimledger.text.matching import (
    LINK,
    SUGGEST,
    Match,
    MatchIndex,
    normalise_for_matching,
    similarity,
)
from claimledger.text.model import PreparedArticle, Statement
from claimledger.text.numbers import Clash, Quantity, extract_numbers
from claimledger.text.pipeline import prepare_article, prepare_text
from claimledger.text.segment import segment
from claimledger.text.suggest import Suggestion, suggest, suggest_all

__all__ = [
    "LINK",
    "SUGGEST",
    "ArticleError",
    "Checkworthiness",
    "Clash",
    "Match",
    "MatchIndex",
    "PreparedArticle",
    "ROLE_WORDS",
    "Quantity",
    "Statement",
    "Suggestion",
    "checkworthiness",
    "extract_numbers",
    "find_clashes",
    "normalise_for_matching",
    "prepare_article",
    "prepare_text",
    "role_reasons",
    "segment",
    "similarity",
    "suggest",
    "suggest_all",
]
