"""Search ranking for what people type: lay words and short words (issue 10, item 4)."""

from __future__ import annotations

import occprofile as op
from occprofile._matching.lay_terms import LAY_TERMS, lay_rewrite
from occprofile._matching.text import TitleIndex


def test_uber_driver_finds_drivers_not_lumber() -> None:
    hits = op.search("uber driver", n=5)
    assert hits[0].occupation.code.startswith("53-30")  # motor vehicle operators
    assert "Driver" in hits[0].occupation.title
    assert not any("Logging" in h.occupation.title for h in hits)


def test_doctor_lists_physicians_before_therapists() -> None:
    for query in ("doctor", "doctors", "Doctor"):
        codes = [h.occupation.code for h in op.search(query, n=20)]
        therapists = codes.index("29-1129.00")
        physicians = [i for i, c in enumerate(codes) if c.startswith("29-12")]
        assert len(physicians) >= 5
        assert max(physicians[:5]) < therapists
        assert codes[0].startswith("29-12")


def test_a_lay_word_only_breaks_ties() -> None:
    # Same hits, same scores as the words alone: the official word only orders ties.
    hits = op.search("doctor", n=50)
    assert {h.score for h in hits[:9]} == {1.0}
    assert all(h.matched_title.lower().startswith("doctor") or h.score < 1.0 for h in hits)
    assert lay_rewrite("family doctors") == "family physician"
    assert lay_rewrite("nurse") is None
    assert all(word == word.lower() and target for word, (target, _) in LAY_TERMS.items())


def test_a_short_word_does_not_match_a_word_two_letters_longer() -> None:
    index = TitleIndex([("1", "title", "Lumber Driver"), ("2", "title", "Uber Drivers")])
    assert [index.entry(i)[0] for _, i in index.scored("uber")] == ["2"]
    only_lumber = TitleIndex([("1", "title", "Lumber Driver")])
    assert only_lumber.scored("uber") == []
    assert only_lumber.scored("lumbr") != []  # a longer word keeps its typo tolerance
    assert only_lumber.scored("lumb") != []  # and a prefix still counts
    assert TitleIndex([("1", "title", "Cooks")]).scored("coks") != []  # one letter less


def test_typos_of_short_words_still_match() -> None:
    assert op.search("nurse practitionr")[0].occupation.code == "29-1171.00"
    assert op.search("chef")[0].occupation.title.startswith("Chefs")
    assert op.search("cashir")[0].occupation.code == "41-2011.00"
