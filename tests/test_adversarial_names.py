"""Adversarial redaction fixtures: Dutch text as civil servants write and paste it (issue 10).

Each case is a dossier built in code and run through the real loading, model and redaction
(no LibreOffice). `python -m tests.test_adversarial_names` prints the count per outcome.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from tests.adversarial import NOTA_FILE, OUTCOMES, Case, nota, run
from tests.helpers import DOSSIER_YAML, KAMERBRIEF_YAML, RAPPORTAGE_YAML

T = Case.text
OUW = ["ouwehand"]
PHONE = ["612345678"]
DOSSIER = "d1/dossier.yaml"


def _dossier(**fields: str) -> str:
    text = DOSSIER_YAML.replace("opsteller: avries", "opsteller: pvdberg")
    for key, value in fields.items():
        old = next(line for line in text.splitlines() if line.startswith(key + ":"))
        text = text.replace(old, f"{key}: {value}")
    return text


def _quoted(yaml_escaped: str) -> dict[str, str]:
    """A nota whose first tekst is one double-quoted YAML string (escapes allowed), on line 7."""
    return {NOTA_FILE: nota("X").replace("    tekst: |\n      X\n", f'    tekst: "{yaml_escaped}"\n')}


def _woo(*, toegestaan: list[str] = (), lakken: str = "") -> str:  # type: ignore[assignment]
    text = "openbaarmaking:\n  datum: 2024-01-15\n"
    if lakken:
        text += f'lakken:\n  - document: nota\n    passage: "{lakken}"\n    grond: "5.1.2e"\n'
    if toegestaan:
        text += "toegestaan:\n" + "".join(f'  - "{t}"\n' for t in toegestaan)
    return text


def _with_bijlage(kind: str, body: str) -> dict[str, str]:
    return {NOTA_FILE: nota("Zie de bijlage.").replace("bijlagen: []", f"bijlagen: [{kind}]"),
            f"d1/{kind}.yaml": body}


CASES = [
    # --- genitive, possessive, compounds, markup across the name
    T("gen-s", "genitief", "Ouwehands voorstel is aangenomen.", secrets=OUW),
    T("gen-markup", "genitief", "*Ouwehand*s voorstel is aangenomen.", secrets=OUW),
    T("gen-apos", "genitief", "Ouwehand's voorstel is aangenomen.", secrets=OUW),
    T("gen-curly", "genitief", "Ouwehand\u2019s voorstel is aangenomen.", secrets=OUW),
    T("gen-claes", "genitief", "Dat was Claes' voorstel.", secrets=["claes"]),
    T("gen-voornaam", "genitief", "Joosts voorstel is aangenomen.", secrets=["joost"]),
    T("compound", "samenstelling", "Het Ouwehand-memo ligt klaar.", secrets=OUW),
    T("compound-claes", "samenstelling", "De Claes-notitie ligt klaar.", secrets=["claes"]),
    T("markup-split", "opmaak", "**Ouwe**hand belde gisteren.", secrets=OUW),
    T("caps", "hoofdletters", "Het voorstel van OUWEHAND is aangenomen.", secrets=OUW),
    # --- the first name alone
    T("voornaam", "voornaam", "Joost belde gisteren.", secrets=["joost"]),
    T("voornaam-fatma", "voornaam", "Fatma schreef een notitie.", secrets=["fatma"]),
    T("voornaam-mid", "voornaam", "Volgens Joost is dat haalbaar.", secrets=["joost"]),
    # --- URLs, e-mail, file names
    T("url-linkedin", "url", "Zie linkedin.com/in/joost-ouwehand voor het profiel.", secrets=OUW),
    T("file-underscore", "bestandsnaam", "Het bestand notitie_ouwehand_v2.docx staat klaar.", secrets=OUW),
    T("url-caps", "url", "Zie https://example.org/team/OUWEHAND.html voor meer.", secrets=OUW),
    T("url-dot", "url", "Zie https://example.org/j.ouwehand/cv voor meer.", secrets=OUW),
    T("mail-at-brackets", "e-mail", "Mail naar j.ouwehand[at]minezk.nl voor vragen.", secrets=OUW),
    T("mail-spaced", "e-mail", "Mail naar j.ouwehand @ minezk.nl voor vragen.", secrets=OUW),
    T("mail-caps", "e-mail", "Mail naar J.OUWEHAND@MINEZK.NL voor vragen.", secrets=OUW),
    T("mail-percent", "e-mail", "Klik op mailto:j.ouwehand%40minezk.nl voor vragen.", secrets=OUW),
    T("mail-percent-all", "e-mail", "Klik op mailto:j%2Eouwehand%40minezk%2Enl voor vragen.", secrets=OUW),
    T("mail-plain", "e-mail", "Mail naar fatma.demir@minezk.nl voor vragen.", secrets=["fatma", "demir"]),
    T("folder", "bestandsnaam", "De stukken staan in S:/Beleid/Ouwehand_J/concept.", secrets=OUW),
    # --- text pasted from Word: invisible characters inside the name
    T("soft-hyphen", "onzichtbaar", "Ouwe\u00adhand belde gisteren.", secrets=OUW),
    T("zwsp", "onzichtbaar", "Ouwe\u200bhand belde gisteren.", secrets=OUW),
    T("zwj", "onzichtbaar", "Ouwe\u200dhand belde gisteren.", secrets=OUW),
    T("zwnj", "onzichtbaar", "Ouwe\u200chand belde gisteren.", secrets=OUW),
    T("word-joiner", "onzichtbaar", "Ouwe\u2060hand belde gisteren.", secrets=OUW),
    T("bom-inside", "onzichtbaar", "Ouwe\ufeffhand belde gisteren.", secrets=OUW),
    T("nbsp-full", "spaties", "Joost\u00a0Ouwehand belde gisteren.", secrets=OUW + ["joost"]),
    T("narrow-nbsp", "spaties", "J.\u202fOuwehand belde gisteren.", secrets=OUW),
    T("nfd", "diakrieten", "Mevrouw Demir en Fatma\u0301 belden.", secrets=["demir", "fatma"]),
    T("fullwidth-letters", "breed", "\uff2f\uff55\uff57\uff45\uff48\uff41\uff4e\uff44 belde gisteren.", secrets=OUW),
    T("rlo", "bidi", "Gisteren belde \u202ednahewuO\u202c nog.", secrets=OUW, expect="stop-loc"),
    T("cyrillic-o", "schrift", "\u041euwehand belde gisteren.", secrets=OUW, expect="stop-loc"),
    T("cyrillic-e", "schrift", "Ouw\u0435hand belde gisteren.", secrets=OUW, expect="stop-loc"),
    T("greek-o", "schrift", "Ouwehand en Jo\u03bfst belden.", secrets=OUW + ["joost"], expect="stop-loc"),
    # --- control characters docxtpl or XML cannot carry
    Case("form-feed", "controle", _quoted("Ouwe\\fhand belde gisteren."), secrets=OUW, where=(NOTA_FILE, 7),
         expect="stop-loc"),
    Case("bell", "controle", _quoted("Ouwe\\ahand belde gisteren."), secrets=OUW, where=(NOTA_FILE, 7),
         expect="stop-loc"),
    Case("vtab", "controle", _quoted("Eerste\\vtweede regel."), where=(NOTA_FILE, 7), expect="stop-loc"),
    Case("nul", "controle", _quoted("Eerste\\0tweede regel."), where=(NOTA_FILE, 7), expect="stop-loc"),
    # --- a footnote inside the surname
    T("footnote-inside", "voetnoot", "Ouwe^[Zie bijlage.]hand belde gisteren.", secrets=OUW),
    T("footnote-body", "voetnoot", "Zie de noot.^[Gesprek met Ouwehands team.]", secrets=OUW),
    # --- telephone numbers
    T("phone-fullwidth", "telefoon", "Bel \uff10\uff16 \uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18 voor vragen.",
      secrets=PHONE),
    T("phone-emdash", "telefoon", "Bel 06\u201412345678 voor vragen.", secrets=PHONE),
    T("phone-figure-dash", "telefoon", "Bel 06\u201212345678 voor vragen.", secrets=PHONE),
    T("phone-minus", "telefoon", "Bel 06\u221212345678 voor vragen.", secrets=PHONE),
    T("phone-one-by-one", "telefoon", "Bel 0 6 1 2 3 4 5 6 7 8 voor vragen.", secrets=PHONE),
    T("phone-endash", "telefoon", "Bel 070\u2013456 78 90 voor vragen.", secrets=["704567890"]),
    T("phone-nbsp", "telefoon", "Bel 06\u00a012345678 voor vragen.", secrets=PHONE),
    T("phone-dots", "telefoon", "Bel 06.12.34.56.78 voor vragen.", secrets=PHONE),
    T("phone-intl", "telefoon", "Bel +31\u00a06\u00a01234\u00a05678 voor vragen.", secrets=PHONE),
    # --- the paraaf
    # the kenmerk is also an identifier in the inventory, DiWoo and manifest: a paraaf in it stops woo there
    Case("kenmerk-paraaf", "paraaf", {DOSSIER: _dossier(kenmerk='"DB-JOu/26061157"')}, secrets=["jou"],
         where=(DOSSIER, 1), expect="stop-loc"),
    Case("kenmerk-paraaf-glued", "paraaf", {DOSSIER: _dossier(kenmerk='"26061157JOu"')}, secrets=["jou"],
         where=(DOSSIER, 1), expect="stop-loc"),
    Case("kenmerk-paraaf-underscore", "paraaf", {DOSSIER: _dossier(kenmerk='"PSG_PvdB_26061157"')},
         secrets=["pvdb"], where=(DOSSIER, 1), expect="stop-loc"),
    Case("kenmerk-eu", "paraaf", {DOSSIER: _dossier(kenmerk='"EU-2023/115"')}, secrets=["eu2023"],
         where=(DOSSIER, 1), expect="stop-loc"),
    T("paraaf-prose", "paraaf", "Akkoord na overleg, PvdB.", secrets=["pvdb"]),
    # --- the texts that also reach the inventory
    Case("onderwerp", "velden", {DOSSIER: _dossier(onderwerp='"Voorstel van Ouwehand"')}, secrets=OUW,
         where=(DOSSIER, 2)),
    Case("titel", "velden", _with_bijlage("rapportage", RAPPORTAGE_YAML.replace(
        'titel: "Rapportage"', 'titel: "Rapportage van J. Ouwehand"')), secrets=OUW, where=("d1/rapportage.yaml", 1)),
    Case("betreft", "velden", _with_bijlage("kamerbrief", KAMERBRIEF_YAML.replace(
        'betreft: "Uitvoering motie 21"', 'betreft: "Brief opgesteld door Joost Ouwehand"')), secrets=OUW,
        where=("d1/kamerbrief.yaml", 1)),
    Case("kop", "velden", {NOTA_FILE: nota("Tekst.").replace("kop: Aanleiding", "kop: Voorstel Ouwehand")},
         secrets=OUW, where=(NOTA_FILE, 6)),
    # --- over-redaction: the politician, the place and the word stay
    T("lid-bakker", "overlakken", "Het lid Bakker (VVD) vroeg hierom.", keeps=["Het lid Bakker"]),
    T("kamerlid-bakker", "overlakken", "Kamerlid Bakker vroeg hierom.", keeps=["Kamerlid Bakker"]),
    T("mention-bakker", "overlakken", "Het lid @kbakker vroeg hierom.", keeps=["Het lid Bakker"]),
    T("mention-bare", "overlakken", "Zoals @kbakker vroeg, komt er een brief.", keeps=["Zoals Bakker vroeg"]),
    T("den-haag", "overlakken", "De bijeenkomst is in Den Haag.", keeps=["in Den Haag"]),
    Case("den-haag-address", "overlakken", _with_bijlage("kamerbrief", KAMERBRIEF_YAML),
         keeps=["2500 EK Den Haag"]),
    T("haags", "overlakken", "Het Haags Protocol geldt.", keeps=["Haags Protocol"]),
    T("eu-subsidie", "overlakken", "De EU-subsidie wordt verhoogd.", keeps=["EU-subsidie"]),
    T("eu-word", "overlakken", "De EU heeft ingestemd.", keeps=["De EU heeft"], expect="stop-loc"),
    T("koning-wa", "overlakken", "Koning Willem-Alexander opende de zitting.", keeps=["Koning Willem-Alexander"]),
    T("de-koning", "overlakken", "De wet is door de Koning bekrachtigd.", keeps=["de Koning"]),
    T("post-word", "overlakken", "Post wordt dagelijks bezorgd.", keeps=["Post wordt"], expect="stop-loc"),
    T("visserij", "overlakken", "De visserij en een visser op zee.", keeps=["visserij", "een visser"]),
    T("minister", "overlakken", "Minister Adriaansens besloot.", keeps=["Adriaansens"]),
    # --- ambiguity: context decides, or a person does
    T("initials-decide", "context", "R. Bakker belde gisteren.", secrets=["bakker"]),
    T("collega-decides", "context", "Collega Bakker belde gisteren.", secrets=["bakker"]),
    T("mevrouw-koning", "context", "Mevrouw Koning belde gisteren.", secrets=["koning"]),
    T("initial-post", "context", "J. Post belde gisteren.", secrets=["post"]),
    T("vissers-gen", "genitief", "Vissers voorstel is aangenomen.", secrets=["visser"]),
    T("bakker-bare", "dubbelzinnig", "Bakker belde gisteren.", secrets=["bakker"], expect="stop-loc"),
    T("de-heer-bakker", "dubbelzinnig", "De heer Bakker belde gisteren.", secrets=["bakker"], expect="stop-loc"),
    T("koning-bare", "dubbelzinnig", "Volgens Koning is het plan haalbaar.", secrets=["koning"], expect="stop-loc"),
    Case("doubt-toegestaan", "besluit", {NOTA_FILE: nota("Post wordt dagelijks bezorgd."), "d1/woo.yaml": _woo(
        toegestaan=["Post wordt dagelijks bezorgd"])}, keeps=["Post wordt"]),
    Case("doubt-lakken", "besluit", {NOTA_FILE: nota("Volgens Koning is het plan haalbaar."), "d1/woo.yaml": _woo(
        lakken="Volgens Koning")}, secrets=["koning"]),
    Case("lakken-soft-hyphen", "besluit", {NOTA_FILE: nota("Het voor\u00adstel van de directie is vertrouwelijk."),
                                           "d1/woo.yaml": _woo(lakken="voorstel van de directie")},
         secrets=["voorstelvandedirectie"], where=("d1/woo.yaml", 5)),
    T("fullwidth-at", "e-mail", "Mail naar j.ouwehand\uff20minezk.nl voor vragen.", secrets=OUW),
    T("url-percent-letter", "url", "Zie https://example.org/?q=Ouwe%68and voor meer.", secrets=OUW),
    T("phone-brackets", "telefoon", "Bel (06) 1234 5678 voor vragen.", secrets=PHONE),
    Case("table-cell", "velden", _with_bijlage("rapportage", RAPPORTAGE_YAML.replace(
        "- [x, y]", "- [Ouwehands notitie, y]")), secrets=OUW, where=("d1/rapportage.yaml", 10)),
    Case("heading-caps", "hoofdletters", {NOTA_FILE: nota("Tekst.").replace("kop: Aanleiding",
                                                                            "kop: VOORSTEL OUWEHAND")},
         secrets=OUW, where=(NOTA_FILE, 6)),
    T("url-common-surname", "dubbelzinnig", "Zie www.post.nl/uitleg voor meer.", keeps=["www.post.nl"],
      expect="stop-loc"),
    T("url-shared-surname", "dubbelzinnig", "Zie tweedekamer.nl/kamerleden/bakker voor meer.", keeps=["bakker"],
      expect="stop-loc"),
    T("url-strong-common", "url", "Zie linkedin.com/in/j-post voor meer.", secrets=["jpost"]),
    T("file-january", "overlakken", "Zie rapport_jan_2024.pdf en notitie_joost.docx.", secrets=["joost"],
      keeps=["rapport_jan_2024.pdf"]),
    T("post-bare", "dubbelzinnig", "Het voorstel van Post is haalbaar.", secrets=["voorstelvanpost"],
      expect="stop-loc"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    outcome, detail = run(case, tmp_path / "content")
    assert outcome == case.expect, detail


def test_every_case_has_a_unique_id() -> None:
    assert len({c.id for c in CASES}) == len(CASES) >= 60


def main() -> int:
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(CASES):
            outcome, detail = run(case, Path(tmp) / str(i))
            counts[outcome] += 1
            mark = "" if outcome == case.expect else "  <-- verwacht " + case.expect
            print(f"{case.id:28} {case.klass:14} {outcome:10} {detail[:110]}{mark}")
    print(len(CASES), "gevallen:", ", ".join(f"{o} {counts[o]}" for o in OUTCOMES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
