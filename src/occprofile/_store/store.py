"""The store: cached, thread-safe and fork-safe reading of one package's resources.

Nothing is read at import or construction time. Each resource is read on
first use under one lock (double-checked, so warm calls take no lock) and
kept; answers (rankings, comparisons, built estimates) share a bounded LRU.
The store knows files and their schema records only: indexing them for
lookups is ``_matching``'s job, answering questions ``_answers``'.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import DataIntegrityError
from .resources import DEFAULT_PACKAGE, check_package

if TYPE_CHECKING:
    from ..models import Release
    from .oews_columns import Block, Values
    from .packs import Member, PackIndex
    from .schema import Manifest

T = TypeVar("T")

#: The version of the on-disk format (docs/data-format.md) this code reads.
SCHEMA_VERSION = 5

#: Every live store, so a forked child can give each one fresh locks.
_STORES: weakref.WeakSet[Store] = weakref.WeakSet()


class Store:
    """Loading and caching of the resources of one importable package.

    ``package`` names the package holding the resources; it is checked
    here, so a wrong one fails when the store is made, not at first use.
    """

    #: How many query answers (rankings, comparisons, estimates) are remembered.
    MEMO_SIZE = 4096

    def __init__(self, package: str = DEFAULT_PACKAGE) -> None:
        self.package = check_package(package)
        self._cache: dict[Hashable, Any] = {}
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._reset_lock()
        _STORES.add(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(package={self.package!r})"

    def _reset_lock(self) -> None:
        self._lock = threading.RLock()

    def once(self, key: Hashable, load: Callable[[], T]) -> T:
        """Return the cached value for ``key``, loading it once under the lock."""
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if key not in self._cache:
                self._cache[key] = load()
            return self._cache[key]  # type: ignore[no-any-return]

    def cached(self, key: Hashable) -> Any:
        """What :meth:`once` loaded for ``key``, or ``None`` if nothing has yet."""
        return self._cache.get(key)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Remember a query's answer, least recently used first out.

        Resources are bounded by the data; answers are not (every ``n``,
        every pair of areas) and built estimates can reach 237,000, so they
        share a bounded memo. ``compute`` runs under the store's lock: a
        slow first ranking holds up other threads' first answers, never a
        remembered one for long.
        """
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]  # type: ignore[no-any-return]
            value = compute()
            self._answers[key] = value
            if len(self._answers) > self.MEMO_SIZE:
                self._answers.popitem(last=False)
            return value

    def clear(self) -> None:
        """Forget everything loaded; the next call reads the resources again."""
        with self._lock:
            self._cache.clear()
            self._answers.clear()

    def read(self, name: str, cls: type[T]) -> T:
        """Read resource ``name``, check it against the manifest, structure it into ``cls``.

        ``cls`` must be the record :func:`~.layout.record_class` names for
        ``name``, the map the build checks its output with too.
        """
        from .converter import structure
        from .layout import record_class
        from .resources import decode_json

        if record_class(name) is not cls:
            raise TypeError(f"{name} is read as {record_class(name).__name__}, not {cls.__name__}")
        return structure(decode_json(name, self.read_document(name)), cls, name)

    def read_document(self, name: str) -> bytes:
        """The checked, inflated bytes of resource ``name`` (a file, or a pack member
        ``"onet.pack/43-6013.00"``), not kept: callers keep what they build from them."""
        member = self.member(name)
        if member is None:
            from .resources import MANIFEST, read_document

            if "/" in name:  # a pack member the index lacks: no file of that name either
                raise DataIntegrityError(
                    f"packaged resource {name!r} is not listed in {MANIFEST}", resource=name
                )
            return read_document(self.package, name, self.checksum(name))
        from .packs import inflate, read_slice
        from .resources import verify

        stored = read_slice(self.package, member, name)
        verify(name, stored, member.sha256)
        return inflate(name, stored, self.dictionary(member))

    def dictionary(self, member: Member) -> bytes:
        """The checked preset dictionary of ``member``'s pack (``b""``: it has none),
        read once."""
        where = member.zdict()
        if where is None:
            return b""

        def load() -> bytes:
            from .packs import read_slice
            from .resources import verify

            name = f"{where.pack} dictionary"
            data = read_slice(self.package, where, name)
            verify(name, data, where.sha256)
            return data

        return self.once(("dictionary", where.pack), load)

    def member(self, name: str) -> Member | None:
        """Where pack member ``name`` is stored (``None``: not a member its pack's index
        lists, or not a pack the manifest lists)."""
        pack, slash, member = name.partition("/")
        if not slash:
            return None
        index = self.once(("members", pack), lambda: self._pack_index(pack))
        return None if index is None else index.get(member)

    def _pack_index(self, pack: str) -> PackIndex | None:
        """``pack``'s member index, from its index file checked against the manifest
        (read when the pack is first used: a first question reads one index)."""
        from .packs import PackIndex, pack_entry
        from .resources import read_document

        entry = pack_entry(self._raw_manifest(), pack)
        if entry is None:
            return None
        return PackIndex(
            entry, read_document(self.package, entry.index_file, self.checksum(entry.index_file))
        )

    # OEWS columns -------------------------------------------------------

    def oews_values(self) -> Values:
        """Each OEWS datatype's released texts and the cell kinds, decoded once."""
        from .oews_columns import Values
        from .schema import OewsValuesFile

        name = "oews_values.json.gz"
        return self.once("oews_values", lambda: Values(self.read(name, OewsValuesFile), name))

    def oews_block(self, code: str, areas: int) -> Block:
        """The checked columns of OEWS occupation ``code`` (not kept), for a package of
        ``areas`` areas."""
        from .layout import oews_shard
        from .oews_columns import Block

        name = oews_shard(code)
        return Block(name, self.read_document(name), areas, self.oews_values())

    # the manifest -------------------------------------------------------

    def _raw_manifest(self) -> dict[str, Any]:
        def load() -> dict[str, Any]:
            from .resources import read_json

            raw = read_json(self.package, "manifest.json", None)
            version = raw.get("schema_version") if isinstance(raw, dict) else None
            if version != SCHEMA_VERSION:
                raise DataIntegrityError(
                    f"packaged data in {self.package} has schema version {version!r}; "
                    f"this occprofile reads version {SCHEMA_VERSION}",
                    resource="manifest.json",
                )
            return raw  # type: ignore[no-any-return]

        return self.once("manifest_json", load)

    def checksum(self, name: str) -> str | None:
        """The sha256 the manifest records for resource ``name`` (``None``: not listed)."""
        return self.once("checksums", self._checksums).get(name)

    def _checksums(self) -> dict[str, str]:
        from .resources import manifest_checksums

        return manifest_checksums(self._raw_manifest())

    def manifest(self) -> Manifest:
        """What was built from which upstream files (checksums, row counts)."""
        from .converter import structure
        from .schema import Manifest

        return self.once(
            "manifest", lambda: structure(self._raw_manifest(), Manifest, "manifest.json")
        )

    def releases(self) -> tuple[Release, ...]:
        """The manifest's releases (credit lines, changes), structured on their own: a
        report's sources need them, not the inputs' and outputs' checksums."""
        from .converter import structure

        def load() -> tuple[Release, ...]:
            from ..models import Release

            raw = self._raw_manifest().get("releases")
            return structure(raw, tuple[Release, ...], "manifest.json")

        return self.once("releases", load)


def _after_fork_in_child() -> None:
    # A thread of the parent may have held a lock when the process forked;
    # that thread does not exist in the child, so the lock would never open.
    for store in list(_STORES):
        store._reset_lock()


if hasattr(os, "register_at_fork"):  # not on Windows
    os.register_at_fork(after_in_child=_after_fork_in_child)
