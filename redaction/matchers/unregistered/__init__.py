"""The detector for personal data nobody registered: names, e-mail, telephone, grouped per person."""
from __future__ import annotations

from redaction.matchers.unregistered.detect import Scan, allowed_names, find_unregistered, mailbox_owner, scan
from redaction.matchers.unregistered.name_keys import given_initial, surname_key
from redaction.matchers.unregistered.namedata import first_names, surnames
from redaction.matchers.unregistered.person_names import Candidate

__all__ = ["Candidate", "Scan", "allowed_names", "find_unregistered", "first_names", "given_initial", "mailbox_owner",
           "scan", "surname_key", "surnames"]
