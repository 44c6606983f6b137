"""The typo-tolerant title index: ranked matching of free text against many titles.

Built from titles by the build (:meth:`TitleIndex.packed` is what
``titles.json.gz`` stores) and read back lazily by :class:`PackedTitleIndex`;
the words it compares are :mod:`.text`'s. Apart from the text rules so that
a question by code does not load it (``text`` serves its names on first use).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import overload

from .text import STOPWORDS, gc_paused, normalize, normalize_all, stem, title_key, tokens


class TitleIndex:
    """Ranked, typo-tolerant matching of free text against many titles.

    An inverted index from stemmed token to title; a query token that is not
    in the vocabulary is replaced by its close spellings (difflib ratio over
    tokens of similar length), so "secretery" still finds "secretary".

    Built here from ``(key, kind, title)`` entries; :class:`PackedTitleIndex`
    is the same index as the build stores it (:meth:`packed`), read lazily.
    """

    def __init__(self, entries: Sequence[tuple[str, str, str]]) -> None:
        # entries: (key, kind, title); key is what a hit reports (an occupation code)
        with gc_paused():  # tokens() of each title, done over all of them at once
            self._build(entries)
        self._setup()

    def _setup(self) -> None:
        # Bounded: a query's spellings are worth keeping, but not every typo ever typed.
        self._spellings = functools.lru_cache(maxsize=4096)(self._find_spellings)
        #: length -> the vocabulary words of that length with their letters (made on first use)
        self._lengths: dict[int, list[tuple[str, int]]] = {}

    def _build(self, entries: Sequence[tuple[str, str, str]]) -> None:
        self._entries: Sequence[tuple[str, str, str]] = entries
        #: each title normalised (:func:`normalize`) and keyed (:func:`title_key`)
        self.normalized = normalize_all([title for _, _, title in entries])
        self.keys: list[str] = []
        self._tokens: list[tuple[str, ...]] = []
        #: how many different words each title has, and how many words
        distinct_counts: list[int] = []
        word_counts: list[int] = []
        postings: dict[str, list[int]] = defaultdict(list)
        # Stemmed once a word, not once a use: the titles have ~11,000 words in ~340,000 uses.
        stems = {w: stem(w) for w in set(" ".join(self.normalized).split())}
        key, tokens_of = self.keys.append, self._tokens.append
        distinct_of, count_of = distinct_counts.append, word_counts.append
        for i, norm in enumerate(self.normalized):
            words = norm.split()
            stemmed = [stems[w] for w in words]
            key(" ".join(stemmed))
            toks = tuple([t for w, t in zip(words, stemmed, strict=True) if w not in STOPWORDS])
            tokens_of(toks)
            count_of(len(toks))
            # In order of first use, so the vocabulary's order is the same in every process.
            distinct = dict.fromkeys(toks)
            distinct_of(len(distinct))
            for tok in distinct:
                postings[tok].append(i)
        self._distinct: Sequence[int] = distinct_counts
        self._count: Sequence[int] = word_counts
        # Tuples of ints, which the garbage collector stops tracking (lists it never does).
        self._postings: Mapping[str, tuple[int, ...]] = {
            tok: tuple(places) for tok, places in postings.items()
        }
        # Shortest first (in order of first use within a length): a length's words are a slice.
        self._vocabulary: Sequence[str] = sorted(self._postings, key=len)

    def tokens_of(self, i: int) -> tuple[str, ...]:
        """Entry ``i``'s title as :func:`tokens` makes it."""
        return self._tokens[i]

    def key_of(self, i: int) -> str:
        """Entry ``i``'s title as :func:`title_key` makes it."""
        return self.keys[i]

    def normalized_of(self, i: int) -> str:
        """Entry ``i``'s title as :func:`normalize` makes it."""
        return self.normalized[i]

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self, n: int) -> list[tuple[str, str, str]]:
        """The first ``n`` entries."""
        return list(self._entries[:n])

    def packed(self) -> dict[str, str]:
        """The index as text fields, what ``titles.json.gz`` stores (docs/data-format.md)."""
        if any("\n" in field for entry in self._entries for field in entry):
            raise ValueError("a title, kind or code holds a line break")
        postings = []
        for tok in self._vocabulary:
            places = self._postings[tok]
            deltas = [places[0], *(b - a for a, b in itertools.pairwise(places))]
            postings.append(" ".join(map(str, deltas)))
        if max([*self._count, *self._distinct], default=0) > _MOST_WORDS:
            raise ValueError(f"a title has more than {_MOST_WORDS} words")
        return {
            "codes": _runs(code for code, _, _ in self._entries),
            "kinds": _runs(kind for _, kind, _ in self._entries),
            "titles": "\n".join(title for _, _, title in self._entries),
            "word_counts": _counts_text(self._count),
            "distinct_counts": _counts_text(self._distinct),
            "vocabulary": "\n".join(self._vocabulary),
            "letters": "".join(f"{_letters(tok):0{_MASK_DIGITS}x}" for tok in self._vocabulary),
            "postings": "\n".join(postings),
        }

    def with_key(self, key: str) -> list[int]:
        """Places, in order, of the entries whose :func:`title_key` is ``key``.

        Found through the postings: a word of ``key`` that is no stopword is
        a word of every such title (a stopword's stem is itself).
        """
        words = key.split()
        content = [w for w in words if w not in STOPWORDS]
        postings = self._postings
        if content:
            if any(w not in postings for w in content):
                return []
            places: Sequence[int] = min([postings[w] for w in content], key=len)
        else:  # titles of stopwords only, or of words that stem to one ("ands")
            found = {i for i, n in enumerate(self._count) if n == 0}
            for w in words:
                if w in postings:
                    found.update(postings[w])
            places = sorted(found)
        counts, low, high = self._count, len(content), len(words)
        return [i for i in places if low <= counts[i] <= high and self.key_of(i) == key]

    def _length(self, length: int) -> list[tuple[str, int]]:
        """The vocabulary words of ``length`` letters, in vocabulary order, with their
        letters (:func:`_letters`); made for a length when a spelling first needs it."""
        made = self._lengths.get(length)
        if made is None:
            vocab = self._vocabulary
            lo = bisect.bisect_left(vocab, length, key=len)
            hi = bisect.bisect_right(vocab, length, key=len, lo=lo)
            made = self._lengths.setdefault(
                length, list(zip(vocab[lo:hi], self._masks(lo, hi), strict=True))
            )
        return made

    def _masks(self, lo: int, hi: int) -> Iterable[int]:
        """:func:`_letters` of vocabulary words ``lo`` to ``hi``."""
        return map(_letters, self._vocabulary[lo:hi])

    def _find_spellings(self, token: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary tokens that may be what ``token`` meant, with a weight."""
        found: dict[str, float] = {}
        if token in self._postings:
            found[token] = 1.0
        if len(token) < 3:
            return tuple(found.items())
        import difflib

        letters = _letters(token)
        matcher = difflib.SequenceMatcher(None, token)
        for length in range(len(token) - 2, len(token) + 3):
            # A letter of one word missing from the other is a character no match
            # can use: this bound on ratio() drops most candidates before difflib.
            common = _least_common(len(token), length)
            spare, cand_spare = len(token) - common, length - common
            if spare < 0:
                continue
            # Every word of the length, in order: the two bounds below are what a
            # pigeonhole over letters would narrow them to, and cost less than its sets.
            for cand, cand_letters in self._length(length):
                if (letters & ~cand_letters).bit_count() > spare:
                    continue
                if cand in found or (cand_letters & ~letters).bit_count() > cand_spare:
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

    def scored(self, query: str) -> list[tuple[float, int]]:
        """Return ``(score, entry index)`` pairs, best first; score in (0, 1]."""
        scored = self._scores(query)
        entries = self._entries
        scored.sort(key=lambda si: (-si[0], entries[si[1]][0], entries[si[1]][2]))
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
        postings = self._postings
        for qtok in words:
            spellings = self._spellings(qtok)
            for tok, _ in spellings:
                candidates.update(postings[tok])
            found: dict[int, float] = {}
            for tok, weight in sorted(spellings, key=lambda sw: sw[1]):
                found.update(dict.fromkeys(postings[tok], weight))
            weights_of[qtok] = found
        # the words' weights in query order, once a place: what the sum adds up in order
        in_order = [weights_of[qtok] for qtok in qtoks]
        n_words = len(qtoks)
        distinct, counts = self._distinct, self._count
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
            # The same words (" ".join(tokens) equal): each query word matched a
            # title of as many words, and only then are its words compared.
            if matched == n_words == counts[i] and self.tokens_of(i) == qtoks:
                score = 1.0
            scored.append((round(score, 6), i))
        return scored

    def entry(self, i: int) -> tuple[str, str, str]:
        return self._entries[i]


#: What ``kinds`` of ``titles.json.gz`` may hold (``title``: the official titles).
TITLE_KINDS = frozenset({"title", "alternate", "short", "reported"})


class PackedTitleIndex(TitleIndex):
    """A :class:`TitleIndex` as ``titles.json.gz`` stores it (:meth:`TitleIndex.packed`).

    Nothing is computed over every title: the text fields are split into
    lists, a word's postings are parsed when a query first needs them, and
    the words of a title are made again (:func:`tokens`) only for a title a
    query might equal. ``resource`` names the file in errors.
    """

    def __init__(self, fields: dict[str, str], resource: str) -> None:
        self._resource = resource
        codes = self._unrun(fields["codes"], "codes")
        kinds = self._unrun(fields["kinds"], "kinds", TITLE_KINDS)
        titles = fields["titles"].split("\n")
        self._count = self._counts(fields["word_counts"])
        self._distinct = self._counts(fields["distinct_counts"])
        sizes = {len(codes), len(kinds), len(titles), len(self._count), len(self._distinct)}
        if len(sizes) != 1:
            raise self._corrupt(f"its title fields differ in length: {sorted(sizes)}")
        self._titles = titles
        self._entries = _Entries(codes, kinds, titles)
        vocabulary = fields["vocabulary"].split("\n") if fields["vocabulary"] else []
        lines = fields["postings"].split("\n") if fields["postings"] else []
        if len(lines) != len(vocabulary) or len(set(vocabulary)) != len(vocabulary):
            raise self._corrupt("its vocabulary and postings do not pair up")
        lengths = list(map(len, vocabulary))
        if lengths != sorted(lengths):
            raise self._corrupt("its vocabulary is not sorted by length")
        self._letters = fields["letters"]
        if len(self._letters) != _MASK_DIGITS * len(vocabulary):
            raise self._corrupt("its letters do not pair up with its vocabulary")
        self._vocabulary = vocabulary
        self._postings = _Postings(dict(zip(vocabulary, lines, strict=True)), len(titles), self)
        self._setup()

    def _unrun(self, field: str, name: str, allowed: frozenset[str] | None = None) -> list[str]:
        """The values :func:`_runs` wrote (each one of ``allowed``, if given)."""
        if not field:
            return []
        values, _, counts = zip(*(r.rpartition(" ") for r in field.split("\n")), strict=True)
        try:
            lengths = list(map(int, counts))
        except ValueError:
            raise self._corrupt(f"{name} holds a run without its length") from None
        if min(lengths) < 1 or not all(values):
            raise self._corrupt(f"{name} holds an empty run")
        if allowed is not None and not allowed.issuperset(values):
            raise self._corrupt(f"unknown {name} {sorted(set(values) - allowed)}")
        return list(itertools.chain.from_iterable(map(itertools.repeat, values, lengths)))

    def _counts(self, field: str) -> bytes:
        """The numbers :func:`_counts_text` wrote, a byte each."""
        data = field.encode("ascii", "replace")
        if data.translate(None, _COUNT_CHARS):
            raise self._corrupt("its word counts are out of range")
        return data.translate(_UNSHIFT)

    def _masks(self, lo: int, hi: int) -> Iterable[int]:
        step, letters = _MASK_DIGITS, self._letters
        try:
            return [int(letters[k : k + step], 16) for k in range(lo * step, hi * step, step)]
        except ValueError:
            raise self._corrupt("its letters are not hexadecimal") from None

    def _corrupt(self, detail: str) -> Exception:
        from ..errors import DataIntegrityError

        return DataIntegrityError(
            f"packaged resource {self._resource!r} is not a title index: {detail}",
            resource=self._resource,
        )

    def tokens_of(self, i: int) -> tuple[str, ...]:
        return tokens(self._titles[i])

    def key_of(self, i: int) -> str:
        return title_key(self._titles[i])

    def normalized_of(self, i: int) -> str:
        return normalize(self._titles[i])


class _Entries(Sequence[tuple[str, str, str]]):
    """``(code, kind, title)`` of each entry, from three parallel lists."""

    def __init__(self, codes: list[str], kinds: list[str], titles: list[str]) -> None:
        self._columns = codes, kinds, titles

    def __len__(self) -> int:
        return len(self._columns[0])

    @overload
    def __getitem__(self, i: int) -> tuple[str, str, str]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[str, str, str]]: ...
    def __getitem__(self, i: int | slice) -> tuple[str, str, str] | Sequence[tuple[str, str, str]]:
        codes, kinds, titles = self._columns
        if isinstance(i, slice):
            return list(zip(codes[i], kinds[i], titles[i], strict=True))
        return codes[i], kinds[i], titles[i]


class _Postings(Mapping[str, tuple[int, ...]]):
    """Word -> the places of the titles holding it, each word's line parsed on first use."""

    def __init__(self, lines: dict[str, str], size: int, index: PackedTitleIndex) -> None:
        self._lines = lines
        self._size = size
        self._index = index
        self._parsed: dict[str, tuple[int, ...]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, word: str) -> tuple[int, ...]:
        places = self._parsed.get(word)
        if places is None:
            places = self._parsed.setdefault(word, self._parse(word, self._lines[word]))
        return places

    def _parse(self, word: str, line: str) -> tuple[int, ...]:
        try:
            deltas = [int(d) for d in line.split(" ")]
        except ValueError:
            raise self._index._corrupt(f"the postings of {word!r} are not numbers") from None
        places = tuple(itertools.accumulate(deltas))
        if deltas[0] < 0 or min(deltas[1:], default=1) < 1 or places[-1] >= self._size:
            raise self._index._corrupt(f"the postings of {word!r} are out of order or range")
        return places


#: difflib ratio a close spelling needs
_SPELLING_CUTOFF = 0.8
#: Words this short may gain or lose one letter, not two, unless they are a
#: prefix: a four-letter word inside a six-letter one scores exactly the cutoff
#: ("uber" in "lumber", "cook" in "crooks") yet is rarely a typo of it.
_SHORT_WORD = 4


#: ``titles.json.gz`` word counts: ``chr(_ZERO + n)``, a printable character each
_ZERO = ord("0")
_MOST_WORDS = ord("~") - _ZERO
_UNSHIFT = bytes((b - _ZERO) % 256 for b in range(256))
_COUNT_CHARS = bytes(range(_ZERO, _ZERO + _MOST_WORDS + 1))


def _counts_text(counts: Sequence[int]) -> str:
    """Numbers of words (0 to 78) as a character each: what ``_counts`` reads."""
    return "".join([chr(_ZERO + n) for n in counts])


def _runs(values: Iterable[str]) -> str:
    """``values`` as lines ``"<value> <how many times in a row>"``."""
    return "\n".join(f"{v} {len(list(same))}" for v, same in itertools.groupby(values))


def _letters(token: str) -> int:
    """The set of ``token``'s characters, as a bit mask (a letter or digit a bit, 36 bits)."""
    return sum(map(_BIT.__getitem__, set(token)))


#: character -> its bit of a :func:`_letters` mask: the letters and digits a
#: normalised word is made of first, then the other ASCII characters
_BIT = {
    c: 1 << place
    for place, c in enumerate(
        dict.fromkeys("abcdefghijklmnopqrstuvwxyz0123456789" + "".join(map(chr, range(128))))
    )
}
#: hex digits of a stored mask (``titles.json.gz`` ``letters``): the 36 bits of letters and digits
_MASK_DIGITS = 9


def _least_common(length: int, cand_length: int) -> int:
    """The fewest matching characters that reach the cutoff, by difflib's own arithmetic.

    Prefix candidates (``"oper"`` → ``"operator"``) have all of the word's
    letters and at most two more, so this never drops them either.
    """
    total = length + cand_length
    return next(c for c in range(total + 1) if 2.0 * c / total >= _SPELLING_CUTOFF)
