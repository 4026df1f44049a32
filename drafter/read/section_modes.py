"""What a section heading says its lines are: done, doing, blocked, decided, risk, question, timeline,
context (attendance, agenda, thanks: read as nothing to report), retro, or plain (the notes' own topic).
The first pattern that matches a heading decides (:func:`mode_of`)."""

from __future__ import annotations

import re

MODES = ("done", "doing", "blocked", "decided", "risk", "question", "timeline", "context", "retro")

MODE_HEADS: list[tuple[str, re.Pattern]] = [
    # a team's retro section: what it agreed to keep, change or try (read as outcomes)
    ("retro", re.compile(r"^(?:(?:weekly|team|sprint|monthly)\s+)?retro(?:spective)?s?(?:\s+(?:and\s+action\s+items|items|notes|actions))?\s*:?$|"
                         r"^(?:keep doing|stop doing|start doing|keep and expand|to improve|what we'?ll change|what to change)\b", re.I)),
    # a round's parts named by their state first: "Completed Tasks" is done (not "tasks" to do), "Issues" are its risks
    ("doing", re.compile(r"^(?:to be done|still to do|to do|left to do)\b", re.I)),  # "To be done within this week KW13": not done
    # "Open issues from recent meetings", "Outstanding action items": the actions still open, not risks
    ("doing", re.compile(r"^(?:open|pending|outstanding|carried[- ]over)\s+(?:issues|items|actions?|action items?|tasks|to-?dos?)\b(?!.*\b(?:list|discussion)\b)", re.I)),
    # "Challenges & How I Overcame Them": difficulties told with their solutions, over: no open risk, no task
    ("plain", re.compile(r"\b(?:challenges?|problems?|issues?|difficult\w*|obstacles?)\b.*\b(?:overc[ao]me|solved|resolved|fixed|addressed|tackled)\b", re.I)),
    ("risk", re.compile(r"^(?:didn'?t|did not|not) (?:get )?(?:done|finished|completed)\b", re.I)),  # "Didn't get done (and had commited to last week)"
    # the days ahead named as a part: "For this friday and weekend", "For next week", "This weekend"
    ("doing", re.compile(r"^(?:for\s+)?(?:this|next|the coming)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend)\b(?:\s+and\s+(?:the\s+)?weekend)?\s*:?$|"
                         r"^for (?:tomorrow|today|next week|the weekend|this week)\s*:?$", re.I)),
    # a report form's question on the week behind: "1 What have you been doing this week?", "What did you work on?"
    ("done", re.compile(r"\bwhat (?:have|has) (?:you|i|we) (?:been )?(?:doing|done|working on|worked on|accomplished)\b(?!.*\b(?:next|plan\w*|tomorrow)\b)|"
                        r"\bwhat did (?:you|i|we) (?:do|work on|get done|accomplish|achieve)\b", re.I)),
    ("done", re.compile(r"^(?:completed|done|finished|accomplished|achieved)\b", re.I)),
    # last week's tasks reported on: "Tasks from previous week:" > "Implemented CI." (done unless a line says otherwise)
    ("done", re.compile(r"^(?:tasks?|work|items?)\s+(?:completed|done|finished)\s*:?$", re.I)),  # "Tasks Completed:"
    ("done", re.compile(r"^(?:tasks?|work|items?)\s+(?:from|of)\s+(?:the\s+)?(?:previous|last|past)\s+(?:week|sprint|meeting|standup)\s*:?$", re.I)),
    ("risk", re.compile(r"^(?:issues?|problems?)\s*:?$", re.I)),
    # the previous meeting's minutes reviewed ("Minutes/actions from previous meeting"): its lines say what they are
    ("plain", re.compile(r"^(?:review of |approval of )?(?:the )?(?:previous|last|prior)?\s*(?:minutes|notes)\s*(?:/|and|&)?\s*(?:actions?(?: items?)?)?\s+"
                         r"(?:from|of)\s+(?:the\s+)?(?:previous|last|prior)\s+meeting\b", re.I)),
    # thanks given to teammates ("Thanks I'd like to give", "Kudos", "Shout-outs"): kind words, no news of the work
    ("context", re.compile(r"^\W*(?:thanks|thank you|kudos|shout-?outs?|appreciations?|gratitude)\b", re.I)),
    ("plain", re.compile(r"\b(retro(?:spective)?|highlights|announcements?|fyi|background|context|overview|introductions?|"
                         r"i'?d like to raise|shout-?outs?|kudos|thanks)\b", re.I)),
    ("context", re.compile(r"^(?:(?:meeting|call)\s+)?(?:agenda|attendees?|attendance|present|participants|roll call|apologies|regrets|absent|"
                           r"next meetings?(?: agenda| date)?|upcoming (?:[\w-]+ ){0,2}meetings?|attended by|recordings?|links?|notetaker|note[- ]taker|scribe|chat|resources|references|meeting (?:info|details|link)|"
                           r"antitrust|housekeeping|logistics|table of contents|contents|toc|guests?|attending|who joined|in attendance)\b|"
                           r"^(?:mc|emcee|moderators?|facilitators?|chairs?|hosts?|secretary|scribes?)\s*:?$|"
                           # last week's plan copied into this week's report: what was planned, not this week's news
                           r"^copy of\b.*\b(?:last|previous) week\b|^(?:last|previous) week'?s (?:plans?|goals?)\b", re.I)),
    # availability and capacity: people's time ahead, read as risks (never as promises)
    ("risk", re.compile(r"\b(?:availability|capacity|time off|out of office|absences|vacations|holidays|pto)\b", re.I)),
    ("risk", re.compile(r"\b(?:challenges?|problems?|issues?|difficult\w*)\b.*\b(?:expect\w*|anticipat\w*|foresee\w*|ahead)\b|"
                        r"\b(?:expect\w*|anticipat\w*|foreseen?)\b.*\b(?:challenges?|problems?|issues?)\b", re.I)),
    ("blocked", re.compile(r"\b(blockers?|blocked|blocking|impediments?|stuck|challenges?|problems?|issues faced|"
                           r"difficult|help needed|need help|obstacles?)\b", re.I)),
    ("decided", re.compile(r"\b(what went well|went right|worked well|decisions?(?: made)?|decided|resolutions?|resolved|outcomes?|agreed|conclusions?|"
                           r"results?|votes?|approved)\b", re.I)),
    ("doing", re.compile(r"\b(take[- ]?homes?|action items?|actions?|ais|todos?|to-dos?|to do|next steps?|next|today|tomorrow|"
                         r"plans?|planned|planning|coming up|what'?s active|currently active|going to|will do|doing|working on|in progress|"
                         r"follow[- ]?ups?|follow[- ]?up actions|process improvements?|remediation|goals?|"
                         r"what we need to do|who'?s doing what|assignments?|tasks?|backlog|focus|priorities|working towards)\b", re.I)),
    ("done", re.compile(r"\b(done|did|completed|accomplished|achieved|yesterday|since last|finished|shipped|"
                        r"what i did|what we did|what have you done|progress|where we are|worked on|"
                        # "Status", "Weekly status": a report of what was done; "Security review status" is a topic
                        r"^(?:(?:weekly|daily|current|overall|team|my|our)\s+)?status(?:es)?(?:\s+(?:updates?|reports?))?(?=\s*:?\s*$)|"
                        r"accomplishments|wins|changelog|released|close of (?:the )?week|wrap-?up|recap)\b", re.I)),
    ("timeline", re.compile(r"\b(timeline|chronology|sequence of events|log of events)\b", re.I)),
    ("risk", re.compile(r"\b(risks?|impact|root cause|causes?|contributing factors?|what went wrong|lessons?|"
                        r"where we got lucky|concerns?|known issues|caveats?|regressions?)\b", re.I)),
    ("question", re.compile(r"\b(open questions?|questions?|faq|unresolved|parking lot)\b", re.I)),
]


def mode_of(heading: str | None) -> str | None:
    if not heading:
        return None
    h = heading.strip()
    for mode, rx in MODE_HEADS:
        if rx.search(h):
            return mode
    return None


# an entry that names a part of the topic without its colon ("- Take homes" > "- Encourage our sub-projects ..."); not
# "- Goals" > "- make repo smaller" (what a choice is for, no task)
PART_ENTRY = re.compile(r"(?:take[- ]?homes?|action items?|next steps?|to[- ]?dos?|follow[- ]?ups?|done|completed|blockers?|blocked|got done|"
                        r"in progress|(?:didn'?t|did not) get done(?:\s*\([^()]{0,60}\))?)", re.I)
# attendance: context for everything under it ('Attended by' > 'TSC voting members' > names)
ATTENDANCE = re.compile(r"^\W*(?:attended by|attendees?|attendance|present|participants|in attendance|who joined|roll call|apologies|regrets|absent)\b", re.I)
