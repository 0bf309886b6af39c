"""woo.yaml: the decisions of Woo staff for a dossier's public version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.content import fields as F
from pipeline.content.fields import WOO_GRONDEN
from pipeline.content.reader import Reader
from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import Loc


@dataclass
class WooPerson:
    persoon: str
    lakken: bool
    loc: Loc


@dataclass
class Lakken:
    document: str
    passage: LStr
    grond: str
    loc: Loc
    toelichting: LStr | None = None


@dataclass
class Woo:
    loc: Loc
    openbaarmaking: dt.date | None = None
    personen: list[WooPerson] = field(default_factory=list)
    lakken: list[Lakken] = field(default_factory=list)
    toegestaan: list[LStr] = field(default_factory=list)
    informatiecategorie: dict[str, LStr] = field(default_factory=dict)
    vrijgave: Vrijgave | None = None                             # v1.1: who released the public version
    besluit_momenten: list[dt.datetime] = field(default_factory=list)  # the `op` of every decision entry


@dataclass
class Vrijgave:
    door: LStr
    op: dt.datetime
    loc: Loc


DECISION_META = ("door", "op", "reden")  # v1.1: who decided, when and why, on every decision entry


def moment(value: object, end_of_day: bool = True) -> dt.datetime | None:
    """A decision's `op`: a date-time as written, or a date (counted as the end of that day)."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(23, 59, 59) if end_of_day else dt.time(0, 0))
    if isinstance(value, str):
        try:
            return moment(dt.datetime.fromisoformat(value.strip()), end_of_day)
        except ValueError:
            return None
    return None


def _read_woo(r: Reader, node: Node, documents: tuple[str, ...]) -> Woo | None:
    shape = F.woo_shape(documents)
    m = r.mapping(node, "woo.yaml", shape.names)
    if m is None:
        return None
    woo = Woo(loc=node.loc)
    if "openbaarmaking" in m:
        om = r.mapping(m["openbaarmaking"], "openbaarmaking", shape.sub("openbaarmaking").names)
        if om is not None:
            woo.openbaarmaking = r.date(om, "datum", m["openbaarmaking"])
    for item in r.seq(m, "personen", node):
        pm = r.mapping(item, "een persoon in woo.yaml", shape.sub("personen").names)
        if pm is None:
            continue
        _decision_moment(r, pm, woo)
        pid, flag = r.ident(pm, "persoon", item), r.boolean(pm, "lakken", item)
        if pid is not None and flag is not None:
            woo.personen.append(WooPerson(pid, flag, item.loc))
    for item in r.seq(m, "lakken", node):
        lm = r.mapping(item, "een lakken-regel", shape.sub("lakken").names)
        if lm is None:
            continue
        _decision_moment(r, lm, woo)
        doc = r.choice(lm, "document", item, documents)
        passage = r.text(lm, "passage", item)
        grond = r.choice(lm, "grond", item, WOO_GRONDEN)
        if doc and passage is not None and grond:
            woo.lakken.append(Lakken(doc, passage, grond, item.loc, r.text(lm, "toelichting", item, required=False)))
    for item in r.seq(m, "toegestaan", node):
        if isinstance(item.value, dict):  # v1.1: {tekst, door, op, reden}
            tm = r.mapping(item, "een toegestane tekst", shape.sub("toegestaan").names)
            if tm is not None:
                _decision_moment(r, tm, woo)
                text = r.text(tm, "tekst", item)
                if text is not None:
                    woo.toegestaan.append(text)
        elif t := r.scalar_text(item, "een toegestane tekst"):
            woo.toegestaan.append(t)
    if "vrijgave" in m:
        vm = r.mapping(m["vrijgave"], "vrijgave", shape.sub("vrijgave").names)
        if vm is not None:
            door = r.text(vm, "door", m["vrijgave"])
            op = moment(vm["op"].value, end_of_day=False) if "op" in vm else None
            if op is None:
                r.error(vm["op"].loc if "op" in vm else m["vrijgave"].loc, "vrijgave heeft geen geldige 'op'",
                        "schrijf de datum en tijd als JJJJ-MM-DD UU:MM:SS")
            elif door is not None:
                woo.vrijgave = Vrijgave(door, op, m["vrijgave"].loc)
    if "informatiecategorie" in m:
        cm = r.mapping(m["informatiecategorie"], "informatiecategorie", documents)
        for key, val in (cm or {}).items():
            if isinstance(val.value, LStr):
                woo.informatiecategorie[key] = val.value
            else:
                r.error(val.loc, f"informatiecategorie van {key} moet tekst zijn")
    return woo


def _decision_moment(r: Reader, m: dict[str, Node], woo: Woo) -> None:
    """Record the `op` of a decision entry (for the release rule); report one that is no date."""
    node = m.get("op")
    if node is None:
        return
    when = moment(node.value)
    if when is None:
        r.error(node.loc, f"'{node.value}' is geen geldige datum voor 'op'",
                "schrijf JJJJ-MM-DD of JJJJ-MM-DD UU:MM:SS")
    else:
        woo.besluit_momenten.append(when)
