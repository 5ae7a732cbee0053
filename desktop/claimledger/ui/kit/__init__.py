"""The ground floor of the window: looks, the background runner, preferences, pure helpers."""
