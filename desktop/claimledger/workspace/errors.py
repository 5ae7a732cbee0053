"""Errors a user can act on. Every message is one plain sentence."""


class WorkspaceError(ValueError):
    """Bad input or a request that cannot be met; nothing was changed."""


class NotFound(WorkspaceError):
    pass


class Ambiguous(WorkspaceError):
    pass


class WorkspaceBusy(WorkspaceError):
    """Another program held the workspace's write lock too long; nothing was changed."""


class KeyStorageRefused(WorkspaceError):
    """No secure keyring exists and the user has not agreed to a key file yet."""
