"""Bad input reaches the caller as a typed OccprofileError, never a raw builtin.

One test per reliability defect of the structure issue (release keys, element
ids, Dataset(package=...), forked processes, argument order in report(),
record lookups, wrong types), plus a sweep of every public function.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import signal
import threading
import time
from typing import Any

import pytest

import occprofile as op


def test_unknown_release_key_lists_the_keys() -> None:
    with pytest.raises(op.OccprofileError) as caught:
        op.default_dataset().release("bls")
    assert isinstance(caught.value, LookupError)
    assert "'onet'" in str(caught.value)
    assert "'oews'" in str(caught.value)
    with pytest.raises(op.ArgumentTypeError):
        op.default_dataset().release(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [[], None, 7])
def test_element_of_the_wrong_type_is_a_type_error(bad: Any) -> None:
    with pytest.raises(op.ArgumentTypeError, match="element id must be a str"):
        op.default_dataset().element(bad)


def test_unknown_element_is_a_lookup_error_with_suggestions() -> None:
    with pytest.raises(op.UnknownNameError) as caught:
        op.default_dataset().element("2.A.1.zz")
    assert isinstance(caught.value, LookupError)
    assert not isinstance(caught.value, op.DataIntegrityError)  # the data is fine
    assert "2.A.1.a" in caught.value.suggestions
    # An element can be named as well as numbered.
    assert op.default_dataset().element("speaking").id == "2.A.1.d"


@pytest.mark.parametrize(
    ("package", "error"),
    [
        ("", op.InvalidArgumentError),
        (".", op.InvalidArgumentError),
        ("__main__", op.InvalidArgumentError),
        ("occprofile..data", op.InvalidArgumentError),
        (0, op.ArgumentTypeError),
        (None, op.ArgumentTypeError),
        ("no_such_package_here.data", op.UnknownNameError),
        ("os", op.InvalidArgumentError),  # a module, not a package
        ("json", op.DataIntegrityError),  # a package, but of no occprofile data
    ],
)
def test_a_wrong_package_fails_when_the_dataset_is_made(package: Any, error: type) -> None:
    with pytest.raises(error) as caught:
        op.Dataset(package=package)
    assert isinstance(caught.value, op.OccprofileError)


def test_the_bundled_package_is_accepted() -> None:
    assert op.Dataset(package="occprofile.data").package == "occprofile.data"
    assert repr(op.Dataset()) == "Dataset(package='occprofile.data')"


def _wait(pid: int, seconds: float) -> int:
    """The child's exit code, or a failure if it is still running after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail(f"the forked child was still blocked after {seconds} s")
        time.sleep(0.02)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_process_forked_during_a_query_can_query() -> None:
    """A thread is inside a memoised query (holding the store's lock) when the
    process forks: the child must still answer, not wait for a thread it lacks."""
    ds = op.default_dataset()
    op.top_metros("43-6013", 1)  # the resources are loaded; answers take the lock
    entered, release = threading.Event(), threading.Event()

    def slow() -> int:
        entered.set()
        release.wait(10)
        return 1

    worker = threading.Thread(target=lambda: ds._store.memo(("slow query",), slow))
    worker.start()
    try:
        assert entered.wait(5)
        pid = os.fork()
        if pid == 0:  # the child: exit code says what it could do
            try:
                rows = op.top_metros("43-6013", 3, by="annual_mean")
                ok = len(rows) == 3 and op.profile("29-1141").code == "29-1141.00"
                os._exit(0 if ok else 1)
            except BaseException:
                os._exit(2)
    finally:
        release.set()
        worker.join()
    assert _wait(pid, 20) == 0


@pytest.mark.parametrize("occupation", ["55-1011", "43-6013"])
@pytest.mark.parametrize("compare", [(None, 5), ("Los Angeles",), "Los Angeles", 3])
def test_report_checks_compare_before_reading_data(occupation: str, compare: Any) -> None:
    """The same bad argument fails the same way whatever the occupation's data."""
    with pytest.raises(op.ArgumentTypeError, match="compare"):
        op.report(occupation, compare=compare)


def test_report_checks_counts_before_the_occupation() -> None:
    with pytest.raises(op.InvalidArgumentError, match="top"):
        op.report("no such occupation at all", top=0)


def test_rating_by_name_errors_are_typed() -> None:
    skills = op.skills_by_importance("43-6013")
    with pytest.raises(op.UnknownNameError) as caught:
        skills.by_name("Juggling")
    assert isinstance(caught.value, LookupError)
    with pytest.raises(op.UnknownNameError, match="Speaking"):
        skills.by_name("Speakin")
    with pytest.raises(op.ArgumentTypeError):
        skills.by_name(None)  # type: ignore[arg-type]
    assert skills.by_name(" speaking ").name == "Speaking"


def test_comparison_row_errors_are_typed() -> None:
    c = op.compare_metros("43-6013", "Los Angeles", "San Diego")
    with pytest.raises(op.UnknownNameError, match="employment") as caught:
        c.row("salary")
    assert isinstance(caught.value, LookupError)
    with pytest.raises(op.UnknownNameError) as close:
        c.row("annual_mena")
    assert close.value.suggestions[0] == "annual_mean"
    with pytest.raises(op.ArgumentTypeError):
        c.row(3)  # type: ignore[arg-type]


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(op.ArgumentTypeError):
        op.default_dataset().ratings_by_importance("43-6013", None)  # type: ignore[arg-type]
    with pytest.raises(op.ArgumentTypeError):
        op.similar_by_ratings("43-6013", domains=[1])  # type: ignore[list-item]
    with pytest.raises(op.InvalidArgumentError, match="Did you mean 'skills'"):
        op.default_dataset().ratings_by_importance("43-6013", "skils")  # type: ignore[arg-type]


def test_interest_high_point_errors_are_typed() -> None:
    score = next(i for i in op.profile("43-6013").interests if i.scale == "OI")
    with pytest.raises(op.InvalidArgumentError):
        _ = score.high_point


_WRONG: tuple[object, ...] = (
    None,
    0,
    -1,
    3.5,
    [],
    ["43-6013"],
    object(),
    b"43-6013",
    "",
    " ",
    "\x00",
)


def _public_functions() -> list[str]:
    return [n for n in op.__all__ if inspect.ismethod(getattr(op, n))]


@pytest.mark.parametrize("name", _public_functions())
def test_every_public_function_raises_only_occprofile_errors(name: str) -> None:
    """Each parameter in turn gets wrong values (others keep working ones):
    whatever happens, nothing but an OccprofileError comes out."""
    fn = getattr(op, name)
    params = list(inspect.signature(fn).parameters.values())
    good: dict[str, Any] = {
        "occupation": "43-6013",
        "query": "43-6013",
        "text": "secretary",
        "a": "Los Angeles",
        "b": "San Diego",
        "state": "CA",
        "area": "Los Angeles",
        "group": "43",
    }
    for index, _param in enumerate(params):
        for wrong in _WRONG:
            args: list[Any] = []
            kwargs: dict[str, Any] = {}
            for j, p in enumerate(params):
                value = wrong if j == index else good.get(p.name, p.default)
                if value is inspect.Parameter.empty:
                    value = "43-6013"
                if p.kind is inspect.Parameter.KEYWORD_ONLY:
                    kwargs[p.name] = value
                else:
                    args.append(value)
            with contextlib.suppress(op.OccprofileError):
                fn(*args, **kwargs)
