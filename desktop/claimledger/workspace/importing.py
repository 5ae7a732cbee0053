"""Import verbs: files and pasted text become articles with their statements."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from claimledger.domain import events as ev
from claimledger.domain.ids import article_id_for
from claimledger.domain.records import Changes, ImportedArticle, Kind
from claimledger.store import queries
from claimledger.text import ArticleError, PreparedArticle, prepare_article, prepare_text
from claimledger.workspace.base import WorkspaceBase
from claimledger.workspace.errors import WorkspaceError

_log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 25 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

# progress(done, total, what) -> False to cancel
Progress = Callable[[int, int, str], bool]


class ImportCancelled(WorkspaceError):
    pass


@dataclass
class ImportReport:
    imported: list[ImportedArticle] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        created = frozenset(a.id for a in self.imported if a.created)
        return Changes.of("Import", Kind.ARTICLES, Kind.SHAPE, articles=created) if created \
            else Changes()


class ImportVerbs(WorkspaceBase):
    def import_files(self, paths: Sequence[Path | str], *, progress: Progress | None = None,
                     all_or_nothing: bool = True, analyse: bool = True) -> ImportReport:
        """Read, clean and segment each file, then store them.

        With all_or_nothing (the command line), one bad file stops everything before any
        write; otherwise (the window) good files import and failures are reported.
        With analyse, the new articles are analysed for assisted review after the import
        is committed (otherwise when first shown).
        """
        report = ImportReport()
        prepared: list[tuple[str, PreparedArticle]] = []
        for done, path in enumerate(map(Path, paths)):
            if progress and not progress(done, len(paths), path.name):
                raise ImportCancelled("Import cancelled; nothing was imported.")
            try:
                prepared.append((path.name, prepare_article(read_article_file(path), path.name)))
            except (ArticleError, WorkspaceError) as error:
                if all_or_nothing:
                    raise WorkspaceError(f"{path}: {error}") from None
                report.failures.append((str(path), str(error)))
        report.imported = self._store_prepared(prepared)
        if analyse:
            self._analyse_imported(report.imported)
        if progress:
            progress(len(paths), len(paths), "")
        return report

    def import_text(self, text: str, title: str | None = None, *,
                    analyse: bool = True) -> ImportedArticle:
        try:
            article = prepare_text(text, title.strip() if title and title.strip() else None)
        except ArticleError as error:
            raise WorkspaceError(str(error)) from None
        imported = self._store_prepared([(None, article)])
        if analyse:
            self._analyse_imported(imported)
        return imported[0]

    def _analyse_imported(self, imported: list[ImportedArticle]) -> None:
        """Analyse new articles (AssistVerbs.analyse) after the import's transaction. The
        analysis is a cache: if it fails, the import still stands and the article is
        analysed when it is first shown."""
        analyse = getattr(self, "analyse", None)
        if analyse is None:
            return
        for item in imported:
            if item.created:
                try:
                    analyse(item.id)
                except Exception:  # a derived cache must never fail a committed import
                    _log.exception("analysis of article %s failed", item.id)

    def _store_prepared(self, prepared: list[tuple[str | None, PreparedArticle]]
                        ) -> list[ImportedArticle]:
        results = []
        with self.db.write() as conn:
            for filename, article in prepared:
                article_id = article_id_for(article.text)
                if queries.article_retired(conn, article_id):
                    self._append(conn, [self._event(ev.ARTICLE_EDITED, {
                        "article": article_id, "fields": {"retired": 0}})])
                existing = queries.article_summaries(conn, self.reviewer_id, article_id)
                if existing:
                    summary = existing[0]
                    results.append(ImportedArticle(article_id, summary.title, summary.statements,
                                                   False, filename))
                    continue
                self._append(conn, [self._import_event(article_id, article, filename)])
                results.append(ImportedArticle(article_id, article.title,
                                               len(article.statements), True, filename))
        return results

    def _import_event(self, article_id: str, article: PreparedArticle, filename: str | None):
        payload = {
            "article": article_id,
            "title": article.title,
            "outlet": article.outlet,
            "author": article.byline,
            "url": article.url,
            "published": article.published,
            "retrieved": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "filename": filename,
            "encoding": article.encoding,
            "text": article.text,
            "statements": [[s.start, s.end, s.kind, s.role] for s in article.statements],
        }
        return self._event(ev.ARTICLE_IMPORTED, payload)


def read_article_file(path: Path) -> bytes:
    """The file's bytes, or a WorkspaceError that says plainly what is wrong.

    The file is opened without blocking and looked at before it is read, so a device or
    a named pipe (/dev/zero, a FIFO) is refused instead of read for ever, and no more
    than the limit is ever read, even from a file that grows while we read it.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                             | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise WorkspaceError("No such file.") from None
    except IsADirectoryError:
        raise WorkspaceError("That is a folder, not an article file.") from None
    except PermissionError:
        if path.is_dir():  # Windows refuses to open a folder with "permission denied"
            raise WorkspaceError("That is a folder, not an article file.") from None
        raise WorkspaceError("The file cannot be read (permission denied).") from None
    except OSError as error:
        raise WorkspaceError(f"The file cannot be read ({error.strerror or error}).") from None
    try:
        return _read_regular(descriptor)
    except OSError as error:
        raise WorkspaceError(f"The file cannot be read ({error.strerror or error}).") from None
    finally:
        os.close(descriptor)


def _read_regular(descriptor: int) -> bytes:
    info = os.fstat(descriptor)
    if stat.S_ISDIR(info.st_mode):
        raise WorkspaceError("That is a folder, not an article file.")
    if not stat.S_ISREG(info.st_mode):
        raise WorkspaceError("That is not an ordinary file (a device, pipe or socket); save "
                             "the article to a file first.")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise WorkspaceError(f"The file is {info.st_size // (1024 * 1024)} MB; articles over "
                             f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB are refused.")
    chunks, size = [], 0
    while size <= MAX_ARTICLE_BYTES:
        chunk = os.read(descriptor, min(1 << 20, MAX_ARTICLE_BYTES + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise WorkspaceError(f"The file grew past {MAX_ARTICLE_BYTES // (1024 * 1024)} MB while "
                         "it was read; articles that large are refused.")
