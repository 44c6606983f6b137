"""Profiles share what O*NET repeats in every one of them (the memory of all 1,016)."""

from __future__ import annotations

import occprofile as op


def _profiles() -> tuple[op.Profile, op.Profile]:
    dataset = op.Dataset()
    return dataset.profile("29-1141.00"), dataset.profile("11-1011.00")


def test_texts_repeated_across_profiles_are_one_object() -> None:
    first, second = _profiles()
    assert first.tasks[0].date is not None
    dates = {t.date for t in (*first.tasks, *second.tasks)}
    by_text = {d: [t.date for t in (*first.tasks, *second.tasks) if t.date == d] for d in dates}
    for same in by_text.values():  # equal dates are the same str, not one per task
        assert all(d is same[0] for d in same)
    sources = [r.importance.source for r in (*first.skills, *second.skills) if r.importance]
    assert len({id(s) for s in sources}) == 1
    assert len(set(sources)) == 1


def test_value_only_measures_are_shared_and_still_equal() -> None:
    first, second = _profiles()
    mine = {r.importance.value: r.importance for r in first.abilities if r.importance}
    shared = [
        (mine[r.importance.value], r.importance)
        for r in second.abilities
        if r.importance and r.importance.value in mine and r.importance.n is None
    ]
    assert shared  # the wide table's values repeat across occupations
    for a, b in shared:
        assert a is b
        assert a == b
        assert str(a) == f"{a.value:.2f}"


def test_full_measures_are_not_shared() -> None:
    first, second = _profiles()
    mine = [r.importance for r in first.skills if r.importance]
    theirs = [r.importance for r in second.skills if r.importance]
    assert mine[0].n is not None  # rated with its precision: one object per rating
    assert not {id(m) for m in mine} & {id(m) for m in theirs}
