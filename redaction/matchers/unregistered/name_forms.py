"""Name forms no list holds: a bare surname between "door"/"met" and a ministry unit ("opgesteld door Kowalczyk van de
directie Wetgeving"); a Vietnamese name, family name first and a middle name ("modelleur Nguyen Thi Lan")."""
from __future__ import annotations

import re

from redaction.matchers.names import _fold
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.institutions import looks_like_institution
from redaction.matchers.unregistered.person_names import Candidate, _capitalised_word, _names_a_unit
from redaction.matchers.unregistered.stopwords import STOPWORDS

_WORD = rf"[{v.UPPER}][{v.LOWER}]{{2,}}(?:-[{v.UPPER}][{v.LOWER}]+)?"
# "door Kowalczyk van de directie Wetgeving", "met Kowalczyk (afdeling Poort)": a ministry's own unit after the word
_BEFORE_UNIT = re.compile(
    rf"(?<![\w\-])(?:door|met|bij|aan)\s+(?P<name>{_WORD})\s+(?:van\s+(?:de|het)\s+|\(\s*)"
    r"(?:directie|afdeling|unit|cluster|sector|team|stafafdeling|directoraat-generaal|programmadirectie)"
    r"\s+(?=[A-ZÀ-Ý])"
)
# ministries, services and bodies called by one word where a person could stand: "met Defensie van de directie ..."
_BODIES = frozenset({
    "defensie", "justitie", "financiën", "financien", "toeslagen", "rijkswaterstaat", "logius", "prorail", "duo",
    "europol", "eurojust", "frontex", "nationaal", "buitenlandse", "binnenlandse", "economische", "algemene", "sociale",
    "volksgezondheid", "onderwijs", "landbouw", "infrastructuur", "klimaat", "politie", "koninkrijksrelaties",
    "wetgeving", "communicatie", "rijksvastgoedbedrijf", "rijksoverheid", "overheid", "brussel", "nederland",
})
_BODY_ENDINGS = ("ie", "iën", "dienst", "bedrijf", "waterstaat", "zaken", "bureau", "raad", "agentschap")

# Vietnamese family names and middle names ("Nguyen Thi Lan", "Tran Van Minh"; with or without diacritics)
_FAMILIES = ("Nguyen|Nguyễn|Tran|Trần|Le|Lê|Pham|Phạm|Hoang|Hoàng|Huynh|Huỳnh|Phan|Vu|Vũ|Vo|Võ|Dang|Đặng|Bui|Bùi"
             "|Do|Đỗ|Ho|Hồ|Ngo|Ngô|Duong|Dương|Ly|Lý|Truong|Trương|Dinh|Đinh|Doan|Đoàn|Luong|Lương|Trinh|Trịnh")
_MIDDLES = ("Thi|Thị|Van|Văn|Duc|Đức|Ngoc|Ngọc|Quoc|Quốc|Huu|Hữu|Xuan|Xuân|Thanh|Minh|Hong|Hồng|Kim|Thu|Thuy|Thúy"
            "|Dinh|Đình|Cong|Công|Tuan|Tuấn|Anh|Bao|Bảo")
_VIETNAMESE = re.compile(
    rf"(?<![\w\-])(?P<family>{_FAMILIES})\s(?P<middle>{_MIDDLES})(?:\s(?:{_MIDDLES}))?\s"
    rf"(?P<given>[{v.UPPER}Đ][{v.LOWER}đ]+)(?![\w\-])"
)


def _a_body(word: str) -> bool:
    folded = word.casefold()
    return folded in _BODIES or folded.endswith(_BODY_ENDINGS) or folded.endswith(v.ORG_SUFFIXES)


def bare_unit_names(text: str, keep: set[str]) -> list[Candidate]:
    """A bare capitalised word no list holds between "door"/"met" and a ministry's unit: "opgesteld door Kowalczyk van
    de directie Wetgeving" (no ministry, service, place, ordinary word or unit's name: "met Defensie van de
    directie ...", "door Communicatie van de afdeling ...")."""
    out = []
    for m in _BEFORE_UNIT.finditer(text):
        word = m.group("name")
        folded = word.casefold()
        if (not _capitalised_word(word) or word in STOPWORDS or _a_body(word) or _names_a_unit(word)
                or folded in data.common_words() or folded in data.places() or _fold(word) in keep
                or word in v.NOT_SURNAMES):
            continue
        if looks_like_institution(text, m.start("name"), m.end("name"), word, person=True):
            continue
        out.append(Candidate(m.start("name"), m.end("name"), "naam", _fold(word)))
    return out


def vietnamese_names(text: str, keep: set[str]) -> list[Candidate]:
    """A Vietnamese name, family name first and a middle name after it: "Nguyen Thi Lan", "Tran Van Minh" (the
    family name is the key: "mevrouw Nguyen" later is the same person)."""
    out = []
    for m in _VIETNAMESE.finditer(text):
        given = m.group("given")
        if given.casefold() in data.common_words() or given in STOPWORDS or _fold(m.group("family")) in keep:
            continue
        out.append(Candidate(m.start(), m.end(), "naam", _fold(m.group("family"))))
    return out
