"""Controllers: each owns a part of the window, calls workspace verbs, follows changes."""
