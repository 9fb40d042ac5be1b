"""Candidate pools kept in this process between page views, keyed by the organisation's matching version.

Building the candidates of a large organisation is most of the matching page's cost (100,000
experts: seconds). What it depends on, and how each part is kept honest:

- the experts' profiles and their relations: every service that changes what matching reads
  renews ``experts.MatchingVersion`` (``experts.services.matching_changed``, same transaction);
  the page reads the version (one query) BEFORE the rows, so an entry never holds data older than
  its version. The version lives in the database, so every app node agrees on it;
- the viewer's disclosure basis (roles, the experts they asked before), the request's terms,
  the date, the language: read live on every view and part of the key;
- the accepted work of the last 8 weeks and the feedback scores, which other apps change all the
  time: read live on every view and part of the key;
- the invitations to this request: read live and never cached.

A write past the services (a queryset ``update()``) is not seen by the version, so the page also
re-checks every expert it shows or proposes against the database (``selectors._names``): anyone
who withdrew consent, paused or became inactive makes the page drop the entry and build afresh.

A handful of entries per process (least recently used go first).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from inzet.experts.models import MatchingVersion

MAX_ENTRIES = 6
_entries: OrderedDict[Hashable, object] = OrderedDict()
_lock = threading.Lock()


def version(organisation_id: int) -> int:
    """The organisation's matching version (one query); 0 before its first change."""
    found = MatchingVersion.objects.filter(organisation_id=organisation_id).values_list("version", flat=True)
    return next(iter(found), 0)


def get(key: Hashable) -> object | None:
    with _lock:
        value = _entries.get(key)
        if value is not None:
            _entries.move_to_end(key)
        return value


def put(key: Hashable, value: object) -> None:
    with _lock:
        _entries[key] = value
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)


def discard(key: Hashable) -> None:
    with _lock:
        _entries.pop(key, None)


def clear() -> None:
    with _lock:
        _entries.clear()
