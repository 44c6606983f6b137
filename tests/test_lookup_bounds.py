"""Every lookup answers or refuses within 0.3 s, whatever it is given.

Times are wall-clock (``time.perf_counter``) on a shared 2-core machine, so
the 0.3 s requirement is asserted for the median of many calls and a single
call may take up to 1.0 s before a test fails. The indexes are loaded before
any timing: first-load cost is not what is measured.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import random
import statistics
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import occprofile as op
from occprofile._matching.text import MAX_QUERY_LENGTH, TitleIndex, tokens

REQUIRED = 0.3
HARD_CAP = 1.0

LOOKUPS: dict[str, Callable[[str], object]] = {
    "search": op.search,
    "occupation": op.occupation,
    "wage_occupation": op.wage_occupation,
    "occupations": op.occupations,
    "profile": op.profile,
    "area": op.area,
    "state": op.state,
    "areas(state=)": lambda text: op.areas(state=text),
}


def _index() -> TitleIndex:
    return op.default_dataset()._src.titles().index


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    op.search("nurse")
    op.occupations("29")
    op.area("San Diego")
    op.state("Texas")


def _timed(lookup: str, text: str) -> float:
    """Seconds one lookup took; an error other than OccprofileError fails the test."""
    start = time.perf_counter()
    with contextlib.suppress(op.OccprofileError):
        LOOKUPS[lookup](text)
    took = time.perf_counter() - start
    assert took < HARD_CAP, f"{lookup}({text[:60]!r}...) took {took:.2f} s"
    return took


@functools.cache
def _words() -> list[str]:
    """Every word of a packaged title, as written."""
    return sorted({w for _, _, title in _index()._entries for w in title.split()})


@functools.cache
def _popular() -> list[str]:
    """The 300 title words (stemmed) in the most titles: the costliest to search for."""
    index = _index()
    return sorted(index._postings, key=lambda w: -len(index._postings[w]))[:300]


title_word = st.deferred(lambda: st.sampled_from(_words()))
popular_word = st.deferred(lambda: st.sampled_from(_popular()))
words = st.lists(title_word, min_size=1, max_size=8)
typed = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=1000),
    st.builds(lambda ws, k: " ".join(ws * k), words, st.integers(1, 80)),
    st.builds(
        lambda code, sep, k: sep.join([code] * k),
        st.sampled_from(["43-6013", "436013", "43-6013.00", "29", "0031080", "06", "911"]),
        st.sampled_from(["", " ", "-", ", "]),
        st.integers(1, 1000),
    ),
    st.from_regex(r"[0-9 .\-\u2013]{0,400}", fullmatch=True),
    st.text(alphabet=st.characters(categories=["Nd", "Pd", "Zs", "Ll", "Lu"]), max_size=400),
    # the costliest text under the limit: many distinct common title words
    st.lists(popular_word, min_size=20, max_size=60, unique=True).map(
        lambda ws: " ".join(ws)[:MAX_QUERY_LENGTH]
    ),
)


def test_every_lookup_answers_or_refuses_quickly() -> None:
    took: list[float] = []

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(sorted(LOOKUPS)), typed)
    def run(lookup: str, text: str) -> None:
        took.append(_timed(lookup, text))

    run()
    assert statistics.median(took) < REQUIRED


def _distinct_typos(rng: random.Random) -> str:
    """About MAX_QUERY_LENGTH characters of new misspellings of common words."""
    out: list[str] = []
    while len(" ".join(out)) < MAX_QUERY_LENGTH:
        w = rng.choice(_popular())
        i = rng.randrange(len(w))
        out.append(w[:i] + rng.choice("aeiourst") + w[i + 1 :])
    return " ".join(out)[:MAX_QUERY_LENGTH]


@pytest.mark.parametrize("lookup", ["search", "occupation", "wage_occupation"])
def test_text_at_the_limit_answers_quickly(lookup: str) -> None:
    """The worst text that is accepted: distinct common words and misspellings, none cached."""
    rng = random.Random(lookup)
    texts = [_distinct_typos(rng) for _ in range(4)]
    texts += [" ".join(rng.sample(_popular(), 40))[:MAX_QUERY_LENGTH] for _ in range(4)]
    texts.append(("nurse " * 40)[:MAX_QUERY_LENGTH])
    took = [_timed(lookup, text) for text in texts]
    assert statistics.median(took) < REQUIRED


_REPORTED: dict[str, Callable[[], str]] = {
    "nurse * 60": lambda: "nurse " * 60,
    "43-6013 * 1000": lambda: "43-6013" * 1000,
    "1,400 words": lambda: " ".join(random.Random(1).choice(_words()) for _ in range(1400)),
}


@pytest.mark.parametrize("lookup", sorted(LOOKUPS))
@pytest.mark.parametrize("case", sorted(_REPORTED))
def test_the_reported_slow_inputs_are_refused_at_once(lookup: str, case: str) -> None:
    """They took 2.3 s, 27.6 s and 53 s."""
    text = _REPORTED[case]()
    start = time.perf_counter()
    with pytest.raises(op.InvalidArgumentError, match=f"; the limit is {MAX_QUERY_LENGTH}"):
        LOOKUPS[lookup](text)
    assert time.perf_counter() - start < REQUIRED


@pytest.mark.parametrize(
    ("lookup", "what"),
    [
        ("search", "search text"),
        ("occupation", "occupation"),
        ("wage_occupation", "occupation"),
        ("occupations", "group"),
        ("area", "area"),
        ("state", "state"),
        ("areas(state=)", "state"),
    ],
)
def test_the_limit_error_says_the_length_and_the_limit(lookup: str, what: str) -> None:
    with pytest.raises(op.InvalidArgumentError) as err:
        LOOKUPS[lookup]("x" * 8400)
    assert str(err.value) == f"{what} is 8,400 characters; the limit is 200."
    assert isinstance(err.value, ValueError)


def test_the_limit_is_well_above_every_title_and_area_name() -> None:
    longest_title = max((t for _, _, t in _index()._entries), key=len)
    longest_area = max((a.name for a in op.areas()), key=len)
    assert len(longest_title) * 1.5 < MAX_QUERY_LENGTH
    assert len(longest_area) * 2 < MAX_QUERY_LENGTH
    assert op.search(longest_title, 1)[0].matched_title == longest_title
    assert op.area(longest_area).name == longest_area
    assert op.occupation(" " * (MAX_QUERY_LENGTH - 10) + "43-6013.00").code == "43-6013.00"


# The spelling and scoring rules as first written, without the shortcuts that
# make them fast: the shortcuts must not change a single hit or score.


def _plain_spellings(index: TitleIndex, token: str) -> dict[str, float]:
    found: dict[str, float] = {}
    if token in index._postings:
        found[token] = 1.0
    if len(token) < 3:
        return found
    for cand in index._postings:
        if abs(len(cand) - len(token)) > 2 or cand in found:
            continue
        if cand.startswith(token) and len(token) >= 4:
            found[cand] = 0.85
            continue
        if len(token) <= 4 and abs(len(cand) - len(token)) > 1:
            continue  # a short word gains or loses one letter, not two ("uber", "lumber")
        ratio = difflib.SequenceMatcher(None, token, cand).ratio()
        if ratio >= 0.8:
            found[cand] = 0.9 * ratio
    return found


def _plain_scores(index: TitleIndex, query: str) -> dict[int, float]:
    qtoks = tokens(query)
    spelled = {t: _plain_spellings(index, t) for t in set(qtoks)}
    per_token = [spelled[t] for t in qtoks]
    candidates = {i for spellings in per_token for tok in spellings for i in index._postings[tok]}
    scores: dict[int, float] = {}
    for i in candidates:
        ttoks = set(index.tokens_of(i))
        total = 0.0
        matched = 0
        for spellings in per_token:
            best = max((w for tok, w in spellings.items() if tok in ttoks), default=0.0)
            total += best
            matched += best > 0
        score = total / len(qtoks) * (0.8 + 0.2 * min(1.0, matched / len(ttoks)))
        if " ".join(index.tokens_of(i)) == " ".join(qtoks):
            score = 1.0
        scores[i] = round(score, 6)
    return scores


def _misspelt(word: str, where: int, letter: str) -> str:
    where %= len(word) + 1
    return word[:where] + letter + word[where + 1 :]


misspelt = st.builds(_misspelt, popular_word, st.integers(0, 20), st.sampled_from("aeioustx"))


@settings(max_examples=40, deadline=None)
@given(misspelt | st.text(alphabet="abcdeilnorst", min_size=3, max_size=12))
def test_close_spellings_are_those_difflib_finds(token: str) -> None:
    index = _index()
    assert dict(index._find_spellings(token)) == _plain_spellings(index, token)


@settings(max_examples=15, deadline=None)
@given(st.lists(misspelt | popular_word, min_size=1, max_size=4), st.integers(1, 3))
def test_scores_are_those_of_the_word_by_word_sum(query_words: list[str], repeat: int) -> None:
    index = _index()
    query = " ".join(query_words * repeat)
    assert {i: s for s, i in index.scored(query)} == _plain_scores(index, query)
