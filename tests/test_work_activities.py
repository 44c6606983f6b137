"""Work activities in the profile and the report: 29.3 ratings where they exist, O*NET 29.1
importance (no level) for occupations alone in their SOC code, and the detailed work
activities (DWAs) of every occupation with tasks, linked to those tasks.

Only the public API is used.
"""

from __future__ import annotations

import pytest

import occprofile as op

SOURCE_29_1 = "onet-29.1-work-activities-importance/onet_gwa_importance_matrix.csv"
NO_LEVEL = "no level rating in this data set"


def test_29_3_ratings_are_kept() -> None:
    section = op.profile("43-6013").work_activities
    assert section.available
    assert len(section) == 41
    assert all(r.level is not None for r in section)
    assert {r.importance.source for r in section if r.importance} == {
        "onet-29.3-supplement/Work Activities (43-6013.00).txt"
    }


def test_29_1_importance_has_its_source_and_no_level() -> None:
    section = op.work_activities_by_importance("11-2021")  # Marketing Managers
    assert section.available
    assert len(section) == 41
    assert section.note is not None
    assert NO_LEVEL in section.note
    assert "O*NET 29.1" in section.note
    for rating in section:
        assert rating.importance is not None
        assert rating.importance.source == SOURCE_29_1
        assert rating.importance.n is None  # the table holds values only
        assert rating.level is None
        assert rating.level_status == "not rated"
    values = [r.importance.value for r in section if r.importance]
    assert values == sorted(values, reverse=True)  # ranked by importance


def test_averaged_soc_codes_have_no_importance() -> None:
    """11-1011 and 29-1141 have several rated O*NET codes: the 29.1 row is their mean."""
    for code in ("11-1011.00", "11-1011.03", "29-1141.00"):
        section = op.profile(code).work_activities
        assert not section.available, code
        assert section.note is not None
        assert "no work-activity importance" in section.note


def test_detailed_work_activities_link_to_tasks() -> None:
    p = op.profile("15-1252")
    assert p.detailed_work_activities
    task_ids = {t.id for t in p.tasks}
    ids = [d.id for d in p.detailed_work_activities]
    assert ids == sorted(ids)
    for d in p.detailed_work_activities:
        assert d.task_ids
        assert set(d.task_ids) <= task_ids
        assert d.id.startswith(d.iwa_id + ".")
        assert d.iwa_id.startswith(d.work_activity.id + ".")
        assert d.work_activity.domain == "work_activities"
        assert d.work_activity == op.default_dataset().element(d.work_activity.id)
        assert d.title
        assert d.iwa_title


def test_work_activities_from_tasks_roll_the_dwas_up() -> None:
    p = op.profile("15-1252")
    rolled = p.work_activities_from_tasks
    assert rolled
    assert sum(len(a.detailed_work_activities) for a in rolled) == len(p.detailed_work_activities)
    keys = [(-len(a.task_ids), a.name) for a in rolled]
    assert keys == sorted(keys)
    for activity in rolled:
        assert all(
            d.work_activity == activity.work_activity for d in activity.detailed_work_activities
        )
        assert activity.task_ids == tuple(
            sorted({t for d in activity.detailed_work_activities for t in d.task_ids})
        )
    assert str(rolled[0]) == "Analyzing Data or Information (4 tasks)"


def test_occupations_without_tasks_have_no_dwas() -> None:
    p = op.profile("55-1011")
    assert p.tasks == () or p.detailed_work_activities == ()
    assert p.work_activities_from_tasks == ()


# -- the report --------------------------------------------------------------------------


def _work_activities_section(code: str) -> str:
    text = op.report(code).to_text()
    section = text.split("Top work activities\n-------------------\n")[1]
    return " ".join(section.split("\n\n\n")[0].split("Top work styles")[0].split())


def test_report_with_29_1_importance_says_there_is_no_level() -> None:
    section = _work_activities_section("11-2021")
    assert "Importance (1-5)" in section
    assert "Level (0-7)" not in section
    assert NO_LEVEL in section
    first = op.work_activities_by_importance("11-2021", n=1)[0]
    assert section.index(first.name) < section.index(NO_LEVEL)


def test_report_without_importance_lists_the_activities_from_dwas() -> None:
    section = _work_activities_section("15-1252")
    assert section.startswith(
        "O*NET rates no work-activity importance for this occupation; its tasks involve "
        "these work activities"
    )
    top = op.profile("15-1252").work_activities_from_tasks[:5]
    for activity in top:
        assert activity.name in section


def test_report_without_either_says_so() -> None:
    section = _work_activities_section("55-1011")
    assert section.startswith("O*NET rates no work-activity importance for this occupation")
    assert "its tasks involve" not in section


@pytest.mark.parametrize("code", ["43-6013", "11-2021", "15-1252"])
def test_markdown_says_the_same(code: str) -> None:
    markdown = op.report(code).to_markdown()
    section = markdown.split("## Top work activities")[1].split("## ")[0]
    assert ("no level rating" in section) is (code == "11-2021")
    assert ("its tasks involve" in section) is (code == "15-1252")
