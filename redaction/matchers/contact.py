"""E-mail addresses and telephone numbers, however they are spaced or punctuated."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pipeline.content.text import fold
from redaction.matchers._text import _caseless

# --------------------------------------------------------------------------- e-mail

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}(?![\w\-])")


# "@" and "." as people write them to fool harvesters, or as a link encodes them
_AT = r"(?i:\s*@\s*|\s*[\[({]\s*(?:at|apenstaartje)\s*[\])}]\s*|%40|\s+at\s+)"
_DOT = r"(?i:\.|\s*[\[({]\s*(?:dot|punt)\s*[\])}]\s*|%2e)"


def _email_rx(email: str) -> str:
    # a following "." ends the sentence, unless a domain label goes on after it
    address = fold(email.strip()).text
    local, at, domain = address.rpartition("@")
    if not at:
        return rf"(?<![\w.+\-]){_caseless(address)}(?![\w\-]|\.[\w\-])"
    def dotted(part: str) -> str:
        return _DOT.join(_caseless(p) for p in part.split("."))
    return rf"(?<![\w.+\-]){dotted(local)}{_AT}{dotted(domain)}(?![\w\-]|\.[\w\-])"


# --------------------------------------------------------------------------- telephone

_GROUP = re.compile(r"\+?\d+")
# what may stand between two digit groups of one number: a space (or line break), a
# hyphen or slash with optional spaces, a parenthesis as in "(0)6" or "(070) 123", or a
# bare dot ("070.1234567"); ". " ends a sentence and so ends the number
_GAP = re.compile(r"\s*[-\u2010\u2011\u2013/()]?\s*|\.")
_NOT_BEFORE = set("@/.,_-=&#")
_DATE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_SERVICE = ("800", "900", "906", "909")  # 0800 / 090x: 4 or 7 digits after the prefix
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b")


@dataclass(frozen=True)
class _Phone:
    start: int
    end: int
    key: str  # national significant number ("641234567"), or "+<digits>" when foreign
    groups: tuple[str, ...]


def _phone_key(groups: Sequence[str]) -> str | None:
    """The number's identity however it is written: +31 / 0031 / (0) / trunk 0 removed."""
    digits = "".join(groups)
    if digits.startswith("+"):
        intl = digits[1:]
    elif digits.startswith("00"):
        intl = digits[2:]
    elif digits.startswith("0"):
        return digits[1:]
    else:
        return None
    if intl.startswith("31"):
        return intl[2:].removeprefix("0")
    # foreign: drop a "(0)" trunk group as in "+44 (0)20 …"
    rest = list(groups[1:])
    if "0" in rest:
        rest.remove("0")
    return "+" + "".join([groups[0], *rest]).lstrip("+0")


def _runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Digit groups that stand together as one possible number."""
    run: list[re.Match[str]] = []
    for m in _GROUP.finditer(text):
        joined = run and not m.group().startswith("+") and _GAP.fullmatch(text[run[-1].end() : m.start()])
        if run and not joined:
            yield run
            run = []
        run.append(m)
    if run:
        yield run


def _can_start(text: str, m: re.Match[str]) -> bool:
    prev = text[m.start() - 1] if m.start() else " "
    return not (prev.isalnum() or prev in _NOT_BEFORE)


def _can_end(text: str, m: re.Match[str]) -> bool:
    after = text[m.end() : m.end() + 2]
    if not after:
        return True
    # "0,5" and "1.000" are amounts, "06…@" is the local part of an e-mail address
    return not (after[0].isalnum() or after[0] in "@_" or re.fullmatch(r"[.,]\d", after))


def _phone_span(text: str, run: Sequence[re.Match[str]], i: int, j: int) -> tuple[int, int]:
    start = run[i].start()
    closes = j > i and ")" in text[run[i].end() : run[i + 1].start()]
    if start and text[start - 1] == "(" and closes:  # "(070) 456 78 90"
        start -= 1
    return start, run[j].end()


def _scan_phones(text: str, accept: Callable[[_Phone], bool]) -> list[_Phone]:
    """Numbers in text that `accept` takes; at each start the longest accepted one."""
    found: list[_Phone] = []
    for run in _runs(text):
        i = 0
        while i < len(run):
            best = None
            if _can_start(text, run[i]):
                for j in range(i, min(len(run), i + 14)):  # digits typed one by one: 10 groups
                    groups = tuple(m.group() for m in run[i : j + 1])
                    key = _phone_key(groups)
                    if key and _can_end(text, run[j]):
                        phone = _Phone(*_phone_span(text, run, i, j), key, groups)
                        best = (j, phone) if accept(phone) else best
            if best:
                found.append(best[1])
                i = best[0] + 1
            else:
                i += 1
    return found


def _is_plausible_phone(text: str, p: _Phone) -> bool:
    """Dutch numbers (06, 0xx, +31, 0800/090x) and foreign ones written with "+" or "00"."""
    written = text[p.start : p.end]
    if _DATE.match(written.lstrip("(")):
        return False
    if p.key.startswith("+"):
        return 8 <= len(p.key) - 1 <= 15
    if p.key[:1] in ("", "0"):
        return False
    if p.key.startswith(_SERVICE) and len(p.groups[0].lstrip("+")) >= 4:
        return len(p.key) in (7, 10)  # "09.00-17.00" has no 4-digit first group
    return len(p.key) == 9


def registered_phone_key(telefoon: str) -> str | None:
    """Normalised key of a registered number ("06 41234567" → "641234567")."""
    key = _phone_key(_GROUP.findall(telefoon))
    return key if key and len(key.lstrip("+")) >= 6 else None


