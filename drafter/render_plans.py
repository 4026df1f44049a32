"""Sections of an options proposal and of a delegation plan, as rendered.

What the notes do not give is said once, not once per option or task: an options proposal whose
notes state no trade-off for any option says so in one line and shows the grounds people gave;
a delegation plan lists, in one "To agree with <delegate>" line, every field the notes leave open
(done when, quality bar, steps, deadline, check-ins), naming the tasks it applies to when it
is not every task. No check-in is shown that the notes do not set.
"""

from __future__ import annotations

import re

from .models import DelegationPlan, OptionsProposal
from .render_layout import Entry, Section
from .render_sections import _Writer
from .render_text import _strip_prefix, bold, cap_first, clean, low_first, sentence

TRADEOFFS = (("upside", "Upside"), ("downside", "Downside"), ("cost", "Cost/time"))


def _option_head(o, label: str, w: _Writer) -> str:
    title = w.t(o.title)
    summary = w.t(o.summary).rstrip(".")
    if title and summary.lower().startswith(title.lower()):  # "Nimbus — Nimbus: $12k" -> "Nimbus — $12k"
        summary = summary[len(title):].lstrip(" :;,—–-")
    if summary.lower() == title.lower():
        summary = ""
    return f"{bold(f'{label}) {title}')}" + (f" — {summary}." if summary else ".")


def options_sections(a: OptionsProposal, w: _Writer) -> list[Section]:
    labels = [clean(o.label).rstrip(")").strip() or chr(65 + i) for i, o in enumerate(a.options)]
    rec = clean(a.recommendation).rstrip(")").strip()
    decide_by = w.d(a.decide_by)
    headline = sentence(w.t(a.headline))
    open_decision = getattr(a, "open_decision", True)
    low = headline.lower()
    if open_decision:
        if "decision" not in low and "decide" not in low and "recommend" not in low:
            headline = f"Decision needed by {decide_by}: {headline}"
        elif decide_by not in headline:
            headline += f" Please decide by {decide_by}."
        if rec in labels and f"option {rec.lower()}" not in headline.lower():
            headline += f" I recommend option {rec}."
    sections = [Section(entries=[Entry(headline, "para")])]

    if clean(a.problem):
        problem = sentence(w.t(a.problem))
        if a.deadline and w.d(a.deadline) not in problem:
            label = w.t(a.deadline_label) if a.deadline_label else "the deadline"
            problem += f" At stake: {label} on {w.d(a.deadline)}."
        sections.append(Section(entries=[Entry(f"Problem: {problem}", "para")]))

    if a.actions_taken:
        # a proposal is the writer's own; the heading claims no actions for them when the notes are the team's
        sec = Section("What I've done" if getattr(a, "first_person", True) else "Done so far")
        for i, x in enumerate(a.actions_taken):
            sec.add(sentence(cap_first(w.t(x))), rank=None if i == 0 else 5)
        sections.append(sec)

    if a.known:
        heading = "What the notes say" if open_decision else "Outcomes in the notes"
        sections.append(Section(heading, [Entry(sentence(cap_first(w.t(x))), rank=4) for x in a.known]))

    if not open_decision:  # nothing asked: the plan the notes give, and a reply only if they miss a decision
        if a.will_do:
            sections.append(Section("The plan in the notes", [Entry(sentence(cap_first(w.t(x))), rank=4) for x in a.will_do]))
        if a.open_risks:  # no decision to ask for, but a problem is never suppressed (O11)
            sections.append(Section("Open risks", [Entry(sentence(cap_first(w.t(x)))) for x in a.open_risks]))
        if clean(a.reply_hint):
            sections.append(Section(entries=[Entry(sentence(w.t(a.reply_hint)), "para")]))
        return sections

    sec = Section("Options")
    stated = [[k for k, _ in TRADEOFFS if clean(getattr(o, k))] for o in a.options]
    none_stated = bool(a.options) and not any(stated)
    if none_stated:  # said once, not three times per option
        sec.add("The notes state no upside, downside or cost for any of these options"
                + ("; below is what people said about each." if any(getattr(o, "grounds", None) for o in a.options)
                   else "."), "para")
    for label, o, have in zip(labels, a.options, stated):
        parts = [_option_head(o, label, w)]
        parts += [f"{name}: {sentence(w.t(getattr(o, k)))}" for k, name in TRADEOFFS if k in have]
        missing = [name.lower() for k, name in TRADEOFFS if k not in have]
        if missing and not none_stated:
            parts.append(f"Not in the notes: {', '.join(missing)}.")
        grounds = [w.t(g) for g in getattr(o, "grounds", None) or [] if clean(g)]
        if grounds:
            parts.append("In the notes: " + " ".join(f"“{clean(g)}”." for g in grounds[:2]))
        sec.add(" ".join(parts), "para")
    if not a.options:  # an honest gap: no option is invented
        sec.add("The notes name no alternatives yet; none is invented here.", "para")
    sections.append(sec)

    rationale = _strip_prefix(w.t(a.rationale), "because ").rstrip(".")
    tail = Section()
    if rec in labels:
        tail.add(f"Recommendation: {rec}, because {low_first(rationale)}." if rationale else f"Recommendation: {rec}.", "para")
    elif rationale:
        tail.add(f"No recommendation: {low_first(rationale)}.", "para")
    default = w.t(a.default_action)
    if not re.search(r"if i (don't|do not) hear", default, re.I) and rec in labels:
        default = f"If I don't hear by {decide_by}, I will go with option {rec}."
    if default:
        tail.add(sentence(default), "para")
    sections.append(tail)

    if a.will_do:
        s = Section("I will go ahead with")
        for x in a.will_do:
            s.add(sentence(cap_first(w.t(x))), rank=4)
        sections.append(s)
    if a.needs_approval:
        s = Section("Needs your approval")
        for x in a.needs_approval:
            s.add(sentence(cap_first(w.t(x))), rank=3)
        sections.append(s)
    if a.open_risks:
        sections.append(Section("Open risks", [Entry(sentence(cap_first(w.t(x)))) for x in a.open_risks]))

    hint = w.t(a.reply_hint)
    if (not hint or not re.search(r"\breply\b", hint, re.I)) and labels:
        names = labels[:-1]
        hint = f"Reply {', '.join(names)} or {labels[-1]}." if names else f"Reply {labels[-1]}."
    sections.append(Section(entries=[Entry(sentence(hint), "para")]))
    return sections


_AGREE_SUFFIX = re.compile(r":\s*to agree with .*$", re.I)
#: old wording of the same gaps (an LLM engine or an older writer) -> the short name said once
_AGREE_NAMES = {"what counts as done": "done when", "the quality bar": "quality bar", "the steps": "written steps"}


def _agree_lines(a: DelegationPlan, w: _Writer) -> list[str]:
    """What every task leaves open, grouped: 'done when, quality bar for every task; the deadline (proposed: ...) for X'."""
    by_key: dict[str, list[str]] = {}
    for task in a.tasks:
        keys = [clean(_AGREE_SUFFIX.sub("", w.t(x))) for x in getattr(task, "to_agree", []) if clean(x)]
        if not task.done_when and "done when" not in keys and "what counts as done" not in keys:
            keys.insert(0, "done when")
        if not task.quality_standard and "quality bar" not in keys and "the quality bar" not in keys:
            keys.insert(1, "quality bar")
        for k in keys:
            k = _AGREE_NAMES.get(k, k)
            if task.deadline_proposed and k.startswith("the deadline (proposed"):
                continue  # the task's own "Deadline: ... (proposed)" line says it; not said twice
            by_key.setdefault(k, []).append(w.t(task.title))
    n = len(a.tasks)
    groups: dict[tuple[str, ...], list[str]] = {}
    for k, titles in by_key.items():
        groups.setdefault(tuple(dict.fromkeys(titles)), []).append(k)
    out = []
    for titles, keys in groups.items():
        what = ", ".join(keys[:-1]) + (" and " if len(keys) > 1 else "") + keys[-1]
        if n == 1:
            out.append(what)
        elif len(titles) == n:
            out.append(f"{what} for every task")
        else:
            out.append(f"{what} for {' and '.join(titles)}")
    return out


#: a support line that already asks what the delegate needs (an LLM plan's, or the notes')
_ASKS_NEED = re.compile(r"\bwhat (?:do |else )?you need from me\b|\blet me know (?:if|what) you need\b", re.I)

#: how a delegation level reads, addressed to the delegate; the level is the writer's proposal
#: (the notes do not set it), so it is said as one
RIGHTS = {
    "research and report": "you research and report, I decide",
    "recommend": "you recommend, I decide",
    "decide and inform": "you decide and inform me",
    "act alone": "you act alone",
}


def rights_line(level: str) -> str:
    """'Decision rights (I propose): you recommend, I decide'."""
    return f"Decision rights (I propose): {RIGHTS.get(level, level)}"


def delegation_sections(a: DelegationPlan, w: _Writer) -> list[Section]:
    sections = [Section(entries=[Entry(sentence(w.t(a.headline)), "para")])]
    runbook_name = w.t(a.runbook_name)
    owners = {w.t(t.owner) for t in a.tasks}
    rights = {t.decision_rights.value for t in a.tasks}
    one_owner = len(owners) == 1
    # resources every task shares are listed once, above the tasks
    shared = [r for r in a.tasks[0].resources if len(a.tasks) > 1 and all(r in t.resources for t in a.tasks[1:])]
    # one escalation rule said once when every task has the same one (the same dates), never pasted per task
    escs = [_strip_prefix(w.t(t.escalate_if), "escalate if", "escalate when").rstrip(".") for t in a.tasks]
    one_esc = escs[0] if len(a.tasks) > 1 and len(set(escs)) == 1 else None
    dues = {(t.deadline, t.deadline_proposed) for t in a.tasks}
    one_due = next(iter(dues)) if len(a.tasks) > 1 and len(dues) == 1 else None
    if one_owner or len(rights) == 1 or shared or one_esc or one_due:
        head = Section()
        if one_owner:
            head.add(f"Owner: {next(iter(owners))}" + (" (every task below)" if len(a.tasks) > 1 else ""))
        if len(rights) == 1:
            head.add(rights_line(next(iter(rights))))
        if shared:
            head.add(f"Resources: for every task, {'; '.join(w.t(r) for r in shared)}", rank=2)
        if one_due:
            head.add(f"Deadline: {w.d(one_due[0])}" + (" (proposed)" if one_due[1] else "") + " for every task")
        if one_esc:
            head.add(f"Escalate, for every task, if {one_esc}.")
        sections.append(head)
    for task in a.tasks:
        sec = Section()
        sec.add(bold(cap_first(w.t(task.title))), "title")
        if not one_owner:
            sec.add(f"Owner: {w.t(task.owner)}")
        if task.done_when:
            sec.add(f"Done when: {sentence(w.t(task.done_when))}")
        if not one_due:
            sec.add(f"Deadline: {w.d(task.deadline)}" + (" (proposed)" if task.deadline_proposed else ""))
        if task.quality_standard:
            sec.add(f"Quality: {sentence(w.t(task.quality_standard))}")
        checks = "; ".join(f"{w.d(c.on)} ({w.t(c.what).rstrip('.')})" for c in task.check_ins)
        if checks:
            sec.add(f"Check-ins: {checks}")
        if len(rights) > 1:
            sec.add(rights_line(task.decision_rights.value))
        if clean(task.purpose):
            sec.add(f"Why it matters: {sentence(w.t(task.purpose))}", rank=3)
        own = [r for r in task.resources if r not in shared]
        if own:
            sec.add(f"Resources: {'; '.join(w.t(r) for r in own)}", rank=2)
        if not one_esc:
            esc = _strip_prefix(w.t(task.escalate_if), "escalate if", "escalate when").rstrip(".")
            sec.add(f"Escalate if {esc}.")
        if task.runbook:
            sec.add(f"Runbook: {runbook_name}" if runbook_name else "Runbook:")
            for i, step in enumerate(task.runbook, 1):
                sec.add(f"{i}. {sentence(cap_first(w.t(step)))}", "step", rank=None if i <= 3 else 5)
        sections.append(sec)
    agree = _agree_lines(a, w)
    who = next(iter(owners)) if one_owner else "each owner"
    support = sentence(w.t(a.support)) if clean(a.support) else ""
    if not _ASKS_NEED.search(support):  # the notes do not say what help is needed: asked, not offered in stock words
        agree.append("what you need from me")
    if not clean(a.capacity_note):  # the notes say nothing of the delegate's load
        agree.append("what moves or drops from your current work so this fits")
    if agree:
        sections.append(Section(entries=[Entry(
            f"To agree with {who} (the notes do not say): {'; '.join(agree)}.", "para")]))
    if support:
        sections.append(Section(entries=[Entry(f"Support: {support}", "para")]))
    if clean(a.capacity_note):
        sections.append(Section(entries=[Entry(f"Capacity: {sentence(w.t(a.capacity_note))}", "para", rank=4)]))
    if a.open_loops:
        sections.append(Section("Open loops", [Entry(sentence(cap_first(w.t(x)))) for x in a.open_loops]))
    return sections
