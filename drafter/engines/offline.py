"""The offline engine: writes each artefact from the playbook's plan, in the notes' own clauses.

Deterministic and free: no I/O, no model, the same plan always gives the same draft. Every name,
date and number comes from the notes (through the plan); the only new dates are the writer's own
proposals (next steps, fallbacks, new dates, check-ins, decide-by), each marked as proposed.

The wording lives beside this module: :mod:`.wording` (clauses and the grammar check),
:mod:`.update_writer`, :mod:`.options_writer` and :mod:`.delegation_writer`; this module holds
the audience passes (no hedging; for a client, no internal names or ticket ids) and the engine.
"""

from __future__ import annotations

import re

from ..models import (
    Artefact,
    ArtefactKind,
    Audience,
    DraftMeta,
    DraftOptions,
    Plan,
    WorkLog,
)
from ..playbook import clean, is_me
from .delegation_writer import NO_DELEGATE_HINT, NOT_A_PERSON, write_delegation  # noqa: F401  (re-exported)
from .options_writer import write_options
from .update_writer import headline_for, without_title, write_update  # noqa: F401  (re-exported)
from .wording import cap, fit  # noqa: F401  (re-exported)

DENY_LIST: list[tuple[re.Pattern, str]] = [
    # "Hopefully, we can track down the problem": a hope, said as one ("we hope to track down ..."), not as a claim
    (re.compile(r"\b[Hh]opefully,?\s+(?P<who>we|I)\s+(?:can|will|'ll|could|should)\s+"), lambda m: (f"{m.group('who')} hope to " if m.group(0)[0] == "h" else f"{m.group('who').capitalize() if m.group('who') != 'I' else 'I'} hope to ")),
    (re.compile(r"\bhopefully,?\s*", re.I), ""),
    (re.compile(r"\bshould be fine\b", re.I), "is not confirmed yet"),
    (re.compile(r"\bprogress continues\b", re.I), "work is moving"),
    (re.compile(r"\bvarious issues\b", re.I), "open issues"),
    (re.compile(r"\bworking on it\b", re.I), "in hand"),
    (re.compile(r"\btouch(?:ing)? base\b", re.I), "check in"),
    (re.compile(r"\bfingers crossed\b,?\s*", re.I), ""),
    (re.compile(r"\bshould be (?:ok|okay)\b", re.I), "is not confirmed yet"),
    (re.compile(r"\bprobably fine\b", re.I), "not confirmed yet"),
    (re.compile(r"\bI(?:'ll| will) try to\b", re.I), "I will"),
    (re.compile(r"\btry to\s+", re.I), ""),
    (re.compile(r",?\s*\bif possible\b", re.I), ""),
    (re.compile(r"\bwith any luck,?\s*", re.I), ""),
    # "functioning kind of well" is "fairly well", not "well"; "it sort of works" is "it partly works"
    (re.compile(r"\b(?:kind|sort) of\s+(?=(?:well|good|bad|badly|slow|slowly|fast|quick|quickly|late|early|ok|okay|fine|"
                r"stable|stuck|done|ready|busy|close|hard|easy|messy|rough|new|old|big|small|long|short|high|low)\b|\w+ly\b)", re.I), "fairly "),
    (re.compile(r"\b(?:kind|sort) of\s+(?=(?:works?|worked|working|broke|broken|fixed|helps?|helped|agreed)\b)", re.I), "partly "),
    (re.compile(r"\b(?:i think maybe|i guess|kind of|sort of)\s+", re.I), ""),
    (re.compile(r"\bas soon as possible\b|\basap\b", re.I), "first thing"),
    (re.compile(r"\bongoing\b", re.I), "open"),
    (re.compile(r"\b(?:circle back)\b", re.I), "come back"),
    (re.compile(r"\b(?:moving|going) forward\b", re.I), "from now on"),
    (re.compile(r"\bin the pipeline\b", re.I), "planned"),
    (re.compile(r"\bleverage\b", re.I), "use"),
    (re.compile(r"[,/]?\s*\betc\b\.?", re.I), ""),  # "etc." goes ("sweeps/greps/etc" -> "sweeps/greps"); "etcd" is a name
    (re.compile(r",?\s*\band so on\b", re.I), ""),
    (re.compile(r"\bstay tuned\b\.?", re.I), ""),
    (re.compile(r"\b(?:we're|I'm) on it\b", re.I), "I have it"),
    (re.compile(r"\bis on it\b", re.I), "has it"),
    (re.compile(r"\bare on it\b", re.I), "have it"),
    (re.compile(r"\b(?:some|a few) issues\b", re.I), "open issues"),
    (re.compile(r"\bmaking (?:good )?progress\b", re.I), "moving"),
]



# --------------------------------------------------------------------------------------------
# Audience and wording passes
# --------------------------------------------------------------------------------------------

_TICKET = re.compile(r"\s*\(?\b[A-Z][A-Z0-9]{1,9}-\d+\b\)?|\s*\(?(?<![\w&])#\d+\b\)?")


def internal_names(log: WorkLog, plan: Plan) -> dict[str, str]:
    """Names of people on our side (no organisation in the notes) -> the role to use instead."""
    external = {p.name.lower() for p in log.people if p.org}
    external |= {o.lower() for o in getattr(log, "orgs", [])}
    external |= {o.lower() for i in log.items for o in getattr(i, "orgs", [])}
    external |= {(p.org or "").lower() for p in log.people if p.org}
    roles: dict[str, str] = {}
    for p in log.people:
        if not p.org and not is_me(p.name):
            roles[p.name] = f"our {clean(p.role)}" if p.role else "our team"
    names = set()
    for item in log.items:
        names.update(item.people)
        names.update(c.owner for c in item.commitments)
        names.update(d.who for d in item.decisions if d.who)
        if item.delegate_to:
            names.add(item.delegate_to)
    if plan.delegation and plan.delegation.delegate:
        names.add(plan.delegation.delegate)
    for n in names:
        if n and not is_me(n) and n.lower() not in external and n not in roles:
            roles[n] = "our team"
    return roles


def scrub_text(text: str, roles: dict[str, str]) -> str:
    for name in sorted(roles, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", roles[name], text)
    text = _TICKET.sub("", text)
    return re.sub(r"\s{2,}", " ", text).replace(" ,", ",").replace(" .", ".").strip()


def tighten(text: str) -> str:
    for pattern, repl in DENY_LIST:
        text = pattern.sub(repl, text)
    return text


def map_strings(value, fn):
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [map_strings(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("kind", "status", "overall", "decision_rights", "path", "state", "label",
                                "recommendation") else map_strings(v, fn)) for k, v in value.items()}
    return value


def finish(artefact: Artefact, plan: Plan, options: DraftOptions) -> Artefact:
    """No hedging or filler anywhere; for a client, no internal names or ticket ids (U13, U15)."""
    fns = [tighten]
    if options.audience == Audience.CLIENT:
        roles = internal_names(plan.log, plan)
        fns.append(lambda t: scrub_text(t, roles))

    def apply(t: str) -> str:
        for fn in fns:
            t = fn(t)
        return t

    data = map_strings(artefact.model_dump(mode="json"), apply)
    for key, limit in (("headline", 300), ("subject", 120)):  # a role in place of a name can make it longer
        if isinstance(data.get(key), str):
            data[key] = fit(data[key], limit)
    return type(artefact).model_validate(data)


# --------------------------------------------------------------------------------------------
# Engine
# --------------------------------------------------------------------------------------------


class OfflineEngine:
    """Deterministic engine: ``write`` and ``awrite`` return the same artefact for the same plan."""

    name = "offline"

    def write(
        self, kind: ArtefactKind | str, plan: Plan, notes: str, options: DraftOptions | None = None
    ) -> tuple[Artefact, DraftMeta]:
        options = options or DraftOptions()
        kind = ArtefactKind(kind)
        if kind == ArtefactKind.UPDATE:
            artefact: Artefact = write_update(plan)
        elif kind == ArtefactKind.OPTIONS:
            artefact = write_options(plan)
        else:
            artefact = write_delegation(plan, options)
        artefact = finish(artefact, plan, options)
        return artefact, DraftMeta(engine="offline", llm_calls=0)

    async def awrite(
        self, kind: ArtefactKind | str, plan: Plan, notes: str, options: DraftOptions | None = None
    ) -> tuple[Artefact, DraftMeta]:
        return self.write(kind, plan, notes, options)


__all__ = ["OfflineEngine", "write_update", "write_options", "write_delegation", "DENY_LIST"]
