"""The log file: one per user, rotating (1 MB x 3), set up when the window starts.

What is logged: starts, workspaces opened and closed, refusals and crashes with their
tracebacks. Never keys, key files or article text.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from claimledger import __version__

APP_DIR_NAME = "claim-ledger"
LOG_NAME = "claim-ledger.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("claimledger")


def default_log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)) / LOG_NAME


def _our_handler() -> RotatingFileHandler | None:
    return next((h for h in log.handlers if getattr(h, "claim_ledger_log", False)), None)


def log_path() -> Path:
    """Where the log is written (or would be, before `configure_logging`)."""
    handler = _our_handler()
    return Path(handler.baseFilename) if handler else default_log_path()


def configure_logging(path: Path | None = None) -> Path:
    """Send the `claimledger` loggers to the rotating file; safe to call again (a new
    path replaces the old handler). Returns the file's path."""
    path = Path(path) if path else default_log_path()
    handler = _our_handler()
    if handler is not None:
        if Path(handler.baseFilename) == path.resolve():
            return path
        log.removeHandler(handler)
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8", delay=True)
    except OSError as error:
        log.warning("cannot write the log file %s: %s", path, error)
        return path
    handler.claim_ledger_log = True
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.info("Claim Ledger %s started", __version__)
    return path
