"""Exceptions raised by ArtExplore.

Every error a user can cause derives from :class:`ArtExploreError`; the CLI prints
its message and exits with status 1, the pages show it with ``st.error``.
"""

from __future__ import annotations


class ArtExploreError(Exception):
    """Base class of the errors a user can act on."""


class ReasonedError(ArtExploreError):
    """A bad input that a stage skips and records: a short reason and a sentence.

    Parameters
    ----------
    reason : str
        A short machine-readable reason.
    detail : str
        A sentence a person can read.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class ImageLoadError(ReasonedError):
    """An image file could not be decoded.

    Parameters
    ----------
    reason : str
        A short machine-readable reason (``"empty"``, ``"truncated"``,
        ``"not-an-image"``, ``"too-large"``, ``"unsupported-mode"``, ``"unreadable"``).
    detail : str
        A sentence a person can read.
    """


class ConfigError(ArtExploreError, ValueError):
    """A parameter value is out of range or of the wrong kind."""


class WorkspaceError(ArtExploreError):
    """A workspace is missing, inconsistent or holds another collection."""


class CatalogLockedError(WorkspaceError):
    """Another process holds the workspace catalogue's write lock for too long."""


class CatalogDamagedError(WorkspaceError):
    """The workspace catalogue (``catalog.sqlite``) is not a readable database."""


class MetadataError(ArtExploreError):
    """A metadata file or a column mapping cannot be used."""


class UnknownNameError(ArtExploreError, KeyError):
    """A name (extractor, backend, method, feature set…) is not registered."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class JobCancelled(ArtExploreError):
    """Raised inside a job when the user asked to cancel it."""


def unknown_name(kind: str, name: str, choices) -> UnknownNameError:
    """Build the error for an unregistered name, listing the valid choices.

    Parameters
    ----------
    kind : str
        What the name designates, e.g. ``"extractor"``.
    name : str
        The name that was asked for.
    choices : iterable of str
        The registered names.

    Returns
    -------
    UnknownNameError
    """
    listed = ", ".join(sorted(choices)) or "(none)"
    return UnknownNameError(f"Unknown {kind} {name!r}; choose one of: {listed}")
