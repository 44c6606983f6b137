"""Argument checks of the career queries: ``n`` must be a positive int and the
occupation a str, for the module functions and the Dataset methods alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import occprofile as op

#: The functions taking ``n``, module level and Dataset methods.
N_FUNCTIONS: dict[str, Callable[..., object]] = {
    "similar_occupations": op.similar_occupations,
    "similar_by_ratings": op.similar_by_ratings,
    "Dataset.similar_occupations": op.Dataset().similar_occupations,
    "Dataset.similar_by_ratings": op.Dataset().similar_by_ratings,
}


@pytest.mark.parametrize("name", sorted(N_FUNCTIONS))
@pytest.mark.parametrize("n", [0, -1])
def test_n_must_be_positive(name: str, n: int) -> None:
    with pytest.raises(op.InvalidArgumentError, match="positive"):
        N_FUNCTIONS[name]("43-6013", n)
    with pytest.raises(ValueError, match="positive"):
        N_FUNCTIONS[name]("43-6013", n)


@pytest.mark.parametrize("name", sorted(N_FUNCTIONS))
@pytest.mark.parametrize("n", [1.5, "3", True, None])
def test_n_must_be_an_int(name: str, n: Any) -> None:
    with pytest.raises(op.ArgumentTypeError, match="n must be an int"):
        N_FUNCTIONS[name]("43-6013", n)
    with pytest.raises(TypeError, match="must be an int"):
        N_FUNCTIONS[name]("43-6013", n)


@pytest.mark.parametrize(
    "call",
    [
        op.education,
        op.certifications,
        op.outlook,
        op.national_change,
        op.similar_occupations,
        op.similar_by_ratings,
        lambda occupation: op.state_view(occupation, "CA"),
    ],
)
def test_occupation_must_be_a_str(call: Any) -> None:
    with pytest.raises(TypeError):
        call(436013)
