"""The detector for personal data nobody registered: names, e-mail, telephone, grouped per person.

Its names are imported at their first use (PEP 562): the detector's modules compile some hundreds of
patterns when imported (0.6 s), and a submodule import (`redaction.findings` needs only
`namedata.UNDECOMPOSED` in the signing build) runs this package's `__init__` first. That import
compiles its patterns from the code an earlier process kept (redaction/patterncache.py).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redaction.matchers.unregistered.detect import Scan, allowed_names, find_unregistered, mailbox_owner, scan
    from redaction.matchers.unregistered.name_keys import given_initial, surname_key
    from redaction.matchers.unregistered.namedata import first_names, surnames
    from redaction.matchers.unregistered.person_names import Candidate

__all__ = ["Candidate", "Scan", "allowed_names", "find_unregistered", "first_names", "given_initial", "mailbox_owner",
           "scan", "surname_key", "surnames"]

_HOME = {"Scan": "detect", "allowed_names": "detect", "find_unregistered": "detect", "mailbox_owner": "detect",
         "scan": "detect", "given_initial": "name_keys", "surname_key": "name_keys", "first_names": "namedata",
         "surnames": "namedata", "Candidate": "person_names"}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from redaction.patterncache import compiling_from_cache

    with compiling_from_cache():  # its patterns compiled from the code kept by an earlier process
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
