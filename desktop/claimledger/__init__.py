"""Claim Ledger: an offline desktop app for fact-checkers."""

__version__ = "0.1.0"
