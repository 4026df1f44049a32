"""Running the criteria on one draft: :func:`run_checks` and :func:`criteria_for`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..models import ArtefactKind
from .base import CheckResult, Criterion
from .context import CheckContext
from .registry import CHECKS, CRITERIA, result

if TYPE_CHECKING:
    from .judge import Judge


def _load_checks() -> None:
    from . import checks_delegate, checks_options, checks_update  # noqa: F401  (register checks)


def criteria_for(kind: ArtefactKind | str) -> list[Criterion]:
    """The criteria that apply to one artefact kind, in document order."""
    kind = ArtefactKind(kind)
    return [c for c in CRITERIA.values() if c.artefact == kind]


def run_checks(
    ctx: CheckContext, *, ids: Iterable[str] | None = None, judge: "Judge | None" = None
) -> list[CheckResult]:
    """Run the criteria of ``ctx.kind`` (or only ``ids``) on one draft."""
    _load_checks()
    if ctx.fmt.value == "json" and ctx.artefact is not None:
        # the checks read prose: judge a JSON draft by its markdown rendering
        from ..models import DraftOptions, OutputFormat
        from ..render import render

        text = render(ctx.artefact, OutputFormat.MARKDOWN, DraftOptions(audience=ctx.audience))
        ctx = ctx.model_copy(update={"text": text, "fmt": OutputFormat.MARKDOWN})
    wanted = set(ids) if ids is not None else None
    if wanted:
        unknown = wanted - set(CRITERIA)
        if unknown:
            raise KeyError(f"unknown criterion ids: {', '.join(sorted(unknown))}")
    out: list[CheckResult] = []
    for crit in criteria_for(ctx.kind):
        if wanted is not None and crit.id not in wanted:
            continue
        if crit.kind == "deterministic":
            try:
                out.append(CHECKS[crit.id](ctx))
            except Exception as exc:  # a broken check must not hide the others
                out.append(result(crit.id, None, f"check crashed: {type(exc).__name__}: {exc}"))
        elif judge is None:
            out.append(CheckResult(id=crit.id, kind="judge", passed=None, evidence="judge not run"))
        else:
            out.append(judge.judge(crit, ctx))
    return out

