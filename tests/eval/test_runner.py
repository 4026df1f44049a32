"""run_suite with the real offline engine: storage, resume, cache, crash isolation."""

from __future__ import annotations

import pytest
from eval_support import Counter, counting_engine

from drafter.errors import InputError, ProviderError
from drafter.eval import load_run, run_suite
from drafter.eval.store import RunStore, list_runs

N_UNITS = 4  # small suite: wait-dana x (update, options) + good-news x update + handoff x delegate


def _outcomes(result):
    return {(u.key, c.id): c.passed for u in result.units for c in u.checks}


def test_small_suite_runs_and_is_stored(small_suite, runs, factory, counter):
    seen = []
    result = run_suite(small_suite, drafter_factory=factory, runs_dir=runs, concurrency=2,
                       progress=lambda done, total, unit: seen.append((done, total, unit.key)))
    assert counter.calls == N_UNITS
    assert result.drafts_generated == N_UNITS and result.cache_hits == 0 and result.model_calls == 0
    assert [s[0] for s in seen] == [1, 2, 3, 4] and {s[1] for s in seen} == {N_UNITS}
    assert len(result.units) == N_UNITS and not result.errors, [u.error for u in result.errors]
    kinds = {u.artefact for u in result.units}
    assert kinds == {"update", "options", "delegate"}
    for u in result.units:
        assert u.text and u.text.strip()
        prefixes = {c.id[0] for c in u.checks}
        assert prefixes == {{"update": "U", "options": "O", "delegate": "D"}[u.artefact]}
        assert any(c.passed is not None for c in u.checks)
    # what was returned is what is stored
    loaded = load_run(result.run_id, runs)
    assert _outcomes(loaded) == _outcomes(result)
    assert loaded.meta["status"] == "finished" and loaded.meta["units_total"] == N_UNITS
    s = loaded.summary()
    assert {c["id"] for c in s["criteria"]} >= {"U1", "U8", "O3", "D1"}
    u8 = next(c for c in s["criteria"] if c["id"] == "U8")
    assert u8["n"] >= 1  # wait-dana has an outside wait
    assert [r["run_id"] for r in list_runs(runs)] == [result.run_id]


def test_rerun_of_unchanged_suite_makes_zero_model_calls(small_suite, runs, factory, counter):
    first = run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="first")
    assert counter.calls == N_UNITS
    second = run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="second")
    assert counter.calls == N_UNITS, "the re-run drafted again instead of using the cache"
    assert second.cache_hits == N_UNITS and second.drafts_generated == 0
    assert all(u.cached for u in second.units)
    assert _outcomes(second) == _outcomes(first)
    assert {u.key: u.text for u in second.units} == {u.key: u.text for u in first.units}
    # a changed case is drafted again; the others still come from the cache
    text = (small_suite / "small.yaml").read_text().replace("Released v3.2", "Released v3.3")
    (small_suite / "small.yaml").write_text(text)
    third = run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="third")
    assert third.drafts_generated == 1 and third.cache_hits == N_UNITS - 1
    assert counter.calls == N_UNITS + 1


def test_no_cache_drafts_anew(small_suite, runs, factory, counter):
    run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="a")
    run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="b", cache=False)
    assert counter.calls == 2 * N_UNITS


def test_same_name_resumes_and_changed_inputs_are_refused(small_suite, runs, factory, counter):
    run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="nightly", cache=False)
    again = run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="nightly", cache=False)
    assert counter.calls == N_UNITS and again.resumed_units == N_UNITS and len(again.units) == N_UNITS
    (small_suite / "small.yaml").write_text((small_suite / "small.yaml").read_text().replace("no incidents", "1 incident"))
    with pytest.raises(InputError, match="exists with other settings"):
        run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="nightly")
    fresh = run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="nightly", overwrite=True, cache=False)
    assert fresh.resumed_units == 0 and counter.calls == 2 * N_UNITS


class Interrupt(Exception):
    pass


def test_interrupted_run_resumes_only_the_missing_units(small_suite, runs, factory, counter):
    def stop_after_two(done, total, unit):
        if done == 2:
            raise Interrupt("simulated interruption")

    with pytest.raises(Interrupt):
        run_suite(small_suite, drafter_factory=factory, runs_dir=runs, name="cut", concurrency=1, cache=False,
                  progress=stop_after_two)
    with RunStore(runs / "cut.sqlite") as s:
        done_before = s.finished_keys()
        assert s.get_meta("status") == "interrupted"
    assert len(done_before) == 2
    partial = load_run("cut", runs)
    assert len(partial.units) == 2

    later = Counter()

    def factory2():
        from drafter import Drafter

        d = Drafter(engine="offline")
        d._engine = counting_engine(later)
        return d

    resumed = run_suite(drafter_factory=factory2, runs_dir=runs, resume="cut", cache=False)
    assert later.calls == N_UNITS - 2, "resume redid finished units"
    assert resumed.resumed_units == 2 and len(resumed.units) == N_UNITS and not resumed.errors
    assert resumed.meta["status"] == "finished"
    # the units finished before the interruption are untouched
    before = {u.key: u.text for u in partial.units}
    after = {u.key: u.text for u in resumed.units}
    assert all(after[k] == v for k, v in before.items())


def test_a_crashing_case_is_recorded_and_the_others_are_kept(crash_suite, runs, factory):
    result = run_suite(crash_suite, drafter_factory=factory, runs_dir=runs, concurrency=3)
    assert len(result.units) == N_UNITS + 1
    [err] = result.errors
    assert err.case_id == "broken-notes" and "empty" in err.error
    ok = [u for u in result.units if u.status == "ok"]
    assert len(ok) == N_UNITS and all(u.checks for u in ok)
    s = result.summary()
    assert s["errors"][0]["unit"] == "broken-notes/update/0"
    # the error is retried on resume (and fails again, still without touching the others)
    again = run_suite(drafter_factory=factory, runs_dir=runs, resume=result.run_id)
    assert again.drafts_generated == 0 and again.resumed_units == N_UNITS and len(again.errors) == 1


def test_engine_failure_in_one_unit(small_suite, runs):
    """A real engine that fails for one case (as a provider would) costs only that unit."""
    from drafter import Drafter
    from drafter.engines.offline import OfflineEngine

    class FlakyEngine(OfflineEngine):
        name = "flaky"

        async def awrite(self, kind, plan, notes, options):
            if "Looker" in notes:
                raise ProviderError("server returned 503")
            return await super().awrite(kind, plan, notes, options)

    def make():
        d = Drafter(engine="offline")
        d._engine = FlakyEngine()
        return d

    result = run_suite(small_suite, drafter_factory=make, runs_dir=runs)
    assert [u.key for u in result.errors] == [("handoff", "delegate", 0)]
    assert "ProviderError: server returned 503" in result.errors[0].error
    assert len([u for u in result.units if u.status == "ok"]) == N_UNITS - 1


def test_repeat_and_filters(small_suite, runs, factory, counter):
    result = run_suite(small_suite, drafter_factory=factory, runs_dir=runs, repeat=2, artefacts=["update"])
    assert sorted(u.key for u in result.units) == [
        ("good-news", "update", 0), ("good-news", "update", 1), ("wait-dana", "update", 0), ("wait-dana", "update", 1),
    ]
    assert counter.calls == 4  # the repeat index is part of the cache key: each repeat is its own draft
    only = run_suite(small_suite, drafter_factory=factory, runs_dir=runs, tags=["good-news"])
    assert {u.case_id for u in only.units} == {"good-news"}
