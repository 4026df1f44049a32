"""drafter: turn raw task notes into the messages an owner of the work would send.

Library entry point: :class:`drafter.Drafter`. Models live in :mod:`drafter.models`.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Drafter", "__version__"]


def __getattr__(name: str):  # lazy: importing drafter stays cheap
    if name == "Drafter":
        from .api import Drafter

        return Drafter
    raise AttributeError(name)
