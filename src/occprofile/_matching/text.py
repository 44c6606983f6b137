"""Text normalisation and code parsing: the rules every lookup reads text by.

Pure functions, no data loading: ``_dataset`` feeds them the packaged
titles and areas. Kept apart so the matching rules can be read (and tested)
in one place. The typo-tolerant title index built on them is
:mod:`.title_index`, served from here on first use (a question by code
never loads it).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from .._record import served_on_first_use
from ..errors import InvalidArgumentError

if TYPE_CHECKING:
    from .title_index import TITLE_KINDS, PackedTitleIndex, TitleIndex

__all__ = [
    "MAX_QUERY_LENGTH",
    "STOPWORDS",
    "TITLE_KINDS",
    "PackedTitleIndex",
    "TitleIndex",
    "close_matches",
    "fold_code",
    "gc_paused",
    "is_number",
    "looks_like_code",
    "normalize",
    "normalize_all",
    "parse_area_code",
    "parse_occupation_code",
    "stem",
    "suggest",
    "title_key",
    "title_keys",
    "tokens",
]

#: The most characters a lookup reads. The longest packaged title has 128 and
#: the longest area name 73; longer text only costs time (search grows with
#: its words), so it is refused: every lookup answers in well under 0.3 s.
MAX_QUERY_LENGTH = 200

#: The patterns normalising text, compiled on first use (:func:`_regex`): a
#: question by code reads none of them.
_NON_WORD = r"[^0-9a-z]+"
_NON_WORD_OR_LINE = r"[^0-9a-z\n]+"
_NON_ASCII = r"[^\x00-\x7f]"
#: hyphens, en and em dashes, minus signs and their compatibility forms (none is ASCII)
_DASHES = "[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]"
#: what a code may hold besides digits: a compatibility form of one of these
#: (fullwidth full stop, no-break and ideographic spaces) reads as it
_CODE_PUNCTUATION = frozenset(".- ")
_INITIALS = r"\b(?:[a-z]\.){2,}"


@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, once a process."""
    return re.compile(pattern)


#: Words that carry no meaning in a title search ("Secretaries and Administrative ...").
STOPWORDS = frozenset({"a", "an", "and", "for", "in", "of", "or", "the", "to", "with"})


def fold_code(text: str) -> str:
    """``text`` with decimal digits of any script, dashes, dots and spaces in ASCII.

    Fullwidth or Arabic-Indic digits and an en dash read as "43-6013". Only
    decimal digits count: superscript and circled digits are digits to
    ``str.isdigit()``, but no code is written with them.
    """
    # Typographic dashes separate words like "-" does ("Winston\u2013Salem"), not vanish.
    if text.isascii():  # no dash to fold, and every digit ASCII
        return text
    text = _regex(_DASHES).sub("-", text)
    return text if text.isascii() else "".join(_fold_code_char(c) for c in text)


def _fold_code_char(c: str) -> str:
    if c.isdecimal():
        return str(unicodedata.decimal(c))
    folded = unicodedata.normalize("NFKC", c)
    return folded if folded in _CODE_PUNCTUATION else c


def is_number(text: str) -> bool:
    """True for input made only of decimal digits (of any script), spaces around them aside."""
    return fold_code(text).strip().isdecimal()


def normalize(text: str) -> str:
    """Lower-case, accents dropped, ``&`` → ``and``, punctuation folded to single spaces."""
    text = fold_code(text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("&", " and ").replace("*", " ")
    # Initials become one word: "D.C." and "U.S." read as "dc" and "us".
    text = _regex(_INITIALS).sub(lambda m: m[0].replace(".", ""), text)
    return _regex(_NON_WORD).sub(" ", text).strip()


def normalize_all(texts: Sequence[str]) -> list[str]:
    """``[normalize(t) for t in texts]``, each step run once over the texts joined by lines.

    The regular expressions and codecs then loop in C: building the title
    index this way is several times faster. No step reads across a line
    break, so each line comes out as :func:`normalize` makes it.
    """
    if any("\n" in t for t in texts):
        return [normalize(t) for t in texts]
    joined = "\n".join(texts)
    if not joined.isascii():
        joined = _regex(_DASHES).sub("-", joined)
    if not joined.isascii():
        joined = _regex(_NON_ASCII).sub(lambda m: _fold_code_char(m[0]), joined)
        joined = unicodedata.normalize("NFKD", joined).encode("ascii", "ignore").decode("ascii")
    joined = joined.lower().replace("&", " and ").replace("*", " ")
    joined = _regex(_INITIALS).sub(lambda m: m[0].replace(".", ""), joined)
    return [line.strip() for line in _regex(_NON_WORD_OR_LINE).sub(" ", joined).split("\n")]


def stem(token: str) -> str:
    """A deliberately tiny English stemmer: plural forms match singular ones."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith(("sses", "xes", "ches", "shes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def tokens(text: str) -> tuple[str, ...]:
    """Stemmed words of ``text``, stopwords dropped: what a search compares."""
    return tuple(stem(t) for t in normalize(text).split() if t not in STOPWORDS)


def title_key(text: str) -> str:
    """The key exact title matches use: "Registered Nurse" finds "Registered Nurses"."""
    return " ".join(stem(t) for t in normalize(text).split())


def looks_like_code(text: str) -> bool:
    """True for input made only of digits, dashes, dots and spaces (see :func:`fold_code`)."""
    text = fold_code(text)
    # ``\d`` and ``\s`` of a pattern are str.isdecimal() and str.isspace()
    return all(c.isdecimal() or c.isspace() or c in ".-" for c in text) and any(
        c.isdigit() for c in text
    )


def parse_occupation_code(text: str) -> tuple[str, str | None]:
    """Return ``(soc, onet)`` for an occupation code in any usual spelling.

    ``"43-6013.00"``/``"43601300"`` → ``("43-6013", "43-6013.00")``;
    ``"43-6013"``/``"436013"`` → ``("43-6013", None)``.
    Raises ``ValueError`` for digit strings of any other shape.
    """
    compact = fold_code(text).strip().replace(" ", "")
    # two digits, an optional dash, four digits, then (O*NET) an optional dot and two digits
    digits = compact[:2] + compact[3:] if compact[2:3] == "-" else compact
    if len(digits) == 9 and digits[6] == ".":
        digits = digits[:6] + digits[7:]
    else:
        digits = digits if len(digits) in (6, 8) else ""
    if digits.isdecimal():
        soc = f"{digits[:2]}-{digits[2:6]}"
        return soc, (f"{soc}.{digits[6:]}" if len(digits) == 8 else None)
    raise InvalidArgumentError(
        f"Malformed occupation code {text!r}: expected an O*NET-SOC code like "
        "'43-6013.00' or a SOC code like '43-6013' or '436013'."
    )


def parse_area_code(text: str) -> str:
    """Return the 7-digit OEWS area code for a code in any usual spelling.

    7 digits as published (``"0031080"``), a 5-digit CBSA or BLS nonmetro
    code (``"31080"``) or a 2-digit state FIPS code (``"06"``).
    """
    compact = fold_code(text).strip()
    if compact.isdecimal():
        if len(compact) == 7:
            return compact
        if len(compact) == 5:
            return "00" + compact
        if len(compact) == 2:
            return compact + "00000"
    raise InvalidArgumentError(
        f"Malformed area code {text!r}: expected 7 digits ('0031080'), a 5-digit "
        "metro code ('31080') or a 2-digit state FIPS code ('06')."
    )


def close_matches(query: str, choices: Iterable[str], n: int = 5) -> list[str]:
    """Suggestions for an unknown name: difflib over normalised strings."""
    by_norm: dict[str, str] = {}
    for choice in choices:
        by_norm.setdefault(normalize(choice), choice)
    return suggest(normalize(query[:MAX_QUERY_LENGTH]), by_norm, n)


def suggest(norm: str, keyed: dict[str, str], n: int = 5) -> list[str]:
    """Up to ``n`` distinct values whose normalised key is close to ``norm``.

    Only the start of a long ``norm`` is compared: difflib's time grows with it.
    """
    import difflib  # here: a question by code never suggests

    found: list[str] = []
    norm = norm[:MAX_QUERY_LENGTH]
    for key in difflib.get_close_matches(norm, list(keyed), n=3 * n, cutoff=0.6):
        if keyed[key] not in found:
            found.append(keyed[key])
    return found[:n]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Cyclic garbage collection off while many acyclic objects are made (the title
    index's ~500,000; the bulk tables' decoded columns).

    Each thousand new containers would otherwise start a collection that
    walks them all again: a fifth of the index build. Re-enabled only if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def title_keys(texts: Sequence[str]) -> list[str]:
    """``[title_key(t) for t in texts]``, normalised together (:func:`normalize_all`)."""
    stems: dict[str, str] = {}
    keys = []
    for norm in normalize_all(texts):
        words = norm.split()
        for w in words:
            if w not in stems:
                stems[w] = stem(w)
        keys.append(" ".join([stems[w] for w in words]))
    return keys


#: The title index's names, served from here (PEP 562): made when a name is first
#: looked up (or the build packs the titles), not by a question by code.
_INDEX_NAMES = frozenset({"TITLE_KINDS", "PackedTitleIndex", "TitleIndex"})

if not TYPE_CHECKING:  # for type checkers the names are the imports above
    __getattr__, __dir__ = served_on_first_use(
        __name__, dict.fromkeys(_INDEX_NAMES, f"{__package__}.title_index")
    )
