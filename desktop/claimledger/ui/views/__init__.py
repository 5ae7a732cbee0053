"""Widgets and Qt models: they show records and emit what the reviewer asked for; no verbs."""
