"""Undo and redo, owned below the window (as in Anki).

An undoable verb records a step: the events that reverse it and the events that redo it.
Undo appends the reversing events as new events (the log never loses anything); redo
appends the redoing ones. Both stacks live for the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimledger.domain.records import Changes
from claimledger.workspace.base import WorkspaceBase
from claimledger.workspace.errors import WorkspaceError

Template = tuple[str, dict]


@dataclass(frozen=True)
class UndoStep:
    label: str
    changes: Changes
    reverse: list[Template] = field(default_factory=list)
    again: list[Template] = field(default_factory=list)
    first_event: str = ""


class UndoVerbs(WorkspaceBase):
    def _stack(self, name: str) -> list[UndoStep]:
        if not hasattr(self, name):
            setattr(self, name, [])
        return getattr(self, name)

    @property
    def undo_label(self) -> str | None:
        stack = self._stack("_undo_steps")
        return stack[-1].label if stack else None

    @property
    def redo_label(self) -> str | None:
        stack = self._stack("_redo_steps")
        return stack[-1].label if stack else None

    def undo(self) -> Changes:
        return self._replay("_undo_steps", "_redo_steps", "reverse", "undo_of")

    def redo(self) -> Changes:
        return self._replay("_redo_steps", "_undo_steps", "again", "redo_of")

    def _record(self, step: UndoStep) -> Changes:
        self._stack("_undo_steps").append(step)
        self._stack("_redo_steps").clear()
        return step.changes

    def _replay(self, source: str, target: str, side: str, link: str) -> Changes:
        stack = self._stack(source)
        if not stack:
            return Changes()
        step = stack[-1]
        events = [self._event(kind, {**payload, link: step.first_event})
                  for kind, payload in getattr(step, side)]
        try:
            with self.db.write() as conn:
                self._append(conn, events)
        except Exception as error:
            raise WorkspaceError(f"Could not {link[:4]} “{step.label}”: {error}") from error
        stack.pop()
        self._stack(target).append(step)
        return step.changes
