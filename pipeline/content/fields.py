"""The fields of every content file, declared once: the loader takes its fields from here, the JSON Schemas too."""

from __future__ import annotations

from dataclasses import dataclass, field

# Field types: text (any scalar, kept as typed), id, date (JJJJ-MM-DD), moment (date, or date and time),
# bool (ja/nee), choice, email, texts (list of text), ids (an id or a list of ids), object, objects,
# text_or_object (a text, or an object with `shape`), sections, rows (table rows), map (fixed keys, text values).


@dataclass(frozen=True)
class Field:
    """One field: its name, type, whether it must be there, and what it means (Dutch, for editors)."""

    name: str
    type: str
    doc: str
    required: bool = False
    options: tuple[str, ...] = ()
    shape: Shape | None = None


@dataclass(frozen=True)
class Shape:
    """The fields of one mapping (a file or a part of one)."""

    fields: tuple[Field, ...]
    any_of: tuple[tuple[str, ...], ...] = ()  # at least one of these groups of fields must be there
    extra: dict[str, str] = field(default_factory=dict)  # generator hints

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def sub(self, name: str) -> Shape:
        """The shape of field `name` (an object or a list of objects)."""
        shape = next(f.shape for f in self.fields if f.name == name)
        assert shape is not None, name
        return shape

    def with_fields(self, *more: Field) -> Shape:
        return Shape(self.fields + more, self.any_of, self.extra)


ROLLEN = ("ambtenaar", "bewindspersoon", "kamerlid", "woordvoerder", "publiek", "extern")
OORDELEN = ("akkoord", "niet akkoord", "besproken", "gezien")
TER = ("besluitvorming", "beslissing", "informatie")
NUMMERING = ("letters", "cijfers", "geen")
WOO_GRONDEN = (
    "5.1.1a", "5.1.1b", "5.1.1c", "5.1.1d", "5.1.1e",
    "5.1.2a", "5.1.2b", "5.1.2c", "5.1.2d", "5.1.2e", "5.1.2f", "5.1.2g", "5.1.2h", "5.1.2i",
    "5.1.5", "5.2",
)

PERSON = Shape((
    Field("id", "id", "uniek; voor @id in de tekst en in andere velden", required=True),
    Field("naam", "text", "de naam zoals gedrukt, bijvoorbeeld A.B. de Vries", required=True),
    Field("voornaam", "text", "de voornaam; helpt de naam in andere vormen te vinden"),
    Field("functie", "text", "de functie, bijvoorbeeld Directeur Bedrijfsvoering"),
    Field("email", "email", "het e-mailadres"),
    Field("telefoon", "text", "het telefoonnummer, zoals gedrukt"),
    Field("paraaf", "text", "de initialen van de paraaf"),
    Field("rol", "choice", "bepaalt de openbare versie: ambtenaar en extern worden gelakt", required=True,
          options=ROLLEN),
))
PERSONEN = Shape((Field("personen", "objects", "iedereen die in een stuk voorkomt", required=True, shape=PERSON),))

ORGANISATION = Shape((
    Field("id", "id", "uniek; voor 'organisatie:' in dossier.yaml", required=True),
    Field("naam", "text", "de naam, bijvoorbeeld Ministerie van Economische Zaken en Klimaat", required=True),
    Field("tooi", "text", "de TOOI-code (DiWoo), bijvoorbeeld mnre1045; nodig voor de openbare versie"),
    Field("postadres", "text", "het postadres op één regel"),
    Field("bezoekadres", "text", "het bezoekadres op één regel"),
    Field("website", "text", "de website, bijvoorbeeld www.rijksoverheid.nl/ezk"),
    Field("vrijgave_verplicht", "bool", "ja: de openbare versie pas na een vrijgave in woo.yaml"),
    Field("logo", "text", "een PNG- of JPEG-bestand in de contentmap (pad vanaf de contentmap), boven op de nota "
                          "en de Kamerbrief"),
    Field("logo_alt", "text", "de alternatieve tekst van het logo, voor schermlezers; verplicht bij logo"),
))
ORGANISATIES = Shape((Field("organisaties", "objects", "de organisaties", required=True, shape=ORGANISATION),))

ROUTE_STEP = Shape((
    Field("persoon", "id", "persoon-id uit personen.yaml", required=True),
    Field("datum", "date", "de datum van de paraaf (JJJJ-MM-DD); weglaten zolang die er niet is"),
))
BESLUIT = Shape((
    Field("persoon", "id", "persoon-id van de bewindspersoon die besloot", required=True),
    Field("oordeel", "choice", "het oordeel", required=True, options=OORDELEN),
    Field("datum", "date", "de datum van het besluit (JJJJ-MM-DD)", required=True),
    Field("opmerking", "text", "een opmerking bij het besluit"),
))
DOSSIER = Shape((
    Field("kenmerk", "text", "het kenmerk van de nota, gedrukt zoals getypt", required=True),
    Field("onderwerp", "text", "de titel van de nota", required=True),
    Field("datum", "date", "de datum van de nota (JJJJ-MM-DD)", required=True),
    Field("organisatie", "id", "id uit organisaties.yaml", required=True),
    Field("directie", "text", "de directie van de opsteller, zoals gedrukt", required=True),
    Field("opsteller", "id", "persoon-id van de behandelaar", required=True),
    Field("parafenroute", "objects", "de parafen, in volgorde", shape=ROUTE_STEP),
    Field("besluit", "object", "het besluit van de bewindspersoon; weglaten zolang de route open is",
          shape=BESLUIT),
))

TABLE = Shape((
    Field("kolommen", "texts", "de kolomkoppen", required=True),
    Field("rijen", "rows", "de rijen; elke rij evenveel cellen als kolommen", required=True),
))
SECTION = Shape((
    Field("kop", "text", "de kop", required=True),
    Field("tekst", "text", "de tekst, met opmaak; schrijf 'tekst: |' en de tekst op de regels eronder"),
    Field("nummering", "choice", "hoe de subkoppen genummerd worden", options=NUMMERING),
    Field("secties", "sections", "subhoofdstukken, met dezelfde velden"),
))
SECTION_WITH_TABLE = SECTION.with_fields(Field("tabel", "object", "een tabel onder de tekst", shape=TABLE))

DECISION_META = (
    Field("door", "text", "wie besliste (persoon-id of naam)"),
    Field("op", "moment", "wanneer (JJJJ-MM-DD of JJJJ-MM-DD UU:MM:SS)"),
    Field("reden", "text", "waarom"),
)


def woo_shape(documents: tuple[str, ...]) -> Shape:
    """woo.yaml; `documents` are the registered document kinds (for `lakken` and `informatiecategorie`)."""
    return Shape((
        Field("openbaarmaking", "object", "de openbaarmaking",
              shape=Shape((Field("datum", "date", "de datum van openbaarmaking", required=True),))),
        Field("personen", "objects", "per dossier afwijken van de rol in personen.yaml", shape=Shape((
            Field("persoon", "id", "persoon-id", required=True),
            Field("lakken", "bool", "ja: gelakt; nee: zichtbaar", required=True), *DECISION_META))),
        Field("lakken", "objects", "passages die gelakt worden, naast persoonsgegevens", shape=Shape((
            Field("document", "choice", "het document", required=True, options=documents),
            Field("passage", "text", "de tekst precies zoals hij in de content staat", required=True),
            Field("grond", "choice", "de Woo-grond", required=True, options=WOO_GRONDEN),
            Field("toelichting", "text", "de toelichting bij de lakking"), *DECISION_META))),
        Field("toegestaan", "text_or_object", "bevindingen die bekeken en goedgekeurd zijn",
              shape=Shape((Field("tekst", "text", "de toegestane tekst", required=True), *DECISION_META))),
        Field("informatiecategorie", "map", "de DiWoo-informatiecategorie per document", options=documents),
        Field("vrijgave", "object", "wie de openbare versie vrijgaf en wanneer", shape=Shape((
            Field("door", "text", "wie", required=True),
            Field("op", "moment", "wanneer (JJJJ-MM-DD UU:MM:SS)", required=True)))),
    ))
