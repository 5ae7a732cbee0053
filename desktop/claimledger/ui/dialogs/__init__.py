"""Dialogs: each collects one answer from the reviewer; no verbs."""
