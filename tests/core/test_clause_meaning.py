"""Cleaning a clause from the notes never changes what it says: a hedge is kept in honest words
("kind of well" -> "fairly well", not "well"), and a sentence the notes ended keeps the preposition
its verb takes ("a lot to catch up on." was drafted "a lot to catch up")."""

from drafter.engines.offline import tighten
from drafter.engines.wording import clause

# excerpts of the ChemCafe week-8 report (/work/helpers/fresh2/worklog-chemcafe-robert-cook-week8.md)
CATCH_UP = "We are definitely chugging along, though this week is going to be stressful in terms of development because there is a lot to catch up on."
KIND_OF = "Our team is functioning kind of well, though the disappearance of Donato due to his corps responsibilities has hurt our productivity slightly."


def test_a_whole_sentence_keeps_its_verbs_preposition():
    assert clause(CATCH_UP).endswith("a lot to catch up on")
    # PyPI incident report 2025-04-14 (evals/real/incident/pypi-2025-04-14-organization-team-privileges.md)
    assert clause("the User was removed from the PyPI Organization the Team belongs to.").endswith("belongs to")


def test_a_cut_clause_still_loses_its_dangling_word():
    assert clause("What version of the Contributor Covenant Code of") == "What version of the Contributor Covenant Code"
    assert clause("More details on how to register are at.") == "More details on how to register are"


def test_a_hedge_is_kept_in_honest_words():
    assert "functioning fairly well" in tighten(KIND_OF)
    assert tighten("The new build sort of works on ARM.") == "The new build partly works on ARM."
    assert "kind of" not in tighten(KIND_OF)


def test_etc_goes_but_a_name_that_starts_with_it_stays():
    # etcd v3.5 postmortem (unseen real notes): "When etcd is updating" was drafted "Whend is updating"
    from drafter.engines.offline import tighten

    assert tighten("When etcd is updating database state, etc.") == "When etcd is updating database state"
    assert tighten("We fixed A, B, etc. today") == "We fixed A, B today"
    assert tighten("Richard will do sweeps/greps/etc before merging.") == "Richard will do sweeps/greps before merging."  # OrbitDB sync


def test_a_hope_stays_a_hope():
    # OpenCue TSC minutes (2022-12-07): "Hopefully, we can track down the problem and avoid having to merge
    # this PR." Dropping "Hopefully" turned the hope into a claim; the hedge word still goes (U11)
    from drafter.engines.offline import tighten

    assert tighten("Work around it. Hopefully, we can track down the problem.") == "Work around it. We hope to track down the problem."
    assert tighten("and hopefully I will finish it") == "and I hope to finish it"
    assert "hopefully" not in tighten("It will hopefully land Friday").lower()
