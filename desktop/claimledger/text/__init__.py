"""The text pipeline: bytes or pasted text -> a cleaned article split into statements.

Pure Python (no Qt, no SQL). Other layers use only the names re-exported here.
"""

from claimledger.text.errors import ArticleError
from claimledger.text.model import PreparedArticle, Statement
from claimledger.text.pipeline import prepare_article, prepare_text
from claimledger.text.segment import segment

__all__ = [
    "ArticleError",
    "PreparedArticle",
    "Statement",
    "prepare_article",
    "prepare_text",
    "segment",
]
