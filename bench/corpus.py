"""Generate a realistic, deterministic benchmark content folder.

    .venv/bin/python bench/corpus.py --dossiers 50 --out /tmp/bench-content [--seed 2024] [--no-example]

The folder follows docs/content-format.md: personen.yaml (the repository register plus
generated civil servants, externs and one extra bewindspersoon), organisaties.yaml (copied
from content/), and N generated dossiers for EZK and BZK. Each has a complete parafenroute
with besluit, a nota (1.5-3 pages: sections, lists, 2-5 footnotes), a Kamerbrief (1-2
pages) and usually a rapportage (5-12 pages, chapters, 1-2 tables of 10-40 rows) and a
woo.yaml. By default the example dossier content/motie-21-ezk is copied in as well.

The text is built from the sentence bank in bench/textbank.py. Persons appear only as
@mentions or as forms of registered names, so the public build (`pipeline woo`) passes
without extra decisions; the functional mailboxes in the text are listed under
`toegestaan` in woo.yaml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import textbank as tb  # noqa: E402  (bench/ is put on the path just above)

EXAMPLE = "motie-21-ezk"
DEFAULT_SEED = 20240501
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
ORG = {
    "ezk": {"kort": "EZK", "ministerie": "het ministerie van Economische Zaken en Klimaat", "mail": "minezk.nl",
            "woordvoerder": "tbakker", "bewinds": ["madriaansens", "rhoogland"], "pg": "EZK"},
    "bzk": {"kort": "BZK", "ministerie": "het ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
            "mail": "minbzk.nl", "woordvoerder": "fmulder", "bewinds": ["elindeboom", "avhuffelen"], "pg": "BZK"},
}
# directie -> the directoraat-generaal its route goes through (None: straight to the SG)
DG_OF = {
    "Directie Energiemarkt": "Klimaat en Energie",
    "Directie Digitale Economie": "Economie en Digitalisering",
    "Directie Innovatie en Kennis": "Economie en Digitalisering",
    "Directie Bedrijfsvoering": None,
    "Directie Democratie en Bestuur": "Openbaar Bestuur en Democratische Rechtsstaat",
    "Directie Informatiesamenleving en Overheid": "Openbaar Bestuur en Democratische Rechtsstaat",
    "Directie Woningbouw": "Volkshuisvesting en Bouwen",
    "Directie Digitale Overheid": "Digitalisering en Overheidsorganisatie",
}
KAMERLEDEN = ["lmarijnissen", "jklaver", "svanbaarle"]
KAMERSTUKKEN = [29362, 32813, 35510, 26643, 31490, 32847, 36200, 33009, 30821, 35925]
ORDINALS = ["eerste", "tweede", "derde", "vierde"]
LIST_MARKER = re.compile(r"^(?:[-•] |\d{1,3}[.)] )")


# --------------------------------------------------------------------------- people

@dataclass
class Person:
    id: str
    naam: str
    functie: str
    rol: str
    org: str = ""
    directie: str = ""
    kind: str = ""  # bm | hoofd | directeur | dg | sg | extern | bewinds
    voornaam: str | None = None
    email: str | None = None
    telefoon: str | None = None
    paraaf: str | None = None
    gender: str = "v"
    surname: str = ""  # as used after "mevrouw"/"de heer": tussenvoegsel capitalised

    def yaml(self) -> str:
        lines = [f"  - id: {self.id}", f"    naam: {_scalar(self.naam)}"]
        if self.voornaam:
            lines.append(f"    voornaam: {_scalar(self.voornaam)}")
        lines.append(f"    functie: {_scalar(self.functie)}")
        if self.email:
            lines.append(f"    email: {self.email}")
        if self.telefoon:
            lines.append(f"    telefoon: {json.dumps(self.telefoon)}")
        if self.paraaf:
            lines.append(f"    paraaf: {self.paraaf}")
        lines.append(f"    rol: {self.rol}")
        return "\n".join(lines)


def _ascii(text: str) -> str:
    text = text.replace("ı", "i")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _bank_words() -> set[str]:
    """Every word the generated text can contain, for collision checks on names and parafen."""
    words: set[str] = set()

    def add(obj: object) -> None:
        if isinstance(obj, str):
            words.update(re.findall(r"[\w']+", obj))
        elif isinstance(obj, dict):
            for v in obj.values():
                add(v)
        elif isinstance(obj, (list, tuple)):
            for v in obj:
                add(v)

    for name in dir(tb):
        if name.isupper() and name not in ("SURNAMES", "GIVEN_NAMES", "BEWINDSPERSONEN"):
            add(getattr(tb, name))
    return words


class Register:
    """The generated people, with unique ids, surnames, parafen, e-mail addresses and numbers."""

    def __init__(self, rng: random.Random, existing_text: str, other_text: str = ""):
        self.rng = rng
        self.people: list[Person] = []
        self.ids = set(re.findall(r"^\s*- id: (\S+)", existing_text, re.MULTILINE))
        self.parafen = set(re.findall(r"^\s*paraaf: (\S+)", existing_text, re.MULTILINE))
        self.phones: set[str] = set()
        words = _bank_words()
        # a paraaf is redacted as a whole word: it must not equal any abbreviation or
        # postcode letters (organisaties.yaml, templates) that the documents print
        caps = words | set(re.findall(r"[\w']+", existing_text + other_text))
        self.blocked = {w for w in caps if w.isupper() and len(w) >= 2} | {"II", "III", "CIO", "MT"}
        taken = {s.split()[-1] for s in re.findall(r"^\s*naam: (.+)$", existing_text, re.MULTILINE)}
        self.surnames = [s for s in tb.SURNAMES if s[1] not in taken and s[1] not in words]
        rng.shuffle(self.surnames)
        self.given = list(tb.GIVEN_NAMES)

    def _phone(self) -> str:
        while True:
            if self.rng.random() < 0.6:
                d = f"{self.rng.randrange(10**7, 10**8):08d}"
                fmt = self.rng.choice(["06 {a} {b}", "06-{a}{b}", "06 {a}{b}"])
                number = fmt.format(a=d[:4], b=d[4:])
            else:
                d = f"{self.rng.randrange(10**6, 10**7):07d}"
                fmt = self.rng.choice(["070 {a} {b} {c}", "070-{a}{b}{c}", "(070) {a} {b} {c}"])
                number = fmt.format(a=d[:3], b=d[3:5], c=d[5:])
            key = re.sub(r"\D", "", number)
            if key not in self.phones:
                self.phones.add(key)
                return number

    def _paraaf(self, initials: list[str], tussen: str, core: str) -> str:
        base = "".join(initials) + "".join(w[0] for w in tussen.split()) + core[0]
        # two letters are too short: the gate of the public build finds "PO" inside font streams
        tries = (base, base + core[1], base + core[1:3]) if len(base) >= 3 else (base + core[1], base + core[1:3])
        for candidate in tries:
            if candidate not in self.parafen and candidate not in self.blocked:
                self.parafen.add(candidate)
                return candidate
        raise RuntimeError(f"no free paraaf for {base}")

    def add(self, org: str, directie: str, kind: str, functie: str, rol: str = "ambtenaar",
            title: str = "", mail_domain: str | None = None) -> Person:
        voornaam, gender = self.rng.choice(self.given)
        tussen, core = self.surnames.pop()
        initials = [p[0] for p in voornaam.split("-")]
        if len(initials) == 1 and self.rng.random() < 0.4:
            initials.append(self.rng.choice("ACEHJLMPRW"))
        surname = f"{tussen} {core}".strip()
        naam = " ".join(x for x in (title, "".join(i + "." for i in initials), surname) if x)
        pid = _ascii(voornaam[0] + (tussen.replace(" ", "")[:3]) + core).lower().replace("-", "")
        while pid in self.ids:
            pid += "x"
        self.ids.add(pid)
        domain = mail_domain or ORG[org]["mail"]
        email = f"{_ascii(voornaam).lower()}.{_ascii(tussen + core).lower().replace(' ', '')}@{domain}"
        p = Person(id=pid, naam=naam, functie=functie, rol=rol, org=org, directie=directie, kind=kind,
                   voornaam=voornaam, email=email, telefoon=self._phone(),
                   paraaf=self._paraaf(initials, tussen, core) if rol == "ambtenaar" else None,
                   gender=gender, surname=(tussen[:1].upper() + tussen[1:] + " " + core).strip())
        self.people.append(p)
        return p

    def of(self, org: str, directie: str | None, kind: str) -> list[Person]:
        return [p for p in self.people if p.org == org and p.kind == kind
                and (directie is None or p.directie == directie)]


def build_register(rng: random.Random, existing_text: str, other_text: str = "") -> Register:
    reg = Register(rng, existing_text, other_text)
    afdelingen = ["Strategie", "Beleid", "Uitvoering", "Regie en Kaders", "Wet- en regelgeving"]
    for org, themes in tb.THEMES.items():
        directies = sorted({t["directie"] for t in themes})
        for directie in directies:
            short = directie.removeprefix("Directie ")
            for _ in range(4):
                level = rng.choice(["Beleidsmedewerker", "Senior beleidsmedewerker", "Coördinerend beleidsmedewerker"])
                reg.add(org, directie, "bm", f"{level}, {directie}")
            for afd in rng.sample(afdelingen, 2):
                reg.add(org, directie, "hoofd", f"Hoofd afdeling {afd}, {directie}")
            title = rng.choice(["", "", "drs.", "mr.", "dr.", "ir."])
            reg.add(org, directie, "directeur", f"Directeur {short}", title=title)
        for dg in sorted({DG_OF[d] for d in directies if DG_OF[d]}):
            reg.add(org, dg, "dg", f"Directeur-generaal {dg}", title=rng.choice(["", "drs.", "mr."]))
        reg.add(org, "", "sg", "Secretaris-generaal", title=rng.choice(["", "mr."]))
    for i, bureau in enumerate(tb.EXTERN_ORGS):
        slug = re.sub(r"[^a-z]", "", _ascii(bureau.split()[-1]).lower())
        p = reg.add("ezk" if i % 2 else "bzk", bureau, "extern", f"Projectleider, {bureau}", rol="extern",
                    mail_domain=f"{slug}.nl")
        p.paraaf = None
    for org, people in tb.BEWINDSPERSONEN.items():
        for pid, naam, voornaam, functie in people:
            reg.ids.add(pid)
            reg.people.append(Person(id=pid, naam=naam, functie=functie, rol="bewindspersoon", org=org,
                                     kind="bewinds", voornaam=voornaam))
    return reg


# --------------------------------------------------------------------------- text

def _scalar(text: str) -> str:
    """A YAML scalar as a person would type it: plain when safe, else double-quoted."""
    if re.fullmatch(r"[A-Za-zÀ-ÿ][^:#\"'\[\]{}&*!|>%@`,?]*", text) and text == text.strip() \
            and not text.endswith(":"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _money(rng: random.Random, lo: float, hi: float) -> str:
    value = rng.uniform(lo, hi)
    if value >= 1_000_000:
        return f"€ {value / 1_000_000:.1f} miljoen".replace(".", ",")
    return f"€ {_fmt_int(int(round(value, -3)))}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text and text[0] != "@" else text


@dataclass
class Ctx:
    """Everything a sentence of one dossier may refer to."""

    rng: random.Random
    theme: dict
    org: str
    directie: str
    year: int
    date: dt.date
    colleagues: list[Person]
    externs: list[Person]
    mailbox: str | None
    regio: list[str] = field(default_factory=list)
    current_regio: str = ""

    def past_date(self) -> str:
        d = self.date - dt.timedelta(days=self.rng.randrange(40, 500))
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


class Slots(dict):
    """Slot values for one sentence, drawn on first use."""

    def __init__(self, ctx: Ctx):
        super().__init__()
        self.ctx = ctx
        rng = ctx.rng
        self._partners = rng.sample(ctx.theme["partners"], 2)
        hi = rng.randrange(45, 96)
        self._pct = (hi, rng.randrange(max(5, hi - 35), hi - 3))

    def __missing__(self, key: str) -> str:
        c, rng, t = self.ctx, self.ctx.rng, self.ctx.theme
        value: str
        if key in ("thema", "kort", "doel", "doelgroep", "instrument", "probleem"):
            value = t["naam" if key == "thema" else key]
        elif "|" in key:  # verb agreement with {partner}: "{heeft|hebben}"
            singular, plural = key.split("|", 1)
            value = plural if _plural(self["partner"]) else singular
        elif key == "partner":
            value = self._partners[0]
        elif key == "partner2":
            value = self._partners[1]
        elif key == "partner_cap":
            value = _cap(self._partners[0].removeprefix("de ").removeprefix("het "))
        elif key == "maatregel":
            value = rng.choice(t["maatregelen"])
        elif key == "knelpunt":
            value = rng.choice(tb.R_KNELPUNT).format(njaar=c.year + rng.randrange(1, 4))
        elif key == "org":
            value = ORG[c.org]["kort"]
        elif key == "ministerie":
            value = ORG[c.org]["ministerie"]
        elif key == "directie":
            value = c.directie
        elif key == "jaar":
            value = str(c.year)
        elif key == "vjaar":
            value = str(c.year - rng.randrange(1, 3))
        elif key == "jaar2":
            value = f"{(int(self['vjaar']) + 1) % 100:02d}"
        elif key == "njaar":
            value = str(c.year + rng.randrange(1, 4))
        elif key == "maand":
            value = rng.choice(MONTHS)
        elif key == "datum_v":
            value = c.past_date()
        elif key == "kwartaal":
            value = f"het {rng.choice(ORDINALS)} kwartaal van {c.year + rng.randrange(1, 3)}"
        elif key == "n":
            value = str(rng.randrange(3, 41))
        elif key == "n_klein":
            value = str(rng.randrange(1, 4))
        elif key == "groot":
            value = _fmt_int(rng.randrange(1_000, 25_000))
        elif key == "pct":
            value = f"{self._pct[0]} procent"
        elif key == "pct2":
            value = f"{self._pct[1]} procent"
        elif key == "bedrag":
            value = _money(rng, 1_200_000, 48_000_000)
        elif key == "bedrag2":
            value = _money(rng, 80_000, 900_000)
        elif key == "bedrag_exact":
            value = f"€ {_fmt_int(rng.randrange(60, 400) * 500)}"
        elif key == "kamerstuk":
            value = str(rng.choice(KAMERSTUKKEN))
        elif key == "stuknr":
            value = str(rng.randrange(2, 400))
        elif key == "kamerlid":
            value = "@" + rng.choice(KAMERLEDEN)
        elif key == "collega":
            p = rng.choice(c.colleagues)
            value = "@" + p.id if rng.random() < 0.7 else (
                f"afdelingshoofd {p.surname}" if p.kind == "hoofd" else "@" + p.id)
        elif key in ("extern", "extern_org"):
            p = rng.choice(c.externs)
            self["extern"] = "@" + p.id if rng.random() < 0.5 else (
                ("mevrouw " if p.gender == "v" else "de heer ") + p.surname)
            self["extern_org"] = p.directie
            return self[key]
        elif key == "woordvoerder":
            value = "@" + ORG[c.org]["woordvoerder"]
        elif key == "mailbox":
            value = (c.mailbox or "").replace("@", "\\@")
        elif key == "regio":
            value = c.current_regio or rng.choice(tb.ROW_LABELS["provincies"])
        elif key == "in_regio":
            regio = self["regio"]
            if c.theme["rijen"] == "organisaties" and c.current_regio:
                value = f"bij {regio}"
            elif c.theme["rijen"] == "sectoren" and c.current_regio:
                value = f"in de sector {regio[0].lower() + regio[1:] if regio != 'ICT' else regio}"
            else:
                value = f"in {regio}"
        else:
            raise KeyError(key)
        self[key] = value
        return value


def _plural(partner: str) -> bool:
    """'de netbeheerders', 'de provincies' take a plural verb; 'de Kiesraad', 'Gasunie' do not."""
    words = partner.split()
    if words[0] not in ("de", "De") or len(words) < 2:
        return False
    head = next((w for w in words[1:] if w[:1].islower() and w not in ("regionale", "in", "het")), "")
    return head.endswith(("s", "en", "ijen")) or head == "toezichthouders"


def fill(ctx: Ctx, template: str) -> str:
    return _cap(template.format_map(Slots(ctx)))


def sentences(ctx: Ctx, bank: list[str], k: int, used: set[str] | None = None) -> list[str]:
    """k filled sentences from bank, each template at most once per document while possible."""
    used = used if used is not None else set()
    fresh = [s for s in bank if s not in used]
    picked = ctx.rng.sample(fresh, min(k, len(fresh)))  # fewer (or none) when the bank runs out
    used.update(picked)
    return [fill(ctx, s) for s in picked]


# A text is a list of blocks: ("p", sentence list) | ("ul", items) | ("ol", items).
Block = tuple[str, list[str]]


def words_of(blocks: list[Block]) -> int:
    return sum(len(" ".join(items).split()) for _, items in blocks)


def add_footnote(ctx: Ctx, blocks: list[Block]) -> bool:
    """Attach one footnote to a random sentence of a paragraph; False if there is none."""
    candidates = [(i, j) for i, (kind, items) in enumerate(blocks) if kind == "p"
                  for j, s in enumerate(items) if "^[" not in s and s.endswith(".")]
    if not candidates:
        return False
    i, j = ctx.rng.choice(candidates)
    note = fill(ctx, ctx.rng.choice(tb.FOOTNOTE))
    s = blocks[i][1][j]
    blocks[i][1][j] = s[:-1] + f"^[{note}]."
    return True


def _wrap(text: str, first: str, indent: str, width: int) -> list[str]:
    for w in range(width, width - 30, -1):
        lines = textwrap.wrap(text, width=w, break_long_words=False, break_on_hyphens=False)
        # a continuation line that reads as a list marker would start a new item
        if not any(LIST_MARKER.match(line) for line in lines[1:]):
            return [first + lines[0]] + [indent + line for line in lines[1:]]
    raise RuntimeError(f"cannot wrap {text[:40]!r} safely")


def render_text(blocks: list[Block], indent: str, width: int = 86) -> str:
    out: list[str] = []
    for kind, items in blocks:
        if not items:
            continue
        if out:
            out.append("")
        if kind == "p":
            out += _wrap(" ".join(items), indent, indent, width)
        else:
            for n, item in enumerate(items, 1):
                marker = "- " if kind == "ul" else f"{n}. "
                out += _wrap(item, indent + marker, indent + " " * len(marker), width)
    return "\n".join(out) + "\n"


@dataclass
class Section:
    kop: str
    blocks: list[Block] = field(default_factory=list)
    subs: list[Section] = field(default_factory=list)
    nummering: str | None = None
    table: tuple[list[str], list[list]] | None = None

    def all_blocks(self) -> list[list[Block]]:
        out = [self.blocks] if self.blocks else []
        for s in self.subs:
            out += s.all_blocks()
        return out

    def yaml(self, indent: str) -> str:
        lines = [f"{indent}- kop: {_scalar(self.kop)}"]
        inner = indent + "  "
        if self.nummering:
            lines.append(f"{inner}nummering: {self.nummering}")
        if any(items for _, items in self.blocks):
            lines.append(f"{inner}tekst: |")
            lines.append(render_text(self.blocks, inner + "  ").rstrip("\n"))
        if self.table:
            cols, rows = self.table
            lines.append(f"{inner}tabel:")
            lines.append(f"{inner}  kolommen: [{', '.join(_scalar(c) for c in cols)}]")
            lines.append(f"{inner}  rijen:")
            for row in rows:
                cells = [str(c) if isinstance(c, int) else json.dumps(c, ensure_ascii=False) for c in row]
                lines.append(f"{inner}    - [{', '.join(cells)}]")
        if self.subs:
            lines.append(f"{inner}secties:")
            lines += [s.yaml(inner + "  ") for s in self.subs]
        return "\n".join(lines)


def sections_words(sections: list[Section]) -> int:
    return sum(words_of(b) for s in sections for b in s.all_blocks())


# --------------------------------------------------------------------------- documents

@dataclass
class Dossier:
    id: str
    org: str
    theme: dict
    ctx: Ctx
    opsteller: Person
    route: list[tuple[Person, dt.date]]
    aan: str
    ter: str
    bijlagen: list[str]
    kenmerk: str
    onderwerp: str
    lakken: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, passage, grond, toelichting
    has_woo: bool = True
    mailbox_in_text: bool = False
    stats: dict = field(default_factory=dict)


def _para(ctx: Ctx, bank: list[str], lo: int, hi: int, used: set[str]) -> Block:
    return ("p", sentences(ctx, bank, ctx.rng.randint(lo, hi), used))


def make_nota(d: Dossier) -> list[Section]:
    ctx, rng = d.ctx, d.ctx.rng
    used: set[str] = set()
    target = rng.randint(420, 820)
    secs = [Section("Aanleiding", [_para(ctx, tb.AANLEIDING, 2, 4, used)])]
    besluit = [("p", sentences(ctx, tb.BESLUIT[d.ter], 1, used))]
    secs.append(Section("Geadviseerd besluit", besluit))
    kern_items = [" ".join(sentences(ctx, tb.KERNPUNT, rng.randint(1, 2), used)) for _ in range(rng.randint(3, 5))]
    if rng.random() < 0.6:
        secs.append(Section("Kernpunten", [("ul", kern_items)]))
    else:
        half = max(1, len(kern_items) // 2)
        secs.append(Section("Kernpunten", subs=[
            Section("Proces", [("ul", kern_items[:half])]),
            Section("Ontwikkelingen", [("ul", kern_items[half:])] if kern_items[half:] else
                    [_para(ctx, tb.UITVOERING, 2, 3, used)]),
        ]))
    options = [("Draagvlak politiek", tb.DRAAGVLAK), ("Afstemming (intern en interdepartementaal)", tb.AFSTEMMING),
               ("Financiële gevolgen", tb.FINANCIEEL), ("Juridische aspecten", tb.JURIDISCH),
               ("Uitvoering en risico's", tb.UITVOERING), ("Communicatie", tb.COMMUNICATIE),
               ("Toezeggingen", tb.TOEZEGGING)]
    chosen = [options[0], options[1]] + rng.sample(options[2:], rng.randint(2, 4))
    chosen.sort(key=options.index)
    toel = [Section(kop, [_para(ctx, bank, 2, 4, used)]) for kop, bank in chosen]
    nummering = rng.choice(["letters", "letters", "letters", "cijfers"])
    secs.append(Section("Toelichting", subs=toel, nummering=nummering))
    # grow or shrink the Toelichting towards the target length
    guard = 0
    while sections_words(secs) < target and guard < 30:
        sub = rng.choice(toel)
        bank = dict(options)[sub.kop] + tb.UITVOERING + tb.NOTA_ALGEMEEN
        para = _para(ctx, bank, 2, 3, used)
        if para[1]:
            sub.blocks.append(para)
        guard += 1
    while sections_words(secs) > target + 150:
        longest = max(toel, key=lambda s: words_of(s.blocks))
        if len(longest.blocks) < 2:
            break
        longest.blocks.pop()
    all_blocks = [b for s in secs for b in s.all_blocks()]
    for _ in range(rng.randint(2, 5)):
        add_footnote(ctx, rng.choice(all_blocks))
    # lakken passage (woo) in a Toelichting paragraph; after the footnotes, so it stays plain text
    if d.has_woo and rng.random() < 0.5:
        text, grond, toel_text = rng.choice(tb.LAK_PASSAGES["nota"])
        passage = fill(ctx, text)
        target_sec = next((s for s in toel if s.kop.startswith("Financ")), rng.choice(toel))
        target_sec.blocks[0][1].append(passage)
        d.lakken.append(("nota", passage, grond, toel_text))
    d.stats["nota_words"] = sections_words(secs)
    return secs


def make_kamerbrief(d: Dossier) -> list[Block]:
    ctx, rng = d.ctx, d.ctx.rng
    used: set[str] = set()
    target = rng.randint(150, 480)
    blocks: list[Block] = [("p", sentences(ctx, tb.KB_OPENING, 1, used) + sentences(ctx, tb.KB_BODY, 1, used))]
    blocks.append(_para(ctx, tb.KB_BODY, 2, 3, used))
    if rng.random() < 0.6:
        blocks.append(("p", ["Concreet gaat het om de volgende maatregelen:"]))
        items = rng.sample(d.theme["maatregelen"], rng.randint(2, 4))
        blocks.append(("ul", [_cap(m) + ";" for m in items[:-1]] + [_cap(items[-1]) + "."]))
    while words_of(blocks) < target - 40:
        para = _para(ctx, tb.KB_BODY, 2, 3, used)
        if not para[1]:
            break
        blocks.append(para)
    blocks.append(("p", sentences(ctx, tb.KB_CLOSING, 1, used)))
    for _ in range(rng.randint(1, 2)):
        add_footnote(ctx, blocks)
    d.stats["kamerbrief_words"] = words_of(blocks)
    return blocks


def _table(d: Dossier, kind: str, nrows: int) -> tuple[list[str], list[list]]:
    rng = d.ctx.rng
    labels = tb.ROW_LABELS[kind]
    if kind == "maanden":
        start = rng.randrange(0, max(1, len(labels) - nrows))
        picked = labels[start:start + nrows]
    else:
        picked = rng.sample(labels, min(nrows, len(labels)))
    rows, tot_a, tot_b = [], 0, 0
    for label in picked:
        a = rng.randrange(8, 900)
        b = int(a * rng.uniform(0.35, 1.0))
        tot_a, tot_b = tot_a + a, tot_b + b
        rows.append([label, a, b, f"{100 * b / a:.1f}%".replace(".", ",")])
    rows.append(["**Totaal**", f"**{_fmt_int(tot_a)}**", f"**{_fmt_int(tot_b)}**",
                 f"**{100 * tot_b / tot_a:.1f}%**".replace(".", ",")])
    return list(d.theme["kolommen"]), rows


def make_rapportage(d: Dossier) -> tuple[str, str, list[Section]]:
    ctx, rng, t = d.ctx, d.ctx.rng, d.theme
    used: set[str] = set()
    target = rng.randint(1300, 3600)
    numbered = rng.random() < 0.5
    titel = rng.choice([f"Evaluatie van {t['instrument'].removeprefix('de ').removeprefix('het ')}",
                        f"Monitor {t['kort'].removeprefix('de ').removeprefix('het ')} {d.ctx.year}",
                        f"Voortgangsrapportage {t['kort'].removeprefix('de ').removeprefix('het ')}"])
    titel = _cap(titel)
    ondertitel = f"Onderzoek naar {t['naam']}, uitgevoerd in opdracht van {ORG[d.org]['ministerie']}"
    gen = tb.R_ALGEMEEN
    ch: list[Section] = []
    ch.append(Section("Inleiding", [_para(ctx, tb.R_INLEIDING, 3, 4, used),
                                    ("p", [rng.choice(tb.R_LEESWIJZER)])]))
    ch.append(Section("Achtergrond", [_para(ctx, tb.R_ACHTERGROND, 3, 4, used),
                                      _para(ctx, tb.R_ACHTERGROND + gen, 2, 4, used)]))
    steps = [fill(ctx, s) for s in rng.sample(tb.R_AANPAK_STAP, rng.randint(3, 5))]
    ch.append(Section("Aanpak", [("p", [rng.choice(tb.R_AANPAK_INTRO)]), ("ol", steps),
                                 _para(ctx, tb.R_AANPAK_SLOT, 1, 2, used)]))
    nrows = rng.randint(10, 40)
    kind = t["rijen"]
    cols, rows = _table(d, kind, nrows)
    res = Section("Resultaten", [_para(ctx, tb.R_RESULTATEN, 3, 5, used),
                                 ("p", [f"Tabel 1. {cols[1]} en {cols[2].lower()} per {cols[0].lower()}"])])
    res.table = (cols, rows)
    ch.append(res)
    # Per-row chapter: the main knob for the length of the rapportage.
    ctx.regio = [r[0] for r in rows[:-1]]
    rng.shuffle(ctx.regio)
    per_row = Section(f"Uitkomsten per {cols[0].lower()}", [_para(ctx, tb.R_RESULTATEN + gen, 2, 3, used)])
    ch.append(per_row)
    knel = Section("Analyse", [_para(ctx, tb.R_ANALYSE, 3, 4, used),
                               ("p", ["De belangrijkste knelpunten die deelnemers noemen, zijn:"]),
                               ("ul", [fill(ctx, k) + ";" for k in rng.sample(tb.R_KNELPUNT, 3)]),
                               _para(ctx, tb.R_ANALYSE + gen, 2, 3, used)])
    knel.blocks[2][1][-1] = knel.blocks[2][1][-1][:-1] + "."
    ch.append(knel)
    if rng.random() < 0.6:
        cols2, rows2 = _table(d, rng.choice(["sectoren", "provincies", "organisaties"]), rng.randint(10, 20))
        cols2 = [cols2[0] if kind != "sectoren" else "Onderdeel", "Respondenten", "Positief", "Aandeel"]
        sub = Section("Oordeel van de deelnemers", [_para(ctx, gen, 2, 3, used),
                                                    ("p", ["Tabel 2. Oordeel van de respondenten"])])
        sub.table = (cols2, rows2)
        knel.subs.append(sub)
    ch.append(Section("Conclusies", [_para(ctx, tb.R_CONCLUSIE, 2, 4, used)]))
    recs = [fill(ctx, s) for s in rng.sample(tb.R_AANBEVELING, rng.randint(3, 5))]
    ch.append(Section("Aanbevelingen", [("p", ["De onderzoekers doen de volgende aanbevelingen:"]), ("ol", recs)]))
    guard = 0
    used_per_row: dict[str, set[str]] = {}
    while sections_words(ch) < target and guard < 200:
        if ctx.regio:
            ctx.current_regio = ctx.regio.pop(0)
            used_per_row[ctx.current_regio] = set()
            per_row.subs.append(Section(ctx.current_regio, [_para(ctx, tb.R_REGIO + gen, 3, 5,
                                                                  used_per_row[ctx.current_regio])]))
        elif per_row.subs:  # every row has its section: make them longer in turn, never repeating a sentence
            sub = per_row.subs[guard % len(per_row.subs)]
            ctx.current_regio = sub.kop
            para = _para(ctx, tb.R_REGIO + gen, 3, 4, used_per_row[sub.kop])
            if not para[1]:
                break
            sub.blocks.append(para)
        guard += 1
    ctx.current_regio = ""
    colofon = [fill(ctx, tb.R_COLOFON[0])]
    if d.mailbox_in_text:
        colofon.append(fill(ctx, tb.R_COLOFON[1]))
    all_blocks = [b for s in ch for b in s.all_blocks()]
    for _ in range(rng.randint(1, 4)):
        add_footnote(ctx, rng.choice(all_blocks))
    if d.has_woo and rng.random() < 0.35:  # after the footnotes: a passage is plain text
        text, grond, toel = tb.LAK_PASSAGES["rapportage"][0]
        passage = fill(ctx, text)
        ch[-2].blocks[0][1].append(passage)  # Conclusies
        d.lakken.append(("rapportage", passage, grond, toel))
    ch.append(Section("Colofon", [("p", colofon)]))
    if numbered:
        for i, s in enumerate(ch[:-1], 1):
            s.kop = f"{i}. {s.kop}"
    d.stats["rapportage_words"] = sections_words(ch)
    d.stats["rapportage_rows"] = len(rows) + (len(knel.subs[0].table[1]) if knel.subs else 0)
    return titel, ondertitel, ch


# --------------------------------------------------------------------------- dossier files

def _date(d: dt.date) -> str:
    return d.isoformat()


def write_dossier(folder: Path, d: Dossier, reg: Register) -> None:
    rng = d.ctx.rng
    folder.mkdir(parents=True)
    besluit_datum = d.ctx.date
    lines = [
        f"# Gegenereerd benchmarkdossier ({d.theme['kort']}); alle personen en cijfers zijn verzonnen.",
        f"kenmerk: {json.dumps(d.kenmerk)}",
        f"onderwerp: {json.dumps(d.onderwerp, ensure_ascii=False)}",
        f"datum: {_date(besluit_datum)}",
        f"organisatie: {d.org}",
        f"directie: {d.ctx.directie}",
        f"opsteller: {d.opsteller.id}",
        "parafenroute:",
    ]
    for person, when in d.route:
        lines += [f"  - persoon: {person.id}", f"    datum: {_date(when)}"]
    oordeel = rng.choice(tb.OORDEEL[d.ter])
    lines += ["besluit:", f"  persoon: {d.aan}", f"  oordeel: {oordeel}", f"  datum: {_date(besluit_datum)}"]
    if rng.random() < 0.3:
        lines.append(f"  opmerking: {json.dumps(rng.choice(tb.BESLUIT_OPMERKING), ensure_ascii=False)}")
    (folder / "dossier.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    woordvoerder = ORG[d.org]["woordvoerder"]
    kopie = rng.choice([[], [woordvoerder], ["Directie Communicatie"], [woordvoerder, "Directie Communicatie"]])
    nota = make_nota(d)
    nl = [f"ter: {d.ter}", f"aan: {d.aan}",
          "kopie_aan: [" + ", ".join(k if " " not in k else json.dumps(k) for k in kopie) + "]",
          f"bijlagen: [{', '.join(d.bijlagen)}]", "secties:"]
    nl += [s.yaml("  ") for s in nota]
    (folder / "nota.yaml").write_text("\n".join(nl) + "\n", encoding="utf-8")

    brief = make_kamerbrief(d)
    kb = [f"betreft: {json.dumps(_cap(d.theme['naam']), ensure_ascii=False)}", f"ondertekenaar: {d.aan}"]
    if rng.random() < 0.7:
        kb.append(f"contactpersoon: {d.opsteller.id}")
    slot = json.dumps(rng.choice(tb.KB_SLOT), ensure_ascii=False)
    kb += ["tekst: |", render_text(brief, "  ").rstrip("\n"), f"slot: {slot}"]
    (folder / "kamerbrief.yaml").write_text("\n".join(kb) + "\n", encoding="utf-8")

    if "rapportage" in d.bijlagen:
        titel, ondertitel, chapters = make_rapportage(d)
        rp = [f"titel: {json.dumps(titel, ensure_ascii=False)}",
              f"ondertitel: {json.dumps(ondertitel, ensure_ascii=False)}", "secties:"]
        rp += [s.yaml("  ") for s in chapters]
        (folder / "rapportage.yaml").write_text("\n".join(rp) + "\n", encoding="utf-8")

    if d.has_woo:
        pub = besluit_datum + dt.timedelta(days=rng.randrange(14, 75))
        w = ["# Besluiten voor de openbare (Woo-)versie van dit dossier.", "openbaarmaking:", f"  datum: {_date(pub)}"]
        dgs = [p for p, _ in d.route if p.kind == "dg"]
        if dgs and rng.random() < 0.4:
            w += ["personen:", f"  - persoon: {dgs[0].id}",
                  "    lakken: false            # treedt in deze functie publiek op"]
        if d.lakken:
            w.append("lakken:")
            for doc, passage, grond, toel in d.lakken:
                w += [f"  - document: {doc}", f"    passage: {json.dumps(passage, ensure_ascii=False)}",
                      f"    grond: {json.dumps(grond)}", f"    toelichting: {json.dumps(toel, ensure_ascii=False)}"]
        if d.mailbox_in_text:
            w += ["toegestaan:", f"  - {json.dumps(d.ctx.mailbox)}   # functionele mailbox, geen persoonsgegeven"]
        (folder / "woo.yaml").write_text("\n".join(w) + "\n", encoding="utf-8")


def plan_dossier(i: int, rng: random.Random, reg: Register, used_ids: set[str]) -> Dossier:
    org = "ezk" if i % 2 == 0 else "bzk"
    theme = rng.choice(tb.THEMES[org])
    directie = theme["directie"]
    year = rng.choice([2023, 2024])
    date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(20, 340))
    opsteller = rng.choice(reg.of(org, directie, "bm"))
    route_people: list[Person] = []
    if rng.random() < 0.7:
        route_people.append(rng.choice(reg.of(org, directie, "hoofd")))
    route_people.append(reg.of(org, directie, "directeur")[0])
    dg_name = DG_OF[directie]
    if dg_name and rng.random() < 0.8:
        route_people.append(reg.of(org, dg_name, "dg")[0])
    if rng.random() < 0.35 or not dg_name:
        route_people.append(reg.of(org, "", "sg")[0])
    days = sorted(rng.sample(range(1, 15), len(route_people)), reverse=True)
    route = [(p, date - dt.timedelta(days=n)) for p, n in zip(route_people, days, strict=True)]
    colleagues = [p for p in reg.people if p.org == org and p.kind in ("bm", "hoofd") and p is not opsteller]
    externs = [p for p in reg.people if p.kind == "extern"]
    slug = re.sub(r"[^a-z]+", "-", _ascii(theme["kort"]).lower().removeprefix("de ").removeprefix("het ")).strip("-")
    slug = re.sub(r"^(de|het)-", "", slug)
    did = f"{org}-{slug}-{i + 1:03d}"
    used_ids.add(did)
    local = re.sub(r"[^a-z]+", "-", _ascii(directie.removeprefix("Directie ")).lower()).strip("-")
    mailbox = f"{local}@{ORG[org]['mail']}"
    ctx = Ctx(rng, theme, org, directie, year, date, colleagues, externs, mailbox)
    ter = rng.choice(tb.TER)
    bijlagen = ["kamerbrief", "rapportage"] if rng.random() < 0.75 else ["kamerbrief"]
    if org == "ezk":
        letters = "".join(w[0] for w in directie.removeprefix("Directie ").split() if w[0].isupper())
        kenmerk = f"DG{ORG[org]['pg']}-{letters} / {rng.randrange(23_000_000, 25_999_999)}"
    else:
        kenmerk = f"{year}-{rng.randrange(10**9, 10**10):010d}"
    onderwerp = rng.choice([f"Kamerbrief over {theme['naam']}", f"Voortgang {theme['kort']} {year}",
                            f"Uitkomsten van de evaluatie van {theme['instrument']}",
                            f"Stand van zaken {theme['kort']}"])
    d = Dossier(did, org, theme, ctx, opsteller, route, rng.choice(ORG[org]["bewinds"]), ter, bijlagen,
                kenmerk, _cap(onderwerp))
    d.has_woo = rng.random() < 0.85
    d.mailbox_in_text = d.has_woo and "rapportage" in bijlagen
    return d


@dataclass
class CorpusInfo:
    path: Path
    dossiers: list[str]
    generated: int
    example: bool
    seed: int
    stats: dict


def generate(dest: Path, dossiers: int = 50, *, seed: int = DEFAULT_SEED, example: bool = True,
             source: Path = ROOT / "content") -> CorpusInfo:
    """Write the corpus to dest (which must not exist or be empty); return what was written."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    existing = (source / "personen.yaml").read_text(encoding="utf-8")
    other = (source / "organisaties.yaml").read_text(encoding="utf-8")
    other += "".join(p.read_text(encoding="utf-8") for p in sorted((source / EXAMPLE).glob("*.yaml")))
    generator = ROOT / "templates" / "generate.py"
    if generator.is_file():
        other += generator.read_text(encoding="utf-8")
    reg = build_register(rng, existing, other)
    shutil.copyfile(source / "organisaties.yaml", dest / "organisaties.yaml")
    ids: list[str] = []
    used: set[str] = set()
    per: list[dict] = []
    for i in range(dossiers):
        d = plan_dossier(i, rng, reg, used)
        write_dossier(dest / d.id, d, reg)
        ids.append(d.id)
        per.append({"id": d.id, "docs": ["nota", *d.bijlagen], "woo": d.has_woo, "lakken": len(d.lakken), **d.stats})
    people = "\n\n".join(p.yaml() for p in reg.people)
    (dest / "personen.yaml").write_text(
        existing.rstrip("\n") + "\n\n  # --- Gegenereerd door bench/corpus.py (verzonnen personen) ---------------\n\n"
        + people + "\n", encoding="utf-8")
    if example:
        shutil.copytree(source / EXAMPLE, dest / EXAMPLE)
        ids.append(EXAMPLE)
    docs = sum(len(p["docs"]) for p in per)
    stats = {"documents": docs + (3 if example else 0), "people_generated": len(reg.people), "per_dossier": per}
    return CorpusInfo(dest, ids, dossiers, example, seed, stats)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dossiers", type=int, default=50, help="number of generated dossiers (default 50)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    ap.add_argument("--out", type=Path, required=True, help="content folder to create (must be empty or absent)")
    ap.add_argument("--no-example", action="store_true", help=f"do not copy content/{EXAMPLE} into the corpus")
    ap.add_argument("--force", action="store_true", help="remove --out first if it exists")
    args = ap.parse_args(argv)
    if args.force and args.out.exists():
        shutil.rmtree(args.out)
    info = generate(args.out, args.dossiers, seed=args.seed, example=not args.no_example)
    per = info.stats["per_dossier"]
    rap = [p["rapportage_words"] for p in per if "rapportage_words" in p]
    print(f"{info.path}: {len(info.dossiers)} dossiers ({info.generated} generated"
          f"{' + ' + EXAMPLE if info.example else ''}), {info.stats['documents']} documents, "
          f"{info.stats['people_generated']} generated people")
    if per:
        print(f"  nota words {min(p['nota_words'] for p in per)}-{max(p['nota_words'] for p in per)}, "
              f"kamerbrief words {min(p['kamerbrief_words'] for p in per)}-{max(p['kamerbrief_words'] for p in per)}"
              + (f", rapportage words {min(rap)}-{max(rap)} ({len(rap)} rapportages)" if rap else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
