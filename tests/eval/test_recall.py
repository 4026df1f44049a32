"""Fact recall, the Lead-N baseline and unsupported content (drafter.eval.recall / unsupported / measures)."""

from __future__ import annotations

import datetime as dt

from drafter.criteria.context import Annotations
from drafter.eval.cases import Case, GoldFact
from drafter.eval.measures import case_annotations, measure
from drafter.eval.recall import fact_recall, lead_recall, lead_text, stem, term_in, tokens
from drafter.eval.unsupported import unsupported_content

AS_OF = dt.date(2018, 3, 27)


def fact(fid="f1", match=("cut",), when=None, weight=2, kind="decision"):
    return GoldFact(id=fid, kind=kind, text=f"fact {fid}", match=list(match), when=when, weight=weight)


def test_light_stemming_and_word_boundaries():
    assert stem("cutting") == stem("cut") and stem("cordoned") == stem("cordon")
    assert stem("realised") == stem("realized") and stem("notified") != stem("note")
    toks = tokens("We are cutting the scope; nodes were deleted and the team realized it.")
    assert term_in("cut", toks) and term_in("delet", toks) and term_in("realis", toks)
    assert term_in("node", toks) and not term_in("age", tokens("the agent and the agenda"))
    assert not term_in("cut", tokens("a cute acute angle"))  # word boundary: no substring hits
    assert term_in("no space", tokens('flood of "No space left on device"'))  # several words, in order
    assert not term_in("space no", tokens("no space left"))


def test_a_fact_needs_every_match_entry_in_one_sentence():
    f = fact(match=["root cause|cause", "unknown|age"])
    assert fact_recall("The root cause is still unknown.", [f], AS_OF).value == 1.0
    # the two terms in different sentences do not state the fact
    r = fact_recall("We looked for the root cause. Nothing is unknown here", [f], AS_OF)
    assert r.value == 0.0 and r.facts[0].evidence is None


def test_a_dated_fact_needs_a_date_that_resolves_to_it():
    f = fact(match=["launch", "fail"], when=dt.date(2018, 3, 26))
    for ok in ("Launches failed on 2018-03-26.", "Launches failed yesterday.", "Launches failed on Mon 26 Mar.",
               "Launches failed on 26 March 2018."):
        assert fact_recall(ok, [f], AS_OF).value == 1.0, ok
    assert fact_recall("Launches failed.", [f], AS_OF).value == 0.0
    assert fact_recall("Launches failed on Sun 25 Mar.", [f], AS_OF).value == 0.0


def test_recall_is_weighted_and_shows_the_stating_sentence():
    gold = [fact("a", ["cordon"], weight=3), fact("b", ["SMTP"], weight=1)]
    r = fact_recall("**Outage** — done\n- We cordoned the old node.\n- Next: more.", gold, AS_OF)
    assert r.value == 3 / 4 and r.stated_weight == 3 and r.total_weight == 4
    assert r.facts[0].evidence == "We cordoned the old node." and [m.id for m in r.missed] == ["b"]
    assert fact_recall("anything", [], AS_OF).value is None


def test_lead_n_is_the_top_of_the_notes_cut_to_the_draft_length():
    notes = "# Title\n\nfirst line with SMTP alert\nsecond line: we cordoned a node\nthird line"
    assert lead_text(notes, 6) == "Title\nfirst line with SMTP alert"
    gold = [fact("a", ["cordon"]), fact("b", ["SMTP"])]
    short = lead_recall(notes, "one two three four five six", gold, AS_OF)
    long = lead_recall(notes, " ".join(["w"] * 40), gold, AS_OF)
    assert short.value == 0.5 and long.value == 1.0


def test_unsupported_dates_numbers_people_and_tasks():
    notes = ("Mon 23 Nov: emailed Dana at Acme for the Q3 docs, no reply.\n"
             "Kick-off with Acme is on Tue 1 Dec.\n## Timeline\n")
    as_of = dt.date(2026, 11, 25)
    ann = Annotations(people=["Dana"])
    kinds = lambda text: {(t.kind, t.text) for t in unsupported_content(text, notes, as_of, ann)}  # noqa: E731
    assert kinds("Emailed Dana at Acme on Mon 23 Nov for the Q3 docs; no reply yet.") == set()
    assert ("date", "Fri 4 Dec") in kinds("The Q3 docs are due Fri 4 Dec.")  # a deadline the notes never give
    assert kinds("If no reply, I will call Dana at Acme by Fri 27 Nov (proposed).") == set()  # marked proposed
    assert ("number", "$900") in kinds("Emailed Dana at Acme for the Q3 docs, a $900 order.")
    assert ("person", "Kick") in kinds("I will check with Kick that the Q3 docs from Acme are on course.")
    assert ("person", "Raj") in kinds("Emailed Raj at Acme for the Q3 docs.")
    tasks = [t for t in unsupported_content("Next: I will finish the Timeline.", notes, as_of, ann) if t.kind == "task"]
    assert tasks  # a heading of the notes is no task


def test_an_action_the_notes_give_a_named_owner_is_not_the_writers():
    notes = "Christian: downgrade to python 3.8 (#1399)\n"
    ann = Annotations(people=["Christian"], commitments=[{"what": "downgrade to python 3.8 (#1399)", "owner": "Christian"}])
    as_of = dt.date(2021, 6, 10)
    assert unsupported_content("Christian will downgrade to python 3.8 (#1399).", notes, as_of, ann) == []
    found = unsupported_content("I will downgrade to python 3.8 (#1399).", notes, as_of, ann)
    assert [t.kind for t in found] == ["task"] and "Christian" in found[0].text


def _case(**kw):
    base = dict(id="c", notes="We cordoned the node on Mon 26 Mar.\nRoot cause unknown.", as_of=AS_OF,
                artefacts=["update"], gold=[fact("a", ["cordon"]), fact("b", ["root cause", "unknown"])])
    return Case.model_validate({**base, **kw})


def test_measure_uses_the_cases_own_annotations_else_derives_them():
    own = _case(annotations={"people": ["Dana"]})
    ann, source = case_annotations(own)
    assert source == "case" and ann.people == ["Dana"]
    ann, source = case_annotations(_case())
    assert source == "derived"
    m = measure(_case(), "We cordoned the node. The root cause is unknown.")
    assert m["recall"] == 1.0 and m["annotations"] == "derived" and m["unsupported"] == 0
    m = measure(own, "We cordoned the node; Happy will look at it by Fri 30 Mar.")
    assert m["recall"] == 0.5 and m["lead_n"] is not None
    assert {t["kind"] for t in m["unsupported_terms"]} >= {"person", "date"}
