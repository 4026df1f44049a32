"""The criteria table (ids stable across tests, eval reports and prompts) and the check registry."""

from __future__ import annotations

from typing import Callable

from ..models import ArtefactKind
from .base import CheckResult, Criterion
from .context import CheckContext

U, O, D = ArtefactKind.UPDATE, ArtefactKind.OPTIONS, ArtefactKind.DELEGATE

# (id, artefact, title, description, judge question or None)
_TABLE: list[tuple[str, ArtefactKind, str, str, str | None]] = [
    ("U1", U, "Bottom line first", "The first sentence carries the overall status or the ask.", None),
    ("U1.j", U, "Bottom line first", "Line 1 alone tells the reader the most important thing.",
     "Does the first line alone tell the reader the most important thing they need to know?"),
    ("U2", U, "One status per item, overall = worst",
     "Each item has exactly one status; overall is not better than the worst item without a reason.", None),
    ("U3", U, "No watermelon", "With an overdue commitment or an open blocker, overall is not 'on track'.", None),
    ("U4", U, "Every promise accounted for", "Each annotated commitment appears with a state.", None),
    ("U5", U, "No silently passed deadline",
     "A commitment past due and not done is called missed/late and gets a new date or a decision ask.", None),
    ("U6", U, "Early risk flag", "Each wait or blocker is flagged together with the deadline it threatens.", None),
    ("U7", U, "Next step with owner and date", "Each open item has an action, an owner and a date >= as_of.", None),
    ("U8", U, "Fallback for outside dependencies",
     "Each wait on someone else has 'if not X by T, I will Y'.", None),
    ("U8.j", U, "Fallback for outside dependencies", "The fallback action is a reasonable next path.",
     "For each outside dependency, is the 'if not ... by ..., I will ...' action a reasonable next path "
     "that moves the work forward?"),
    ("U9", U, "Explicit ask", "When a decision or help is needed: who, what, by when.", None),
    ("U10", U, "Grounded",
     "Every date, number, name and ticket id is in the notes or is a proposed date in a next step.", None),
    ("U10.j", U, "Grounded", "Every claim is supported by the notes.",
     "Is every factual claim in the draft supported by the notes?"),
    ("U11", U, "Specific, not vague", "No filler phrases; the people waited on are named.", None),
    ("U12", U, "Outcome linkage", "Pre-check: the downstream deadline or goal is named.", None),
    ("U12.j", U, "Outcome linkage", "Says why the work matters to the reader's goal.",
     "Does the draft say why the work matters to the reader's goal (the outcome or deadline it serves)?"),
    ("U13", U, "Owner's voice", "First-person active commitments; no hedging or blame.", None),
    ("U14", U, "Length and format fit the audience",
     "Word caps (boss/team 150, slack 80, email 250 + Subject, client 200); no placeholders.", None),
    ("U15", U, "Safe for a client", "A client draft has no internal names, ticket ids or internal jargon.", None),
    ("U15.j", U, "Safe for a client", "The draft is safe to forward to the client.",
     "Could this draft be forwarded to the client as is, without exposing internal matters?"),
    ("U16", U, "Say/do across updates",
     "Every commitment of the previous update appears with a state; reports the say/do ratio.", None),
    ("O1", O, "Decision up front",
     "The first paragraph has the recommendation or 'decision needed' and a decide-by date >= as_of.", None),
    ("O2", O, "Problem stated briefly, with impact", "The problem is <= 3 sentences and names the deadline.", None),
    ("O3", O, "Two or more real options", "2-4 options are listed.", None),
    ("O3.j", O, "Two or more real options", "The options are materially different.",
     "Are the options materially different courses of action, not variants of one?"),
    ("O4", O, "Trade-offs per option", "Each option has an upside, a downside or risk, and a time or cost.", None),
    ("O5", O, "One recommendation, reasoned", "Exactly one recommendation, naming a listed option.", None),
    ("O5.j", O, "One recommendation, reasoned", "The recommendation follows from the trade-offs.",
     "Does the recommendation follow from the stated trade-offs?"),
    ("O6", O, "Default if no decision",
     "'If I don't hear by <date>, I will <option>' with the date before the deadline.", None),
    ("O7", O, "Initiative already shown", "At least one action already taken, taken from the notes.", None),
    ("O8", O, "Authority boundary", "Separates what the writer will just do from what needs approval.",
     "Does the draft make clear what the writer will just do and what needs the reader's approval?"),
    ("O9", O, "One-word answer possible", "A reply affordance such as 'Reply A or B'.", None),
    ("O9.j", O, "One-word answer possible", "The reader could decide without a follow-up question.",
     "Could the reader decide and answer in one word without asking a follow-up question?"),
    ("O10", O, "Feasible and grounded", "Options use only people and resources in the notes, or flag assumptions.",
     "Do the options use only people and resources mentioned in the notes, or clearly flag assumptions?"),
    ("O11", O, "Problem never suppressed", "A risk with no known fix is still stated.", None),
    ("D1", D, "One accountable owner per task", "Exactly one named owner per task, not 'team' or 'TBD'.", None),
    ("D2", D, "Done is checkable", "A 'done when' per task.", None),
    ("D2.j", D, "Done is checkable", "Two people could agree the task is done.",
     "Is the 'done when' condition concrete enough that two people would agree whether it is met?"),
    ("D3", D, "Deadline", "A deadline that parses, is >= as_of and <= the parent deadline.", None),
    ("D4", D, "Quality standard", "A quality standard is present.", None),
    ("D4.j", D, "Quality standard", "The quality standard is concrete.",
     "Is the quality standard concrete (checkable facts, not 'do a good job')?"),
    ("D5", D, "Check-ins",
     "At least one check-in before the deadline, the first within a third of the time.", None),
    ("D6", D, "Decision rights",
     "A named delegation level (research and report / recommend / decide and inform / act alone).", None),
    ("D7", D, "Why it matters", "A purpose is stated.", None),
    ("D7.j", D, "Why it matters", "The purpose is tied to the reader's goal.",
     "Does the draft tie the task's purpose to a goal the delegate can understand and act on?"),
    ("D8", D, "Resources and contacts", "At least one contact, link or access item from the notes.", None),
    ("D9", D, "Escalation trigger", "'Escalate if ...' with a condition or a time.", None),
    ("D10", D, "Teach it once", "Names a reusable artefact (runbook, checklist, template) or a shadowing step.", None),
    ("D10.j", D, "Teach it once", "The task would not come back to the delegator next time.",
     "After this hand-off, could the delegate do the task next time without coming back to the writer?"),
    ("D11", D, "Support offered", "'What do you need from me?' or offered help.", None),
    ("D12", D, "No ghost ownership", "Every open loop from the notes has a next owner.", None),
    ("D12.j", D, "No ghost ownership", "Nothing is left with the delegator undated.",
     "Is every loop the writer keeps given a date, so nothing is left with the writer undated?"),
    ("D13", D, "Capacity considered", "The delegate's load is acknowledged.",
     "Does the draft acknowledge the delegate's current workload or capacity?"),
]

CRITERIA: dict[str, Criterion] = {
    cid: Criterion(
        id=cid, artefact=art, title=title, description=desc,
        kind="judge" if q else "deterministic", judge_question=q,
    )
    for cid, art, title, desc, q in _TABLE
}

Check = Callable[[CheckContext], CheckResult]
CHECKS: dict[str, Check] = {}


def check(cid: str):
    """Register a deterministic check function under criterion ``cid``."""

    def deco(fn: Check) -> Check:
        if cid not in CRITERIA or CRITERIA[cid].kind != "deterministic":
            raise KeyError(f"{cid} is not a deterministic criterion")
        CHECKS[cid] = fn
        return fn

    return deco


def result(cid: str, passed: bool | None, evidence: str, detail: str = "") -> CheckResult:
    return CheckResult(id=cid, kind=CRITERIA[cid].kind, passed=passed, evidence=evidence, detail=detail)
