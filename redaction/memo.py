"""What the matchers found in a text, kept for the next rebuild in the same process (`make watch`).

A rebuild after one saved paragraph runs the matchers again over every text of the dossier, all but
one of them unchanged. Their results depend only on the text and on the registers they are given
(immutable tuples), so they are kept per (text, register value). A register's value is named by a
number, handed out once per distinct value and never reused, so a stale result cannot be served: an
edit of personen.yaml gives other tuples, other numbers, and every text is matched again.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

MAX_RESULTS = 20_000  # texts x registers; beyond it the memo starts again
MAX_GROUPS = 64

_NEXT = itertools.count(1)
_BY_ID: dict[int, tuple[tuple[Any, ...], int]] = {}  # the tuple itself is kept: its id cannot be reused
_BY_VALUE: dict[tuple[Any, ...], int] = {}
_RESULTS: dict[Hashable, Any] = {}


def group(values: tuple[Any, ...]) -> int:
    """A number for a tuple's value: equal tuples get the same one, another value never gets it.

    By identity first: hashing a register of a hundred people for every text would cost more
    than the matching it saves; by value once per tuple object.
    """
    found = _BY_ID.get(id(values))
    if found is not None and found[0] is values:
        return found[1]
    number = _BY_VALUE.get(values)
    if number is None:
        if len(_BY_VALUE) >= MAX_GROUPS:
            _BY_VALUE.clear()
        number = _BY_VALUE[values] = next(_NEXT)
    if len(_BY_ID) >= MAX_GROUPS:
        _BY_ID.clear()
    _BY_ID[id(values)] = (values, number)
    return number


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """compute(), or what it returned before for the same key. Results must not be changed by callers."""
    try:
        return _RESULTS[key]
    except KeyError:
        pass
    value = compute()
    if len(_RESULTS) >= MAX_RESULTS:
        _RESULTS.clear()
    _RESULTS[key] = value
    return value
