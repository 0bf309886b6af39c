"""Unregistered personal data as findings per person, each with the decisions a Woo officer can paste."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.errors import Diagnostic, Loc
from redaction import memo
from redaction.matchers import PersonData
from redaction.matchers.unregistered.namedata import UNDECOMPOSED

if TYPE_CHECKING:
    from redaction.matchers.unregistered import Candidate
# The detector (redaction.matchers.unregistered) loads its name lists and patterns when imported (tens of
# ms): it is imported where a scan runs, so the signing build, which runs none, does not pay for it.

PLACES_SHOWN = 6


@dataclass(frozen=True)
class Occurrence:
    """One place a finding stands: the document, its file position and the text as written."""

    document: str
    loc: Loc
    text: str
    category: str
    sentence: str = ""  # the sentence it stands in, white space collapsed: a lakken passage that fits


@dataclass
class Finding:
    """Everything that refers to one unregistered person (or one address / number): one decision."""

    key: str
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The fullest name form written, else the address or number itself."""
        names = [o.text for o in self.occurrences if o.category == "naam"]
        return max(names, key=lambda n: (len(n.split()), len(n))) if names else self.occurrences[0].text

    def first(self, category: str) -> str | None:
        return next((o.text for o in self.occurrences if o.category == category), None)


class Collector:
    """Scans the texts of one dossier and groups what it finds per person."""

    def __init__(self, known: Sequence[PersonData], allowed: Sequence[str], keep: Sequence[str],
                 register: Sequence[str]) -> None:
        # tuples once per dossier: the scan caches what it builds of them by identity, so a list would be copied
        # (and the cache missed) for every text
        self.known, self.allowed, self.keep, self.register = tuple(known), allowed, keep, tuple(register)
        self._memo = memo.group((memo.group(tuple(known)), tuple(allowed), tuple(keep), tuple(register)))
        self._found: list[tuple[Candidate, Occurrence]] = []
        self._public: set[str] = set()
        self._private: set[str] = set()
        self._given: set[tuple[str, str]] = set()

    def add(self, document: str, text: str, loc_at: Callable[[int], Loc]) -> None:
        """Scan text (redacted parts blanked out); `loc_at(index)` gives a character's file position."""
        from redaction.matchers.unregistered import scan

        result = memo.remembered(("scan", text, self._memo), lambda: scan(
            text, known=self.known, allowed=self.allowed, keep_names=self.keep, register_texts=self.register))
        self._public |= result.public
        self._private |= result.private
        self._given |= result.public_given
        for c in result.candidates:
            written, sentence = text[c.start : c.end], _sentence(text, c.start, c.end)
            occ = Occurrence(document, loc_at(c.start), written, c.category, sentence)
            self._found.append((c, occ))

    def findings(self) -> list[Finding]:
        """One finding per person; people the dossier shows to be public and allowed persons are none."""
        from redaction.matchers.contact import registered_phone_key
        from redaction.matchers.unregistered import allowed_names, mailbox_owner
        from redaction.matchers.unregistered.contact_points import is_mobile

        name_keys = sorted({c.key for c, _ in self._found if c.category == "naam"})
        skip = (self._public - self._private - self._other_given()) | allowed_names(self.allowed)
        groups: dict[str, Finding] = {}
        for c, occ in self._found:
            key = c.key
            if key.startswith("e-mail "):  # an address whose owner is named elsewhere in the dossier
                key = mailbox_owner(key.removeprefix("e-mail "), name_keys) or key
            if key in skip and c.category == "telefoon" and is_mobile(occ.text):
                key = f"telefoon {registered_phone_key(occ.text)}"  # a public person's mobile number is still private
            if key not in skip:
                groups.setdefault(key, Finding(key)).occurrences.append(occ)
        return list(groups.values())


    def _other_given(self) -> set[str]:
        """Public surnames a name elsewhere in the dossier shares with another given name: "het lid Inge van Dijk"
        in the Kamerbrief does not clear "Lotte van Dijk" in the nota."""
        from redaction.matchers.unregistered import given_initial

        given: dict[str, set[str]] = {}
        for key, initial in self._given:
            given.setdefault(key, set()).add(initial)
        return {c.key for c, occ in self._found if c.category == "naam" and c.key in given
                and (g := given_initial(occ.text)) and given[c.key] - {""} and g not in given[c.key]}


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_ABBREVIATIONS = frozenset(["dhr", "mevr", "drs", "prof", "ing", "bijv", "nr", "jl", "dd"])


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    word = re.split(r"\s", text[: m.start()])[-1].casefold()
    return m.group() != "." or (len(word) >= 3 and "." not in word and word not in _ABBREVIATIONS)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], white space collapsed (initials and titles do not end it)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start) if _ends_sentence(text, m)]
    begin = ends[-1] if ends else 0
    after = next((m for m in _SENTENCE_END.finditer(text, end) if _ends_sentence(text, m)), None)
    stop = after.end() if after else len(text)
    return " ".join(text[begin:stop].split())


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _person_id(label: str) -> str:
    # "Mehmet Aydın" -> "mehmetaydin": letters NFKD does not take apart (ı, ł, ø, đ) by their base letter, not dropped
    ascii_ = unicodedata.normalize("NFKD", label.translate(UNDECOMPOSED)).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^A-Za-z]+", ascii_) if w]
    return "".join(words).lower()[:30] or "persoon"


def _register_snippet(f: Finding, rol: str) -> list[str]:
    lines = [f"  - id: {_person_id(f.label)}", f"    naam: {_yaml_str(f.label)}"]
    if f.first("email"):
        lines.append(f"    email: {f.first('email')}")
    if f.first("telefoon"):
        lines.append(f"    telefoon: {_yaml_str(str(f.first('telefoon')))}")
    return [*lines, f"    rol: {rol}"]


def snippets(f: Finding, today: dt.date | None = None) -> str:
    """The ready-to-paste decisions for one finding, in Dutch; each block is a list item as the file has it."""
    op = (today or dt.date.today()).isoformat()
    first = f.occurrences[0]
    out = ["kies één besluit; het geldt voor alle plekken hierboven:"]
    if any(o.category == "naam" for o in f.occurrences):
        out += ["a. een ambtenaar of externe (wordt overal gelakt; rol: extern voor iemand van buiten de overheid)."
                " Zet in personen.yaml onder personen:", *_register_snippet(f, "ambtenaar"),
                "b. iemand die door zijn functie in het openbaar optreedt (voorzitter, burgemeester, adviseur die een"
                " rapport presenteert; blijft zichtbaar). Zet in personen.yaml onder personen:",
                *_register_snippet(f, "publiek")]
    out += ["c. geen persoonsgegeven, of bewust openbaar. Zet in woo.yaml onder toegestaan:",
            f"  - tekst: {_yaml_str(f.label)}", "    door: <uw naam>", f"    op: {op}", '    reden: "..."',
            "d. alleen deze passage lakken (één regel per plek). Zet in woo.yaml onder lakken:",
            f"  - document: {first.document}", f"    passage: {_yaml_str(first.sentence or first.text)}",
            '    grond: "5.1.2e"', '    toelichting: "persoonsgegevens"', "    door: <uw naam>", f"    op: {op}"]
    return "\n".join(out)


def diagnostic(f: Finding, today: dt.date | None = None) -> Diagnostic:
    """One message per finding: where it stands first, every place it occurs and the snippets."""
    n = len(f.occurrences)
    what = f'mogelijk persoonsgegeven "{f.label}"'
    if n > 1:
        what += f" ({n} plekken, één besluit)"
    places = [f"    {o.loc}: {o.text}" for o in f.occurrences[:PLACES_SHOWN]]
    if n > PLACES_SHOWN:
        places.append(f"    ... en nog {n - PLACES_SHOWN}")
    hint = "\n".join(["het staat op:", *places, snippets(f, today)])
    return Diagnostic(f.occurrences[0].loc, what, hint)


def diagnostics(found: Iterable[Finding]) -> list[Diagnostic]:
    return [diagnostic(f) for f in found]
