"""The two measures every eval draft gets besides the criteria: fact recall (with its Lead-N
baseline) and unsupported content. :func:`measure` returns a plain dict that is stored with the
unit (``meta["measures"]``) and read by the reports and ``eval compare``.
"""

from __future__ import annotations

#: ids the measures report under (terminal table, JSON, JUnit, HTML, compare, calibration)
RECALL, LEAD, UNSUPPORTED = "recall", "lead_n", "unsupported"
MEASURE_IDS = (RECALL, UNSUPPORTED)
VERSION = 1


def case_annotations(case):
    """(annotations, source) for checking a case's drafts: the case's own, else derived by the parser.

    ``source`` is ``"case"`` or ``"derived"``; a derived set is the parser's belief, not ground truth.
    """
    from ..criteria.context import Annotations, annotations_from_notes, has_annotations

    if has_annotations(case.annotations):
        return Annotations.model_validate(case.annotations.model_dump(mode="python")), "case"
    try:
        return annotations_from_notes(case.notes, case.as_of), "derived"
    except Exception:  # a parser failure must not lose the draft's checks
        return Annotations(), "derived"


def measure(case, text: str | None, annotations=None, source: str = "case") -> dict:
    """Fact recall, Lead-N and unsupported content of one draft of ``case``."""
    from .recall import fact_recall, lead_recall, word_count
    from .unsupported import counts, unsupported_content

    text = text or ""
    if annotations is None:
        annotations, source = case_annotations(case)
    rec = fact_recall(text, case.gold, case.as_of)
    lead = lead_recall(case.notes, text, case.gold, case.as_of)
    terms = unsupported_content(text, case.notes, case.as_of, annotations, own_annotations=source == "case")
    return {
        "v": VERSION,
        RECALL: rec.value,
        LEAD: lead.value,
        "words": word_count(text),
        "facts": [f.to_dict() for f in rec.facts],
        "lead_stated": [f.id for f in lead.facts if f.stated],
        UNSUPPORTED: len(terms),
        "unsupported_counts": counts(terms),
        "unsupported_terms": [t.to_dict() for t in terms],
        "annotations": source,
    }
