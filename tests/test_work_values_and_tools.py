"""Tools used, work values and emerging tasks in the profile and the report.

Only the public API is used.
"""

from __future__ import annotations

import occprofile as op


def test_tools_carry_their_unspsc_commodity() -> None:
    tools = op.profile("43-6013").tools
    assert len(tools) == 13
    assert [(t.commodity_code, t.example) for t in tools] == sorted(
        (t.commodity_code, t.example) for t in tools
    )
    laptop = next(t for t in tools if t.example == "Laptop computers")
    assert (laptop.commodity_code, laptop.commodity_title) == (43211503, "Notebook computers")
    assert str(laptop) == "Laptop computers (Notebook computers)"
    assert op.profile("55-1011").tools == ()


def test_work_values_and_high_points() -> None:
    values = op.profile("43-6013").work_values
    assert values.available
    assert [v.element.id for v in values] == [f"1.B.2.{c}" for c in "abcdef"]
    assert all(1 <= v.extent <= 7 for v in values)
    assert [str(v) for v in values.ranked(3)] == [
        "Relationships: 5.33",
        "Support: 4.33",
        "Working Conditions: 3.50",
    ]
    assert [v.name for v in values.high_points] == [
        "Relationships",
        "Support",
        "Working Conditions",
    ]
    assert values.note is None
    assert values.high_points[0] is values.ranked(1)[0]


def test_a_missing_high_point_and_missing_values_are_explicit() -> None:
    zero = op.profile("35-3023").work_values  # its third high-point code is 0
    assert len(zero.high_points) == 2
    assert zero.note == "O*NET names no third work-value high point for this occupation."
    none = op.profile("15-1252").work_values
    assert not none.available
    assert (none.values, none.high_points) == ((), ())
    assert none.note == "O*NET 29.3 has no work values for this occupation."


def test_emerging_tasks_link_revisions_to_their_task() -> None:
    tasks = op.profile("11-3013").emerging_tasks  # Facilities Managers
    assert [e.category for e in tasks] == ["New", "Revision"]
    new, revision = tasks
    assert new.original_task is None
    assert revision.original_task is not None
    assert revision.original_task in op.profile("11-3013").tasks
    assert revision.original_task.text.startswith("Plan, administer, and control budgets")
    assert str(revision).endswith(f"(revises task {revision.original_task.id})")
    assert op.profile("43-6013").emerging_tasks == ()


def test_report_shows_top_three_work_values_and_a_tool_list() -> None:
    text = op.report("43-6013").to_text()
    values = text.split("Work values\n-----------\n")[1].split("Tools used\n")[0]
    assert values.count("\n- ") == 3
    assert "Relationships (extent 5.33 of 7)" in values
    assert "O*NET's work-value high points: Relationships, Support, Working Conditions." in values
    tools = text.split("Tools used\n----------\n")[1].split("Metro areas")[0]
    assert tools.startswith("O*NET lists 13 tools in 12 UNSPSC commodities")
    assert "- Notebook computers: Laptop computers; Notebook computers" in tools
    assert "And 4 more commodities." in tools
    assert "O*NET lists no tools used" in op.report("55-1011").to_text()
