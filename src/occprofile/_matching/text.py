"""Text normalisation, code parsing and the typo-tolerant title index.

Pure functions and one index class, no data loading: ``_dataset`` feeds
them the packaged titles and areas. Kept apart so the matching rules can be
read (and tested) in one place.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import gc
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from ..errors import InvalidArgumentError

#: The most characters a lookup reads. The longest packaged title has 128 and
#: the longest area name 73; longer text only costs time (search grows with
#: its words), so it is refused: every lookup answers in well under 0.3 s.
MAX_QUERY_LENGTH = 200

_NON_WORD = re.compile(r"[^0-9a-z]+")
_NON_WORD_OR_LINE = re.compile(r"[^0-9a-z\n]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: hyphens, en and em dashes, minus signs and their compatibility forms
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
#: what a code may hold besides digits: a compatibility form of one of these
#: (fullwidth full stop, no-break and ideographic spaces) reads as it
_CODE_PUNCTUATION = frozenset(".- ")
_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")
_CODE_CHARS = re.compile(r"^[\d\s.\-]+$")
_ONET_CODE = re.compile(r"^(\d{2})-?(\d{4})\.?(\d{2})$")
_SOC_CODE = re.compile(r"^(\d{2})-?(\d{4})$")


#: Words that carry no meaning in a title search ("Secretaries and Administrative ...").
STOPWORDS = frozenset({"a", "an", "and", "for", "in", "of", "or", "the", "to", "with"})


def fold_code(text: str) -> str:
    """``text`` with decimal digits of any script, dashes, dots and spaces in ASCII.

    Fullwidth or Arabic-Indic digits and an en dash read as "43-6013". Only
    decimal digits count: superscript and circled digits are digits to
    ``str.isdigit()``, but no code is written with them.
    """
    # Typographic dashes separate words like "-" does ("Winston\u2013Salem"), not vanish.
    text = _DASHES.sub("-", text)
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
    text = _INITIALS.sub(lambda m: m[0].replace(".", ""), text)
    return _NON_WORD.sub(" ", text).strip()


def normalize_all(texts: Sequence[str]) -> list[str]:
    """``[normalize(t) for t in texts]``, each step run once over the texts joined by lines.

    The regular expressions and codecs then loop in C: building the title
    index this way is several times faster. No step reads across a line
    break, so each line comes out as :func:`normalize` makes it.
    """
    if any("\n" in t for t in texts):
        return [normalize(t) for t in texts]
    joined = _DASHES.sub("-", "\n".join(texts))
    if not joined.isascii():
        joined = _NON_ASCII.sub(lambda m: _fold_code_char(m[0]), joined)
        joined = unicodedata.normalize("NFKD", joined).encode("ascii", "ignore").decode("ascii")
    joined = joined.lower().replace("&", " and ").replace("*", " ")
    joined = _INITIALS.sub(lambda m: m[0].replace(".", ""), joined)
    return [line.strip() for line in _NON_WORD_OR_LINE.sub(" ", joined).split("\n")]


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
    return bool(_CODE_CHARS.match(text)) and any(c.isdigit() for c in text)


def parse_occupation_code(text: str) -> tuple[str, str | None]:
    """Return ``(soc, onet)`` for an occupation code in any usual spelling.

    ``"43-6013.00"``/``"43601300"`` → ``("43-6013", "43-6013.00")``;
    ``"43-6013"``/``"436013"`` → ``("43-6013", None)``.
    Raises ``ValueError`` for digit strings of any other shape.
    """
    compact = fold_code(text).strip().replace(" ", "")
    m = _ONET_CODE.match(compact)
    if m:
        soc = f"{m[1]}-{m[2]}"
        return soc, f"{soc}.{m[3]}"
    m = _SOC_CODE.match(compact)
    if m:
        return f"{m[1]}-{m[2]}", None
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
    found: list[str] = []
    norm = norm[:MAX_QUERY_LENGTH]
    for key in difflib.get_close_matches(norm, list(keyed), n=3 * n, cutoff=0.6):
        if keyed[key] not in found:
            found.append(keyed[key])
    return found[:n]


class TitleIndex:
    """Ranked, typo-tolerant matching of free text against many titles.

    An inverted index from stemmed token to title; a query token that is not
    in the vocabulary is replaced by its close spellings (difflib ratio over
    tokens of similar length), so "secretery" still finds "secretary".
    """

    def __init__(self, entries: Sequence[tuple[str, str, str]]) -> None:
        # entries: (key, kind, title); key is what a hit reports (an occupation code)
        with gc_paused():  # tokens() of each title, done over all of them at once
            self._build(entries)
        # Bounded: a query's spellings are worth keeping, but not every typo ever typed.
        self._spellings = functools.lru_cache(maxsize=4096)(self._find_spellings)

    def _build(self, entries: Sequence[tuple[str, str, str]]) -> None:
        self._entries = entries
        #: each title normalised (:func:`normalize`) and keyed (:func:`title_key`)
        self.normalized = normalize_all([title for _, _, title in entries])
        self.keys: list[str] = []
        self._tokens: list[tuple[str, ...]] = []
        #: how many different words each title has
        self._distinct: list[int] = []
        postings: dict[str, list[int]] = defaultdict(list)
        # Stemmed once a word, not once a use: the titles have ~11,000 words in ~340,000 uses.
        stems = {w: stem(w) for w in set(" ".join(self.normalized).split())}
        key, tokens_of, distinct_of = self.keys.append, self._tokens.append, self._distinct.append
        for i, norm in enumerate(self.normalized):
            words = norm.split()
            stemmed = [stems[w] for w in words]
            key(" ".join(stemmed))
            toks = tuple([t for w, t in zip(words, stemmed, strict=True) if w not in STOPWORDS])
            tokens_of(toks)
            distinct = set(toks)
            distinct_of(len(distinct))
            for tok in distinct:
                postings[tok].append(i)
        # Tuples of ints, which the garbage collector stops tracking (lists it never does).
        self._postings = {tok: tuple(places) for tok, places in postings.items()}
        by_len: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for tok in self._postings:
            by_len[len(tok)].append((tok, _letters(tok)))
        self._vocab_by_len = dict(by_len)
        #: (length, letter) -> places in ``_vocab_by_len[length]`` of the words with that letter
        with_letter: dict[tuple[int, str], set[int]] = defaultdict(set)
        for length, vocab in by_len.items():
            for place, (tok, _) in enumerate(vocab):
                for c in set(tok):
                    with_letter[length, c].add(place)
        self._with_letter = dict(with_letter)

    def _find_spellings(self, token: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary tokens that may be what ``token`` meant, with a weight."""
        found: dict[str, float] = {}
        if token in self._postings:
            found[token] = 1.0
        if len(token) < 3:
            return tuple(found.items())
        letters = _letters(token)
        matcher = difflib.SequenceMatcher(None, token)
        for length in range(len(token) - 2, len(token) + 3):
            # A letter of one word missing from the other is a character no match
            # can use: this bound on ratio() drops most candidates before difflib.
            common = _least_common(len(token), length)
            spare, cand_spare = len(token) - common, length - common
            vocab = self._vocab_by_len.get(length, [])
            for place in self._missing_at_most(token, length, spare):
                cand, cand_letters = vocab[place]
                if cand in found or (cand_letters & ~letters).bit_count() > cand_spare:
                    continue
                if (letters & ~cand_letters).bit_count() > spare:
                    continue
                if cand.startswith(token) and len(token) >= 4:
                    found[cand] = 0.85
                    continue
                if len(token) <= _SHORT_WORD and abs(length - len(token)) > 1:
                    continue  # "uber" is not "lumber": two letters more is a new word
                matcher.set_seq2(cand)
                if matcher.quick_ratio() < _SPELLING_CUTOFF:
                    continue
                ratio = matcher.ratio()
                if ratio >= _SPELLING_CUTOFF:
                    found[cand] = 0.9 * ratio
        return tuple(found.items())

    def _missing_at_most(self, token: str, length: int, spare: int) -> Iterable[int]:
        """Places, in order, of the ``length``-letter words that may lack ``spare`` of its letters.

        Pigeonhole: split the letters into ``spare + 1`` groups, and such a
        word has every letter of one group; set intersections find them fast.
        """
        if spare < 0:
            return ()
        letters = sorted(set(token))
        if len(letters) <= spare:
            return range(len(self._vocab_by_len.get(length, ())))
        found: set[int] = set()
        for group in range(spare + 1):
            found |= set.intersection(
                *(self._with_letter.get((length, c), set()) for c in letters[group :: spare + 1])
            )
        return sorted(found)

    def scored(self, query: str) -> list[tuple[float, int]]:
        """Return ``(score, entry index)`` pairs, best first; score in (0, 1]."""
        scored = self._scores(query)
        scored.sort(key=lambda si: (-si[0], self._entries[si[1]][0], self._entries[si[1]][2]))
        return scored

    def best_by_key(self, query: str) -> tuple[dict[str, tuple[float, int]], dict[str, float]]:
        """Each key's first pair of :meth:`scored` (its best entry), and its "title" entry's score.

        What a ranking of keys needs, without sorting every matching title: a
        common word matches ~9,000, and their sort was most of a search's time.
        """
        best: dict[str, tuple[float, int]] = {}
        official: dict[str, float] = {}
        entries = self._entries
        for score, i in self._scores(query):  # candidate order: the order ties keep
            key, kind, title = entries[i]
            if kind == "title" and (key not in official or score < official[key]):
                official[key] = score  # scored()'s last, were a key to have several
            held = best.get(key)
            if held is None or (-score, title) < (-held[0], entries[held[1]][2]):
                best[key] = (score, i)
        return best, official

    def _scores(self, query: str) -> list[tuple[float, int]]:
        """``(score, entry index)`` pairs in candidate order."""
        qtoks = tokens(query)
        if not qtoks:
            return []
        # A repeated word is spelled once; its places keep the sum in query order.
        words = list(dict.fromkeys(qtoks))
        # per query word: entry index -> its best weight there (dict.update loops in C;
        # the heaviest spelling goes last, so it is the one kept)
        weights_of: dict[str, dict[int, float]] = {}
        # Ties are sorted stably in this set's order, as they always were.
        candidates: set[int] = set()
        for qtok in words:
            spellings = self._spellings(qtok)
            for tok, _ in spellings:
                candidates.update(self._postings[tok])
            found: dict[int, float] = {}
            for tok, weight in sorted(spellings, key=lambda sw: sw[1]):
                found.update(dict.fromkeys(self._postings[tok], weight))
            weights_of[qtok] = found
        # the words' weights in query order, once a place: what the sum adds up in order
        in_order = [weights_of[qtok] for qtok in qtoks]
        n_words = len(qtoks)
        distinct, toks_of = self._distinct, self._tokens
        scored: list[tuple[float, int]] = []
        for i in candidates:
            total = 0.0  # not sum(): it rounds differently from 3.12 on
            matched = 0
            for found in in_order:
                here = found.get(i)
                if here is not None:
                    total += here
                    matched += 1
            score = total / n_words
            # Prefer titles that the query covers: extra title words cost a little.
            covered = matched / distinct[i]
            score *= 0.8 + 0.2 * (covered if covered < 1.0 else 1.0)
            if toks_of[i] == qtoks:  # the same words: " ".join(tokens) equal
                score = 1.0
            scored.append((round(score, 6), i))
        return scored

    def entry(self, i: int) -> tuple[str, str, str]:
        return self._entries[i]


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


#: difflib ratio a close spelling needs
_SPELLING_CUTOFF = 0.8
#: Words this short may gain or lose one letter, not two, unless they are a
#: prefix: a four-letter word inside a six-letter one scores exactly the cutoff
#: ("uber" in "lumber", "cook" in "crooks") yet is rarely a typo of it.
_SHORT_WORD = 4


def _letters(token: str) -> int:
    """The set of ``token``'s characters, as a bit mask."""
    mask = 0
    for c in token:
        mask |= 1 << ord(c)
    return mask


def _least_common(length: int, cand_length: int) -> int:
    """The fewest matching characters that reach the cutoff, by difflib's own arithmetic.

    Prefix candidates (``"oper"`` → ``"operator"``) have all of the word's
    letters and at most two more, so this never drops them either.
    """
    total = length + cand_length
    return next(c for c in range(total + 1) if 2.0 * c / total >= _SPELLING_CUTOFF)
