"""Render an artefact as markdown, plain text, Slack mrkdwn, an email or JSON.

Every layout puts the bottom line first: the first line of the body is the headline, carrying
the overall status ("At risk: ...") or the decision needed.

Word caps (criterion U14) apply to status updates: boss <= 150 words, client <= 200, team <= 300,
and the format's own cap when tighter (slack <= 80, email <= 250 words plus the Subject line).
``DraftOptions.max_words`` overrides the cap for every artefact kind; options proposals and
delegation plans have no cap unless it is set. Words are whitespace-separated tokens of the
rendered body (markup and bullets included), the count the U14 check uses.

In a status update nothing is said twice: a line that only repeats a headline sentence is not
shown, and a headline sentence after the first that a line below says again (an item's next
step, its fallback) is left to that line. Over the cap, pieces go by importance, not by section: notes no item holds, topics, goal lines without a
deadline, the tail of done-lists, done work, open questions and goals with a deadline, then
decisions, owners' actions, waits and risks, and last on-track items' next steps; within
one importance an item's later and longer lines go before another item's first. A done-list
loses its entries one by one from the end, a line of several sentences its later sentences.
Then the most important dropped pieces that still fit are put back (never the notes no item
holds: those are the notes' raw lines). Status, problem items' next steps, the first next step,
fallbacks, asks and missed commitments are never dropped; if those alone are over the cap,
headline sentences after the first that a kept line already says are dropped, and the draft may
stay over the cap. Nothing is cut mid-sentence. The draft never mentions what was dropped (a line
about the tool is not one the receiver should get): :func:`render_fitted` returns the count, and
the CLI says it on stderr.

Client audience: ticket ids (ABC-123, #123) are removed, internal jargon ("staging", "PR",
"ticket", "on-call", ...) becomes plain words, and internal people are hidden: as the subject of a
next step they become "we", elsewhere their role ("our account director") or "our team".
Internal people are, when ``people`` is given, those with no organisation; always, the named
owners of next steps, commitments and delegated tasks (never "I"). The person waited on stays.

User text is made placeholder-safe: braces become parentheses, "[name]" / "<name>" brackets are
removed, markdown checkboxes become plain text, and TBD/TBC/TODO/XXX/??? become words, so no
draft shows an unfilled placeholder.
"""
from __future__ import annotations

from typing import Iterable

from .models import DelegationPlan, DraftOptions, OptionsProposal, OutputFormat, Person, StatusUpdate
from .render_layout import Entry, Section, _fit, mark_repeats, split_sentences, trim_headline  # noqa: F401  (re-exported)
from .render_plans import delegation_sections, options_sections
from .render_sections import _Writer, _update_sections
from .render_text import TICKET, clean, format_day, word_count  # noqa: F401  (re-exported)

AUDIENCE_CAPS = {"boss": 150, "client": 200, "team": 300}
FORMAT_CAPS = {"slack": 80, "email": 250}
_SELF = {"i", "me", "we", "us", "you", "myself", "our team", "team"}


# --------------------------------------------------------------------------------------------
# Client audience: who is internal
# --------------------------------------------------------------------------------------------


def _owners(artefact) -> set[str]:
    names: set[str] = set()
    if isinstance(artefact, StatusUpdate):
        for item in artefact.items:
            if item.next_step:
                names.add(item.next_step.owner)
            names.update(c.owner for c in item.commitments)
    elif isinstance(artefact, DelegationPlan):
        names.add(artefact.delegate)
        names.update(t.owner for t in artefact.tasks)
    return {n.strip() for n in names if n and n.strip().lower() not in _SELF}


def internal_names(artefact, people: Iterable[Person] | None = None) -> dict[str, str]:
    """Names to hide from a client, mapped to what replaces them (role or 'our team')."""
    people = list(people or [])
    external = {p.name for p in people if p.org}
    out = {n: "our team" for n in _owners(artefact) if n not in external}
    for p in people:
        if not p.org and p.name.strip().lower() not in _SELF:
            out[p.name] = f"our {p.role}" if p.role else "our team"
    return out


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def word_cap(artefact, fmt: OutputFormat, options: DraftOptions) -> int | None:
    """The word cap for this artefact, format and audience (None: no cap)."""
    if options.max_words:
        return options.max_words
    if not isinstance(artefact, StatusUpdate) or fmt == OutputFormat.JSON:
        return None
    caps = [AUDIENCE_CAPS.get(options.audience.value)]
    caps.append(FORMAT_CAPS.get(fmt.value))
    caps = [c for c in caps if c]
    return min(caps) if caps else None


def render(
    artefact: StatusUpdate | OptionsProposal | DelegationPlan,
    fmt: OutputFormat | str = OutputFormat.MARKDOWN,
    options: DraftOptions | None = None,
    *,
    people: Iterable[Person] | None = None,
) -> str:
    """Render ``artefact`` in ``fmt`` for ``options.audience`` within the word cap (see module doc)."""
    return render_fitted(artefact, fmt, options, people=people)[0]


def render_fitted(
    artefact: StatusUpdate | OptionsProposal | DelegationPlan,
    fmt: OutputFormat | str = OutputFormat.MARKDOWN,
    options: DraftOptions | None = None,
    *,
    people: Iterable[Person] | None = None,
) -> tuple[str, int]:
    """:func:`render`, and how many details the word cap left out (0 when everything fits)."""
    fmt = OutputFormat(fmt)
    options = options or DraftOptions()
    if fmt == OutputFormat.JSON:
        return artefact.model_dump_json(indent=2), 0
    client = options.audience.value == "client"
    writer = _Writer(
        artefact.as_of,
        replace=internal_names(artefact, people) if client else None,
        strip_tickets=client,
    )
    hidden = 0
    if isinstance(artefact, StatusUpdate):
        if not options.max_words and artefact.unplaced:
            # the notes' raw lines no item holds (front matter, passcodes, headings) are not news for the
            # receiver: shown only when the sender asks for more words; counted as left out
            hidden = len([x for x in artefact.unplaced if x.strip()])
            artefact = artefact.model_copy(update={"unplaced": []})
        sections = _update_sections(artefact, writer)
    elif isinstance(artefact, OptionsProposal):
        sections = options_sections(artefact, writer)
    elif isinstance(artefact, DelegationPlan):
        sections = delegation_sections(artefact, writer)
    else:
        raise TypeError(f"cannot render {type(artefact).__name__}")
    update = isinstance(artefact, StatusUpdate)
    mark_repeats(sections, hide=update)
    if update:
        trim_headline(sections)  # a headline sentence a line below says again goes: the line keeps it in its item
        split_sentences(sections)
    body, omitted = _fit(sections, fmt, word_cap(artefact, fmt, options))
    omitted += hidden
    if fmt == OutputFormat.EMAIL:
        subject = writer.t(artefact.subject) or writer.t(artefact.headline)
        return f"Subject: {subject}\n\n{body}", omitted
    return body, omitted  # no trailing newline: print() and file writers add their own


__all__ = ["render", "render_fitted", "word_count", "word_cap", "format_day", "internal_names", "AUDIENCE_CAPS", "FORMAT_CAPS"]

