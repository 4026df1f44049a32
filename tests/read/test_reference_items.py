"""A list item that is only a link or an issue number is the evidence of the entry above it, not
work of its own: "DHT refactor almost complete" with four PR links under a person's "Done:" is one
entry of that person's round, still open by its own words, not a topic "done: <PR link>"."""

import datetime as dt

from drafter.read import read_notes

# excerpt of libp2p/team-mgmt sync notes 2019-11-25 (/work/helpers/fresh/standup-libp2p-sync-2019-11-25.md)
ROUND = """# 2019-11-25 libp2p Sync Call

**Attendees**:
  - @vasco-santos
  - @bigs

## Biweekly updates

- @vasco-santos (not attending today)
  - Done:
     - Pubsub subsystem refactor finished
        - [libp2p/js-libp2p#467](https://github.com/libp2p/js-libp2p/pull/467)
      - DHT refactor almost complete
        - [libp2p/js-libp2p-kad-dht#148](https://github.com/libp2p/js-libp2p-kad-dht/pull/148)
        - [libp2p/js-libp2p-kad-dht#152](https://github.com/libp2p/js-libp2p-kad-dht/pull/152)
  - Blocked: N/A
  - Next:
    - Finish DHT subsystem refactor
      - [libp2p/js-libp2p-kad-dht#153](https://github.com/libp2p/js-libp2p-kad-dht/pull/153)
    - Finish docs PR

- @bigs
  - Next:
    - Work on moving towards noise
"""


def _log():
    return read_notes(ROUND, dt.date(2019, 11, 25))


def test_an_entry_with_only_links_under_it_is_not_a_topic():
    titles = [w.title for w in _log().items]
    assert "DHT refactor almost complete" not in titles
    assert "Pubsub subsystem refactor finished" not in titles


def test_links_are_not_work_and_the_entry_stays_open():
    log = _log()
    texts = [a.text for w in log.items for a in w.actions] + [c.what for w in log.items for c in w.commitments]
    assert not any("#1" in t for t in texts)  # no "done: libp2p/js-libp2p-kad-dht#148"
    vasco = next(w for w in log.items if w.owner == "vasco-santos")
    assert "DHT refactor almost complete" not in [a.text for a in vasco.actions]
    assert "DHT refactor almost complete" in [c.what for c in vasco.commitments]
    assert "Finish DHT subsystem refactor" in [c.what for c in vasco.commitments]
    assert "https://github.com/libp2p/js-libp2p-kad-dht/pull/148" in vasco.resources


def test_a_link_with_a_point_written_after_it_is_a_point():
    # excerpt of OpenEXR TSC minutes 2020-07-30 (evals/real/minutes/openexr-tsc-2020-07-30.md)
    text = ("# TSC meeting\n\nAttendees: Cary Phillips, Larry Gritz\n\n* Other issues not discussed:\n\n"
            "  * https://github.com/AcademySoftwareFoundation/openexr/issues/789\n    Better stream interface for DeepScanlineInputFile\n\n"
            "  * https://github.com/AcademySoftwareFoundation/openexr/issues/773\n    PyIlmBase cmake is able to find Boost but not boost::python\n")
    notes = [n for w in read_notes(text, dt.date(2020, 7, 30)).items for n in w.notes]
    assert "Better stream interface for DeepScanlineInputFile" in notes
