"""Deterministic checks for the delegate artefact (skeleton: filled in next)."""

from __future__ import annotations

from ..models import ArtefactKind
from .registry import CRITERIA, check, result

for _c in CRITERIA.values():
    if _c.artefact == ArtefactKind("delegate") and _c.kind == "deterministic":
        check(_c.id)(lambda ctx, _id=_c.id: result(_id, None, "not implemented yet"))
