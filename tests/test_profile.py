"""Profiles: O*NET content for every occupation, with gaps made explicit."""

from __future__ import annotations

import attrs
import pytest

import occprofile as op
from occprofile.models import Measure, Profile


@pytest.fixture(scope="module")
def medsec() -> Profile:
    return op.profile("43-6013")


def test_profile_identity(medsec: Profile) -> None:
    assert medsec.code == "43-6013.00"
    assert medsec.title == "Medical Secretaries and Administrative Assistants"
    assert medsec.occupation.wage_code == "43-6013"
    assert medsec.occupation.wage_basis == "detailed"
    assert "medical" in medsec.description.lower()


def test_profile_is_frozen(medsec: Profile) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        medsec.description = "changed"  # type: ignore[misc]
    assert isinstance(medsec.tasks, tuple)
    assert hash(medsec.skills.ratings[0]) == hash(medsec.skills.ratings[0])


def test_profile_contents(medsec: Profile) -> None:
    assert medsec.job_zone is not None
    assert medsec.job_zone.zone in range(1, 6)
    assert medsec.tasks
    assert all(t.text for t in medsec.tasks)
    assert {t.type for t in medsec.tasks} <= {"Core", "Supplemental", None}
    titles = {a.title.lower() for a in medsec.alternate_titles}
    assert "medical administrative assistant" in titles
    rl = [e for e in medsec.education if e.scale == "RL"]
    assert rl
    assert all(e.label for e in rl)
    assert sum(e.percent for e in rl) == pytest.approx(100, abs=1.0)
    assert medsec.related
    assert [r.index for r in medsec.related] == sorted(r.index for r in medsec.related)
    assert all(r.title != r.code for r in medsec.related)
    assert medsec.interests
    assert medsec.technology_skills


def test_skills_match_onet(medsec: Profile) -> None:
    speaking = medsec.skills.by_name("Speaking")
    assert speaking.importance is not None
    assert speaking.level is not None
    assert speaking.importance.value == 4.0
    assert speaking.level.value == 3.62
    assert speaking.importance.source.endswith("Skills.xlsx")
    assert speaking.importance.n is not None


def test_abilities_and_work_activities_for_medsec(medsec: Profile) -> None:
    oral = medsec.abilities.by_name("Oral Comprehension")
    assert oral.importance is not None
    assert oral.importance.value == 4.0
    assert oral.level is not None
    assert oral.level.value == 4.0
    assert medsec.work_activities.available
    assert len(medsec.work_activities) > 20
    assert medsec.abilities.note is None


def test_gaps_are_explicit_for_other_occupations() -> None:
    nurse = op.profile("29-1141.00")
    assert not nurse.work_activities.available
    assert nurse.work_activities.ratings == ()
    assert nurse.work_activities.note
    assert "no work-activity importance" in nurse.work_activities.note
    assert nurse.work_activities_from_tasks  # what its tasks involve (DWAs) instead
    assert nurse.abilities.available
    assert len(nurse.abilities) > 0
    assert all(r.level is None and r.level_status == "not rated" for r in nurse.abilities)
    assert nurse.abilities.note
    assert "Importance only" in nurse.abilities.note
    first = nurse.abilities.ratings[0]
    assert first.importance is not None
    assert first.importance.n is None  # the wide table has values only; never invented
    assert "not rated" in str(first)


def test_work_styles_have_no_level(medsec: Profile) -> None:
    assert all(r.level is None for r in medsec.work_styles)
    assert all(r.importance is not None for r in medsec.work_styles)


def test_unrated_occupation_says_so() -> None:
    dev = op.profile("15-1252.00")  # O*NET 29.3 has no ratings for Software Developers
    for section in (dev.skills, dev.knowledge, dev.abilities, dev.work_styles):
        assert not section.available
        assert section.ratings == ()
        assert section.note is not None
        assert section.domain.replace("_", " ") in section.note


def test_every_profile_loads() -> None:
    ds = op.Dataset()
    count = 0
    unrated = 0
    for occ in ds.occupations():
        p = ds.profile(occ.code)
        assert p.occupation == occ
        for section in (p.skills, p.knowledge, p.abilities, p.work_styles, p.work_activities):
            assert section.available == bool(section.ratings)
            assert section.available or section.note
        unrated += not p.skills.available
        if occ.wage_code is None:
            assert p.wage_occupation is None
        count += 1
    assert count == 1016
    assert 0 < unrated < 200


def test_wage_mapping_is_explicit() -> None:
    occs = op.occupations()
    bases = {o.wage_basis for o in occs}
    assert bases == {"detailed", "aggregate", "broad", None}
    cso = op.occupation("11-1011.03")
    assert cso.wage_code == "11-1011"
    for o in occs:
        if o.wage_basis == "detailed":
            assert o.wage_code == o.soc_code
        elif o.wage_basis == "broad":
            assert o.wage_code == o.soc_code[:6] + "0"
        elif o.wage_basis == "aggregate":  # an OEWS code of the same broad group
            assert o.wage_code is not None
            assert o.wage_code[:6] == o.soc_code[:6] != o.wage_code
            assert op.wage_occupation(o.wage_code).level == "detailed"
        else:
            assert o.wage_code is None


def test_profile_points_to_its_wages(medsec: Profile) -> None:
    assert medsec.wage_occupation is not None
    nat = op.national(medsec.wage_occupation.code)
    assert nat.area.name == "National"
    assert nat.employment.released
    assert nat == op.national(medsec.code)


def test_measure_precision_fields_typed(medsec: Profile) -> None:
    m = medsec.skills.ratings[0].importance
    assert isinstance(m, Measure)
    assert isinstance(m.value, float)


def test_interest_high_points_are_decoded_never_zero() -> None:
    """IH values are codes: 1-6 name a RIASEC interest, 0 means "no such high point"."""
    checked = 0
    for occ in op.occupations():
        interests = op.profile(occ.code).interests
        scores = {i.element.name: i.value for i in interests if i.scale == "OI"}
        for i in interests:
            if i.scale != "IH":
                with pytest.raises(ValueError, match="not a high-point code"):
                    _ = i.high_point
                continue
            named = i.high_point
            if named is None:
                assert i.value == 0
                assert "none" in str(i)
                continue
            assert named in scores
            assert str(i).endswith(named)
            if i.element.id == "1.B.1.g":  # the first high point is the top OI score
                assert scores[named] == max(scores.values())
                checked += 1
    assert checked > 900
