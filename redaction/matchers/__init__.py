"""Pure text matching for the Woo redaction: registered personal data and unregistered findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redaction.matchers._text import Hit, PersonData
from redaction.matchers.contact import registered_phone_key
from redaction.matchers.names import TUSSENVOEGSELS, name_forms
from redaction.matchers.registered import Doubt, Matches, find_person_data, match_people

if TYPE_CHECKING:
    from redaction.matchers.unregistered import find_unregistered, first_names

__all__ = ["TUSSENVOEGSELS", "Doubt", "Hit", "Matches", "PersonData", "find_person_data", "find_unregistered",
           "first_names", "match_people", "name_forms", "registered_phone_key"]


def __getattr__(name: str) -> object:
    """The detector's names, imported at their first use: it loads name lists and patterns when imported,
    and only `check` and `woo` run it (redaction/findings.py)."""
    if name in ("find_unregistered", "first_names"):
        from redaction.matchers import unregistered

        return getattr(unregistered, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
