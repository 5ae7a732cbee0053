"""The window: PySide6 views over the workspace verbs. The only package that imports Qt."""
